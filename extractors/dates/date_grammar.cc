#include "extractors/dates/date_grammar.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <cctype>
#include <optional>
#include <set>
#include <stdexcept>

#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"

namespace vnie::dates {
namespace {

constexpr std::string_view kDir = "extractors/dates/";

int ToInt(std::string_view s) { return std::atoi(std::string(s).c_str()); }

std::vector<std::vector<std::string_view>> Table(std::string_view file) {
  return ParseTsv(EmbeddedData(std::string(kDir) + std::string(file)));
}

// One word or phrase of a lexicon class.
struct Word {
  std::string text;
  std::string value;
  bool exact = false;
  std::string lower;  // TEXT in lower case, made once: sentences ask for it many times
};

// The words of each class, per language, and their values by lower-case key.
class Lexicon {
 public:
  void Add(std::string_view lang, std::string_view cls, std::string_view text, std::string_view value,
           bool exact) {
    words_[Key(lang, cls)].push_back(Word{std::string(text), std::string(value), exact, LowerCase(text)});
    values_[Key(lang, cls) + "\x1f" + LowerCase(text)] = std::string(value);
  }
  // The value of TEXT in class CLS for LANG (or for every language).
  std::optional<std::string> Value(std::string_view lang, std::string_view cls, std::string_view text) const {
    std::string folded = Collapse(LowerCase(text));
    for (std::string_view l : {lang, std::string_view("*")}) {
      auto it = values_.find(Key(l, cls) + "\x1f" + folded);
      if (it != values_.end()) return it->second;
    }
    return std::nullopt;
  }
  // An RE2 alternation of the class's words, longest first.
  std::string Alternation(std::string_view lang, std::string_view cls) const {
    std::vector<const Word*> all;
    for (std::string_view l : {lang, std::string_view("*")}) {
      auto it = words_.find(Key(l, cls));
      if (it == words_.end()) continue;
      for (const Word& w : it->second) all.push_back(&w);
    }
    if (all.empty()) return "(?:\\x{0}\\x{0}\\x{0})";  // matches nothing in text
    std::stable_sort(all.begin(), all.end(),
                     [](const Word* a, const Word* b) { return a->text.size() > b->text.size(); });
    std::string out = "(?:";
    for (size_t i = 0; i < all.size(); ++i) {
      if (i) out += "|";
      std::string quoted;
      size_t start = 0;
      std::string_view t = all[i]->text;
      while (true) {
        size_t space = t.find(' ', start);
        quoted += RE2::QuoteMeta(t.substr(start, space == std::string_view::npos ? space : space - start));
        if (space == std::string_view::npos) break;
        quoted += "\\s+";
        start = space + 1;
      }
      out += all[i]->exact ? quoted : "(?i:" + quoted + ")";
    }
    return out + ")";
  }
  const std::vector<Word>* Words(std::string_view lang, std::string_view cls) const {
    auto it = words_.find(Key(lang, cls));
    return it == words_.end() ? nullptr : &it->second;
  }

  static std::string Collapse(std::string s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

 private:
  static std::string Key(std::string_view lang, std::string_view cls) {
    return std::string(lang) + ":" + std::string(cls);
  }
  std::map<std::string, std::vector<Word>, std::less<>> words_;
  std::map<std::string, std::string, std::less<>> values_;
};

Lexicon LoadLexicon() {
  Lexicon lex;
  // A month written "year" names a month only before a year (MONTHY); an
  // English month name also has its lower-case form (MONTHLOW), for the rules
  // where a day and a year leave no doubt.
  for (const auto& r : Table("months.tsv")) {
    if (r.at(3) == "year") {
      lex.Add(r.at(0), "MONTHY", r.at(1), r.at(2), false);
      continue;
    }
    lex.Add(r.at(0), "MONTH", r.at(1), r.at(2), r.at(3) == "exact");
    if (r.at(0) == "en") lex.Add(r.at(0), "MONTHLOW", LowerCase(r.at(1)), r.at(2), true);
  }
  // A weekday written "dir" names a day only with a week word after it.
  for (const auto& r : Table("weekdays.tsv"))
    lex.Add(r.at(0), r.at(3) == "dir" ? "WEEKDAYDIR" : "WEEKDAY", r.at(1), r.at(2), r.at(3) != "any");
  for (const auto& r : Table("mods.tsv")) lex.Add(r.at(0), "MOD", r.at(1), r.at(2), false);
  for (const auto& r : Table("relative.tsv")) {
    std::string value = std::string(r.at(2)) + ":" + std::string(r.at(3));
    if (r.at(4) == "alone") lex.Add(r.at(0), "REL", r.at(1), value, false);
    if (r.at(2) == "year" || r.at(2) == "namedyear") lex.Add(r.at(0), "RELYEAR", r.at(1), r.at(3), false);
    if (r.at(2) == "month") lex.Add(r.at(0), "RELMONTH", r.at(1), r.at(3), false);
  }
  for (const auto& r : Table("numbers.tsv")) {
    std::string cls = r.at(1) == "ordinal" ? "ORD" : std::string(r.at(1));
    for (char& c : cls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    lex.Add(r.at(0), cls, r.at(2), r.at(3), cls == "ROMAN");
  }
  for (const auto& r : Table("words.tsv")) {
    std::string cls(r.at(1));
    for (char& c : cls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    lex.Add(r.at(0), cls, r.at(2), r.at(3), cls == "UNIT");
  }
  return lex;
}

const std::map<std::string, std::string, std::less<>>& Shapes() {
  static const std::map<std::string, std::string, std::less<>> kShapes = {
      {"Y", "(?:1[89]\\d\\d|20\\d\\d)"},
      {"D", "(?:[12]\\d|3[01]|0?[1-9])"},
      {"DS", "(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"},
      {"M", "(?:1[0-2]|0?[1-9])"},
  };
  return kShapes;
}

struct Rule {
  std::string lang;
  std::string name;
  std::unique_ptr<RE2> re;
  std::map<std::string, int> groups;
};

// Decodes the code point before / at byte I of S (U+0000 at the ends).
UChar32 Before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c < 0 ? 0xFFFD : c;
}
UChar32 At(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}
bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }
bool IsWordChar(UChar32 c) { return c != 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0); }

bool StartsClean(std::string_view text, size_t b) {
  UChar32 p = Before(text, b);
  if (IsWordChar(p)) return false;
  if (p == '$' || p == 0x20AC || p == 0xA3 || p == 0xA5 || p == 0x20AB || p == '#' || p == '+' || p == '@') return false;
  if (b < text.size() && IsDigit(static_cast<unsigned char>(text[b]))) {
    if ((p == '.' || p == ',' || p == '/' || p == ':' || p == '-') && b >= 2 && IsDigit(Before(text, b - 1))) return false;
  }
  return true;
}

bool EndsClean(std::string_view text, size_t e) {
  UChar32 n = At(text, e);
  if (IsWordChar(n)) return false;
  if (e > 0 && IsDigit(static_cast<unsigned char>(text[e - 1]))) {
    if (n == '%') return false;
    if ((n == '.' || n == ',' || n == '/' || n == ':' || n == '-') && e + 1 < text.size() &&
        IsDigit(static_cast<unsigned char>(text[e + 1])))
      return false;
    // "12/2015/NĐ-CP": a document number, not a date.
    if (n == '/' && IsWordChar(At(text, e + 1))) return false;
  }
  return true;
}

}  // namespace

struct DateGrammar::Impl {
  Lexicon lex;
  std::vector<Rule> rules;
  // Per language, every rule's pattern in one RE2::Set and the rule index of
  // each of its patterns: one pass over the text tells which rules match
  // anywhere, so only those are run for their groups.
  std::map<std::string, std::pair<std::unique_ptr<RE2::Set>, std::vector<size_t>>, std::less<>> rule_sets;
  std::unique_ptr<RE2> time_before, time_after, time_range_start;
  std::map<std::string, std::pair<std::unique_ptr<RE2>, std::unique_ptr<RE2>>, std::less<>> range_words;

  std::optional<std::string_view> Group(const Rule& r, const std::vector<re2::StringPiece>& subs,
                                        std::string_view name) const {
    auto it = r.groups.find(std::string(name));
    if (it == r.groups.end()) return std::nullopt;
    const auto& s = subs[it->second];
    if (s.data() == nullptr) return std::nullopt;
    return std::string_view(s.data(), s.size());
  }

  // The word before byte B, lower case.
  std::string WordBefore(std::string_view text, size_t b) const {
    size_t e = b;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    size_t s = e;
    while (s > 0) {
      UChar32 c = Before(text, s);
      if (!IsWordChar(c)) break;
      s -= U8_LENGTH(c);
    }
    return LowerCase(text.substr(s, e - s));
  }

  // Whether the phrase at [b, e) is a lunar date: a LUNARBEFORE word
  // ("rằm") just before it, or a LUNARAFTER word ("âm lịch") just after it.
  bool Lunar(std::string_view text, size_t b, size_t e, std::string_view lang) const {
    if (lex.Value(lang, "LUNARBEFORE", WordBefore(text, b))) return true;
    size_t s = e;
    while (s < text.size() && (text[s] == ' ' || text[s] == '(')) ++s;
    const auto* words = lex.Words(lang, "LUNARAFTER");
    if (!words) return false;
    for (const Word& w : *words) {
      if (LowerCase(text.substr(s, w.text.size())) == w.lower && !IsWordChar(At(text, s + w.text.size()))) return true;
    }
    return false;
  }

  // Whether a CLS word starts at a word boundary in LOWERED (lowercase text);
  // with WHOLE, it also ends at one.
  bool HasWord(const std::string& lowered, std::string_view lang, std::string_view cls, bool whole) const {
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = lex.Words(l, cls);
      if (!words) continue;
      for (const Word& w : *words) {
        const std::string& word = w.lower;
        for (size_t p = lowered.find(word); p != std::string::npos; p = lowered.find(word, p + 1)) {
          if (!IsWordChar(Before(lowered, p)) && (!whole || !IsWordChar(At(lowered, p + word.size())))) return true;
        }
      }
    }
    return false;
  }

  // Whether a CLS word occurs anywhere in TEXT.
  bool InText(std::string_view text, std::string_view lang, std::string_view cls) const {
    return HasWord(LowerCase(text), lang, cls, false);
  }

  // Whether a word of class CLS stands in the sentence of [b, e), at most 80
  // bytes before B (and, with AFTER, 80 bytes after E).
  bool InSentence(std::string_view text, size_t b, size_t e, std::string_view lang, std::string_view cls,
                  bool after) const {
    size_t s = b > 80 ? b - 80 : 0;
    for (size_t i = b; i > s; --i) {
      const char c = text[i - 1];
      if (c == '\n' || c == '!' || c == '?' || (c == '.' && i < text.size() && (text[i] == ' ' || text[i] == '\n'))) {
        s = i;
        break;
      }
    }
    size_t stop = b;
    if (after) {
      stop = std::min(text.size(), e + 80);
      for (size_t i = e; i < stop; ++i) {
        const char c = text[i];
        if (c == '\n' || c == '!' || c == '?' || (c == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'))) {
          stop = i;
          break;
        }
      }
    }
    return HasWord(LowerCase(text.substr(s, stop - s)), lang, cls, true);
  }

  // "delayed the plant from late 2024 to 2026" names two dates, the old one
  // and the new one, not a period between them.
  bool Moved(std::string_view text, size_t b, std::string_view lang) const {
    return InSentence(text, b, b, lang, "MOVE", false);
  }

  // The parts of the day that may follow a time ("2 giờ chiều"), each with
  // the hours it moves to the afternoon or night ("1-11"; "0" for none).
  const std::vector<Word>& PodAfter() const {
    static const std::vector<Word> kNone;
    const auto* words = lex.Words("vi", "PODAFTER");
    return words ? *words : kNone;
  }

  // Whether a NAMEBEFORE phrase ("Cách mạng") ends just before byte B.
  bool NameBefore(std::string_view text, size_t b, std::string_view lang) const {
    size_t e = b;
    while (e > 0 && text[e - 1] == ' ') --e;
    const auto* words = lex.Words(lang, "NAMEBEFORE");
    if (!words) return false;
    for (const Word& w : *words) {
      if (e < w.text.size()) continue;
      const size_t s = e - w.text.size();
      if (LowerCase(text.substr(s, w.text.size())) == w.lower && !IsWordChar(Before(text, s))) return true;
    }
    return false;
  }

  // Whether a weekday, a day or "nay" follows byte E: the word before it was
  // a range's "to".
  bool RangeAfter(std::string_view text, size_t e, std::string_view lang) const {
    size_t s = e;
    while (s < text.size() && text[s] == ' ') ++s;
    if (s < text.size() && IsDigit(static_cast<unsigned char>(text[s]))) return true;
    const std::string next = LowerCase(text.substr(s, 8));
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = lex.Words(l, "RANGEHEAD");
      if (!words) continue;
      for (const Word& w : *words) {
        if (next.rfind(w.lower, 0) == 0) return true;
      }
    }
    return false;
  }

  bool UnitAfter(std::string_view text, size_t e, std::string_view lang) const {
    size_t s = e;
    while (s < text.size() && text[s] == ' ') ++s;
    if (s == e) return false;
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = lex.Words(l, "UNIT");
      if (!words) continue;
      for (const Word& w : *words) {
        if (text.substr(s, w.text.size()) == w.text || LowerCase(text.substr(s, w.text.size() + 2)).rfind(w.lower, 0) == 0) {
          if (!IsWordChar(At(text, s + w.text.size()))) return true;
        }
      }
    }
    return false;
  }

  std::optional<DateMatch> Interpret(const Rule& r, const std::vector<re2::StringPiece>& subs,
                                     std::string_view lang) const {
    DateMatch m;
    m.rule = r.name;
    DatePoint& b = m.expression.begin;
    DatePoint e;
    auto g = [&](std::string_view name) { return Group(r, subs, name); };
    auto value = [&](std::string_view cls, std::string_view text) { return lex.Value(lang, cls, text); };

    for (auto name : {"y", "ya", "yb"}) {
      if (auto y = g(name)) b.year = ToInt(*y);
    }
    if (auto yy = g("yy")) {
      // A two-digit year ("FY24"): this century up to 2069, else the last.
      const int v = ToInt(*yy);
      b.year = v < 70 ? 2000 + v : 1900 + v;
    }
    for (auto name : {"y2", "y3"}) {
      if (auto y = g(name)) e.year = ToInt(*y);
    }
    if (auto y = g("y2s"); y && b.year) {
      // "2020-21": the end shares the start's century and must follow it.
      const int end = *b.year / 100 * 100 + ToInt(*y);
      if (end <= *b.year || end - *b.year > 10) return std::nullopt;
      e.year = end;
    }
    if (auto s = g("mon")) {
      std::string w(*s);
      if (!w.empty() && w.back() == '.') w.pop_back();
      auto v = value("MONTH", w);
      if (!v) v = value("MONTH", *s);
      if (!v) v = value("MONTHY", *s);
      if (!v) return std::nullopt;
      b.month = ToInt(*v);
    }
    if (auto s = g("mon2")) {
      std::string w(*s);
      auto v = value("MONTH", w);
      if (!v && !w.empty() && w.back() == '.') w.pop_back(), v = value("MONTH", w);
      if (!v) return std::nullopt;
      e.month = ToInt(*v);
    }
    if (auto s = g("mnum")) b.month = ToInt(*s);
    // Ordinal words: "the first of March" (a day), "the third month of 2021".
    if (auto s = g("dw")) b.day = ToInt(value("DAYORD", *s).value_or("0"));
    if (auto s = g("mw")) b.month = ToInt(value("DAYORD", *s).value_or("0"));
    if (g("dfirst")) b.day = 1;
    if (g("dlast")) b.last_day = true;
    if (auto s = g("mnum2")) e.month = ToInt(*s);
    if (auto s = g("d")) b.day = ToInt(*s);
    if (auto s = g("d2")) e.day = ToInt(*s);
    if (r.name == "numeric_dmy" && b.month && b.day) {
      // Day first unless the second number cannot be a month.
      if (*b.month > 12 && *b.day <= 12) std::swap(*b.month, *b.day);
    }
    for (const DatePoint* p : {&b, &e}) {
      if (p->month && (*p->month < 1 || *p->month > 12)) return std::nullopt;
      if (p->day && (*p->day < 1 || *p->day > 31)) return std::nullopt;
    }
    if (auto s = g("q")) {
      auto v = value("ROMAN", *s);
      b.quarter = v ? ToInt(*v) : ToInt(*s);
      if (*b.quarter < 1 || *b.quarter > 4) return std::nullopt;
    }
    if (auto s = g("qw")) {
      auto v = value("ORD", *s);
      if (!v) v = value("QUARTERWORD", *s);
      if (!v) return std::nullopt;
      b.quarter = ToInt(*v);
    }
    if (auto s = g("dec")) b.decade = ToInt(*s);
    if (auto s = g("dec2")) {
      int d = ToInt(*s);
      b.decade = d >= 30 ? 1900 + d : 2000 + d;
    }
    if (auto s = g("mod")) {
      std::string w(*s);
      while (!w.empty() && (w.back() == '-' || w.back() == ' ')) w.pop_back();
      auto v = value("MOD", w);
      if (!v) v = value("MOD", *s);
      if (v) m.mod = *v;
    }
    // "around the month of May", "around the year 2000": "approx" with "the
    // month" / "the year" is no date of its own.
    for (auto name : {"ryear", "rmonth"}) {
      if (auto s = g(name); s && m.mod == "approx" && LowerCase(*s).rfind("the ", 0) == 0) return std::nullopt;
    }
    if (auto s = g("ryear")) {
      auto v = value("RELYEAR", *s);
      if (!v) return std::nullopt;
      b.year_offset = ToInt(*v);
    }
    if (auto s = g("ryword")) {
      auto v = value("RELYEAR", "năm " + std::string(*s));
      if (!v) return std::nullopt;
      b.year_offset = ToInt(*v);
    }
    if (auto s = g("rmonth")) {
      auto v = value("RELMONTH", *s);
      if (!v) return std::nullopt;
      b.month_offset = ToInt(*v);
    }
    if (auto s = g("rel")) {
      auto v = value("REL", *s);
      if (!v) return std::nullopt;
      size_t colon = v->find(':');
      std::string unit = v->substr(0, colon);
      int offset = ToInt(v->substr(colon + 1));
      if (unit == "day") b.day_offset = offset;
      else if (unit == "week") b.week_offset = offset;
      else if (unit == "weekend") b.week_offset = offset, b.weekend = true;
      else if (unit == "month") b.month_offset = offset;
      else if (unit == "quarter") b.quarter_offset = offset;
      else if (unit == "year") b.year_offset = offset;
      else if (unit == "samemonth") b.month_offset = offset, m.same_unit = "month";
      else if (unit == "sameyear") b.year_offset = offset, m.same_unit = "year";
      else if (unit == "namedyear") b.year_offset = offset, m.same_unit = "namedyear";
      else {
        b.same_day = true;
        if (offset) b.day_offset = offset;
      }
    }
    if (auto s = g("wd")) {
      auto v = value("WEEKDAY", *s);
      if (!v) v = value("WEEKDAYDIR", *s);
      if (!v) return std::nullopt;
      // "thứ 5" alone is also "fifth": a numbered weekday needs a word before
      // it ("hôm", "ngày", "sáng") or a date after it.
      auto whole = g("m");
      if (s->find_first_of("0123456789") != std::string_view::npos && !b.day && whole &&
          whole->data() == s->data() && !g("wdir") && !g("wnear"))
        return std::nullopt;
      // "ngày thứ 3 liên tiếp" is "the third day": "ngày" alone does not make
      // a numbered weekday.
      if (s->find_first_of("0123456789") != std::string_view::npos && !b.day && whole &&
          Lexicon::Collapse(LowerCase(std::string_view(whole->data(), s->data() - whole->data()))) == "ngày")
        return std::nullopt;
      if (!b.day) b.weekday = ToInt(*v);
    }
    if (auto s = g("wdir")) {
      auto v = value("WEEKDIR", *s);
      if (v && b.weekday) b.weekday_week = ToInt(*v);
    }
    if (auto s = g("wnear")) {
      auto v = value("WEEKNEAR", *s);
      if (v && b.weekday) b.weekday_near = ToInt(*v);
    }
    if (auto s = g("wnth")) {
      auto v = value("NTH", *s);
      if (!v || !b.weekday) return std::nullopt;
      b.weekday_nth = ToInt(*v);
    }
    // "two days ago", "3 năm trước (đây)": counted back from the article's
    // date; "5 năm trước khi/đó" counts from another event and is no date.
    if (auto cu = g("cu")) {
      auto cx = g("cx");
      if (cx && LowerCase(*cx) != "đây") return std::nullopt;
      const std::string cn = LowerCase(*g("cn"));
      int n = std::isdigit(static_cast<unsigned char>(cn[0])) ? ToInt(cn)
              : (cn == "a" || cn == "an" || cn == "one") ? 1
                                                          : ToInt(value("COUNT", cn).value_or("0"));
      if (n < 1) return std::nullopt;
      const std::string unit = LowerCase(*cu);
      if (unit.rfind("day", 0) == 0 || unit == "ngày") b.day_offset = -n;
      else if (unit.rfind("week", 0) == 0 || unit == "tuần") b.day_offset = -7 * n;
      else if (unit.rfind("month", 0) == 0 || unit == "tháng") b.month_offset = -n;
      else b.year_offset = -n;
    }
    // Halves and "the first/last N months" of a year.
    if (g("half")) {
      auto edge = g("fdir");
      bool last = edge && (LowerCase(*edge) == "second" || value("EDGE", *edge).value_or("1") == "-1");
      if (g("hn")) last = *g("hn") == "2";
      if (g("hn2")) last = *g("hn2") == "2";
      if (last) m.expression.last_months = 6;
      else m.expression.first_months = 6;
    } else if (auto fn = g("fn")) {
      int n = std::isdigit(static_cast<unsigned char>((*fn)[0])) ? ToInt(*fn) : ToInt(value("COUNT", *fn).value_or("0"));
      if (n < 2 || n > 12) return std::nullopt;
      auto edge = g("fdir");
      bool last = edge && value("EDGE", *edge).value_or("1") == "-1";
      if (last) m.expression.last_months = n;
      else m.expression.first_months = n;
    }
    // "the three months to September", "the year to March": a period that
    // ends in the month; "the first 20 days of November".
    auto count = [&](std::string_view s) {
      return std::isdigit(static_cast<unsigned char>(s[0])) ? ToInt(s) : ToInt(value("COUNT", s).value_or("0"));
    };
    // "the three months to June 30" ends on a day: that day is the date.
    if (g("tday")) return std::nullopt;
    if (auto tn = g("tn")) {
      const int n = count(*tn);
      if (n < 2 || n > 12) return std::nullopt;
      m.expression.months_to = n;
    } else if (g("tyear")) {
      m.expression.months_to = 12;
    }
    if (auto fd = g("fd")) {
      const int n = count(*fd);
      if (n < 2 || n > 30) return std::nullopt;
      m.expression.first_days = n;
    }

    if (!e.empty()) {
      auto joiner = g("j");
      auto pre = g("pre");
      if (joiner && LowerCase(*joiner) == "and" && !(pre && LowerCase(*pre) == "between")) return std::nullopt;
      if (pre && LowerCase(*pre) == "between" && joiner && LowerCase(*joiner) != "and") return std::nullopt;
      if (b.year && e.year && !b.month && !e.month) {
        if (*e.year <= *b.year || *e.year - *b.year > 50) return std::nullopt;
      }
      if (b.month && e.month && !b.day && !e.day && b.year == e.year && *b.month >= *e.month && !b.year)
        return std::nullopt;
      if (b.day && e.day && !e.month && *e.day <= *b.day) return std::nullopt;
      m.expression.end = e;
    }
    if (b.empty() && !m.expression.first_months && !m.expression.last_months) {
      // "giữa năm", "the end of the year": the anchor's year.
      if (r.name == "mod_year" && !m.mod.empty()) b.year_offset = 0;
      else if (r.name == "mod_month_bare" && !m.mod.empty()) b.month_offset = 0;
      else return std::nullopt;
    }
    m.relative = b.year_offset || b.month_offset || b.week_offset || b.day_offset || b.quarter_offset || b.weekday ||
                 b.same_day;
    m.explicit_day = b.day && b.month && !m.expression.end;
    return m;
  }
};

DateGrammar::DateGrammar() : impl_(std::make_unique<Impl>()) {
  impl_->lex = LoadLexicon();
  for (const auto& row : Table("patterns.tsv")) {
    std::vector<std::string> langs;
    if (row.at(0) == "*") langs = {"en", "vi"};
    else langs = {std::string(row.at(0))};
    for (const std::string& lang : langs) {
      std::string pattern;
      std::string_view src = row.at(2);
      for (size_t i = 0; i < src.size();) {
        if (src[i] == '{') {
          size_t close = src.find('}', i);
          std::string name(src.substr(i + 1, close - i - 1));
          if (!name.empty() && std::isalpha(static_cast<unsigned char>(name[0]))) {
            auto shape = Shapes().find(name);
            pattern += shape != Shapes().end() ? shape->second : impl_->lex.Alternation(lang, name);
            i = close + 1;
            continue;
          }
        }
        pattern += src[i++];
      }
      Rule rule;
      rule.lang = lang;
      rule.name = std::string(row.at(1));
      RE2::Options options;
      options.set_log_errors(false);
      rule.re = std::make_unique<RE2>(pattern, options);
      if (!rule.re->ok())
        throw std::runtime_error("extractors/dates/patterns.tsv: rule " + rule.name + ": " + rule.re->error());
      for (const auto& [name, index] : rule.re->NamedCapturingGroups()) rule.groups[name] = index;
      impl_->rules.push_back(std::move(rule));
    }
  }
  for (size_t ri = 0; ri < impl_->rules.size(); ++ri) {
    const Rule& rule = impl_->rules[ri];
    auto& [set, indices] = impl_->rule_sets[rule.lang];
    if (!set) {
      RE2::Options options;
      options.set_log_errors(false);
      // Room for the set's DFA states: with the default budget the cache of
      // so many patterns is flushed again and again.
      options.set_max_mem(64 << 20);
      set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    }
    if (set->Add(rule.re->pattern(), nullptr) < 0) throw std::runtime_error("dates: rule " + rule.name + " does not fit a set");
    indices.push_back(ri);
  }
  for (auto& [lang, entry] : impl_->rule_sets) {
    if (!entry.first->Compile()) throw std::runtime_error("dates: the rules of " + lang + " do not compile as a set");
  }
  // Groups: hh mi | hh2 mi2 ("10h30", "9g") | hh3 with a required am/pm.
  const std::string time =
      "(?:(?P<hh>[01]?\\d|2[0-3]):(?P<mi>[0-5]\\d)|(?P<hh2>[01]?\\d|2[0-3])[hg](?P<mi2>[0-5]\\d)?"
      "|(?P<hh3>1[0-2]|0?[1-9])[ \\t]*(?P<ap3>a\\.m\\.|p\\.m\\.|(?:am|pm|AM|PM)\\b)"
      "|(?P<hh4>[01]?\\d|2[0-3])[ \\t]+(?i:giờ)(?:[ \\t]+(?P<mi4>[0-5]?\\d)(?:[ \\t]+(?i:phút))?)?)"
      "(?:[ \\t]*(?P<ap>a\\.m\\.|p\\.m\\.|(?:a\\.m|p\\.m|am|pm|AM|PM)\\b))?";
  for (const char* lang : {"en", "vi"}) {
    impl_->range_words[lang] = {
        std::make_unique<RE2>("(?:^|[^\\pL\\pN])(" + impl_->lex.Alternation(lang, "RANGEFROM") + ")\\s+$"),
        std::make_unique<RE2>("^\\s*(?:[-–]|" + impl_->lex.Alternation(lang, "RANGETO") + ")\\s*$")};
  }
  // A time and its date share a line: a dateline's time does not run into
  // the first sentence below it.
  impl_->time_before = std::make_unique<RE2>(time + "[ \\t]*(?:[,|/–-][ \\t]*)?(?:(?i:on|ngày)[ \\t]+)?$");
  // The start of a time range that ends with the time just before a date:
  // "from 10 a.m. to " + "6 p.m. on Saturday".
  impl_->time_range_start =
      std::make_unique<RE2>("(?i:from|between|từ)[ \\t]+" + time + "[ \\t]*(?:[-–]|(?i:to|and|until|đến|tới))[ \\t]*$");
  impl_->time_after = std::make_unique<RE2>("^(?:[ \\t]*[,|/–-][ \\t]*|[ \\t]+(?i:at|lúc)[ \\t]+|[ \\t]+)" + time);
}

DateGrammar::~DateGrammar() = default;

std::vector<std::string> DateGrammar::WordsOf(std::string_view lang, std::string_view cls, bool exact) const {
  std::vector<std::string> out;
  for (std::string_view l : {lang, std::string_view("*")}) {
    if (const auto* words = impl_->lex.Words(l, cls)) {
      for (const Word& w : *words) out.push_back(exact ? w.text : w.lower);
    }
  }
  return out;
}

const DateGrammar& DateGrammar::Get() {
  static const DateGrammar grammar;
  return grammar;
}

std::vector<DateMatch> DateGrammar::Find(std::string_view text, std::string_view lang) const {
  std::vector<DateMatch> found;
  std::vector<size_t> order;
  re2::StringPiece input(text.data(), text.size());
  // Rules that match nowhere in the text are skipped; when the set cannot
  // tell (its DFA ran out of memory), every rule runs.
  std::vector<bool> may_match(impl_->rules.size(), true);
  if (auto it = impl_->rule_sets.find(lang); it != impl_->rule_sets.end()) {
    std::vector<int> hits;
    RE2::Set::ErrorInfo error;
    if (it->second.first->Match(input, &hits, &error) || error.kind == RE2::Set::kNoError) {
      for (size_t ri : it->second.second) may_match[ri] = false;
      for (int h : hits) may_match[it->second.second[static_cast<size_t>(h)]] = true;
    }
  }
  for (size_t ri = 0; ri < impl_->rules.size(); ++ri) {
    const Rule& rule = impl_->rules[ri];
    if (rule.lang != lang || !may_match[ri]) continue;
    const int n = rule.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> subs(n);
    size_t pos = 0;
    while (pos < text.size() && rule.re->Match(input, pos, text.size(), RE2::UNANCHORED, subs.data(), n)) {
      const size_t whole_b = subs[0].data() - text.data();
      size_t whole_e = whole_b + subs[0].size();
      auto span = impl_->Group(rule, subs, "m");
      const size_t b = span ? span->data() - text.data() : whole_b;
      size_t e = span ? b + span->size() : whole_e;
      auto next = impl_->Group(rule, subs, "next");
      if (next && e == whole_e) {
        // "tháng 7 tới" is the coming July, but "từ tháng 7 tới nay" is
        // "from July until now": the word then is not part of the date.
        size_t after = e;
        while (after < text.size() && text[after] == ' ') ++after;
        if (LowerCase(text.substr(after, 3)) == "nay" && !IsWordChar(At(text, after + 3))) {
          e = next->data() - text.data();
          while (e > b && text[e - 1] == ' ') --e;
          whole_e = e;
          next.reset();
        }
      }
      std::optional<DateMatch> m;
      // "the first half" alone is the article's year, but not "the first
      // half of the match".
      // Nor is "the second quarter of the game".
      const bool bare = rule.name == "half_bare" || rule.name == "first_months_bare" ||
                        (rule.name == "quarter" && !impl_->Group(rule, subs, "y") && !impl_->Group(rule, subs, "ryear"));
      // "Foden scored twice in the first half": a match's half (a SPORT
      // word in the sentence) is no date.
      const bool of_follows = bare && ((text.substr(e).find_first_not_of(" ") != std::string_view::npos &&
                                        LowerCase(text.substr(text.find_first_not_of(' ', e), 3)) == "of ") ||
                                       impl_->InSentence(text, b, e, lang, "SPORT", true));
      // "Our fiscal year runs from February to January ... By 1H25": in an
      // article whose fiscal year is not the calendar year (a FISCAL word),
      // a half or a quarter with no four-digit year is the company's.
      const bool fiscal = (rule.name == "half_bare" || rule.name == "half_h_short" ||
                           (rule.name == "quarter" && !impl_->Group(rule, subs, "y") &&
                            !impl_->Group(rule, subs, "ryear"))) &&
                          impl_->InText(text, lang, "FISCAL");
      if (!of_follows && !fiscal && whole_e > whole_b && e > b && StartsClean(text, whole_b) && EndsClean(text, whole_e) &&
          !(IsDigit(static_cast<unsigned char>(text[e - 1])) && impl_->UnitAfter(text, e, lang))) {
        m = impl_->Interpret(rule, subs, lang);
      }
      if (m && m->relative && !m->explicit_day && !impl_->Group(rule, subs, "y")) {
        std::string before = impl_->WordBefore(text, b);
        // A count is digits alone: "20h tối nay", "10:30 hôm nay" are times.
        bool number = !before.empty() && before.find_first_not_of("0123456789") == std::string::npos;
        if (number) {
          size_t w = b;
          while (w > 0 && text[w - 1] == ' ') --w;
          w -= std::min(w, before.size());
          if (w > 0 && text[w - 1] == ':') number = false;
        }
        // "hai năm sau", "một năm sau": counted from another event.
        if (number || impl_->lex.Value(lang, "NOTBEFORE", before) || impl_->lex.Value(lang, "COUNT", before)) m.reset();
      }
      const auto joiner = impl_->Group(rule, subs, "j");
      if (m && m->expression.end && joiner && IsWordChar(At(text, joiner->data() - text.data())) &&
          LowerCase(*joiner) != "and" && impl_->Moved(text, b, lang)) {
        // "postponed from 2024 to 2026": the old date and the new one.
        m.reset();
      }
      if (m && impl_->Group(rule, subs, "wd") && impl_->lex.Value(lang, "RANK", impl_->WordBefore(text, b))) {
        // "xếp thứ 5 tới ...", "lần thứ hai tới": a rank, not a weekday.
        m.reset();
      }
      if (auto near = impl_->Group(rule, subs, "wnear"); m && near && impl_->RangeAfter(text, e, lang)) {
        // "từ thứ hai tới thứ sáu": "tới" is "to", not "coming".
        m.reset();
      }
      if (m && impl_->Group(rule, subs, "mon") && impl_->NameBefore(text, b, lang)) {
        // "Cách mạng Tháng Tám": a month in the name of an event.
        m.reset();
      }
      if (m && impl_->Lunar(text, b, e, lang)) {
        // "rằm tháng Giêng", "15 tháng 8 âm lịch": a lunar date has no
        // calendar value the text gives.
        m.reset();
      }
      if (m) {
        m->begin = b;
        m->end = e;
        if (next && LowerCase(*next).rfind("tới", 0) == 0) m->future = true;
        found.push_back(std::move(*m));
        order.push_back(ri);
        // A phrase after its context ("2020, 2021 and 2022") lets the next
        // search start at it: it is the context of the next one.
        pos = b > whole_b ? b : whole_e;
      } else {
        pos = whole_b + std::max<size_t>(1, U8_LENGTH(At(text, whole_b)));
      }
    }
  }
  // The longest phrase wins an overlap; then the earlier, then the rule listed first.
  std::vector<size_t> idx(found.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
    size_t lx = found[x].end - found[x].begin, ly = found[y].end - found[y].begin;
    if (lx != ly) return lx > ly;
    if (found[x].begin != found[y].begin) return found[x].begin < found[y].begin;
    return order[x] < order[y];
  });
  std::vector<DateMatch> kept;
  for (size_t i : idx) {
    bool overlaps = false;
    for (const auto& k : kept) {
      if (found[i].begin < k.end && k.begin < found[i].end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(found[i]);
  }
  std::sort(kept.begin(), kept.end(), [](const DateMatch& x, const DateMatch& y) { return x.begin < y.begin; });
  JoinRanges(text, lang, kept);
  return kept;
}

void DateGrammar::JoinRanges(std::string_view text, std::string_view lang, std::vector<DateMatch>& matches) const {
  auto words = impl_->range_words.find(lang);
  if (words == impl_->range_words.end()) return;
  auto joinable = [](const DateMatch& m) {
    const DatePoint& p = m.expression.begin;
    // "from Monday to Wednesday": two weekdays make a range too.
    const bool weekday = p.weekday && !p.hour;
    // "từ chiều tối qua đến rạng sáng nay (25/4)": days counted from the article's.
    const bool counted_day = p.day_offset && !p.same_day && !p.week_offset && !p.hour;
    return !m.expression.end && !m.expression.first_months && !m.expression.last_months && !m.expression.months_to &&
           !m.expression.first_days && m.mod.empty() &&
           (!m.relative || weekday || counted_day) && !p.decade && (p.year || p.month || weekday || counted_day);
  };
  auto day_like = [](const DatePoint& p) { return p.day.has_value() || (p.day_offset && !p.same_day); };
  std::vector<DateMatch> out;
  // "Sáng nay (2/7)", "yesterday (July 1)": the date in brackets gives the
  // value; joined first, so that it can end a range.
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i + 1 < matches.size() && matches[i].relative && matches[i + 1].explicit_day) {
      const DateMatch& b = matches[i + 1];
      std::string_view gap = text.substr(matches[i].end, b.begin - matches[i].end);
      if (Lexicon::Collapse(std::string(gap)) == "(" && b.end < text.size() && text[b.end] == ')') {
        DateMatch joined = b;
        joined.begin = matches[i].begin;
        joined.end = b.end + 1;
        joined.rule = "apposition";
        out.push_back(std::move(joined));
        ++i;
        continue;
      }
    }
    out.push_back(std::move(matches[i]));
  }
  matches = std::move(out);
  out.clear();
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i + 1 < matches.size() && joinable(matches[i]) && joinable(matches[i + 1])) {
      DateMatch& a = matches[i];
      const DateMatch& b = matches[i + 1];
      // "từ 17h ngày 24/4 đến 5h sáng 25/4": the start may carry a time before it.
      size_t start_b = a.begin, start_e = a.end;
      int start_hour = -1, start_minute = -1;
      if (!(a.explicit_day && AttachTime(text, &start_b, &start_e, &start_hour, &start_minute) && start_b < a.begin &&
            start_e == a.end)) {
        start_b = a.begin;
        start_hour = -1;
      }
      const size_t window = std::min<size_t>(start_b, 30);
      re2::StringPiece before(text.data() + start_b - window, window);
      re2::StringPiece from;
      re2::StringPiece between(text.data() + a.end, b.begin - a.end);
      const bool same_grain = a.expression.begin.weekday.has_value() == b.expression.begin.weekday.has_value() &&
                              day_like(a.expression.begin) == day_like(b.expression.begin) &&
                              a.expression.begin.quarter.has_value() == b.expression.begin.quarter.has_value();
      // "từ thứ Hai đến thứ Sáu" in office hours, "every week from Monday
      // to Friday": a GENERIC word in the sentence makes it no date.
      const bool generic = a.expression.begin.weekday &&
                           impl_->InSentence(text, a.begin, b.end, lang, "GENERIC", true);
      if (generic) {
        ++i;
        continue;
      }
      // "từ ngày 18/7 đến 17h ngày 30/7": the end may carry a time before it.
      size_t end_b = b.begin, end_e = b.end;
      int end_hour = -1, end_minute = -1;
      if (b.explicit_day && !RE2::FullMatch(between, *words->second.second) &&
          AttachTime(text, &end_b, &end_e, &end_hour, &end_minute) && end_b > a.end && end_e == b.end) {
        between = re2::StringPiece(text.data() + a.end, end_b - a.end);
      } else {
        end_hour = -1;
      }
      // "02-02-2020 - 03-03-2020", "ngày 1 tháng 1 đến ngày 31 tháng 12 năm
      // 2020": two written days around a dash or "to", the second with its
      // year, need no "from".
      const bool from_found = RE2::PartialMatch(before, *words->second.first, &from);
      const bool dash_pair = !from_found && a.explicit_day && b.explicit_day && b.expression.begin.year &&
                             end_hour < 0 && RE2::FullMatch(between, *words->second.second);
      if (dash_pair) from = re2::StringPiece(text.data() + start_b, 0);
      if (same_grain && b.begin - a.end <= 20 && (from_found || dash_pair) &&
          RE2::FullMatch(between, *words->second.second) &&
          (LowerCase(std::string_view(from.data(), from.size())) == "between" || !impl_->Moved(text, from.data() - text.data(), lang))) {
        const std::string from_word = LowerCase(std::string_view(from.data(), from.size()));
        const std::string joiner = LowerCase(Lexicon::Collapse(std::string(between.data(), between.size())));
        if ((from_word == "between") == (joiner == "and")) {
          DateMatch joined = a;
          joined.begin = from.data() - text.data();
          joined.end = b.end;
          joined.expression.end = b.expression.begin;
          if (end_hour >= 0) joined.expression.end->hour = end_hour, joined.expression.end->minute = end_minute;
          if (start_hour >= 0) joined.expression.begin.hour = start_hour, joined.expression.begin.minute = start_minute;
          joined.explicit_day = false;
          joined.rule = "joined_range";
          out.push_back(std::move(joined));
          ++i;
          continue;
        }
      }
    }
    out.push_back(std::move(matches[i]));
  }
  matches = std::move(out);
}

namespace {

// Blanks the quoted speech of a sentence ("...", “...”) unless the date
// phrase (the NUL byte) stands inside it: a reporting sentence's tense is the
// tense of its own verb ("\"We will act,\" she told a meeting on Monday").
void BlankQuotesAwayFromPhrase(std::string& s) {
  size_t open = std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool straight = s[i] == '"';
    const bool left = s.compare(i, 3, "\xE2\x80\x9C") == 0;
    const bool right = s.compare(i, 3, "\xE2\x80\x9D") == 0;
    if (!straight && !left && !right) continue;
    if (open == std::string::npos && (straight || left)) {
      open = i;
    } else if (open != std::string::npos && (straight || right)) {
      const size_t close = i + (right ? 3 : 1);
      if (s.find('\0', open) >= close) {
        for (size_t k = open; k < close; ++k) s[k] = ' ';
      }
      open = std::string::npos;
      i = close - 1;
    }
  }
}

// A word of LOWER[b, e) that reads as a regular English past verb: it ends
// in "-ed", is not a form that is mostly an adjective or noun ("limited",
// "based", "hundred", "speed") and does not follow an article or "be"
// ("the revised plan", "is expected").
bool RegularPastIn(const std::string& lower, size_t b, size_t e) {
  static const std::set<std::string> kNot = {
      "hundred", "united", "limited", "listed", "based", "related", "detailed", "advanced", "expected",
      "unexpected", "scheduled", "planned", "proposed", "supposed", "used", "aged", "skilled", "talented",
      "interested", "concerned", "armed", "owned", "fixed", "mixed", "allied", "adjusted", "sacred", "naked",
      "wicked", "beloved", "rugged", "kindred", "embed", "called", "named", "dated", "registered", "licensed",
      "qualified", "required", "needed", "estimated", "projected", "anticipated", "slated", "intended",
      "designed", "committed", "dedicated", "restricted", "unprecedented", "renewed", "sustained", "continued"};
  size_t i = b;
  while (i < e && i < lower.size()) {
    while (i < e && !std::isalpha(static_cast<unsigned char>(lower[i]))) ++i;
    size_t j = i;
    while (j < e && std::isalpha(static_cast<unsigned char>(lower[j]))) ++j;
    if (j - i >= 5 && lower.compare(j - 2, 2, "ed") == 0 && lower.compare(j - 3, 3, "eed") != 0 &&
        (i == 0 || lower[i - 1] == ' ') && !(j < lower.size() && (lower[j] == '-' || IsWordChar(lower[j])))) {
      const std::string word = lower.substr(i, j - i);
      bool adjective = kNot.count(word) > 0;
      for (std::string_view w : {"the ", "a ", "an ", "be ", "been ", "being ", "is ", "are ", "its ", "their ",
                                 "his ", "her ", "our ", "newly ", "recently ", "most ", "more ", "less "}) {
        if (i >= w.size() && lower.compare(i - w.size(), w.size(), w) == 0 &&
            (i == w.size() || !IsWordChar(lower[i - w.size() - 1]))) {
          adjective = true;
        }
      }
      if (!adjective) return true;
    }
    i = j;
  }
  return false;
}

}  // namespace

Tense DateGrammar::TenseOf(std::string_view sentence, std::string_view lang) const {
  // SENTENCE is the text before the date phrase followed by the text after
  // it; the marker nearest to the phrase decides.  The caller passes the
  // phrase position as a NUL byte.
  std::string lower = LowerCase(sentence);
  BlankQuotesAwayFromPhrase(lower);
  const size_t at = lower.find('\0');
  const size_t here = at == std::string::npos ? 0 : at;
  // "hồi tháng 1", "back in May": a PASTBEFORE word just before the phrase
  // puts it in the past whatever the sentence's verbs say.
  if (at != std::string::npos) {
    size_t e = here;
    while (e > 0 && lower[e - 1] == ' ') --e;
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = impl_->lex.Words(l, "PASTBEFORE");
      if (!words || e == here) continue;
      for (const Word& w : *words) {
        const std::string& word = w.lower;
        if (e >= word.size() && lower.compare(e - word.size(), word.size(), word) == 0 &&
            !IsWordChar(Before(lower, e - word.size()))) {
          return Tense::kPast;
        }
      }
    }
  }
  // The clause around the phrase: a sentence joined with ", and", ", but",
  // "; " (CLAUSE words) can hold two tenses ("passed the law in January,
  // and it takes effect on July 1"); a marker in the phrase's own clause
  // wins over a nearer one in another.
  size_t clause_b = 0, clause_e = lower.size();
  for (std::string_view l : {lang, std::string_view("*")}) {
    const auto* words = impl_->lex.Words(l, "CLAUSE");
    if (!words) continue;
    for (const Word& w : *words) {
      const std::string& word = w.lower;
      for (size_t p = lower.find(word); p != std::string::npos; p = lower.find(word, p + 1)) {
        if (word.back() != ' ' && IsWordChar(At(lower, p + word.size()))) continue;
        if (p + word.size() <= here) clause_b = std::max(clause_b, p + word.size());
        else if (p >= here) clause_e = std::min(clause_e, p);
      }
    }
  }
  // Inside the clause, the part between commas ("The law, passed in June,
  // takes effect ...") holds the phrase's own verb when it has a marker.
  size_t part_b = clause_b, part_e = clause_e;
  for (size_t p = lower.find(", ", clause_b); p != std::string::npos && p < clause_e; p = lower.find(", ", p + 1)) {
    if (p + 2 <= here) part_b = std::max(part_b, p + 2);
    else if (p >= here) part_e = std::min(part_e, p);
  }
  long best = -1, best_in = -1, best_part = -1;
  Tense tense = Tense::kUnknown, tense_in = Tense::kUnknown, tense_part = Tense::kUnknown;
  for (auto [cls, t] : {std::pair{"FUTURE", Tense::kFuture}, std::pair{"PAST", Tense::kPast}}) {
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = impl_->lex.Words(l, cls);
      if (!words) continue;
      for (const Word& w : *words) {
        const std::string& word = w.lower;
        for (size_t p = lower.find(word); p != std::string::npos; p = lower.find(word, p + 1)) {
          if (IsWordChar(Before(lower, p)) || IsWordChar(At(lower, p + word.size()))) continue;
          // "will be held", "is to be signed": a passive after a modal is not past.
          if (t == Tense::kPast && p >= 3 && lower.compare(p - 3, 3, "be ") == 0 &&
              (p == 3 || !IsWordChar(Before(lower, p - 3)))) {
            continue;
          }
          // "expected to hit", "will hit": a verb after "to" or a modal is no past form.
          if (t == Tense::kPast) {
            bool bare = false;
            for (std::string_view m : {"to ", "will ", "would ", "could ", "can ", "may ", "might ", "should ", "must ",
                                       "sẽ ", "sắp ", "dự kiến "}) {
              if (p >= m.size() && lower.compare(p - m.size(), m.size(), m) == 0 &&
                  (p == m.size() || !IsWordChar(Before(lower, p - m.size())))) {
                bare = true;
                break;
              }
            }
            if (bare) continue;
          }
          long d = static_cast<long>(p > here ? p - here : here - p - word.size());
          if (best < 0 || d < best) best = d, tense = t;
          if (p >= clause_b && p + word.size() <= clause_e && (best_in < 0 || d < best_in)) best_in = d, tense_in = t;
          if (p >= part_b && p + word.size() <= part_e && (best_part < 0 || d < best_part)) best_part = d, tense_part = t;
        }
      }
    }
  }
  if (best_part >= 0) return tense_part;
  // English verbs past the word lists: a regular past form ("officials
  // stressed at a news conference late Thursday", "Deleting those saved
  // $31,000 by the end of May") in the phrase's own part.
  if (lang == "en" && RegularPastIn(lower, part_b, part_e)) return Tense::kPast;
  return best_in >= 0 ? tense_in : tense;
}

bool DateGrammar::AttachTime(std::string_view text, size_t* begin, size_t* end, int* hour, int* minute,
                             int* from_hour, int* from_minute) const {
  if (from_hour) *from_hour = -1;
  if (from_minute) *from_minute = -1;
  // Submatches: 1 hh, 2 mi, 3 hh2, 4 mi2, 5 hh3, 6 ap3, 7 hh4, 8 mi4, 9 ap.
  constexpr int kSubs = 10;
  re2::StringPiece subs[kSubs];
  auto read = [&](int* h, int* mi) {
    auto num = [](const re2::StringPiece& s) { return ToInt(std::string_view(s.data(), s.size())); };
    const re2::StringPiece* minutes = nullptr;
    if (subs[1].data()) *h = num(subs[1]), minutes = &subs[2];
    else if (subs[3].data()) *h = num(subs[3]), minutes = &subs[4];
    else if (subs[7].data()) *h = num(subs[7]), minutes = &subs[8];
    else *h = num(subs[5]);
    *mi = minutes && minutes->data() ? num(*minutes) : 0;
    const re2::StringPiece& ap = subs[6].data() ? subs[6] : subs[9];
    if (ap.data() && *h <= 12) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ap[0])));
      if (c == 'p' && *h < 12) *h += 12;
      if (c == 'a' && *h == 12) *h = 0;
    } else if (*h < 12) {
      // "8 giờ tối 15/3", "7h chiều 2/9": the part of the day that opens the
      // date says afternoon or night.
      const std::string pod = LowerCase(text.substr(*begin, 8));
      if (pod.rfind("chiều", 0) == 0 || pod.rfind("tối", 0) == 0) *h += 12;
      else if (pod.rfind("đêm", 0) == 0 && *h >= 6) *h += 12;
    }
    return true;
  };
  const size_t window = std::min<size_t>(*begin, 40);
  re2::StringPiece before(text.data() + *begin - window, window);
  if (impl_->time_before->Match(before, 0, before.size(), RE2::UNANCHORED, subs, kSubs)) {
    const size_t tb = subs[0].data() - text.data();
    int h, mi;
    if (StartsClean(text, tb) && read(&h, &mi)) {
      const size_t date_begin = *begin;
      *begin = tb;
      *hour = h;
      *minute = mi;
      const size_t range_window = std::min<size_t>(tb, 40);
      re2::StringPiece head(text.data() + tb - range_window, range_window);
      if (from_hour && from_minute &&
          impl_->time_range_start->Match(head, 0, head.size(), RE2::UNANCHORED, subs, kSubs)) {
        const size_t rb = subs[0].data() - text.data();
        int fh, fmi;
        // "chiều"/"tối" opening the date make both hours afternoon ones.
        size_t keep = *begin;
        *begin = date_begin;
        const bool ok = StartsClean(text, rb) && read(&fh, &fmi);
        *begin = keep;
        if (ok && fh * 60 + fmi < h * 60 + mi) {
          *begin = rb;
          *from_hour = fh;
          *from_minute = fmi;
        }
      }
      return true;
    }
  }
  re2::StringPiece after(text.data() + *end, text.size() - *end);
  if (impl_->time_after->Match(after, 0, after.size(), RE2::ANCHOR_START, subs, kSubs)) {
    size_t te = subs[0].data() - text.data() + subs[0].size();
    int h, mi;
    if (EndsClean(text, te) && read(&h, &mi)) {
      // "hôm nay lúc 2 giờ chiều": a part of the day after the time.
      if (!subs[6].data() && !subs[9].data()) {
        size_t w = te;
        while (w < text.size() && (text[w] == ' ' || text[w] == '\t')) ++w;
        for (const Word& pod : impl_->PodAfter()) {
          if (LowerCase(text.substr(w, pod.text.size())) != pod.lower || IsWordChar(At(text, w + pod.text.size())))
            continue;
          const size_t dash = pod.value.find('-');
          const int from = ToInt(pod.value), to = dash == std::string::npos ? -1 : ToInt(pod.value.substr(dash + 1));
          if (h >= from && h <= to) h += 12;
          te = w + pod.text.size();
          break;
        }
      }
      // "a.m." at a sentence end keeps its full stop.
      *end = te;
      *hour = h;
      *minute = mi;
      return true;
    }
  }
  return false;
}

}  // namespace vnie::dates
