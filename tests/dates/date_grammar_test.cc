// The grammar's mechanics: overlaps, boundaries, tense markers and times.
#include "app/builtin.h"
#include "extractors/dates/date_grammar.h"

#include <gtest/gtest.h>

#include "pipeline/stage.h"

namespace vnie::dates {
namespace {

TEST(DatesGrammar, LongestPhraseWins) {
  auto found = DateGrammar::Get().Find("Exports rose in January-May 2022 and in late 2023.", "en");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "month_range");
  EXPECT_EQ(found[1].mod, "late");
}

TEST(DatesGrammar, DigitsInsideNumbersAreNotDates) {
  EXPECT_TRUE(DateGrammar::Get().Find("It cost $2030 million, up 20.23% from 1,992.", "en").empty());
  EXPECT_TRUE(DateGrammar::Get().Find("Output rose by 2030 units.", "en").empty());
}

TEST(DatesGrammar, NumericDatesAreDayFirstUnlessTheDayIsOverTwelve) {
  auto a = DateGrammar::Get().Find("on 11/10/2023", "en");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].expression.begin.month, 10);
  auto b = DateGrammar::Get().Find("on 10/25/2023", "en");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].expression.begin.month, 10);
  EXPECT_EQ(b[0].expression.begin.day, 25);
}

TEST(DatesGrammar, TwoDigitFiscalYearsAndComingMonths) {
  auto fy = DateGrammar::Get().Find("Profit in FY24 rose.", "en");
  ASSERT_EQ(fy.size(), 1u);
  EXPECT_EQ(fy[0].expression.begin.year, 2024);
  // "tháng 7 tới" looks forward; "từ tháng 7 tới nay" is "since July".
  auto coming = DateGrammar::Get().Find("Tháng 7 tới, học phí tăng.", "vi");
  ASSERT_EQ(coming.size(), 1u);
  EXPECT_TRUE(coming[0].future);
  EXPECT_EQ(coming[0].end, std::string_view("Tháng 7 tới").size());
  auto since = DateGrammar::Get().Find("Từ tháng 7 tới nay, giá tăng.", "vi");
  ASSERT_FALSE(since.empty());
  EXPECT_FALSE(since[0].future);
  EXPECT_EQ(since[0].end, std::string_view("Từ tháng 7").size());
}

TEST(DatesGrammar, TenseFromTheNearestMarker) {
  const auto& g = DateGrammar::Get();
  EXPECT_EQ(g.TenseOf(std::string("The minister said ") + '\0' + " that talks will resume.", "en"), Tense::kPast);
  EXPECT_EQ(g.TenseOf(std::string("The plant will open ") + '\0' + ".", "en"), Tense::kFuture);
  EXPECT_EQ(g.TenseOf(std::string("Dự án sẽ hoàn thành ") + '\0' + ".", "vi"), Tense::kFuture);
  EXPECT_EQ(g.TenseOf(std::string("Trade growth ") + '\0' + ".", "en"), Tense::kUnknown);
  EXPECT_EQ(g.TenseOf(std::string("Trade grew ") + '\0' + ".", "en"), Tense::kPast);
  // Quoted speech does not set the tense of the reporting sentence.
  EXPECT_EQ(g.TenseOf(std::string("\"We will act,\" she told a meeting ") + '\0' + ".", "en"), Tense::kPast);
  // A passive after a modal is not past.
  EXPECT_EQ(g.TenseOf(std::string("Talks will be held ") + '\0' + ".", "en"), Tense::kFuture);
}

TEST(DatesGrammar, AttachesATimeOnEitherSide) {
  const auto& g = DateGrammar::Get();
  std::string text = "Nguyen Tung 11:03, 2020/02/24";
  size_t b = text.find("2020"), e = text.size();
  int h = -1, m = -1;
  ASSERT_TRUE(g.AttachTime(text, &b, &e, &h, &m));
  EXPECT_EQ(text.substr(b, e - b), "11:03, 2020/02/24");
  EXPECT_EQ(h, 11);
  EXPECT_EQ(m, 3);
  text = "on June 22 at 3:15 p.m. in Seoul";
  b = text.find("June");
  e = b + 7;
  ASSERT_TRUE(g.AttachTime(text, &b, &e, &h, &m));
  EXPECT_EQ(h, 15);
  text = "on June 22, 10 people";
  b = text.find("June");
  e = b + 7;
  EXPECT_FALSE(g.AttachTime(text, &b, &e, &h, &m));
}

TEST(DatesGrammar, ATimeStaysOnItsLine) {
  const auto& g = DateGrammar::Get();
  std::string text = "Thứ Tư, 27/3/2024, 06:15\n\nTối 26/3, đội tuyển thua.";
  size_t b = text.find("Tối"), e = text.find(',', b);
  int h = -1, m = -1;
  EXPECT_FALSE(g.AttachTime(text, &b, &e, &h, &m));
}

TEST(DatesGrammar, ATimeRangeBeforeADay) {
  const auto& g = DateGrammar::Get();
  std::string text = "shut from 10 a.m. to 6 p.m. on Saturday.";
  size_t b = text.find("Saturday"), e = b + 8;
  int h = -1, m = -1, fh = -1, fm = -1;
  ASSERT_TRUE(g.AttachTime(text, &b, &e, &h, &m, &fh, &fm));
  EXPECT_EQ(text.substr(b, e - b), "from 10 a.m. to 6 p.m. on Saturday");
  EXPECT_EQ(fh, 10);
  EXPECT_EQ(h, 18);
  // A start after the end is no range: only the time next to the day counts.
  text = "from 8 p.m. to 6 a.m. on Saturday";
  b = text.find("Saturday"), e = b + 8;
  ASSERT_TRUE(g.AttachTime(text, &b, &e, &h, &m, &fh, &fm));
  EXPECT_EQ(fh, -1);
  EXPECT_EQ(h, 6);
}

TEST(DatesGrammar, TenseOfTheClauseAndTheCommaPart) {
  const auto& g = DateGrammar::Get();
  EXPECT_EQ(g.TenseOf(std::string("It passed the law in ") + '\0' + ", and it takes effect on July 1.", "en"),
            Tense::kPast);
  EXPECT_EQ(g.TenseOf(std::string("The law, passed in ") + '\0' + ", takes effect soon.", "en"), Tense::kPast);
  EXPECT_EQ(g.TenseOf(std::string("He said on ") + '\0' + " that it aims higher.", "en"), Tense::kPast);
  EXPECT_EQ(g.TenseOf(std::string("Mẫu ra mắt hồi ") + '\0' + " sẽ giảm giá.", "vi"), Tense::kPast);
}

// Without the metadata stage, the date stage reads the dateline with
// `published`'s own reader: a month-grain line gives its year.
TEST(DatesStage, DatelineReadByPublishedsReader) {
  std::string error;
  auto chain = BuiltinStages().Build({"segment", "dates"}, PipelineOptions{}, &error);
  Document doc;
  doc.text = "date 2022-08\n\nExports rose on July 5.";
  chain->Process(doc);
  ASSERT_EQ(doc.dates.size(), 1u);
  EXPECT_EQ(doc.dates[0].value, "2022-07-05");
}

}  // namespace
}  // namespace vnie::dates
