// The building blocks the matcher's files share: how data files are read,
// how their words become patterns, and where words start and end.
// Internal to extractors/money/.
#pragma once

#include <re2/re2.h>
#include <unicode/umachine.h>

#include <bitset>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/money/decimal_amount.h"
#include "extractors/money/money_matcher.h"

namespace vnie {
namespace money_internal {

// Spacing inside an amount: plain and no-break spaces, never a line end.
inline constexpr std::string_view kSpace = R"([ \t\x{00A0}\x{202F}])";
inline constexpr std::string_view kDash = R"([-\x{2013}\x{2014}\x{2011}])";
// What stands between words: spacing and punctuation, a small class ("not a
// letter or digit" over all of Unicode makes each pattern slow to build).
inline constexpr std::string_view kEdge =
    R"([\x00-\x2F\x3A-\x40\x5B-\x60\x7B-\x7F\x{A0}\x{2013}-\x{201F}\x{2026}])";

// The embedded bytes of extractors/money/FILE.
std::string_view Data(std::string_view file);
// Lowercase, with every run of spacing made one ' ': the key of a form.
std::string Key(std::string_view text);
// A regex alternation of FORMS, longest first, each quoted; a space in a
// form matches a run of spacing.
std::string Alternation(std::vector<std::string> forms);
// A case-insensitive RE2; throws std::runtime_error if RE2 rejects it.
std::unique_ptr<RE2> Compile(const std::string& pattern);

// A pattern compiled (by Compile) the first time it is used, from any
// thread: the currency context rules are many and most articles need none.
class LazyPattern {
 public:
  explicit LazyPattern(std::string pattern) : pattern_(std::move(pattern)) {}
  const RE2& Get() const {
    std::call_once(once_, [this] { re_ = Compile(pattern_); });
    return *re_;
  }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};
// A quick test before an anchored pattern that starts with a lead (a run of
// spacing, and for some patterns dashes or a '[') and then a word of a list
// (case ignored): where the lead ends, an ASCII byte that starts no word of
// the list means no match there, so most positions are turned away without
// running the pattern.  When no word starts with a lead character, the lead
// also ends exactly where the word does in any match, which gives the
// pattern's groups without its submatch engine (MatchWordAt).
class LeadFilter {
 public:
  enum Lead { kSpaces = 0, kDashes = 1, kBracket = 2 };  // what the lead may hold besides spacing
  LeadFilter() = default;  // lets every position through, exact() false
  LeadFilter(const std::vector<std::string>& words, int lead);
  // The end of the lead at AT when a word may start there, else npos.
  size_t WordAt(std::string_view text, size_t at) const;
  bool exact() const { return exact_; }
  // The same at the other end, for a pattern ending in a word and spacing:
  // TEXT may end in a word of the list, then spacing (at least one
  // character of it when SPACED).  WHOLE: the pattern puts no letter,
  // digit or mark right before the word's last token, so the run of them
  // ending there must be that token (case folded).
  bool MayEnd(std::string_view text, bool spaced, bool whole = false) const;
  // TEXT may be one word of the list with spacing around it.
  bool MayHold(std::string_view text) const { return WordAt(text, 0) != std::string_view::npos && MayEnd(text, false); }
  // Every word starts with a letter, digit or mark and ends in no spacing.
  bool edged() const { return edged_; }

 private:
  size_t LeadEnd(std::string_view text, size_t at) const;
  int lead_ = kSpaces;
  bool exact_ = false;
  std::bitset<128> first_;  // ASCII bytes a word may start with
  std::bitset<128> last_;   // and end with
  std::set<std::string, std::less<>> last_tokens_;  // each word's last token, case folded
  bool tokens_ = true;  // every last token is letters, digits and marks
  bool edged_ = true;
};
// RE, a pattern "(?:^|edge)(word of WORDS)spacing+$", matched in LINE, its
// group in WORD; turned away first by WORDS, the group read from where the
// DFAs find the match (an edge character is no letter, digit or mark, so
// the word starts after it, or at the line's start when a letter is there).
bool MatchEdgedWord(const RE2& re, const LeadFilter& words, std::string_view line, re2::StringPiece* word);
// RE matched anchored at AT, turned away first by LEAD; no groups.
bool MatchAt(const RE2& re, const LeadFilter& lead, std::string_view text, size_t at);
// The same with RE's groups in G[1..N] (N = 1: the word; N = 2: the lead,
// then the word), the word running to the match's end.
bool MatchWordAt(const RE2& re, const LeadFilter& lead, std::string_view text, size_t at, re2::StringPiece* g, int n);

// The code point at byte AT of TEXT (0 at the end), and the one ending just
// before byte AT (0 at the start).
UChar32 CodePointAt(std::string_view text, size_t at);
UChar32 CodePointBefore(std::string_view text, size_t at);
bool IsWordChar(UChar32 c);
// True when the match TEXT[begin, end) ends a word: it ends in a non-letter,
// or the character after it is not a letter or digit.
bool EndsWord(std::string_view text, size_t begin, size_t end);
std::string Field(const std::vector<std::string_view>& row, size_t i);
std::vector<std::string> SplitBar(std::string_view s);
// True when the currency word TEXT[begin, end) is capitalized, not written
// all in capitals, and the next word is capitalized too: a proper name such
// as "5 Đồng Khởi", "72 Dong Da", not "10 billion Won".
bool StartsProperName(std::string_view text, size_t begin, size_t end);

}  // namespace money_internal

// The word lists one family of patterns passes to another while the
// matcher is built.
struct MoneyMatcher::FormLists {
  std::vector<std::string> prefixes;  // currency forms written before a number
  std::vector<std::string> suffixes;  // and after it
  std::vector<std::string> words;     // written numbers
  std::vector<std::string> joiners;   // "and", "lẻ" between written numbers
  std::vector<std::string> links;     // range links ("-", "to", "đến")
};

// A number with its multipliers and, when written beside it, its currency.
struct MoneyMatcher::Atom {
  size_t begin = 0;
  size_t end = 0;
  std::string mantissa;  // canonical decimal as written
  int power = 0;         // sum of the multipliers' powers
  bool has_multiplier = false;
  std::string currency;  // "" when none is written beside the number
  bool currency_before = false;  // the currency is written before the number
  std::string addend = "0";      // the smaller part of "1 tỷ 200 triệu"
  bool year_like = false;        // four bare digits that may be a year
  std::string Value() const { return AddDecimals(ScaleByPowerOfTen(mantissa, power), addend); }
};

}  // namespace vnie
