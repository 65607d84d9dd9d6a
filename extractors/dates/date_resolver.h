// Date resolution: turns what a date phrase says (a DateExpression) into the
// ISO value and grain of SPEC.md §3, given the article's date (the Anchor).
//
//   Anchor anchor = Anchor::Parse("2020-02-24T11:03");
//   DateExpression e;                 // "February 19"
//   e.begin.month = 2; e.begin.day = 19;
//   ResolvedDate r = ResolveDate(e, anchor, Tense::kUnknown, std::nullopt);
//   // r.value == "2020-02-19", r.grain == "day"
//
// A year the phrase and the anchor cannot give is "XXXX"; a relative phrase
// that needs an anchor it does not have resolves to value std::nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnie::dates {

// A calendar day; year may be unknown (0 in `year_known == false`).
struct CivilDay {
  int year = 0;
  int month = 1;
  int day = 1;
  bool year_known = true;
};

// Days since 1970-01-01 of a proleptic Gregorian date.
long DaysFromCivil(int year, int month, int day);
CivilDay CivilFromDays(long days);
// 0 = Monday ... 6 = Sunday.
int WeekdayOf(int year, int month, int day);
int DaysInMonth(int year, int month);

// The article's own date, possibly partial ("XXXX-08-03", "2023", ...).
struct Anchor {
  bool present = false;  // false when the article has no date at all
  std::optional<int> year, month, day, hour, minute;

  // Reads "YYYY[-MM[-DD[Thh:mm]]]" with "XXXX" for an unknown year.
  // Anything unreadable gives an absent anchor.
  static Anchor Parse(std::optional<std::string_view> published);
};

// The tense of the sentence around a phrase, which decides which year a
// partial date falls in and which week a weekday falls in.
enum class Tense { kUnknown, kPast, kFuture };

// One end of a date as the text gives it.  Explicit fields win over offsets;
// offsets count from the anchor (0 = this year/month/week/day).
struct DatePoint {
  std::optional<int> year, month, day, quarter, decade, hour, minute;
  std::optional<int> year_offset, month_offset, week_offset, day_offset;
  std::optional<int> quarter_offset;  // "this quarter" 0, "last quarter" -1, "quý tới" +1
  // With weekday and a month: the Nth such weekday of the month (-1 the
  // last: "the last Sunday of March").
  std::optional<int> weekday_nth;
  bool last_day = false;              // the month's last day ("the last day of October")
  std::optional<int> weekday;         // 0 = Monday
  std::optional<int> weekday_week;    // -1 last week, 0 this week, +1 next week
  std::optional<int> weekday_near;    // +1 the next such day after the anchor's,
                                      // -1 the last one before it ("thứ Hai tới")
  bool same_day = false;              // "the same day", "cùng ngày"; with
                                      // day_offset: "the next day", "hôm sau"
  bool weekend = false;               // with week_offset: that week's Saturday
                                      // and Sunday ("this weekend", "cuối tuần này")

  bool empty() const;
};

struct DateExpression {
  DatePoint begin;
  std::optional<DatePoint> end;  // set for ranges
  // Months 1..n ("the first 11 months of", "11 tháng đầu năm") or the last n
  // months; needs begin's year (explicit or offset).
  std::optional<int> first_months, last_months;
  // The N months ending in begin's month ("the three months to September",
  // "the year to March": 12).
  std::optional<int> months_to;
  // Days 1..n of begin's month ("the first 20 days of November").
  std::optional<int> first_days;
};

struct ResolvedDate {
  std::optional<std::string> value;  // ISO value or interval; nullopt: unresolvable
  std::string grain;
};

// Resolves E against ANCHOR.  PREVIOUS_DAY is the day the text last named,
// used by "the same day".
ResolvedDate ResolveDate(const DateExpression& e, const Anchor& anchor, Tense tense,
                         const std::optional<CivilDay>& previous_day);

}  // namespace vnie::dates
