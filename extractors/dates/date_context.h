// Document-level date resolution: what one mention's value owes to the rest
// of the article.  The resolver (date_resolver.h) turns one phrase into a
// value against the article's date; this context carries what the text
// named before it, in text order:
//   - the anchor: `published` (or the dateline as `published` reads it),
//     else the lead's first full date;
//   - the year a sentence named on its own ("In 2021, ... in May");
//   - the period last named ("a year earlier", "the previous month", "the
//     previous year" count from it) and the day last named ("the same day").
//
//   DateContext context(grammar, doc.published, matches, lang);
//   for (DateMatch& m : matches) {
//     context.Prepare(m, text, sentence);           // fills what the text gives
//     ResolvedDate r = context.Resolve(m, tense);   // the value
//     context.Remember(m, r);                       // for the mentions after it
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/dates/date_grammar.h"
#include "extractors/dates/date_resolver.h"

namespace vnie::dates {

class DateContext {
 public:
  // PUBLISHED: the article's date, or its dateline as `published` reads it
  // (pipeline/metadata/published.h).  MATCHES: the document's phrases in text
  // order; without PUBLISHED, the lead's first full date stands in for it.
  DateContext(const DateGrammar& grammar, std::optional<std::string_view> published,
              const std::vector<DateMatch>& matches, std::string_view lang);

  const Anchor& anchor() const { return anchor_; }

  // Gives M what the text before it supplies: the month a "the previous
  // month" counts from, the year its sentence (index SENTENCE) named.
  void Prepare(DateMatch& m, std::string_view text, size_t sentence);

  // Whether the phrase at byte B of TEXT follows "until", "till", "đến hết":
  // a past sentence then says when a state ends, which may still hold.
  bool AfterUntil(std::string_view text, size_t b) const;

  // The value of M in a sentence of TENSE (with M's time range on its day,
  // "from 10 a.m. to 6 p.m. on Saturday").
  ResolvedDate Resolve(const DateMatch& m, Tense tense) const;

  // Records M's value R as the period and day the text last named.
  void Remember(const DateMatch& m, const ResolvedDate& r);

 private:
  bool AfterWord(std::string_view text, size_t b, std::string_view cls) const;

  const DateGrammar& grammar_;
  std::string lang_;
  Anchor anchor_;
  std::optional<CivilDay> previous_day_;
  std::optional<ResolvedDate> previous_;
  std::optional<std::pair<int, int>> previous_month_;
  std::optional<int> sentence_year_;
  size_t sentence_year_of_ = static_cast<size_t>(-1);
};

}  // namespace vnie::dates
