// Coreference through the officials stage: one entry per person, later short
// mentions linked by the name each culture uses, ambiguous ones left alone.
#include <gtest/gtest.h>

#include "app/builtin.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

Document Extract(const std::string& text, const std::string& lang) {
  std::string error;
  auto chain = BuiltinStages().Build({"decode", "normalize", "metadata", "segment", "officials"}, PipelineOptions{},
                                     &error);
  EXPECT_TRUE(chain) << error;
  Document doc;
  doc.raw = text;
  doc.encoding_hint = "UTF-8";
  doc.lang_hint = lang;
  chain->Process(doc);
  return doc;
}

std::vector<std::string> MentionTexts(const Official& o) {
  std::vector<std::string> out;
  for (const auto& m : o.mentions) out.push_back(m.text);
  return out;
}

TEST(OfficialsCoreference, VietnameseLastSyllableMatchesWithoutDiacritics) {
  Document doc = Extract("Vietnamese Minister of Industry and Trade Nguyễn Hồng Diên met investors. Later, Dien said "
                     "exports grew.", "en");
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].name, "Nguyễn Hồng Diên");
  EXPECT_EQ(doc.officials[0].name_key, "nguyen hong dien");
  EXPECT_EQ(MentionTexts(doc.officials[0]),
            (std::vector<std::string>{"Minister of Industry and Trade Nguyễn Hồng Diên", "Dien"}));
}

TEST(OfficialsCoreference, FullestNameWithDiacriticsWins) {
  Document doc = Extract("Minister Nguyen Hong Dien arrived. Minister of Industry and Trade Nguyễn Hồng Diên spoke.", "en");
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].name, "Nguyễn Hồng Diên");
  EXPECT_EQ(doc.officials[0].mentions.size(), 2u);
}

TEST(OfficialsCoreference, AnUntitledMentionWithDiacriticsGivesTheName) {
  Document doc = Extract("Minister Nguyen Hong Dien arrived. Nguyễn Hồng Diên spoke first.", "en");
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].name, "Nguyễn Hồng Diên");
  EXPECT_EQ(MentionTexts(doc.officials[0]), (std::vector<std::string>{"Minister Nguyen Hong Dien", "Nguyễn Hồng Diên"}));
}

TEST(OfficialsCoreference, KoreanFamilyNameAndTitledShortForm) {
  Document doc = Extract("South Korean President Yoon Suk Yeol arrived. President Yoon met investors. Yoon said ties "
                     "were strong.", "en");
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(MentionTexts(doc.officials[0]),
            (std::vector<std::string>{"President Yoon Suk Yeol", "President Yoon", "Yoon"}));
  EXPECT_EQ(doc.officials[0].country, "KR");
}

TEST(OfficialsCoreference, AShortMentionThatFitsTwoOfficialsStaysUnlinked) {
  Document doc = Extract("Deputy Minister Nguyen Van Hai and Deputy Minister Tran Thanh Hai attended. Hai said the "
                     "plan is ready.", "en");
  ASSERT_EQ(doc.officials.size(), 2u);
  EXPECT_EQ(doc.officials[0].mentions.size(), 1u);
  EXPECT_EQ(doc.officials[1].mentions.size(), 1u);
}

TEST(OfficialsCoreference, VietnameseShortMentionNeedsTitleOrHonorific) {
  Document doc = Extract("Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp Chính phủ. Ông Chính yêu cầu các bộ "
                     "khẩn trương.", "vi");
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(MentionTexts(doc.officials[0]),
            (std::vector<std::string>{"Thủ tướng Chính phủ Phạm Minh Chính", "Chính"}));
}

TEST(OfficialsCoreference, EntitiesAreNumberedInOrderOfFirstMention) {
  Document doc = Extract("Prime Minister Pham Minh Chinh and Speaker Woo Won-shik met. Woo thanked Chinh.", "en");
  ASSERT_EQ(doc.officials.size(), 2u);
  EXPECT_EQ(doc.officials[0].entity, 1);
  EXPECT_EQ(doc.officials[0].name, "Pham Minh Chinh");
  EXPECT_EQ(doc.officials[1].entity, 2);
  EXPECT_EQ(MentionTexts(doc.officials[1]), (std::vector<std::string>{"Speaker Woo Won-shik", "Woo"}));
}

TEST(OfficialsCoreference, OffsetsAreCodePoints) {
  Document doc = Extract("Ông Phan Văn Mãi, Chủ tịch UBND TP Hồ Chí Minh, phát biểu.", "vi");
  ASSERT_EQ(doc.officials.size(), 1u);
  const TextSpan& m = doc.officials[0].mentions[0];
  EXPECT_EQ(m.text, "Phan Văn Mãi, Chủ tịch UBND TP Hồ Chí Minh");
  EXPECT_EQ(m.start, 4);
  EXPECT_EQ(m.end, 4 + 42);  // 42 code points, 51 bytes
}

}  // namespace
}  // namespace vnie
