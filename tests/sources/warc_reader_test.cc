#include "pipeline/sources/warc_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/decode/gzip.h"
#include "test_paths.h"
#include "warc_writer.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::WriteFile;
using testing_warc::GzipMember;
using testing_warc::WarcRecordText;

const std::string kHtml =
    "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin</title></head>"
    "<body><p>Ngày 2/7/2024, Bộ Tài chính phát hành 2 tỷ USD trái phiếu.</p></body></html>\n";

// kHtml gzip-encoded and sent in two chunks, as a server streaming it would.
std::string ChunkedGzipResponse() {
  std::string gz = GzipMember(kHtml);
  size_t half = gz.size() / 2;
  auto chunk = [](std::string_view data) {
    char size[20];
    std::snprintf(size, sizeof size, "%zx", data.size());
    return std::string(size) + "\r\n" + std::string(data) + "\r\n";
  };
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"UTF-8\"\r\n"
         "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
         chunk(gz.substr(0, half)) + chunk(gz.substr(half)) + "0\r\n\r\n";
}

// The records every archive test writes, in order.
std::vector<std::string> SampleRecords() {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(40, '\0');
  return {
      WarcRecordText("warcinfo", "", "application/warc-fields",
                     "software: vnie-test\r\nformat: WARC File Format 1.1\r\n"),
      WarcRecordText("request", "https://example.vn/kinh-te/trai-phieu.html",
                     "application/http; msgtype=request",
                     "GET /kinh-te/trai-phieu.html HTTP/1.1\r\nHost: example.vn\r\n\r\n"),
      WarcRecordText("response", "https://example.vn/kinh-te/trai-phieu.html",
                     "application/http; msgtype=response", ChunkedGzipResponse()),
      WarcRecordText("response", "https://example.vn/logo.png",
                     "application/http; msgtype=response",
                     "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + png),
      WarcRecordText("revisit", "https://example.vn/kinh-te/trai-phieu.html",
                     "application/http; msgtype=response", "HTTP/1.1 304 Not Modified\r\n\r\n"),
      WarcRecordText("response", "<https://example.vn/tin-tức/bài-1>",
                     "application/http; msgtype=response",
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kHtml),
  };
}

struct Archive {
  std::string bytes;
  std::vector<uint64_t> offsets;  // where each record's member (or "WARC/") starts
};

Archive Build(const std::vector<std::string>& records, bool gzip) {
  Archive a;
  for (const std::string& r : records) {
    a.offsets.push_back(a.bytes.size());
    a.bytes += gzip ? GzipMember(r) : r;
  }
  return a;
}

struct ReadResult {
  std::vector<WarcRecord> records;
  std::optional<std::string> error;
};

ReadResult ReadAll(const std::string& path, size_t max_record_bytes = 1 << 20,
                   size_t chunk_bytes = 64 * 1024) {
  ReadResult result;
  WarcReader reader(path, max_record_bytes, chunk_bytes);
  WarcRecord record;
  while (reader.Next(&record)) result.records.push_back(record);
  EXPECT_FALSE(reader.Next(&record)) << "Next() after the end";
  result.error = reader.error();
  return result;
}

// Small chunks put every header, block and member boundary across reads.
class WarcChunks : public testing::TestWithParam<size_t> {};
INSTANTIATE_TEST_SUITE_P(Sizes, WarcChunks, testing::Values(2, 7, 64 * 1024));

TEST_P(WarcChunks, ReadsEveryRecordOfAGzipArchiveWithMemberOffsets) {
  TempDir dir;
  Archive a = Build(SampleRecords(), /*gzip=*/true);
  WriteFile(dir / "crawl.warc.gz", a.bytes);
  ReadResult r = ReadAll(dir / "crawl.warc.gz", 1 << 20, GetParam());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 6u);
  const char* types[] = {"warcinfo", "request", "response", "response", "revisit", "response"};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(r.records[i].offset, a.offsets[i]) << i;
    EXPECT_EQ(r.records[i].type, types[i]) << i;
    EXPECT_EQ(r.records[i].date, "2024-07-02T08:30:00Z") << i;
    EXPECT_EQ(r.records[i].block.size(), r.records[i].block_size) << i;
    EXPECT_FALSE(r.records[i].block_skipped) << i;
  }
  EXPECT_EQ(r.records[0].target_uri, "");
  EXPECT_EQ(r.records[0].content_type, "application/warc-fields");
  EXPECT_EQ(r.records[2].target_uri, "https://example.vn/kinh-te/trai-phieu.html");
  EXPECT_EQ(r.records[2].content_type, "application/http; msgtype=response");
  EXPECT_EQ(r.records[2].block, ChunkedGzipResponse());
  EXPECT_EQ(r.records[5].target_uri, "https://example.vn/tin-tức/bài-1");  // <> dropped, UTF-8 kept

  // What a caller does next: keep the HTML responses, skip the rest by their HTTP headers.
  std::string error;
  std::optional<HttpResponse> image = ParseHttpResponse(r.records[3].block, 1 << 20, &error);
  ASSERT_TRUE(image) << error;
  EXPECT_EQ(image->content_type, "image/png");
  EXPECT_EQ(image->body.size(), 48u);
  std::optional<HttpResponse> revisit = ParseHttpResponse(r.records[4].block, 1 << 20, &error);
  ASSERT_TRUE(revisit) << error;
  EXPECT_EQ(revisit->status, 304);
  EXPECT_EQ(revisit->body, "");
  std::optional<HttpResponse> page = ParseHttpResponse(r.records[5].block, 1 << 20, &error);
  ASSERT_TRUE(page) << error;
  EXPECT_EQ(page->content_type, "text/html");
  EXPECT_EQ(page->body, kHtml);
}

TEST_P(WarcChunks, ReadsAPlainArchiveWithByteOffsets) {
  TempDir dir;
  Archive a = Build(SampleRecords(), /*gzip=*/false);
  WriteFile(dir / "crawl.warc", a.bytes);
  ReadResult r = ReadAll(dir / "crawl.warc", 1 << 20, GetParam());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(r.records[i].offset, a.offsets[i]) << i;
    EXPECT_EQ(a.bytes.substr(a.offsets[i], 5), "WARC/");
  }
  EXPECT_EQ(r.records[3].block.substr(0, 15), "HTTP/1.1 200 OK");
}

TEST_P(WarcChunks, ReadsAWholeFileCompressedAsOneStream) {
  TempDir dir;
  Archive plain = Build(SampleRecords(), /*gzip=*/false);
  WriteFile(dir / "one.warc.gz", GzipMember(plain.bytes));
  ReadResult r = ReadAll(dir / "one.warc.gz", 1 << 20, GetParam());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 6u);
  for (const WarcRecord& rec : r.records) EXPECT_EQ(rec.offset, 0u);  // one member holds them all
  EXPECT_EQ(r.records[2].block, ChunkedGzipResponse());
}

TEST_P(WarcChunks, TruncatedInTheLastRecordGivesTheRecordsBeforeThenTheOffset) {
  TempDir dir;
  Archive a = Build(SampleRecords(), /*gzip=*/true);
  size_t last = a.offsets.back();
  WriteFile(dir / "cut.warc.gz", a.bytes.substr(0, last + (a.bytes.size() - last) / 2));
  ReadResult r = ReadAll(dir / "cut.warc.gz", 1 << 20, GetParam());
  EXPECT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.error, "WARC record at byte " + std::to_string(last) + ": gzip data ends early");
}

TEST_P(WarcChunks, TruncatedPlainArchiveSaysHowMuchOfTheBlockCame) {
  TempDir dir;
  std::vector<std::string> records = SampleRecords();
  Archive a = Build(records, /*gzip=*/false);
  size_t last = a.offsets.back();
  std::string cut = a.bytes.substr(0, a.bytes.size() - 50);
  WriteFile(dir / "cut.warc", cut);
  ReadResult r = ReadAll(dir / "cut.warc", 1 << 20, GetParam());
  EXPECT_EQ(r.records.size(), 5u);
  size_t header = records.back().find("\r\n\r\n") + 4;
  size_t block = records.back().size() - header - 4;
  size_t came = cut.size() - last - header;
  EXPECT_EQ(r.error, "WARC record at byte " + std::to_string(last) + ": the block ends early (" +
                         std::to_string(came) + " of " + std::to_string(block) + " bytes)");
}

TEST_P(WarcChunks, GarbageAfterAGoodRecord) {
  TempDir dir;
  std::string first = GzipMember(SampleRecords()[0]);
  WriteFile(dir / "g.warc.gz", first + "this is not a gzip member\n");
  ReadResult gz = ReadAll(dir / "g.warc.gz", 1 << 20, GetParam());
  EXPECT_EQ(gz.records.size(), 1u);
  EXPECT_EQ(gz.error, "WARC record at byte " + std::to_string(first.size()) + ": not gzip data");

  std::string plain = SampleRecords()[0];
  WriteFile(dir / "g.warc", plain + "<html>left over</html>\n");
  ReadResult pl = ReadAll(dir / "g.warc", 1 << 20, GetParam());
  EXPECT_EQ(pl.records.size(), 1u);
  EXPECT_EQ(pl.error, "WARC record at byte " + std::to_string(plain.size()) + ": no WARC header");
}

TEST_P(WarcChunks, ARecordOverTheLimitIsSkippedWithItsSize) {
  TempDir dir;
  std::vector<std::string> records = SampleRecords();
  records.insert(records.begin() + 1,
                 WarcRecordText("resource", "https://example.vn/video.mp4", "video/mp4",
                                std::string(5000, 'v')));
  Archive a = Build(records, /*gzip=*/true);
  WriteFile(dir / "big.warc.gz", a.bytes);
  ReadResult r = ReadAll(dir / "big.warc.gz", 4096, GetParam());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 7u);
  EXPECT_TRUE(r.records[1].block_skipped);
  EXPECT_EQ(r.records[1].block_size, 5000u);
  EXPECT_EQ(r.records[1].block, "");
  EXPECT_EQ(r.records[1].target_uri, "https://example.vn/video.mp4");
  EXPECT_EQ(r.records[2].offset, a.offsets[2]);
  EXPECT_EQ(r.records[2].type, "request");
}

TEST_P(WarcChunks, ARecordSplitOverMembersTakesTheOffsetOfTheMemberWithItsStart) {
  TempDir dir;
  std::vector<std::string> records = SampleRecords();
  std::string second = records[2];
  // Record 0 alone; an empty member; record 1 whole; record 2 cut in two members.
  std::string bytes = GzipMember(records[0]);
  uint64_t empty_at = bytes.size();
  bytes += GzipMember("");
  uint64_t first_at = bytes.size();
  bytes += GzipMember(records[1]);
  uint64_t second_at = bytes.size();
  bytes += GzipMember(second.substr(0, 100)) + GzipMember(second.substr(100));
  WriteFile(dir / "split.warc.gz", bytes);
  ReadResult r = ReadAll(dir / "split.warc.gz", 1 << 20, GetParam());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].offset, 0u);
  EXPECT_GT(first_at, empty_at);
  EXPECT_EQ(r.records[1].offset, first_at);
  EXPECT_EQ(r.records[2].offset, second_at);
  EXPECT_EQ(r.records[2].block, ChunkedGzipResponse());
}

TEST(WarcReader, EveryCutGivesTheRecordsBeforeItThenAnErrorUnlessAtAMemberEnd) {
  TempDir dir;
  Archive a = Build(SampleRecords(), /*gzip=*/true);
  WriteFile(dir / "full.warc.gz", a.bytes);
  ReadResult full = ReadAll(dir / "full.warc.gz");
  // Every member's start and the bytes just after it (inside its gzip
  // header), then every 7th byte, read in chunks of 5.
  std::vector<size_t> cuts;
  for (size_t at : a.offsets) cuts.insert(cuts.end(), {at, at + 1, at + 2, at + 9, at + 10});
  for (size_t cut = 0; cut < a.bytes.size(); cut += 7) cuts.push_back(cut);
  for (size_t cut : cuts) {
    WriteFile(dir / "cut.warc.gz", a.bytes.substr(0, cut));
    ReadResult r = ReadAll(dir / "cut.warc.gz", 1 << 20, 5);
    ASSERT_LE(r.records.size(), full.records.size());
    for (size_t i = 0; i < r.records.size(); ++i) {
      ASSERT_EQ(r.records[i].offset, a.offsets[i]) << "cut " << cut;
      ASSERT_EQ(r.records[i].block, full.records[i].block) << "cut " << cut;
    }
    bool at_member_end = std::find(a.offsets.begin(), a.offsets.end(), cut) != a.offsets.end();
    EXPECT_EQ(r.error.has_value(), !at_member_end) << "cut " << cut;
  }
}

TEST(WarcReader, AFlippedByteNeverCrashesOrHangs) {
  TempDir dir;
  for (bool gzip : {true, false}) {
    Archive a = Build(SampleRecords(), gzip);
    for (size_t at = 0; at < a.bytes.size(); at += 13) {
      std::string bytes = a.bytes;
      bytes[at] = static_cast<char>(bytes[at] ^ 0x5a);
      WriteFile(dir / "flip.warc", bytes);
      ReadResult r = ReadAll(dir / "flip.warc", 1 << 20, 64);
      EXPECT_LE(r.records.size(), a.offsets.size() + 1) << "byte " << at;
    }
  }
}

TEST(WarcReader, ToleratesLfLinesLowercaseNamesAndExtraBlankLines) {
  TempDir dir;
  std::string block = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>x</p>";
  std::string one = "WARC/1.0\nwarc-type: response\nwarc-target-uri: https://example.vn/a\n"
                    "content-length: " + std::to_string(block.size()) + "\n\n" + block + "\n\n";
  std::string two = "WARC/1.0\r\nWARC-TYPE: metadata\r\nContent-Length: 0\r\n\r\n\r\n";
  WriteFile(dir / "lf.warc", "\r\n" + one + "\n\n\n" + two);
  ReadResult r = ReadAll(dir / "lf.warc");
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].offset, 2u);
  EXPECT_EQ(r.records[0].type, "response");
  EXPECT_EQ(r.records[0].target_uri, "https://example.vn/a");
  EXPECT_EQ(r.records[0].block, block);
  EXPECT_EQ(r.records[1].offset, 2 + one.size() + 3);
  EXPECT_EQ(r.records[1].type, "metadata");
  EXPECT_EQ(r.records[1].block, "");
}

TEST(WarcReader, HeaderDamageIsReportedAtTheRecord) {
  TempDir dir;
  std::string good = SampleRecords()[0];
  WriteFile(dir / "nolen.warc", good + "WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n");
  ReadResult r = ReadAll(dir / "nolen.warc");
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.error,
            "WARC record at byte " + std::to_string(good.size()) + ": Content-Length missing");

  WriteFile(dir / "badlen.warc", "WARC/1.1\r\nContent-Length: 12a\r\n\r\n");
  EXPECT_EQ(ReadAll(dir / "badlen.warc").error,
            "WARC record at byte 0: Content-Length is not a number: 12a");

  WriteFile(dir / "header.warc.gz", GzipMember(good) + GzipMember("WARC/1.1\r\nWARC-Type: res"));
  EXPECT_EQ(ReadAll(dir / "header.warc.gz").error,
            "WARC record at byte " + std::to_string(GzipMember(good).size()) +
                ": the WARC header ends early");
}

TEST(WarcReader, EmptyAndMissingFiles) {
  TempDir dir;
  WriteFile(dir / "empty.warc", "");
  ReadResult empty = ReadAll(dir / "empty.warc");
  EXPECT_TRUE(empty.records.empty());
  EXPECT_FALSE(empty.error);
  ReadResult missing = ReadAll(dir / "none.warc.gz");
  EXPECT_EQ(missing.error, (dir / "none.warc.gz") + ": No such file or directory");
}

TEST(WarcFiles, IsWarcPathByName) {
  EXPECT_TRUE(IsWarcPath("crawl.warc"));
  EXPECT_TRUE(IsWarcPath("a/CC-NEWS-20240702.WARC.GZ"));
  EXPECT_FALSE(IsWarcPath("page.html.gz"));
  EXPECT_FALSE(IsWarcPath("warc"));
  EXPECT_FALSE(IsWarcPath("crawl.warc.gz.txt"));
}

TEST(WarcFiles, LooksWarcByContent) {
  std::string record = WarcRecordText("resource", "https://example.vn/a.txt", "text/plain",
                                      testing_warc::NoisyText(5000));
  EXPECT_TRUE(LooksWarc(record.substr(0, 300)));
  std::string gz = GzipMember(record);
  EXPECT_TRUE(LooksWarc(gz.substr(0, 300)));
  EXPECT_FALSE(LooksWarc(GzipMember("<html>")));
  EXPECT_FALSE(LooksWarc("WARC is a format"));
}

TEST(HttpResponse, DechunksInflatesAndReadsTheCharset) {
  std::string error;
  std::optional<HttpResponse> r = ParseHttpResponse(ChunkedGzipResponse(), 1 << 20, &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type, "text/html");
  EXPECT_EQ(r->charset, "UTF-8");
  EXPECT_EQ(r->body, kHtml);
}

TEST(HttpResponse, PlainBodyLfLinesAndNoCharset) {
  std::string error;
  std::optional<HttpResponse> r = ParseHttpResponse(
      "HTTP/1.0 404 Not Found\ncontent-type: Text/HTML ;Charset=windows-1258\n\n<p>x</p>", 100,
      &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->content_type, "text/html");
  EXPECT_EQ(r->charset, "windows-1258");
  EXPECT_EQ(r->body, "<p>x</p>");
  r = ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n", 100, &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->charset, "");
  EXPECT_EQ(r->body, "");
}

TEST(HttpResponse, ABodyStoredAlreadyDecodedIsTakenAsItStands) {
  std::string error;
  std::optional<HttpResponse> r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + kHtml,
      1 << 20, &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->body, kHtml);
}

TEST(HttpResponse, ErrorsSayWhatIsWrong) {
  std::string error;
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n", 100, &error));
  EXPECT_EQ(error, "not an HTTP response (no status line)");
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 100, &error));
  EXPECT_EQ(error, "the HTTP headers end early");
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 OK\r\n\r\n", 100, &error));
  EXPECT_EQ(error, "bad HTTP status line: HTTP/1.1 OK");
  EXPECT_FALSE(ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort", 100, &error));
  EXPECT_EQ(error, "chunked body ends early");
  std::string cut = ChunkedGzipResponse();
  cut.resize(cut.rfind("0\r\n\r\n") - 8);
  EXPECT_FALSE(ParseHttpResponse(cut, 1 << 20, &error));
  EXPECT_EQ(error, "chunked body ends early");
  std::string bomb = GzipMember(std::string(1 << 20, ' '));
  std::string gzipped = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb;
  EXPECT_FALSE(ParseHttpResponse(gzipped, 1000, &error));
  EXPECT_EQ(error, "HTTP body: inflated size passes the limit of 1000 bytes");
}

}  // namespace
}  // namespace vnie
