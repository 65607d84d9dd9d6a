// Name recognition: which words make a name, its shape, and its short form.
#include <gtest/gtest.h>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/officials_lexicon.h"
#include "extractors/officials/person_name.h"

namespace vnie {
namespace {

struct Found {
  std::string name;
  NameShape shape = NameShape::kWestern;
};

// The name starting at the first word of TEXT, as text.
Found NameAtStart(const std::string& text) {
  std::vector<NameToken> tokens = TokenizeForNames(text, 0, text.size());
  PersonName n = MatchPersonName(tokens, 0, tokens.size(), OfficialsLexicon::Get());
  if (!n.length) return {};
  return {text.substr(tokens[0].begin, tokens[n.length - 1].end - tokens[0].begin), n.shape};
}

TEST(NameTokens, KeepsHyphenatedGivenNamesAndSplitsPossessives) {
  std::string text = "South Korea’s Woo Won-shik";
  std::vector<NameToken> t = TokenizeForNames(text, 0, text.size());
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].text, "Korea");
  EXPECT_EQ(t[2].fold, "'s");
  EXPECT_EQ(t[4].text, "Won-shik");
  EXPECT_TRUE(t[4].hyphenated);
  EXPECT_EQ(t[4].fold, "won shik");
}

TEST(NameTokens, KeyKeepsDiacriticsFoldDropsThem) {
  std::string text = "Vụ Vũ Vu";
  std::vector<NameToken> t = TokenizeForNames(text, 0, text.size());
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].fold, "vu");
  EXPECT_EQ(t[1].fold, "vu");
  EXPECT_NE(t[0].key, t[1].key);
  EXPECT_EQ(t[2].key, "vu");
}

TEST(PersonName, VietnameseNamesWithAndWithoutDiacritics) {
  Found a = NameAtStart("Nguyễn Hồng Diên cho biết");
  EXPECT_EQ(a.name, "Nguyễn Hồng Diên");
  EXPECT_EQ(a.shape, NameShape::kVietnamese);
  EXPECT_EQ(NameAtStart("Tran Quoc Khanh and his counterpart").name, "Tran Quoc Khanh");
  EXPECT_EQ(NameAtStart("Vo Thi Anh Xuan attended").name, "Vo Thi Anh Xuan");
}

TEST(PersonName, VietnameseSyllablesThatSpellCountriesStayInTheName) {
  EXPECT_EQ(NameAtStart("Hồ Đức Phớc đã gặp").name, "Hồ Đức Phớc");
  EXPECT_EQ(NameAtStart("Nguyễn Sinh Nhật Tân và").name, "Nguyễn Sinh Nhật Tân");
}

TEST(PersonName, KoreanNamesHyphenatedOrSpaced) {
  Found a = NameAtStart("Park Ki-young said");
  EXPECT_EQ(a.name, "Park Ki-young");
  EXPECT_EQ(a.shape, NameShape::kKorean);
  EXPECT_EQ(NameAtStart("Park Ki Young in Seoul").name, "Park Ki Young");
  EXPECT_EQ(NameAtStart("Yoon Suk Yeol chose Vietnam").name, "Yoon Suk Yeol");
  // A family name both cultures use is Korean only before a hyphenated given name.
  EXPECT_EQ(NameAtStart("Kim Jin-pyo welcomed").shape, NameShape::kKorean);
  EXPECT_EQ(NameAtStart("Do Thang Hai chaired").shape, NameShape::kVietnamese);
}

TEST(PersonName, SharedFamilyNameWithNonVietnameseSyllablesIsKorean) {
  // "Kim" and "Ha" are Vietnamese too; "Jong" and "Yeol" cannot be Vietnamese
  // syllables, "Kim Ngoc" and "Anh Duc" can.
  Found a = NameAtStart("Kim Jong Un said");
  EXPECT_EQ(a.name, "Kim Jong Un");
  EXPECT_EQ(a.shape, NameShape::kKorean);
  EXPECT_EQ(NameAtStart("Ha Kim Ngoc said").shape, NameShape::kVietnamese);
  EXPECT_EQ(NameAtStart("Ha Anh Duc said").shape, NameShape::kVietnamese);
}

TEST(PersonName, EnglishWordSyllableInsideAVietnameseName) {
  EXPECT_EQ(NameAtStart("Ho An Phong said").name, "Ho An Phong");
  EXPECT_EQ(NameAtStart("Dang Hoang An said").name, "Dang Hoang An");
  EXPECT_EQ(NameAtStart("Le An").name, "");
}

TEST(PersonName, ChineseAndJapaneseNames) {
  EXPECT_EQ(NameAtStart("Xi Jinping said").shape, NameShape::kChinese);
  Found j = NameAtStart("Fumio Kishida welcomed");
  EXPECT_EQ(j.name, "Fumio Kishida");
  EXPECT_EQ(j.shape, NameShape::kJapanese);
}

TEST(PersonName, PlacesAndStreetsAreNotNames) {
  EXPECT_EQ(NameAtStart("Ho Chi Minh City is large").name, "");
  EXPECT_EQ(NameAtStart("Le Duan Street was closed").name, "");
  EXPECT_EQ(NameAtStart("Hà Nội Trần Sỹ Thanh").name, "");
  EXPECT_EQ(NameAtStart("Trường Đại học").name, "");
  EXPECT_EQ(NameAtStart("Nam Á").name, "");
}

TEST(PersonName, ShortFormFollowsTheCulture) {
  EXPECT_EQ(ShortFormKey(NameShape::kVietnamese, {"nguyen", "hong", "dien"}), "dien");
  EXPECT_EQ(ShortFormKey(NameShape::kKorean, {"park", "ki young"}), "park");
  EXPECT_EQ(ShortFormKey(NameShape::kChinese, {"xi", "jinping"}), "xi");
  EXPECT_EQ(ShortFormKey(NameShape::kJapanese, {"fumio", "kishida"}), "kishida");
  EXPECT_EQ(ShortFormKey(NameShape::kWestern, {"antony", "blinken"}), "blinken");
}

}  // namespace
}  // namespace vnie
