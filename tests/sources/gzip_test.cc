#include "pipeline/decode/gzip.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "warc_writer.h"

namespace vnie {
namespace {

using testing_warc::Deflate;
using testing_warc::GzipMember;

const std::string kText = "Bộ Tài chính phát hành 2 tỷ USD trái phiếu ngày 2/7/2024.\n";

TEST(Gzip, LooksGzipByMagic) {
  EXPECT_TRUE(LooksGzip(GzipMember("x")));
  EXPECT_TRUE(LooksGzip("\x1f\x8b"));
  EXPECT_FALSE(LooksGzip("\x1f"));
  EXPECT_FALSE(LooksGzip("<html>"));
  EXPECT_FALSE(LooksGzip(""));
}

TEST(Gzip, InflatesOneMember) {
  InflateResult r = Gunzip(GzipMember(kText), 1 << 20);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.bytes, kText);
}

TEST(Gzip, InflatesEveryMemberInTurn) {
  InflateResult r = Gunzip(GzipMember("first, ") + GzipMember("") + GzipMember("second"), 1 << 20);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.bytes, "first, second");
}

TEST(Gzip, IgnoresZeroPaddingAfterTheLastMember) {
  InflateResult r = Gunzip(GzipMember(kText) + std::string(512, '\0'), 1 << 20);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.bytes, kText);
}

TEST(Gzip, GarbageAfterAMemberIsAnErrorAtItsByte) {
  std::string member = GzipMember(kText);
  InflateResult r = Gunzip(member + "trailing text", 1 << 20);
  EXPECT_EQ(r.error, "not gzip data at byte " + std::to_string(member.size()));
  EXPECT_EQ(r.bytes, kText);
}

TEST(Gzip, NotGzipAtAll) {
  EXPECT_EQ(Gunzip("plain text", 100).error, "not gzip data at byte 0");
  EXPECT_EQ(Gunzip("", 100).error, "not gzip data at byte 0");
}

TEST(Gzip, TruncatedDataEndsEarly) {
  std::string member = GzipMember(kText + kText);
  for (size_t cut : {size_t{2}, size_t{10}, member.size() / 2, member.size() - 1}) {
    InflateResult r = Gunzip(std::string_view(member).substr(0, cut), 1 << 20);
    EXPECT_EQ(r.error, "gzip data ends early at byte " + std::to_string(cut)) << "cut at " << cut;
  }
}

TEST(Gzip, ABadChecksumIsCorrupt) {
  std::string member = GzipMember(kText);
  member[member.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  InflateResult r = Gunzip(member, 1 << 20);
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.error->starts_with("gzip data is corrupt at byte ")) << *r.error;
}

TEST(Gzip, ABombStopsAtTheLimit) {
  std::string bomb = GzipMember(std::string(8 << 20, '\0'));  // 8 MiB of zeros, ~8 KiB packed
  ASSERT_LT(bomb.size(), 20u << 10);
  InflateResult r = Gunzip(bomb, 1 << 20);
  EXPECT_EQ(r.error, "inflated size passes the limit of 1048576 bytes");
  EXPECT_LE(r.bytes.size(), 1u << 20);
}

TEST(Gzip, NoLimitMeansNoLimit) {
  InflateResult r = Gunzip(GzipMember(kText), SIZE_MAX);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.bytes, kText);
}

TEST(Gzip, OutputOfExactlyTheLimitIsFine) {
  InflateResult r = Gunzip(GzipMember(std::string(1000, 'a')), 1000);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.bytes.size(), 1000u);
  EXPECT_TRUE(Gunzip(GzipMember(std::string(1001, 'a')), 1000).error);
}

TEST(InflateHttpBody, UndoesEachContentEncoding) {
  struct Case {
    std::string coding, body;
  } cases[] = {
      {"", kText},
      {"identity", kText},
      {"gzip", GzipMember(kText)},
      {"x-gzip", GzipMember(kText)},
      {"GZip ", GzipMember(kText)},
      {"deflate", Deflate(kText, 15)},   // zlib-wrapped, as the standard says
      {"deflate", Deflate(kText, -15)},  // raw, as some servers send it
      {"gzip, identity", GzipMember(kText)},
      {"deflate, gzip", GzipMember(Deflate(kText, 15))},
  };
  for (const Case& c : cases) {
    InflateResult r = InflateHttpBody(c.body, c.coding, 1 << 20);
    ASSERT_FALSE(r.error) << c.coding << ": " << *r.error;
    EXPECT_EQ(r.bytes, kText) << c.coding;
  }
}

TEST(InflateHttpBody, ErrorsNameTheProblem) {
  EXPECT_EQ(InflateHttpBody("...", "br", 100).error, "unsupported Content-Encoding: br");
  EXPECT_EQ(InflateHttpBody(std::string(101, 'a'), "identity", 100).error,
            "body of 101 bytes passes the limit of 100 bytes");
  EXPECT_EQ(InflateHttpBody(GzipMember(std::string(101, 'a')), "gzip", 100).error,
            "inflated size passes the limit of 100 bytes");
  std::string cut = Deflate(kText, 15).substr(0, 8);
  EXPECT_EQ(InflateHttpBody(cut, "deflate", 100).error, "deflate data ends early at byte 8");
}

TEST(GunzipPrefix, ReadsTheStartOfATruncatedStream) {
  std::string member = GzipMember("WARC/1.1\r\n" + testing_warc::NoisyText(5000));
  EXPECT_EQ(GunzipPrefix(member.substr(0, member.size() / 2), 7), "WARC/1.");
  EXPECT_EQ(GunzipPrefix("WARC/1.1", 7), "");
  EXPECT_EQ(GunzipPrefix(GzipMember("ab"), 7), "ab");
}

}  // namespace
}  // namespace vnie
