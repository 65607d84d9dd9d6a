#include "extractors/dates/date_resolver.h"

#include <cstdio>
#include <cstdlib>

namespace vnie::dates {

long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDay CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDay{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d), true};
}

int WeekdayOf(int y, int m, int d) {
  long days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

namespace {

bool ReadInt(std::string_view s, size_t pos, size_t len, int* out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

// A year for leap-year arithmetic when the real one is unknown.
constexpr int kNeutralYear = 2001;

// One resolved end: its fields, before formatting.
struct Point {
  bool ok = true;
  bool year_known = true;
  int year = 0;
  int month = 0, day = 0, quarter = 0, decade = 0;
  int hour = -1, minute = -1;
  // Set for a whole week: the interval [day, week_end_day].
  bool week = false;
  CivilDay week_end;

  std::string Grain() const {
    if (decade) return "decade";
    if (quarter) return "quarter";
    if (hour >= 0) return "minute";
    if (day) return "day";
    if (month) return "month";
    return "year";
  }
  std::string YearText() const { return year_known ? Pad(year, 4) : "XXXX"; }
  std::string Value() const {
    if (decade) return Pad(decade / 10, 3) + "X";
    std::string v = YearText();
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false alarm) on
    // a literal + std::string here.
    if (quarter) return v.append("-Q").append(std::to_string(quarter));
    if (!month) return v;
    v.append("-").append(Pad(month, 2));
    if (!day) return v;
    v.append("-").append(Pad(day, 2));
    if (hour >= 0) v.append("T").append(Pad(hour, 2)).append(":").append(Pad(minute, 2));
    return v;
  }
};

Point Fail() {
  Point p;
  p.ok = false;
  return p;
}

Point FromCivil(const CivilDay& c) {
  Point p;
  p.year = c.year;
  p.month = c.month;
  p.day = c.day;
  p.year_known = c.year_known;
  return p;
}

bool FullAnchor(const Anchor& a) { return a.year && a.month && a.day; }

// The year of a month (and day) the text gives without one.
Point InferYear(int month, int day, const Anchor& a, Tense tense) {
  Point p;
  p.month = month;
  p.day = day;
  if (!a.year) {
    p.year_known = false;
    return p;
  }
  const int y = *a.year;
  p.year = y;
  if (!a.month) return p;
  // Distance in days from the anchor for a reading in year Y (month grain
  // compares whole months: mid-month against the anchor's month).
  auto distance = [&](int year) -> long {
    if (day) {
      int d = day > DaysInMonth(year, month) ? DaysInMonth(year, month) : day;
      return DaysFromCivil(year, month, d) - DaysFromCivil(y, *a.month, a.day.value_or(15));
    }
    return 30L * ((year * 12 + month) - (y * 12 + *a.month));
  };
  constexpr long kSlack = 62;  // a partial date within two months keeps the anchor's year
  const long here = distance(y);
  switch (tense) {
    case Tense::kPast:
      if (here > kSlack) p.year = y - 1;
      break;
    case Tense::kFuture:
      if (here < -kSlack) p.year = y + 1;
      break;
    case Tense::kUnknown: {
      long best = std::labs(here);
      if (std::labs(distance(y - 1)) < best) p.year = y - 1, best = std::labs(distance(y - 1));
      if (std::labs(distance(y + 1)) < best) p.year = y + 1;
      break;
    }
  }
  return p;
}

// The year a point names: explicit, offset, or none (std::nullopt with *ok).
// Returns false when it needs an anchor year that is missing.
bool YearOf(const DatePoint& d, const Anchor& a, Point* p) {
  if (d.year) {
    p->year = *d.year;
    return true;
  }
  if (d.year_offset) {
    if (a.year) {
      p->year = *a.year + *d.year_offset;
      return true;
    }
    if (a.present && *d.year_offset == 0) {
      p->year_known = false;
      return true;
    }
    return false;
  }
  return true;
}

// The day a point names inside its month by position: the last day, or the
// Nth weekday ("the second Wednesday of October").  False when there is no
// such day (a fifth Monday the month does not have) or the year is unknown.
bool DayInMonth(const DatePoint& d, Point* p) {
  if (!d.last_day && !d.weekday_nth) return true;
  const int y = p->year_known ? p->year : kNeutralYear;
  const int days = DaysInMonth(y, p->month);
  if (d.last_day) {
    p->day = days;
    return true;
  }
  if (!p->year_known || !d.weekday) return false;
  const int first = (*d.weekday - WeekdayOf(y, p->month, 1) + 7) % 7 + 1;
  if (*d.weekday_nth < 0) {
    p->day = first + 7 * ((days - first) / 7);
  } else {
    p->day = first + 7 * (*d.weekday_nth - 1);
    if (p->day > days) return false;
  }
  return true;
}

Point ResolvePoint(const DatePoint& d, const Anchor& a, Tense tense, const std::optional<CivilDay>& previous) {
  Point p;
  if (d.decade) {
    p.decade = *d.decade;
    return p;
  }
  if (d.same_day) {
    CivilDay c;
    if (previous) {
      c = *previous;
    } else {
      if (!a.present || !a.month || !a.day) return Fail();
      c = CivilDay{a.year.value_or(0), *a.month, *a.day, a.year.has_value()};
    }
    if (d.day_offset) {
      // "the next day": counted from the day the text last named.
      const int y = c.year_known ? c.year : kNeutralYear;
      CivilDay moved = CivilFromDays(DaysFromCivil(y, c.month, c.day) + *d.day_offset);
      if (!c.year_known) {
        if (moved.year != y) return Fail();
        moved.year_known = false;
      }
      c = moved;
    }
    return FromCivil(c);
  }
  if (d.day_offset) {
    if (!a.present || !a.month || !a.day) return Fail();
    const int y = a.year.value_or(kNeutralYear);
    CivilDay c = CivilFromDays(DaysFromCivil(y, *a.month, *a.day) + *d.day_offset);
    if (!a.year) {
      if (c.year != y) return Fail();
      c.year_known = false;
    }
    Point r = FromCivil(c);
    if (d.hour) r.hour = *d.hour, r.minute = d.minute.value_or(0);
    return r;
  }
  if (d.weekday && !d.weekday_nth) {
    if (!FullAnchor(a)) return Fail();
    const long anchor_days = DaysFromCivil(*a.year, *a.month, *a.day);
    const int aw = WeekdayOf(*a.year, *a.month, *a.day);
    long days;
    if (d.weekday_week) {
      days = anchor_days - aw + 7L * *d.weekday_week + *d.weekday;
    } else if (d.weekday_near) {
      days = *d.weekday_near > 0 ? anchor_days + (*d.weekday - aw + 6) % 7 + 1
                                 : anchor_days - (aw - *d.weekday + 6) % 7 - 1;
    } else if (tense == Tense::kFuture) {
      days = anchor_days + (*d.weekday - aw + 7) % 7;
    } else {
      days = anchor_days - (aw - *d.weekday + 7) % 7;
    }
    Point r = FromCivil(CivilFromDays(days));
    if (d.hour) r.hour = *d.hour, r.minute = d.minute.value_or(0);
    return r;
  }
  if (d.week_offset) {
    if (!FullAnchor(a)) return Fail();
    const long anchor_days = DaysFromCivil(*a.year, *a.month, *a.day);
    const long monday = anchor_days - WeekdayOf(*a.year, *a.month, *a.day) + 7L * *d.week_offset;
    const long first = d.weekend ? monday + 5 : monday;
    Point r = FromCivil(CivilFromDays(first));
    r.week = true;
    r.week_end = CivilFromDays(monday + 6);
    return r;
  }
  if (d.quarter_offset) {
    if (!a.present || !a.month || !a.year) return Fail();
    const int q = *a.year * 4 + (*a.month - 1) / 3 + *d.quarter_offset;
    p.year = q / 4;
    p.quarter = q % 4 + 1;
    return p;
  }
  if (d.month_offset) {
    if (!a.present || !a.month) return Fail();
    int m = *a.month + *d.month_offset;
    int y = a.year.value_or(0);
    while (m < 1) m += 12, --y;
    while (m > 12) m -= 12, ++y;
    if (!a.year && y != 0) return Fail();
    p.year = y;
    p.year_known = a.year.has_value();
    p.month = m;
    if (d.day) p.day = *d.day;
    if (!DayInMonth(d, &p)) return Fail();
    return p;
  }
  if (!YearOf(d, a, &p)) return Fail();
  const bool year_given = d.year || d.year_offset;
  if (d.quarter) {
    p.quarter = *d.quarter;
    if (!year_given) {
      if (a.year) p.year = *a.year;
      else p.year_known = false;
      // Like a month: a past quarter that starts more than two months after
      // the article's month is last year's, a future one that ended more than
      // two months before it is next year's.
      if (a.year && a.month) {
        const int start = *d.quarter * 3 - 2, end = *d.quarter * 3;
        if (tense == Tense::kPast && start - *a.month > 2) p.year = *a.year - 1;
        if (tense == Tense::kFuture && *a.month - end > 2) p.year = *a.year + 1;
      }
    }
    return p;
  }
  if (d.month) {
    if (!year_given) {
      p = InferYear(*d.month, d.day.value_or(0), a, tense);
    } else {
      p.month = *d.month;
      p.day = d.day.value_or(0);
    }
    if (!DayInMonth(d, &p)) return Fail();
    if (p.day && p.year_known && p.day > DaysInMonth(p.year, p.month)) return Fail();
    if (p.day && d.hour) p.hour = *d.hour, p.minute = d.minute.value_or(0);
    return p;
  }
  if (!year_given) return Fail();
  return p;
}

// Fills what one end of a range leaves to the other ("January-May 2022",
// "March 1-5").
void ShareFields(DatePoint& b, DatePoint& e) {
  const bool b_year = b.year || b.year_offset;
  const bool e_year = e.year || e.year_offset;
  if (!b_year && e_year && !b.decade) {
    b.year = e.year, b.year_offset = e.year_offset;
    // "Nov-Feb 2017", "Dec 20 - Jan 5, 2017": the start is in the year before.
    if (b.month && e.month && *b.month > *e.month) {
      if (b.year) --*b.year;
      else if (b.year_offset) --*b.year_offset;
    }
  }
  if (b_year && !e_year && !e.decade) e.year = b.year, e.year_offset = b.year_offset;
  if (e.day && !e.month && b.month) e.month = b.month;
  if (b.day && !b.month && e.month) b.month = e.month;
}

}  // namespace

bool DatePoint::empty() const {
  return !year && !month && !day && !quarter && !decade && !year_offset && !month_offset && !week_offset &&
         !day_offset && !quarter_offset && !weekday && !same_day;
}

Anchor Anchor::Parse(std::optional<std::string_view> published) {
  Anchor a;
  if (!published || published->size() < 4) return a;
  std::string_view s = *published;
  int v;
  if (s.substr(0, 4) == "XXXX") {
  } else if (ReadInt(s, 0, 4, &v)) {
    a.year = v;
  } else {
    return a;
  }
  a.present = true;
  if (s.size() >= 7 && s[4] == '-' && ReadInt(s, 5, 2, &v) && v >= 1 && v <= 12) a.month = v;
  if (a.month && s.size() >= 10 && s[7] == '-' && ReadInt(s, 8, 2, &v) && v >= 1 && v <= 31) a.day = v;
  if (a.day && s.size() >= 16 && s[10] == 'T' && ReadInt(s, 11, 2, &v)) {
    a.hour = v;
    if (ReadInt(s, 14, 2, &v)) a.minute = v;
  }
  if (!a.year && !a.month) a.present = false;
  return a;
}

ResolvedDate ResolveDate(const DateExpression& e, const Anchor& anchor, Tense tense,
                         const std::optional<CivilDay>& previous_day) {
  ResolvedDate r;
  if (e.first_months || e.last_months) {
    Point y;
    DatePoint b = e.begin;
    if (!b.year && !b.year_offset) b.year_offset = 0;
    if (!YearOf(b, anchor, &y)) return {std::nullopt, "month"};
    const int n = e.first_months ? *e.first_months : *e.last_months;
    if (n < 1 || n > 12) return {std::nullopt, "month"};
    const int from = e.first_months ? 1 : 13 - n;
    const int to = e.first_months ? n : 12;
    r.value = y.YearText() + "-" + Pad(from, 2) + "/" + y.YearText() + "-" + Pad(to, 2);
    r.grain = "month";
    return r;
  }
  if (e.months_to || e.first_days) {
    Point p = ResolvePoint(e.begin, anchor, tense, previous_day);
    if (!p.ok || !p.month || p.day) return {std::nullopt, e.first_days ? "day" : "month"};
    if (e.first_days) {
      if (*e.first_days < 2 || *e.first_days >= DaysInMonth(p.year, p.month)) return {std::nullopt, "day"};
      const std::string month = p.YearText() + "-" + Pad(p.month, 2) + "-";
      r.value = month + "01/" + month + Pad(*e.first_days, 2);
      r.grain = "day";
      return r;
    }
    if (*e.months_to < 2 || *e.months_to > 12) return {std::nullopt, "month"};
    if (!p.year_known) return {std::nullopt, "month"};
    const int last = p.year * 12 + (p.month - 1);
    const int first = last - (*e.months_to - 1);
    r.value = Pad(first / 12, 4) + "-" + Pad(first % 12 + 1, 2) + "/" + p.Value();
    r.grain = "month";
    return r;
  }
  if (!e.end) {
    Point p = ResolvePoint(e.begin, anchor, tense, previous_day);
    r.grain = p.Grain();
    if (!p.ok) {
      if (e.begin.weekday || e.begin.day_offset || e.begin.same_day || e.begin.week_offset) r.grain = "day";
      return r;
    }
    if (p.week) {
      r.value = p.Value() + "/" + FromCivil(p.week_end).Value();
      return r;
    }
    r.value = p.Value();
    return r;
  }
  DatePoint b = e.begin, en = *e.end;
  if (b.weekday && en.weekday) {
    // "from Monday to Wednesday": the end is the first such day after the
    // start; "từ thứ Hai đến thứ Sáu tuần này": a week named at the end holds both.
    if (en.weekday_week && !b.weekday_week) b.weekday_week = en.weekday_week;
    Point pb = ResolvePoint(b, anchor, tense, previous_day);
    r.grain = "day";
    if (!pb.ok) return r;
    const int gap = (*en.weekday - *b.weekday + 7) % 7;
    const long start = DaysFromCivil(pb.year, pb.month, pb.day);
    r.value = pb.Value() + "/" + FromCivil(CivilFromDays(start + (gap ? gap : 7))).Value();
    return r;
  }
  ShareFields(b, en);
  if (!b.year && !b.year_offset && !en.year && !en.year_offset && (b.month || b.quarter) && !b.day &&
      anchor.year && anchor.month) {
    // A yearless range of months: the year whose range lies nearest the
    // article's month ("January-September" in October is this year's), past
    // reporting never placing it after the article, future never before.
    const int bm = b.quarter ? *b.quarter * 3 - 2 : *b.month;
    const int em = en.quarter ? *en.quarter * 3 : en.month.value_or(bm);
    const int y = *anchor.year;
    const long at = y * 12L + *anchor.month;
    auto distance = [&](int year) -> long {
      const long from = year * 12L + bm, to = (year + (em < bm)) * 12L + em;
      return at < from ? from - at : (at > to ? at - to : 0);
    };
    int best = y;
    if (tense == Tense::kPast) {
      if (y * 12L + bm > at) best = y - 1;
    } else if (tense == Tense::kFuture) {
      if ((y + (em < bm)) * 12L + em < at - 2) best = y + 1;
    } else {
      for (int cand : {y - 1, y + 1}) {
        if (distance(cand) < distance(best)) best = cand;
      }
    }
    b.year = best;
    en.year = best + (em < bm);
  }
  Point pb = ResolvePoint(b, anchor, tense, previous_day);
  if (pb.ok && !b.year && !b.year_offset && (b.month || b.quarter)) {
    // Both ends inferred: the end follows the beginning.
    if (pb.year_known) {
      en.year = pb.year;
      const int bm = b.quarter ? *b.quarter * 3 : *b.month;
      const int em = en.quarter ? *en.quarter * 3 : en.month.value_or(12);
      if (em < bm) en.year = pb.year + 1;
    }
  }
  Point pe = ResolvePoint(en, anchor, tense, previous_day);
  if (pb.ok && !pb.year_known && !b.year && !b.year_offset) pe.year_known = false;
  r.grain = pb.Grain();
  if (!pb.ok || !pe.ok) return r;
  r.value = pb.Value() + "/" + pe.Value();
  return r;
}

}  // namespace vnie::dates
