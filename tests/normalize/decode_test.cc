// Decoding: BOMs, strict UTF-8, the legacy charts both ways, detection.
#include <gtest/gtest.h>

#include "pipeline/decode/decoder.h"
#include "pipeline/decode/legacy_codec.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

const std::string kSentence =
    "Thống đốc Ngân hàng Nhà nước cho biết tín dụng tăng trưởng ổn định, "
    "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên và Phó Thủ tướng đã làm việc với "
    "Ủy ban nhân dân Thành phố Hồ Chí Minh về kế hoạch đầu tư năm nay.";

TEST(Decode, Utf8WithAndWithoutBom) {
  DecodeResult a = DecodeDetect(kSentence);
  EXPECT_EQ(a.encoding, "UTF-8");
  EXPECT_EQ(a.text, kSentence);
  DecodeResult b = DecodeDetect("\xEF\xBB\xBF" + kSentence);
  EXPECT_EQ(b.encoding, "UTF-8");
  EXPECT_EQ(b.text, kSentence);
}

TEST(Decode, Utf16WithBom) {
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    auto bytes = EncodeAs(kSentence, enc);
    ASSERT_TRUE(bytes);
    std::string bom = std::string(enc) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    DecodeResult r = DecodeDetect(bom + *bytes);
    EXPECT_EQ(r.encoding, enc);
    EXPECT_EQ(r.text, kSentence);
  }
}

TEST(Decode, LegacyChartsRoundTripEveryVietnameseLetter) {
  std::string letters =
      "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
  std::string all = letters + " " + ToNfc(letters);
  // Uppercase too.
  std::string upper = "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
  for (const char* enc : {"VISCII", "TCVN3", "VNI"}) {
    for (const std::string& text : {letters, upper}) {
      int64_t lost = 0;
      auto bytes = EncodeAs(text, enc, &lost);
      ASSERT_TRUE(bytes) << enc;
      EXPECT_EQ(lost, 0) << enc;
      DecodeResult r = DecodeAs(*bytes, enc);
      EXPECT_FALSE(r.error) << enc;
      EXPECT_EQ(ToNfc(r.text), text) << enc;
    }
  }
}

TEST(Decode, VniIsBaseLetterPlusMarkByte) {
  // "Việt Nam" in the VNI-Windows font encoding reads "Vieät Nam" in Latin-1.
  DecodeResult r = DecodeAs("Vie\xE4t Nam \xD1" "a\xF8 Na\xFCng, th\xF6\xF4\xF9" "c", "VNI");
  EXPECT_EQ(r.text, "Việt Nam Đà Nẵng, thước");
}

TEST(Decode, DetectsEachLegacyEncoding) {
  for (const char* enc : {"windows-1258", "VISCII", "TCVN3", "VNI"}) {
    auto bytes = EncodeAs(kSentence, enc);
    ASSERT_TRUE(bytes) << enc;
    DecodeResult r = DecodeDetect(*bytes);
    EXPECT_EQ(r.encoding, enc);
    EXPECT_EQ(ToNfc(r.text), kSentence) << enc;
  }
}

TEST(Decode, ForcedEncodingOverridesDetection) {
  auto bytes = EncodeAs(kSentence, "VISCII");
  DecodeResult r = DecodeAs(*bytes, "viscii");
  EXPECT_EQ(r.encoding, "VISCII");
  DecodeResult u = DecodeAs("\xEF\xBB\xBFplain", "utf-8");
  EXPECT_EQ(u.text, "plain");
  EXPECT_TRUE(DecodeAs("x", "no-such-encoding").error);
}

TEST(Decode, InvalidSequencesAreCountedAndMostlyInvalidIsRejected) {
  DecodeResult some = DecodeAs("abc\xFF" "def", "UTF-8");
  EXPECT_FALSE(some.error);
  EXPECT_EQ(some.invalid_sequences, 1);
  EXPECT_NE(some.text.find("\xEF\xBF\xBD"), std::string::npos);
  std::string junk(200, '\xFF');
  EXPECT_TRUE(DecodeAs(junk, "UTF-8").error);
  EXPECT_TRUE(DecodeDetect(std::string("\x00\x01\x02\x03", 4) + junk).error);
}

TEST(Decode, TextInAnUnsupportedEncodingIsRejectedWesternTextIsKept) {
  // Russian in windows-1251: every letter a high byte, no reading is Vietnamese.
  auto cyrillic = EncodeAs("Правительство России объявило о новых мерах поддержки экономики.", "windows-1251");
  ASSERT_TRUE(cyrillic);
  DecodeResult r = DecodeDetect(*cyrillic);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->find("undecodable"), std::string::npos) << *r.error;
  // French in windows-1252: few high bytes, kept as text.
  auto french = EncodeAs("Le ministre a annoncé un accord économique avec le Vietnam le 3 février.", "windows-1252");
  ASSERT_TRUE(french);
  DecodeResult f = DecodeDetect(*french);
  EXPECT_FALSE(f.error);
  EXPECT_NE(f.text.find("annonc"), std::string::npos);
}

TEST(Decode, StrayBytesKeepUtf8AndALegacyEncodingNeedsLettersInSeveralWords) {
  // UTF-8 with a stray byte, or cut inside its last character.
  const size_t space = kSentence.find(' ', 40);
  for (const std::string& bytes :
       {kSentence.substr(0, space) + "\xFF" + kSentence.substr(space), kSentence + " \xE1\xBB",
        std::string("Exports rose 5\x80 in May."), std::string("Caf\xE9 prices rose.")}) {
    DecodeResult r = DecodeDetect(bytes);
    EXPECT_FALSE(r.error) << bytes;
    EXPECT_EQ(r.encoding, "UTF-8") << bytes;
    EXPECT_EQ(r.invalid_sequences, 1) << bytes;
  }
  // Two Vietnamese words in windows-1258 are enough; so are Western words
  // whose bytes above 0x7F read as letters.
  for (const std::string& text : {std::string("Hà Nội"), std::string("Le ministre a annoncé un accord économique.")}) {
    auto bytes = EncodeAs(text, "windows-1258");
    ASSERT_TRUE(bytes);
    DecodeResult r = DecodeDetect(*bytes);
    EXPECT_EQ(r.encoding, "windows-1258") << text;
    EXPECT_EQ(ToNfc(r.text), text);
  }
}

TEST(Decode, IsValidUtf8IsStrict) {
  EXPECT_TRUE(IsValidUtf8(kSentence));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE1\xBA"));          // truncated
}

}  // namespace
}  // namespace vnie
