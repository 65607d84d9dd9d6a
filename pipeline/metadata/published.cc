#include "pipeline/metadata/published.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

constexpr size_t kHeadLines = 15;
constexpr size_t kShortLine = 100;   // a line this short is a byline or dateline
constexpr size_t kNearStart = 30;    // in a longer line, a date must start this early

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  char k[3] = {static_cast<char>(name[0] | 0x20), static_cast<char>(name[1] | 0x20),
               static_cast<char>(name[2] | 0x20)};
  for (int m = 0; m < 12; ++m) {
    if (std::string_view(k, 3) == kMonths[m]) return m + 1;
  }
  return 0;
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

std::optional<std::string> Format(int year, int month, int day, int hour, int minute) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (year != -1 && (year < 1900 || year > 2100)) return std::nullopt;
  char buf[32];
  std::string y = year == -1 ? "XXXX" : std::to_string(year);
  if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) {
    std::snprintf(buf, sizeof buf, "-%02d-%02dT%02d:%02d", month, day, hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "-%02d-%02d", month, day);
  }
  return y + buf;
}

// "YYYY-MM", or "YYYY" with MONTH -1: a date line at month or year grain.
std::optional<std::string> FormatPartial(int year, int month) {
  if (year < 1900 || year > 2100) return std::nullopt;
  if (month == -1) return std::to_string(year);
  if (month < 1 || month > 12) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return std::string(buf);
}

// Day-first unless the numbers make month-first certain.
void DayMonth(int a, int b, int* day, int* month) {
  if (a <= 12 && b > 12) {
    *month = a;
    *day = b;
  } else {
    *day = a;
    *month = b;
  }
}

constexpr const char* kMonth =
    R"((Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";

// A time of day: hour, minute, optional seconds and an optional 12-hour
// marker (am, pm, a.m., p.m.; SA / CH, the Vietnamese locale's sáng /
// chiều, as sites built on vi-VN date formatting print them).  Three groups:
// hour, minute, marker.
constexpr const char* kTime =
    R"((\d{1,2})[:h](\d{2})(?::\d{2})?(?:\s*([ap]\.?\s?m|SA|CH)\b\.?)?)";

// HOUR on a 24-hour clock given the 12-hour MARKER ("" when none).
int Hour24(int hour, std::string_view marker) {
  if (marker.empty() || hour < 1 || hour > 12) return hour;
  char first = static_cast<char>(marker[0] | 0x20);
  bool pm = first == 'p' || first == 'c';
  if (hour == 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

struct Pattern {
  enum Kind {
    kTimeYmd, kYmdTime, kTimeDmy, kDmyTime, kTimeMdy, kMdyTime, kTimeDmyName, kDmy, kVietnamese, kDateline, kDayFirstDateline,
    kDayMonthDateline,
    kYearMonthLine,
    kMonthYearLine,
    kYearLine,
    kMonthNameYearLine,
    kVietnameseMonthLine
  } kind;
  std::string source;
  bool case_sensitive = false;
  // For a line of ASCII only: SOURCE with its Unicode letter classes cut to
  // their ASCII letters (the same matches on such a line, compiled in a
  // fraction of the time); empty when SOURCE has none.
  std::string ascii_source;

  Pattern(Kind k, std::string s, bool cs) : kind(k), source(std::move(s)), case_sensitive(cs) {}
  // Compiled when a line first needs it: most runs use a few of the
  // patterns, and compiling all of them cost more than reading a hundred
  // articles.  (The set below, built at once, has already parsed each one.)
  const RE2& Re() const {
    std::call_once(once_, [this] {
      RE2::Options options;
      options.set_case_sensitive(case_sensitive);
      re_ = std::make_unique<RE2>(source, options);
    });
    return *re_;
  }
  // The pattern to read LINE with.
  const RE2& For(std::string_view line) const {
    if (ascii_source.empty() || !std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      return Re();
    std::call_once(ascii_once_, [this] {
      RE2::Options options;
      options.set_case_sensitive(case_sensitive);
      ascii_re_ = std::make_unique<RE2>(ascii_source, options);
    });
    return *ascii_re_;
  }

 private:
  mutable std::once_flag once_, ascii_once_;
  mutable std::unique_ptr<RE2> re_, ascii_re_;
};

// The patterns, and all of them in one set that tells in one pass which
// can match a line.
struct Patterns {
  std::deque<Pattern> list;  // a deque: a Pattern (its once_flag) does not move
  std::unique_ptr<RE2::Set> any;  // all but the datelines
  std::vector<size_t> in_set;     // a set index -> its index in the list
};

// The dateline patterns name every capital letter (and, case-insensitive,
// every cased letter) of Unicode: each is ten to a hundred times the size
// of the others, and in the set they made its DFA slow to build.  They stay
// out of it; a line is tried with one only when it has the comma and the
// month, or the day/month and dash, after it that the pattern needs.
bool IsDateline(Pattern::Kind kind) {
  return kind == Pattern::kDateline || kind == Pattern::kDayFirstDateline || kind == Pattern::kDayMonthDateline;
}

bool MayBeDateline(Pattern::Kind kind, std::string_view line) {
  // Case-insensitive, an 's' also matches U+017F (long s).
  if (line.find("\xC5\xBF") != std::string_view::npos) return true;
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto month_at = [&](size_t i) {
    if (i + 3 > line.size()) return false;
    char k[3] = {static_cast<char>(line[i] | 0x20), static_cast<char>(line[i + 1] | 0x20),
                 static_cast<char>(line[i + 2] | 0x20)};
    for (std::string_view m : {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
      if (std::string_view(k, 3) == m) return true;
    }
    return false;
  };
  for (size_t c = line.find(','); c != std::string_view::npos; c = line.find(',', c + 1)) {
    size_t i = c + 1;
    while (i < line.size() && space(line[i])) ++i;
    const bool spaced = i > c + 1;
    if (kind == Pattern::kDateline) {
      if (spaced && month_at(i)) return true;
      continue;
    }
    if (i >= line.size() || !digit(line[i])) continue;
    while (i < line.size() && digit(line[i])) ++i;
    if (kind == Pattern::kDayMonthDateline) {
      // "5/8", an optional "(...)", then the dash.
      if (i + 1 >= line.size() || line[i] != '/' || !digit(line[i + 1])) continue;
      for (++i; i < line.size() && digit(line[i]);) ++i;
      while (i < line.size() && space(line[i])) ++i;
      if (i < line.size() && line[i] == '(') {
        i = line.find(')', i);
        if (i == std::string_view::npos) continue;
        ++i;
        while (i < line.size() && space(line[i])) ++i;
      }
      if (i < line.size() && line[i] == '-') return true;
      continue;
    }
    size_t j = i;
    while (j < line.size() && space(line[j])) ++j;
    if (spaced && j > i && month_at(j)) return true;
  }
  return false;
}

Patterns MakePatterns() {
  std::string month = kMonth;
  std::string time = kTime;
  std::deque<Pattern> p;
  std::vector<size_t> in_set;
  RE2::Options set_options;
  set_options.set_log_errors(false);
  auto any = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  auto add = [&](Pattern::Kind kind, const std::string& re, bool case_sensitive = false) {
    p.emplace_back(kind, "(" + re + ")", case_sensitive);
    if (IsDateline(kind)) {
      std::string ascii = p.back().source;
      for (auto [from, to] : {std::pair<std::string_view, std::string_view>{R"([\p{Lu}\p{M} .'-])", R"([A-Z .'-])"},
                              {R"([\p{L}\p{M}.'-])", R"([A-Za-z.'-])"},
                              {R"(\p{Lu})", R"([A-Z])"}}) {
        for (size_t at = ascii.find(from); at != std::string::npos; at = ascii.find(from, at + to.size()))
          ascii.replace(at, from.size(), to);
      }
      if (ascii.find("\\p{") != std::string::npos) throw std::runtime_error("published: a dateline class has no ASCII form");
      p.back().ascii_source = std::move(ascii);
      return;
    }
    if (any->Add((case_sensitive ? "(" : "(?i)(") + re + ")", nullptr) < 0)
      throw std::runtime_error("published: a date pattern does not fit a set");
    in_set.push_back(p.size() - 1);
  };
  // 11:03, 2020/02/24
  add(Pattern::kTimeYmd, R"(\b)" + time + R"(,?\s*(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b)");
  // 2023-06-13, 2020/02/24 11:03
  add(Pattern::kYmdTime, R"(\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:(?:T|\s*[,|-]?\s*))" + time + R"()?\b)");
  // 03:17 - 11/10/2023
  add(Pattern::kTimeDmy, R"(\b)" + time + R"(\s*(?:[,|-]\s*)?(?:[^\d\s,]{1,12}(?:\s+[^\d\s,]{1,12})?\s*,?\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b)");
  // 4/11/2024 08:30, 15/03/2024
  add(Pattern::kDmyTime, R"(\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[,|-]?\s*)" + time + R"()?)");
  // 07:32 pm, November 5, 2024
  add(Pattern::kTimeMdy, R"(\b)" + time + R"(\s*(?:GMT[+-]\d{1,2}|[A-Z]{2,4})?\s*[,|/-]?\s*(?:[A-Za-z]{3,9},?\s+)?)" +
                             month + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
  // Jul 02, 2024 / 17:14, November 5, 2024 | 07:32 pm
  add(Pattern::kMdyTime, R"(\b)" + month + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s*[/,|-]?\s*(?:at\s+)?)" + time + R"()?)");
  // 9:15am, 24 Jun 2024
  add(Pattern::kTimeDmyName, R"(\b)" + time + R"(\s*[,|-]?\s*(\d{1,2})\s+)" + month + R"(,?\s+(\d{4})\b)");
  // 2 July 2024, 07 January,2015 10:41 AM
  add(Pattern::kDmy, R"(\b(\d{1,2})\s+)" + month + R"((?:,\s*|\s+)(\d{4})\b(?:\s*[,|-]?\s*)" + time + R"()?)");
  // ngày 03 tháng 04 năm 2024
  add(Pattern::kVietnamese, R"(ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
  // VIETNAM, August 3 -   SEOUL, July 21 (Yonhap) --
  add(Pattern::kDateline, R"(^\p{Lu}[\p{Lu}\p{M} .'-]*(?:,\s*\p{Lu}[\p{Lu}\p{M} .'-]*)?,\s+)" + month +
                              R"(\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:\([^)]{1,30}\))?\s*(?:-|$))");
  // HANOI, 5 August (VNA) -
  add(Pattern::kDayFirstDateline, R"(^\p{Lu}[\p{Lu}\p{M} .'-]*(?:,\s*\p{Lu}[\p{Lu}\p{M} .'-]*)?,\s+(\d{1,2})\s+)" +
                                      month + R"((?:,?\s+(\d{4}))?\s*(?:\([^)]{1,30}\))?\s*(?:-|$))");
  // HÀ NỘI, 5/8 -   TP.HCM, 12/3 (VTC News) -   Đà Nẵng, 20/4 (TTXVN) -
  // A place whose words are capitalized, a day/month and the dash that
  // opens the story; case matters so that a sentence cannot pass for one.
  add(Pattern::kDayMonthDateline,
      R"(^\p{Lu}[\p{L}\p{M}.'-]*(?:\s+\p{Lu}[\p{L}\p{M}.'-]*){0,3}\s*,\s*(\d{1,2})/(\d{1,2})\s*(?:\([^)]{1,30}\))?\s*-+(?:\s|$))",
      /*case_sensitive=*/true);
  // A line that is only a month or a year, with an optional label ("date
  // 2022-08", "Ngày đăng: 08/2022", "Published: 2022"): the article is dated
  // at that grain.  A year alone needs the label.
  const std::string label = R"((?:date|dated|published|posted|updated|ngày đăng|đăng ngày|ngày|cập nhật|xuất bản))";
  add(Pattern::kYearMonthLine, R"(^\s*(?:)" + label + R"(\s*:?\s*)?(\d{4})[/.-](\d{1,2})\s*$)");
  add(Pattern::kMonthYearLine, R"(^\s*(?:)" + label + R"(\s*:?\s*)?(\d{1,2})[/.-](\d{4})\s*$)");
  add(Pattern::kYearLine, R"(^\s*)" + label + R"(\s*:?\s*(\d{4})\s*$)");
  // "Published: August 2022", "Tháng 8/2022", "tháng 8 năm 2022".
  add(Pattern::kMonthNameYearLine, R"(^\s*(?:)" + label + R"(\s*:?\s*)?)" + month + R"(,?\s+(\d{4})\s*$)");
  add(Pattern::kVietnameseMonthLine,
      R"(^\s*(?:)" + label + R"(\s*:?\s*)?tháng\s+(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})\s*$)");
  if (!any->Compile()) throw std::runtime_error("published: the date patterns do not compile as a set");
  return {std::move(p), std::move(any), std::move(in_set)};
}

const Patterns& ThePatterns() {
  static const Patterns patterns = MakePatterns();
  return patterns;
}

// Reads one match of P; the groups after the whole match are the fields.
std::optional<std::string> Read(const Pattern& p, const std::vector<re2::StringPiece>& g) {
  auto str = [&](size_t i) {
    return i < g.size() && g[i].data() ? std::string_view(g[i].data(), g[i].size()) : std::string_view();
  };
  auto num = [&](size_t i) { return str(i).empty() ? -1 : Num(str(i)); };
  auto month = [&](size_t i) { return MonthNumber(str(i)); };
  // The hour of the time whose groups start at I (hour, minute, marker).
  auto hour = [&](size_t i) { return num(i) < 0 ? -1 : Hour24(num(i), str(i + 2)); };
  int day, mon;
  switch (p.kind) {
    case Pattern::kTimeYmd:
      return Format(num(4), num(5), num(6), hour(1), num(2));
    case Pattern::kYmdTime:
      return Format(num(1), num(2), num(3), hour(4), num(5));
    case Pattern::kTimeDmy:
      DayMonth(num(4), num(5), &day, &mon);
      return Format(num(6), mon, day, hour(1), num(2));
    case Pattern::kDmyTime:
      DayMonth(num(1), num(2), &day, &mon);
      return Format(num(3), mon, day, hour(4), num(5));
    case Pattern::kTimeMdy:
      return Format(num(6), month(4), num(5), hour(1), num(2));
    case Pattern::kMdyTime:
      return Format(num(3), month(1), num(2), hour(4), num(5));
    case Pattern::kTimeDmyName:
      return Format(num(6), month(5), num(4), hour(1), num(2));
    case Pattern::kDmy:
      return Format(num(3), month(2), num(1), hour(4), num(5));
    case Pattern::kVietnamese:
      return Format(num(3), num(2), num(1), -1, -1);
    case Pattern::kDateline:
      return Format(num(3) > 0 ? num(3) : -1, month(1), num(2), -1, -1);
    case Pattern::kDayFirstDateline:
      return Format(num(3) > 0 ? num(3) : -1, month(2), num(1), -1, -1);
    case Pattern::kDayMonthDateline:
      DayMonth(num(1), num(2), &day, &mon);
      return Format(-1, mon, day, -1, -1);
    case Pattern::kYearMonthLine:
      return FormatPartial(num(1), num(2));
    case Pattern::kMonthYearLine:
      return FormatPartial(num(2), num(1));
    case Pattern::kYearLine:
      return FormatPartial(num(1), -1);
    case Pattern::kMonthNameYearLine:
      return FormatPartial(num(2), month(1));
    case Pattern::kVietnameseMonthLine:
      return FormatPartial(num(2), num(1));
  }
  return std::nullopt;
}

std::vector<std::string_view> HeadLines(std::string_view text, size_t count) {
  std::vector<std::string_view> lines;
  size_t i = 0;
  while (i < text.size() && lines.size() < count) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) lines.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return lines;
}

// The earliest date match in LINE, with its byte position.
std::optional<std::string> MatchFirstDate(std::string_view line, size_t* at) {
  std::optional<std::string> best;
  size_t best_at = std::string_view::npos;
  *at = std::string_view::npos;
  // Every pattern has a digit; most lines of a page have none.
  if (std::none_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  const Patterns& patterns = ThePatterns();
  // Patterns that match nowhere in the line are skipped; when the set cannot
  // tell (its DFA ran out of memory), every pattern runs.
  std::vector<bool> may_match(patterns.list.size(), true);
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (patterns.any->Match(re2::StringPiece(line.data(), line.size()), &hits, &error) ||
      error.kind == RE2::Set::kNoError) {
    may_match.assign(patterns.list.size(), false);
    bool any = false;
    for (int h : hits) may_match[patterns.in_set[static_cast<size_t>(h)]] = any = true;
    for (size_t pi = 0; pi < patterns.list.size(); ++pi) {
      const Pattern::Kind kind = patterns.list[pi].kind;
      if (IsDateline(kind) && MayBeDateline(kind, line)) may_match[pi] = any = true;
    }
    if (!any) return std::nullopt;
  }
  std::vector<std::string> timed;  // values with a time of day
  for (size_t pi = 0; pi < patterns.list.size(); ++pi) {
    if (!may_match[pi]) continue;
    const Pattern& p = patterns.list[pi];
    const RE2& re = p.For(line);
    int groups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> g(static_cast<size_t>(groups) + 1);
    re2::StringPiece input(line.data(), line.size());
    size_t pos = 0;
    while (pos < line.size() &&
           re.Match(input, pos, line.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
      size_t start = static_cast<size_t>(g[0].data() - line.data());
      // g[1] is the whole pattern; fields follow.
      std::vector<re2::StringPiece> fields(g.begin() + 1, g.end());
      if (auto v = Read(p, fields)) {
        if (v->size() > 10) timed.push_back(*v);
        if (start < best_at) {
          best_at = start;
          best = v;
        }
        break;
      }
      pos = start + 1;
    }
  }
  // "VNA Monday, June 24, 2024 - 08:30": the dateline shape starts first
  // but the same day is printed with its time.
  if (best && best->size() == 10) {
    for (const std::string& t : timed) {
      if (t.compare(0, 10, *best) == 0) {
        best = t;
        break;
      }
    }
  }
  *at = best_at;
  return best;
}

// FirstDateIn's last answers on this thread, by the line's text: the title
// finder, the date finder and the boilerplate filter read the same head
// lines, and the patterns are the costliest part of reading them.
struct DateMemo {
  std::string line;
  std::optional<std::string> date;
  size_t at = std::string_view::npos;
};

std::optional<std::string> FirstDateIn(std::string_view line, size_t* at) {
  constexpr size_t kSlots = 32;
  thread_local std::vector<DateMemo> memo(kSlots);
  thread_local size_t next = 0;
  for (const DateMemo& m : memo) {
    if (m.line == line) {
      *at = m.at;
      return m.date;
    }
  }
  DateMemo& slot = memo[next];
  next = (next + 1) % kSlots;
  slot.date = MatchFirstDate(line, &slot.at);
  slot.line.assign(line);
  *at = slot.at;
  return slot.date;
}

bool EndsSentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ' ')) line.remove_suffix(1);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// The date at AT in LINE follows a word that leads into a date in a
// sentence or headline ("từ ngày 1/7/2024", "from July 1, 2024"): it is
// what the line is about, not when it was printed.
bool LedIn(std::string_view line, size_t at) {
  static const std::set<std::string, std::less<>> kLeadIns = {
      "ngay", "tu", "den", "vao", "truoc", "sau", "toi", "on", "from", "since", "until", "till",
      "before", "after", "by", "in", "of", "to", "dated"};
  size_t end = at;
  while (end > 0 && line[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && line[begin - 1] != ' ') --begin;
  if (begin == end) return false;
  return kLeadIns.count(AsciiFold(line.substr(begin, end - begin))) > 0;
}

size_t WordCount(std::string_view line) {
  size_t words = 1;
  for (char c : line) words += c == ' ';
  return words;
}

// Site names and bylines read like headlines: "CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH
// PHỦ", "Saigon Post | English", "By Tran Minh Hieu and Le Van".
bool WeakTitle(std::string_view line) {
  size_t upper = 0;
  for (char c : line) {
    if (c >= 'a' && c <= 'z') {
      upper = 0;
      break;
    }
    upper += c >= 'A' && c <= 'Z';
  }
  if (upper >= 4) return true;
  if (line.find(" | ") != std::string_view::npos) return true;
  // A name in title case of five words at most: "South China Morning Post",
  // "VIR - Vietnam Investment Review".
  size_t words = 0;
  bool all_capitalized = true;
  for (size_t i = 0; i < line.size();) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    char c = line[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (letter) {
      ++words;
      all_capitalized = all_capitalized && c >= 'A' && c <= 'Z';
    }
    i = j + 1;
  }
  if (all_capitalized && words <= 5) return true;
  std::string key = AsciiFold(line.substr(0, std::min<size_t>(line.size(), 12)));
  for (std::string_view by : {"by ", "theo ", "bai va anh ", "bai anh "}) {
    if (key.rfind(by, 0) == 0) return true;
  }
  // "Báo Quân đội Nhân dân", "Tạp chí Tài chính": a paper's name ("Báo
  // động ..." is a headline).
  static const RE2 paper(R"(^(?:Báo|Tạp chí|Cổng thông tin|Trang tin|Đài)\s+\p{Lu})");
  if (RE2::PartialMatch(line, paper)) return true;
  // "Kinh tế & Đô thị", "Life & Style": a name joined by '&'.
  if (line.find(" & ") != std::string_view::npos && WordCount(line) <= 6) return true;
  return false;
}

// "By Phuong Nguyen", "BY KIM JAE-WON": a short line naming the writers.
bool IsByline(std::string_view line) {
  return line.size() <= 80 && (line.rfind("By ", 0) == 0 || line.rfind("BY ", 0) == 0);
}

}  // namespace

std::optional<std::string> FirstDateOf(std::string_view line, size_t* at) { return FirstDateIn(line, at); }

std::optional<std::string> FindPublished(std::string_view text) { return FindPublished(text, std::nullopt); }

std::optional<std::string> FindPublished(std::string_view text, const std::optional<std::string>& title) {
  // The first date of the head; a dateline without a year ("HÀ NỘI, 5/8 -")
  // gives way to a later head date of the same day that has one.  The
  // headline's own dates ("Lương tăng từ ngày 1/7/2024") are not its stamp.
  //
  // A site's clock in its header ("Thứ Năm, 27-06-2024" above the article's
  // "Thứ Hai, 24-06-2024, 09:15") is the day the page was saved: when a later
  // short head line, before the body begins, dates an earlier day, that line
  // is the article's stamp.  An "Updated" stamp is never earlier.
  std::vector<std::string_view> head = HeadLines(text, kHeadLines);
  auto earlier_stamp = [&](size_t from, const std::string& first) -> std::optional<std::string> {
    for (size_t k = from; k < head.size(); ++k) {
      std::string_view line = head[k];
      if (line.size() >= 200 || (EndsSentence(line) && WordCount(line) >= 8)) break;  // the body
      if (line.size() > kShortLine || (title && line == *title)) continue;
      size_t at = 0;
      std::optional<std::string> date = FirstDateIn(line, &at);
      if (date && date->rfind("XXXX", 0) != 0 && date->compare(0, 10, first, 0, 10) < 0) return date;
    }
    return std::nullopt;
  };
  // A first line with a date inside a sentence of seven words or more ("Từ
  // ngày 1/7/2025, tăng lương cơ sở cho cán bộ, công chức?") is a headline
  // even where the title finder passed it over: a dateline below it wins.
  std::optional<std::string> yearless, headline;
  for (size_t k = 0; k < head.size(); ++k) {
    std::string_view line = head[k];
    if (title && line == *title) continue;
    size_t at = 0;
    std::optional<std::string> date = FirstDateIn(line, &at);
    if (!date || (line.size() > kShortLine && at > kNearStart)) continue;
    if (headline && line.size() > kShortLine) continue;
    if (k == 0 && at > 0 && WordCount(line) >= 7 && line.size() <= kShortLine) {
      headline = date;
      continue;
    }
    if (!yearless) {
      if (date->rfind("XXXX", 0) != 0) {
        if (line.size() <= kShortLine) {
          if (auto earlier = earlier_stamp(k + 1, *date)) return earlier;
        }
        return date;
      }
      yearless = date;
    } else if (date->rfind("XXXX", 0) != 0 && date->compare(4, 6, *yearless, 4, 6) == 0) {
      return date;
    }
  }
  return yearless ? yearless : headline;
}

std::optional<std::string> FindTitle(std::string_view text) {
  std::vector<std::string_view> lines = HeadLines(text, 8);
  std::optional<std::string> weak, strong;
  bool body = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    // Only a short line's date matters here.
    size_t at = 0;
    bool has_date = line.size() <= kShortLine && FirstDateIn(line, &at).has_value();
    // A byline, dateline or timestamp; a headline may name a date after a
    // word leading into it ("Tăng lương từ ngày 1/7/2024").
    // Four words before the date: a stamp's label ("Thứ Hai, ngày", "Updated
    // on") is shorter.
    bool headline_date = has_date && at > 0 && WordCount(line.substr(0, at)) > 4 && LedIn(line, at);
    if (has_date && line.size() <= kShortLine && !headline_date) continue;
    if (WordCount(line) >= 4 && line.size() <= 250 && !EndsSentence(line)) {
      if (WeakTitle(line)) {
        if (!weak) weak = std::string(line);
        continue;
      }
      // A site's tagline may come first; the headline is the line a
      // byline follows ("Exclusive news, data and analytics ..." then the
      // headline and "By Phuong Nguyen").
      if (!strong) strong = std::string(line);
      if (!body && k + 1 < lines.size() && IsByline(lines[k + 1])) return std::string(line);
      continue;
    }
    if (EndsSentence(line) && WordCount(line) >= 8) body = true;  // a byline after it is the closing one
    if (line.size() > 250) break;  // the body has begun
  }
  return strong ? strong : weak;
}

bool IsSpecPublished(std::string_view v) {
  auto digits = [&](size_t at, size_t len) {
    if (at + len > v.size()) return false;
    for (size_t i = at; i < at + len; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  auto num = [&](size_t at, size_t len) {
    int x = 0;
    for (size_t i = at; i < at + len; ++i) x = x * 10 + (v[i] - '0');
    return x;
  };
  if (!(v.size() == 4 || v.size() == 7 || v.size() == 10 || v.size() == 16) || !digits(0, 4)) return false;
  const int year = num(0, 4);
  if (year < 1000 || year > 2999) return false;
  if (v.size() == 4) return true;
  if (v[4] != '-' || !digits(5, 2)) return false;
  const int month = num(5, 2);
  if (month < 1 || month > 12) return false;
  if (v.size() == 7) return true;
  if (v[7] != '-' || !digits(8, 2)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int day = num(8, 2);
  if (day < 1 || day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  if (v.size() == 10) return true;
  return v[10] == 'T' && digits(11, 2) && v[13] == ':' && digits(14, 2) && num(11, 2) < 24 && num(14, 2) < 60;
}

}  // namespace vnie
