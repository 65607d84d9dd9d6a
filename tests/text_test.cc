#include <gtest/gtest.h>

#include "pipeline/decode/decoder.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

TEST(AsciiFold, VietnameseAndKoreanNames) {
  EXPECT_EQ(AsciiFold("Nguyễn Hồng Diên"), "nguyen hong dien");
  EXPECT_EQ(AsciiFold("ĐẶNG Đình"), "dang dinh");
  EXPECT_EQ(AsciiFold("Park Ki-young"), "park ki young");
  EXPECT_EQ(AsciiFold("  Woo  Won-shik, "), "woo won shik");
}

TEST(ToNfc, ComposesDecomposedVietnamese) {
  EXPECT_EQ(ToNfc("Vie\xCC\xA3\xCC\x82t"), "Việt");  // e + dot below + circumflex
  EXPECT_EQ(ToNfc("plain ascii"), "plain ascii");
}

TEST(Decoder, Utf8WithAndWithoutBom) {
  DecodeResult a = DecodeDetect("\xEF\xBB\xBFXin chào");
  EXPECT_EQ(a.encoding, "UTF-8");
  EXPECT_EQ(a.text, "Xin chào");
  EXPECT_FALSE(a.error);
}

TEST(Decoder, Utf16WithBom) {
  std::string bytes("\xFF\xFE" "X\0i\0n\0", 8);
  DecodeResult r = DecodeDetect(bytes);
  EXPECT_EQ(r.encoding, "UTF-16LE");
  EXPECT_EQ(r.text, "Xin");
}

TEST(Decoder, BinaryIsAnError) {
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  DecodeResult r = DecodeDetect(bytes);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->find("binary"), std::string::npos);
}

TEST(Decoder, Utf8Validity) {
  EXPECT_TRUE(IsValidUtf8("đồng"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));        // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));    // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE1\xBB"));        // truncated
}

}  // namespace
}  // namespace vnie
