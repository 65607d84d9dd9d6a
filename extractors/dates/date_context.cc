#include "extractors/dates/date_context.h"

#include <cctype>
#include <cstdio>

namespace vnie::dates {
namespace {

// How far into the text the lead's date may stand to serve as the article's
// date when the document has none.
constexpr size_t kLeadBytes = 400;

// The value R moved by YEARS years at every end ("2024-04/2024-06" →
// "2023-04/2023-06"); a time is dropped to its day.  Nothing when a day does
// not exist in the new year (29 February).
std::optional<ResolvedDate> ShiftYears(const ResolvedDate& r, int years) {
  if (!r.value) return std::nullopt;
  std::string out;
  std::string_view v = *r.value;
  while (true) {
    const size_t slash = v.find('/');
    std::string_view part = v.substr(0, slash);
    if (part.size() > 10) part = part.substr(0, 10);
    if (part.size() < 4 || !std::isdigit(static_cast<unsigned char>(part[0]))) return std::nullopt;
    const int year = std::stoi(std::string(part.substr(0, 4))) + years;
    if (part.size() == 10 &&
        std::stoi(std::string(part.substr(8, 2))) > DaysInMonth(year, std::stoi(std::string(part.substr(5, 2)))))
      return std::nullopt;
    if (!out.empty()) out += '/';
    out += std::to_string(year) + std::string(part.substr(4));
    if (slash == std::string_view::npos) break;
    v.remove_prefix(slash + 1);
  }
  ResolvedDate shifted;
  shifted.value = out;
  shifted.grain = r.grain == "minute" ? "day" : r.grain;
  return shifted;
}

}  // namespace

DateContext::DateContext(const DateGrammar& grammar, std::optional<std::string_view> published,
                         const std::vector<DateMatch>& matches, std::string_view lang)
    : grammar_(grammar), lang_(lang), anchor_(Anchor::Parse(published)) {
  if (anchor_.present) return;
  // No article date: the first full date of the lead ("Giá vàng sáng nay
  // 22/9/2016 tăng") stands in for it.
  for (const DateMatch& m : matches) {
    if (m.begin > kLeadBytes) break;
    const auto& p = m.expression.begin;
    if (m.explicit_day && p.year && !m.expression.end) {
      anchor_.present = true;
      anchor_.year = p.year;
      anchor_.month = p.month;
      anchor_.day = p.day;
      break;
    }
  }
}

// Whether the phrase at byte B follows a CLS word of words.tsv (lower case,
// one space after it, no letter before it).
bool DateContext::AfterWord(std::string_view text, size_t b, std::string_view cls) const {
  const size_t from = b > 16 ? b - 16 : 0;
  std::string before(text.substr(from, b - from));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& word : grammar_.WordsOf(lang_, cls)) {
    const std::string w = word + " ";
    if (before.size() >= w.size() && before.compare(before.size() - w.size(), w.size(), w) == 0) {
      const size_t at = before.size() - w.size();
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(before[at - 1]))) return true;
    }
  }
  return false;
}

bool DateContext::AfterUntil(std::string_view text, size_t b) const { return AfterWord(text, b, "UNTIL"); }

void DateContext::Prepare(DateMatch& m, std::string_view text, size_t sentence) {
  DatePoint& p = m.expression.begin;
  if (m.same_unit == "month" && previous_month_ && p.month_offset) {
    int y = previous_month_->first, mo = previous_month_->second + *p.month_offset;
    while (mo < 1) mo += 12, --y;
    while (mo > 12) mo -= 12, ++y;
    p.year = y;
    p.month = mo;
    p.month_offset.reset();
    m.relative = false;
  }
  const bool yearless = !p.year && !p.year_offset && (p.month || p.day || p.quarter) && !p.month_offset && !p.day_offset &&
                        !p.weekday && !p.same_day && !m.expression.first_months && !m.expression.last_months &&
                        (!m.expression.end || (!m.expression.end->year && !m.expression.end->year_offset));
  if (yearless && sentence_year_ && sentence_year_of_ == sentence) p.year = *sentence_year_;
  // A year with a mod ("đầu năm 2025", "late 2024") is a part of a year and
  // anchors nothing: "ra mắt vào đầu năm 2025, còn ... vào cuối tháng 10";
  // nor does a limit ("by 2030", "đến năm 2030").
  const bool year_alone = (p.year || p.year_offset) && m.mod.empty() && !p.month && !p.day && !p.quarter && !p.decade &&
                          !m.expression.end && !m.expression.first_months && !m.expression.last_months;
  if (year_alone && !AfterWord(text, m.begin, "LIMIT")) {
    if (p.year) {
      sentence_year_ = *p.year;
    } else if (anchor_.year) {
      sentence_year_ = *anchor_.year + *p.year_offset;
    } else {
      sentence_year_.reset();
    }
    sentence_year_of_ = sentence;
  }
}

ResolvedDate DateContext::Resolve(const DateMatch& m, Tense tense) const {
  const DatePoint& p = m.expression.begin;
  ResolvedDate r = ResolveDate(m.expression, anchor_, tense, previous_day_);
  if (m.same_unit == "year" && previous_ && p.year_offset) {
    // "a year earlier": the period the text last named, a year moved.
    if (auto shifted = ShiftYears(*previous_, *p.year_offset)) r = *shifted;
  } else if (m.same_unit == "namedyear" && previous_ && p.year_offset && previous_->value) {
    // "the previous year": the year before the one the text last named
    // (when a range spans years, the article's year counts instead).
    const std::string& v = *previous_->value;
    const size_t slash = v.find('/');
    if (slash == std::string::npos || v.compare(0, 4, v, slash + 1, 4) == 0) {
      r.value = std::to_string(std::stoi(v.substr(0, 4)) + *p.year_offset);
      r.grain = "year";
    }
  }
  if (m.from_time && r.value && r.grain == "minute" && r.value->size() == 16) {
    // "from 10 a.m. to 6 p.m. on Saturday": an interval of minutes on that day.
    char start[16];  // room for any int, though hours and minutes take two digits
    std::snprintf(start, sizeof start, "%02d:%02d", m.from_time->first, m.from_time->second);
    r.value = r.value->substr(0, 11) + start + "/" + *r.value;
  }
  return r;
}

void DateContext::Remember(const DateMatch& m, const ResolvedDate& r) {
  const DatePoint& p = m.expression.begin;
  // "data showed Wednesday. Exports grew 5.6 percent from a year earlier": a
  // weekday or "yesterday" is when the news was told, not the period a later
  // "a year earlier" counts from.
  const bool telling_day = !m.explicit_day && !m.expression.end && (p.weekday || (p.day_offset && !p.same_day));
  if (r.value && r.value->size() >= 4 && r.value->compare(0, 4, "XXXX") != 0 && r.grain != "decade" && !telling_day) {
    const std::string& v = *r.value;
    previous_ = r;
    if (v.size() >= 7 && v[4] == '-' && v[5] != 'Q' && v.find('/') == std::string::npos) {
      previous_month_ = std::make_pair(std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)));
    } else {
      previous_month_.reset();
    }
  }
  if (r.value && (r.grain == "day" || r.grain == "minute") && !m.expression.end &&
      r.value->find('/') == std::string::npos) {
    const std::string& v = *r.value;
    CivilDay day;
    day.year_known = v.substr(0, 4) != "XXXX";
    day.year = day.year_known ? std::stoi(v.substr(0, 4)) : 0;
    day.month = std::stoi(v.substr(5, 2));
    day.day = std::stoi(v.substr(8, 2));
    previous_day_ = day;
  }
}

}  // namespace vnie::dates
