// What a matched rule gives: the named groups of patterns.tsv read into a
// DateExpression (year, month, day, quarter, offsets, weekday, range end).
#include <cctype>

#include "extractors/dates/date_grammar_impl.h"

namespace vnie::dates {

std::optional<DateMatch> DateGrammar::Impl::Interpret(const Rule& r, const std::vector<re2::StringPiece>& subs,
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
  for (auto name : {"yy", "yyd"}) {
    auto yy = g(name);
    if (!yy) continue;
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
  if (auto s = g("dw")) {
    b.day = ToInt(value("DAYORD", *s).value_or("0"));
    // "May first": a modal and an adverb, unless a year follows.
    if (auto mon = g("mon"); mon && mon->data() < s->data() && value("ADVERBORD", *s) && !g("y")) return std::nullopt;
  }
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
    if (!v) v = value("ORDNUM", *s);
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
    if (auto s = g(name); s && m.mod == "approx" && value("ARTICLE", s->substr(0, s->find_first_of(" \t\n"))))
      return std::nullopt;
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
        value("DAYWORD", std::string_view(whole->data(), s->data() - whole->data())))
      return std::nullopt;
    if (!b.day) b.weekday = ToInt(*v);
  }
  if (auto s = g("wdd")) {
    // "Friday the 15th": the weekday checks the day of the article's month.
    auto v = value("WEEKDAY", *s);
    if (!v) return std::nullopt;
    b.weekday = ToInt(*v);
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
    if (cx && !value("AGOHERE", *cx)) return std::nullopt;
    const std::string cn = LowerCase(*g("cn"));
    int n = std::isdigit(static_cast<unsigned char>(cn[0])) ? ToInt(cn)
                                                            : ToInt(value("COUNTONE", cn).value_or(value("COUNT", cn).value_or("0")));
    if (n < 1) return std::nullopt;
    const std::string unit = value("AGOUNIT", *cu).value_or("");
    if (unit == "day") b.day_offset = -n;
    else if (unit == "week") b.day_offset = -7 * n;
    else if (unit == "month") b.month_offset = -n;
    else if (unit == "year") b.year_offset = -n;
    else return std::nullopt;
  }
  // Halves and "the first/last N months" of a year.
  if (g("half")) {
    auto edge = g("fdir");
    bool last = edge && (value("HALFLAST", *edge) || value("EDGE", *edge).value_or("1") == "-1");
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
    // "between May and June": a pair's words go together.
    if (joiner && value("PAIRTO", *joiner).has_value() != (pre && value("PAIRFROM", *pre))) return std::nullopt;
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
  // A weekday with its day is a date or nothing: no mention without the
  // article's month, or when the weekday disagrees.
  if (g("wdd")) m.relative = false;
  m.explicit_day = b.day && b.month && !m.expression.end;
  return m;
}

}  // namespace vnie::dates
