// The resolver's mechanics: calendar arithmetic, anchors, year inference,
// relative phrases, weekdays, ranges and the values of each grain.
#include "extractors/dates/date_resolver.h"

#include <gtest/gtest.h>

namespace vnie::dates {
namespace {

std::optional<std::string> Value(const DateExpression& e, std::optional<std::string_view> published,
                                 Tense tense = Tense::kUnknown) {
  return ResolveDate(e, Anchor::Parse(published), tense, std::nullopt).value;
}

DateExpression MonthDay(int month, int day) {
  DateExpression e;
  e.begin.month = month;
  e.begin.day = day;
  return e;
}

TEST(DatesCalendar, DaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);  // 2000 is a leap year
  CivilDay c = CivilFromDays(DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.month, 2);
  EXPECT_EQ(c.day, 29);
  EXPECT_EQ(WeekdayOf(2022, 8, 3), 2);  // a Wednesday
  EXPECT_EQ(WeekdayOf(2024, 7, 1), 0);  // a Monday
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
}

TEST(DatesAnchor, ParsesFullPartialAndUnknownYears) {
  Anchor a = Anchor::Parse("2020-02-24T11:03");
  EXPECT_TRUE(a.present);
  EXPECT_EQ(a.year, 2020);
  EXPECT_EQ(a.day, 24);
  EXPECT_EQ(a.hour, 11);
  Anchor x = Anchor::Parse("XXXX-08-03");
  EXPECT_TRUE(x.present);
  EXPECT_FALSE(x.year);
  EXPECT_EQ(x.month, 8);
  EXPECT_FALSE(Anchor::Parse(std::nullopt).present);
  EXPECT_FALSE(Anchor::Parse("soon").present);
  EXPECT_EQ(Anchor::Parse("2023").year, 2023);
}

TEST(DatesYearInference, TakesTheNearestReading) {
  EXPECT_EQ(Value(MonthDay(2, 19), "2020-02-24T11:03"), "2020-02-19");
  EXPECT_EQ(Value(MonthDay(12, 28), "2024-01-03"), "2023-12-28");
  EXPECT_EQ(Value(MonthDay(1, 5), "2024-12-20"), "2025-01-05");
}

TEST(DatesYearInference, FollowsTheTense) {
  DateExpression march;
  march.begin.month = 3;
  EXPECT_EQ(Value(march, "2024-11-20", Tense::kPast), "2024-03");
  EXPECT_EQ(Value(march, "2024-11-20", Tense::kFuture), "2025-03");
  EXPECT_EQ(Value(march, "2020-02-24", Tense::kFuture), "2020-03");
}

TEST(DatesYearInference, UnknownYearIsXXXX) {
  EXPECT_EQ(Value(MonthDay(8, 2), "XXXX-08-03"), "XXXX-08-02");
  EXPECT_EQ(Value(MonthDay(8, 2), std::nullopt), "XXXX-08-02");
}

TEST(DatesRelative, YearsMonthsDays) {
  DateExpression last_year;
  last_year.begin.year_offset = -1;
  EXPECT_EQ(Value(last_year, "2024-07-02"), "2023");
  EXPECT_EQ(Value(last_year, "XXXX-08-03"), std::nullopt);
  EXPECT_EQ(Value(last_year, std::nullopt), std::nullopt);
  DateExpression this_year;
  this_year.begin.year_offset = 0;
  EXPECT_EQ(Value(this_year, "XXXX-08-03"), "XXXX");
  DateExpression last_month;
  last_month.begin.month_offset = -1;
  EXPECT_EQ(Value(last_month, "2024-01-15"), "2023-12");
  DateExpression yesterday;
  yesterday.begin.day_offset = -1;
  EXPECT_EQ(Value(yesterday, "2024-03-01"), "2024-02-29");
  EXPECT_EQ(Value(yesterday, "XXXX-08-03"), "XXXX-08-02");
}

TEST(DatesRelative, WeekdaysLookBackInThePastAndForwardInTheFuture) {
  DateExpression wednesday;
  wednesday.begin.weekday = 2;
  EXPECT_EQ(Value(wednesday, "2022-08-03", Tense::kPast), "2022-08-03");
  EXPECT_EQ(Value(wednesday, "2022-08-05", Tense::kUnknown), "2022-08-03");
  EXPECT_EQ(Value(wednesday, "2022-08-05", Tense::kFuture), "2022-08-10");
  EXPECT_EQ(Value(wednesday, "XXXX-08-03"), std::nullopt);
  DateExpression next_monday;
  next_monday.begin.weekday = 0;
  next_monday.begin.weekday_week = 1;
  EXPECT_EQ(Value(next_monday, "2024-07-03"), "2024-07-08");
}

TEST(DatesRelative, WeeksAreIntervalsOfDays) {
  DateExpression last_week;
  last_week.begin.week_offset = -1;
  EXPECT_EQ(Value(last_week, "2024-07-03"), "2024-06-24/2024-06-30");
  DateExpression this_weekend;
  this_weekend.begin.week_offset = 0;
  this_weekend.begin.weekend = true;
  EXPECT_EQ(Value(this_weekend, "2024-07-03"), "2024-07-06/2024-07-07");
  EXPECT_EQ(Value(this_weekend, "2024-07-07"), "2024-07-06/2024-07-07");
}

TEST(DatesRelative, WeekdaysTakeTheirTime) {
  DateExpression monday;
  monday.begin.weekday = 0;
  monday.begin.hour = 9;
  monday.begin.minute = 30;
  EXPECT_EQ(Value(monday, "2024-07-03", Tense::kPast), "2024-07-01T09:30");
}

TEST(DatesRelative, SameDayFollowsTheLastNamedDay) {
  DateExpression same;
  same.begin.same_day = true;
  CivilDay previous{2024, 11, 4, true};
  EXPECT_EQ(ResolveDate(same, Anchor::Parse("2024-11-05"), Tense::kPast, previous).value, "2024-11-04");
  EXPECT_EQ(Value(same, "2024-11-05"), "2024-11-05");
  DateExpression next = same;
  next.begin.day_offset = 1;
  CivilDay month_end{2024, 2, 29, true};
  EXPECT_EQ(ResolveDate(next, Anchor{}, Tense::kPast, month_end).value, "2024-03-01");
}

TEST(DatesRelative, QuartersCountFromTheArticlesQuarter) {
  DateExpression e;
  e.begin.quarter_offset = -1;
  EXPECT_EQ(Value(e, "2024-02-10"), "2023-Q4");  // "last quarter" in the first quarter
  e.begin.quarter_offset = 1;
  EXPECT_EQ(Value(e, "2024-11-10"), "2025-Q1");
  e.begin.quarter_offset = 0;
  EXPECT_EQ(Value(e, "2024-07-02"), "2024-Q3");
  EXPECT_EQ(Value(e, std::nullopt), std::nullopt);
}

TEST(DatesRelative, PositionsInAMonth) {
  DateExpression e;
  e.begin.year = 2014;
  e.begin.month = 10;
  e.begin.weekday = 2;  // Wednesday
  e.begin.weekday_nth = 2;
  EXPECT_EQ(Value(e, "2024-07-02"), "2014-10-08");
  e.begin.month = 3;
  e.begin.weekday = 6;  // Sunday
  e.begin.weekday_nth = -1;
  EXPECT_EQ(Value(e, "2024-07-02"), "2014-03-30");
  e.begin.weekday = 1;  // a fifth Tuesday March 2014 does not have
  e.begin.weekday_nth = 5;
  EXPECT_EQ(Value(e, "2024-07-02"), std::nullopt);
  DateExpression last;
  last.begin.year = 2024;
  last.begin.month = 2;
  last.begin.last_day = true;
  EXPECT_EQ(Value(last, "2024-07-02"), "2024-02-29");
  DateExpression next;
  next.begin.month_offset = 1;
  next.begin.last_day = true;
  EXPECT_EQ(Value(next, "2024-07-02"), "2024-08-31");
}

TEST(DatesRelative, NearestWeekdayStrictlyAfterOrBefore) {
  DateExpression e;
  e.begin.weekday = 1;  // Tuesday, the article's own weekday
  e.begin.weekday_near = -1;
  EXPECT_EQ(Value(e, "2024-07-02"), "2024-06-25");
  e.begin.weekday_near = 1;
  EXPECT_EQ(Value(e, "2024-07-02"), "2024-07-09");
  e.begin.weekday = 4;  // Friday
  EXPECT_EQ(Value(e, "2024-07-02"), "2024-07-05");
}

TEST(DatesRanges, AStartAfterItsEndIsInTheYearBefore) {
  DateExpression e;
  e.begin.month = 11;
  DatePoint end;
  end.month = 2;
  end.year = 2017;
  e.end = end;
  EXPECT_EQ(Value(e, "2024-07-02"), "2016-11/2017-02");
}

TEST(DatesRanges, EachEndAtItsOwnGrain) {
  DateExpression months;  // January-May 2022
  months.begin.month = 1;
  months.end = DatePoint{};
  months.end->month = 5;
  months.end->year = 2022;
  ResolvedDate r = ResolveDate(months, Anchor{}, Tense::kUnknown, std::nullopt);
  EXPECT_EQ(r.value, "2022-01/2022-05");
  EXPECT_EQ(r.grain, "month");

  DateExpression days;  // March 1-5, anchor April 2024
  days.begin.month = 3;
  days.begin.day = 1;
  days.end = DatePoint{};
  days.end->day = 5;
  EXPECT_EQ(Value(days, "2024-04-10"), "2024-03-01/2024-03-05");

  DateExpression first;  // 11 tháng đầu năm
  first.first_months = 11;
  EXPECT_EQ(Value(first, "2022-12-05"), "2022-01/2022-11");
  DateExpression last;
  last.last_months = 6;
  last.begin.year = 2024;
  EXPECT_EQ(Value(last, std::nullopt), "2024-07/2024-12");

  DateExpression to;  // the three months to September
  to.months_to = 3;
  to.begin.month = 9;
  EXPECT_EQ(Value(to, "2024-11-28"), "2024-07/2024-09");
  DateExpression year_to;  // the year to March 2024: across the new year
  year_to.months_to = 12;
  year_to.begin.month = 3;
  year_to.begin.year = 2024;
  EXPECT_EQ(Value(year_to, std::nullopt), "2023-04/2024-03");
  DateExpression first_days;  // the first 20 days of November
  first_days.first_days = 20;
  first_days.begin.month = 11;
  EXPECT_EQ(Value(first_days, "2024-11-28"), "2024-11-01/2024-11-20");
}

TEST(DatesValues, EveryGrain) {
  DateExpression q;
  q.begin.quarter = 2;
  q.begin.year = 2024;
  ResolvedDate r = ResolveDate(q, Anchor{}, Tense::kUnknown, std::nullopt);
  EXPECT_EQ(r.value, "2024-Q2");
  EXPECT_EQ(r.grain, "quarter");
  DateExpression decade;
  decade.begin.decade = 1960;
  r = ResolveDate(decade, Anchor{}, Tense::kUnknown, std::nullopt);
  EXPECT_EQ(r.value, "196X");
  EXPECT_EQ(r.grain, "decade");
  DateExpression minute = MonthDay(2, 24);
  minute.begin.year = 2020;
  minute.begin.hour = 11;
  minute.begin.minute = 3;
  r = ResolveDate(minute, Anchor{}, Tense::kUnknown, std::nullopt);
  EXPECT_EQ(r.value, "2020-02-24T11:03");
  EXPECT_EQ(r.grain, "minute");
  DateExpression bad = MonthDay(2, 30);
  bad.begin.year = 2023;
  EXPECT_EQ(Value(bad, std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace vnie::dates
