// Tone placement, character cleanup and the ASCII key form.
#include <gtest/gtest.h>

#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/text/char_cleanup.h"
#include "pipeline/text/tone_placement.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

TEST(TonePlacement, OpenOaOeUyTakeTheToneOnTheFirstVowel) {
  EXPECT_EQ(PlaceTones("hoà thuỷ khoẻ Hoá HOÀ"), "hòa thủy khỏe Hóa HÒA");
  EXPECT_EQ(PlaceTones("Thuỵ Điển, Khánh Hoà, loà xoà"), "Thụy Điển, Khánh Hòa, lòa xòa");
}

TEST(TonePlacement, ClosedSyllablesAndShapedVowelsStay) {
  for (const char* w : {"hoàng", "thuyết", "khoảng", "huỳnh", "người", "tuổi", "quốc", "việt", "toán"}) {
    EXPECT_EQ(PlaceTones(w), w) << w;
  }
}

TEST(TonePlacement, AToneBeforeAShapedVowelMovesToIt) {
  // The tone belongs on the last vowel with a shape mark (ươ -> ơ).
  EXPECT_EQ(PlaceTones("ngừơi trừơng mứơn"), "người trường mướn");
  EXPECT_EQ(PlaceTones("thuở Thuở ươm"), "thuở Thuở ươm");
}

TEST(TonePlacement, AMisplacedToneMovesInEveryShape) {
  // Closed syllables, open triples, qu and gi, in both cases.
  EXPECT_EQ(PlaceTones("hòang Hòang ngòai khúyu qúa QÚA gìa"), "hoàng Hoàng ngoài khuýu quá QUÁ già");
  // Two tones, or a tone in a word that is not a syllable, stay as they are.
  EXPECT_EQ(PlaceTones("tuổị ngoàì"), "tuổị ngoàì");
}

TEST(TonePlacement, QuAndGiAreInitials) {
  EXPECT_EQ(PlaceTones("quý quả giữa già gìn"), "quý quả giữa già gìn");
  EXPECT_EQ(PlaceTones("qúy"), "quý");      // tone on the u of qu moves to the nucleus
  EXPECT_EQ(PlaceTones("gìa"), "già");
}

TEST(TonePlacement, OpenTriplesTakeTheMiddleVowel) {
  EXPECT_EQ(PlaceTones("ngòai khủyu"), "ngoài khuỷu");
}

TEST(TonePlacement, WordsThatAreNotVietnameseStay) {
  for (const char* w : {"Café", "José", "Zoé", "naïve", "Noël", "fiancé", "résumé"}) {
    EXPECT_EQ(PlaceTones(w), w) << w;
  }
}

TEST(TonePlacement, AlternatePlacementIsTheInverse) {
  std::string modern = "hòa thủy khỏe Hóa hoàng quý ngoài";
  std::string alt = PlaceTones(modern, TonePlacement::kAlternate);
  EXPECT_EQ(alt, "hoà thuỷ khoẻ Hoá hoàng quý ngoài");
  EXPECT_EQ(PlaceTones(alt), modern);
}

TEST(TonePlacement, StrayAndDoubledMarksAttach) {
  // A tone typed after the final consonant, composed by NFC with it.
  EXPECT_EQ(NormalizeText("hoan\xCC\x80", false), "hoàn");
  // A doubled tone mark.
  EXPECT_EQ(NormalizeText("hoa\xCC\x80\xCC\x80", false), "hòa");
  // A mark detached from its letter by a space.
  EXPECT_EQ(NormalizeText("Vie\xCC\x82 \xCC\xA3t", false), "Việt");
  // Two different tones: ambiguous, left as NFC gives it.
  EXPECT_EQ(NormalizeText("ma\xCC\x81\xCC\x80", false), ToNfc("ma\xCC\x81\xCC\x80"));
}

TEST(CharCleanup, SpacesQuotesDashes) {
  EXPECT_EQ(CleanCharacters("a\xC2\xA0\xC2\xA0 b\t\tc  "), "a b c");
  EXPECT_EQ(CleanCharacters("zero\xE2\x80\x8Bwidth soft\xC2\xADhyphen"), "zerowidth softhyphen");
  EXPECT_EQ(CleanCharacters("\xE2\x80\x9CHi\xE2\x80\x9D, it\xE2\x80\x99s 2020\xE2\x80\x93" "21 \xE2\x80\x94 ok\xE2\x80\xA6"),
            "\"Hi\", it's 2020-21 - ok...");
  EXPECT_EQ(CleanCharacters("  one  \r\n\r\n\r\n\r\n two \r three\n"), "one\n\ntwo\nthree");
}

TEST(ToNfc, FastPathAndComposition) {
  EXPECT_EQ(ToNfc("Vie\xCC\xA3\xCC\x82t"), "Việt");
  EXPECT_EQ(ToNfc("Việt Nam đã sẵn sàng"), "Việt Nam đã sẵn sàng");
  EXPECT_EQ(ToNfc("caf\xC3\xA9"), "café");
}

TEST(AsciiFold, EveryVietnameseLetterFoldsToItsBase) {
  for (char base : std::string("aeiouy")) {
    for (uint8_t shape = 0; shape < 4; ++shape) {
      for (uint8_t tone = 0; tone < 6; ++tone) {
        for (bool upper : {false, true}) {
          vietnamese::Letter l{base, shape, tone, upper, true, false};
          char32_t cp = vietnamese::Compose(l);
          if (cp == 0) continue;
          std::string s;
          vietnamese::AppendUtf8(cp, s);
          EXPECT_EQ(AsciiFold(s), std::string(1, base)) << s;
        }
      }
    }
  }
  EXPECT_EQ(AsciiFold("Nguyễn Hồng Diên"), "nguyen hong dien");
  EXPECT_EQ(AsciiFold("ĐẶNG Đình-Thủy, "), "dang dinh thuy");
  EXPECT_EQ(AsciiFold("Ahn Duk-geun 안덕근"), "ahn duk geun 안덕근");
  EXPECT_EQ(AsciiFold("Zoë Ñúñez Œ"), "zoe nunez œ");
}

}  // namespace
}  // namespace vnie
