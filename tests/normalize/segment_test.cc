// Paragraphs and sentences as byte ranges, with abbreviations that do not end sentences.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>

#include "app/builtin.h"
#include "pipeline/segment/sentence_breaks.h"
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

// The stage reads most paragraphs without ICU; its breaks must be ICU's.
// Random paragraphs of characters of every sentence class (terminators,
// closing quotes and brackets, spaces, commas and colons, digits, letters of
// each case and none) put each rule's context at every place.
TEST(Segment, FastBreaksAreIcuBreaks) {
  const std::vector<std::string> pieces = {
      "a", "b", "x", "\u01b0", "\u00df", "A", "\u0110", "Q", "\u4e2d", "1", "\u0663", ".", ".", ".", "\u2024", "\uff0e",
      "?", "!", "\u3002", "\u203c", "\"", "'", "(", ")", "[", "\u201c", "\u201d", "\u00ab", "\u00bb", " ", " ", " ",
      "\t", "\u00a0", "\u3000", ",", "-", ":", ";", "\u2013", "\u3001", "%", "$", "&", "\u2026", "\U0001f600",
      "\u02bc", "\u00aa", "\u2160", "\r", "\u0301", "\u00ad", "\u2028", "\u0085"};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  ASSERT_TRUE(U_SUCCESS(status));
  std::mt19937 rng(14);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 14);
  int fast = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string p;
    for (int k = length(rng); k > 0; --k) p += pieces[pick(rng)];
    std::vector<size_t> got;
    if (!FastSentenceBreaks(p, &got)) continue;
    ++fast;
    UText* ut = utext_openUTF8(nullptr, p.data(), static_cast<int64_t>(p.size()), &status);
    bi->setText(ut, status);
    std::vector<size_t> want;
    bi->first();
    for (int32_t to = bi->next(); to != icu::BreakIterator::DONE; to = bi->next()) want.push_back(static_cast<size_t>(to));
    utext_close(ut);
    ASSERT_EQ(got, want) << "paragraph: [" << p << "]";
  }
  EXPECT_GT(fast, 100000);
}

}  // namespace
}  // namespace vnie
