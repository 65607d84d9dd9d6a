// The date grammar: finds date phrases in text and says what each one gives.
//
// The rules (patterns.tsv) and the words they use (months.tsv, weekdays.tsv,
// relative.tsv, mods.tsv, numbers.tsv, words.tsv) are data compiled into the
// binary; the same code reads them for every language.  Patterns are compiled
// once, when the grammar is built; Find() is const and thread-safe.
//
//   const DateGrammar& g = DateGrammar::Get();
//   for (const DateMatch& m : g.Find(text, "en")) { ... m.expression ... }
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/dates/date_resolver.h"

namespace vnie::dates {

struct DateMatch {
  size_t begin = 0;  // bytes of the text
  size_t end = 0;
  DateExpression expression;
  std::string mod;        // "", early, mid, late, approx
  bool relative = false;  // needs the article's date (a value may then be null)
  bool explicit_day = false;  // a day with its month, as written
  // "year" / "month": the offset counts from the year or month the text last
  // named ("a year earlier", "the previous month"), else from the article's.
  std::string same_unit;
  bool future = false;  // the phrase itself looks forward ("tháng 7 tới")
  // The start of a time range written before the day ("from 10 a.m. to 6
  // p.m. on Saturday"): hour and minute; the day's own time is its end.
  std::optional<std::pair<int, int>> from_time;
  std::string rule;
};

class DateGrammar {
 public:
  // The grammar built from the embedded data files (built on first use).
  static const DateGrammar& Get();

  // Date phrases of TEXT in language LANG ("en" or "vi"), without overlaps
  // (the longest phrase wins), in text order.
  std::vector<DateMatch> Find(std::string_view text, std::string_view lang) const;

  // Joins "from A to B" / "từ A đến B" / "between A and B" of two found dates
  // into one range match (the phrase words included).  MATCHES is in text order.
  void JoinRanges(std::string_view text, std::string_view lang, std::vector<DateMatch>& matches) const;

  // Whether the sentence SENTENCE reads as future or past for LANG.
  Tense TenseOf(std::string_view sentence, std::string_view lang) const;

  // A time of day next to the date at TEXT[begin, end) ("11:03, 2020/02/24",
  // "10:27 a.m. on June 22", "Jul 02, 2024 / 17:14").  Returns false when
  // there is none; otherwise widens *BEGIN / *END over it.
  // With FROM_HOUR, a time range written before the date ("from 10 a.m. to
  // 6 p.m. on Saturday", "từ 10h đến 22h hôm nay") sets *FROM_HOUR /
  // *FROM_MINUTE to its start (and *HOUR / *MINUTE to its end); they stay
  // -1 otherwise.
  bool AttachTime(std::string_view text, size_t* begin, size_t* end, int* hour, int* minute,
                  int* from_hour = nullptr, int* from_minute = nullptr) const;

  // The words of class CLS of words.tsv for LANG and for every language, in
  // file order: lower case, or as written with EXACT.
  std::vector<std::string> WordsOf(std::string_view lang, std::string_view cls, bool exact = false) const;

  // The lines each rule of LANG is run on in TEXT: by rule, the (begin,
  // end) bytes of each line where the line filter says the rule may match.
  // With SETS_ONLY, as RE2 sets alone pick them (vnie without Vectorscan).
  std::vector<std::vector<std::pair<size_t, size_t>>> RuleLines(std::string_view text, std::string_view lang,
                                                               bool sets_only = false) const;

  ~DateGrammar();

 private:
  DateGrammar();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnie::dates
