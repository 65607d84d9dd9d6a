// Paragraphs and sentences as byte ranges, with abbreviations that do not end sentences.
#include <gtest/gtest.h>

#include "app/builtin.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  StageRegistry registry = BuiltinStages();
  std::string error;
  auto chain = registry.Build({"segment"}, PipelineOptions{}, &error);
  Document doc;
  doc.text = text;
  chain->Process(doc);
  std::vector<std::string> out;
  for (const ByteRange& r : doc.sentences) out.push_back(doc.text.substr(r.begin, r.end - r.begin));
  return out;
}

TEST(Segment, AbbreviationsInBothLanguages) {
  EXPECT_EQ(Sentences("Assoc. Prof. Dr. Nguyen Huy Hoang spoke. Mr. Park agreed with the U.S. President Biden."),
            (std::vector<std::string>{"Assoc. Prof. Dr. Nguyen Huy Hoang spoke.",
                                      "Mr. Park agreed with the U.S. President Biden."}));
  EXPECT_EQ(Sentences("PGS.TS. Vũ Anh Tuấn nói. TP.HCM cần vốn. Vietnam, S.Korea agree."),
            (std::vector<std::string>{"PGS.TS. Vũ Anh Tuấn nói.", "TP.HCM cần vốn.", "Vietnam, S.Korea agree."}));
}

TEST(Segment, ParagraphsAreLines) {
  StageRegistry registry = BuiltinStages();
  std::string error;
  auto chain = registry.Build({"segment"}, PipelineOptions{}, &error);
  Document doc;
  doc.text = "Title\n\nFirst paragraph. Second sentence.\nNext";
  chain->Process(doc);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.text.substr(doc.paragraphs[1].begin, doc.paragraphs[1].end - doc.paragraphs[1].begin),
            "First paragraph. Second sentence.");
  EXPECT_EQ(doc.sentences.size(), 4u);
}

TEST(Segment, InitialsAndVietnameseAddressAbbreviations) {
  EXPECT_EQ(Sentences("Samsung Vice Chairman Jay Y. Lee met him. He left."),
            (std::vector<std::string>{"Samsung Vice Chairman Jay Y. Lee met him.", "He left."}));
  EXPECT_EQ(Sentences("Dự án nằm ở Q. Bình Thạnh và TX. Dĩ An. ThS.BS. Nguyễn Văn An cho biết."),
            (std::vector<std::string>{"Dự án nằm ở Q. Bình Thạnh và TX. Dĩ An.", "ThS.BS. Nguyễn Văn An cho biết."}));
  EXPECT_EQ(Sentences("GS.TSKH. Nguyễn Văn B và NSND. Lê Khanh dự lễ. LS. Trần Vũ nói."),
            (std::vector<std::string>{"GS.TSKH. Nguyễn Văn B và NSND. Lê Khanh dự lễ.", "LS. Trần Vũ nói."}));
  // A capital letter ending a sentence after a lower-case word still ends it.
  EXPECT_EQ(Sentences("The team finished in group A. The next match is Friday."),
            (std::vector<std::string>{"The team finished in group A.", "The next match is Friday."}));
}

}  // namespace
}  // namespace vnie
