// MoneyMatcher: finds the monetary amounts of a text (SPEC.md §3 Money).
//
//   const MoneyMatcher& matcher = MoneyMatcher::Default();
//   for (const FoundAmount& a : matcher.Find(text, "vi")) ...
//     // "hơn 2.000 tỷ đồng" -> amount "2000000000000", VND, qualifier over
//
// Everything language-specific (currency forms, multipliers, qualifiers,
// written numbers, number formats, range words) comes from the data files
// beside this header; the matcher itself has no per-language branch.
// Thread-safe: Find() keeps no state between calls.
#pragma once

#include <array>
#include <bitset>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/money/decimal_amount.h"

namespace re2 {
class RE2;
class StringPiece;
}

namespace vnie {
namespace money_internal {
class LazyPattern;
class LeadFilter;
}  // namespace money_internal

// One amount found in a text, with byte offsets into it.
struct FoundAmount {
  size_t begin = 0;        // first byte of the mention (qualifier included)
  size_t end = 0;          // one past its last byte
  std::string amount;      // canonical decimal (the minimum of a range)
  std::string currency;    // ISO 4217
  std::string qualifier;   // "", about, over, under, up_to
  std::string amount_min;  // ranges only
  std::string amount_max;  // ranges only
};

class MoneyMatcher {
 public:
  // Builds the matcher from the embedded data files of extractors/money/.
  // Throws std::runtime_error on a malformed data file (a build error).
  MoneyMatcher();
  ~MoneyMatcher();
  MoneyMatcher(const MoneyMatcher&) = delete;
  MoneyMatcher& operator=(const MoneyMatcher&) = delete;

  // The one shared instance, built on first use.
  static const MoneyMatcher& Default();

  // The amounts of TEXT (UTF-8, NFC) written in language LANG ("en", "vi";
  // an unknown language reads numbers the English way), in text order.
  std::vector<FoundAmount> Find(std::string_view text, std::string_view lang) const;

 private:
  struct Atom;
  struct CurrencyForm {
    std::string currency;  // "" when only the article's context names it
    bool prefix = false;
    bool suffix = false;
    int power = 0;  // a power of ten the amount is scaled by ("cents": -2, "MUSD": 6)
    bool country_open = false;  // "đô la": a capitalized country after it names another dollar
    std::string exact;         // the form as it must be written, when case matters ("QAR")
    std::string prefix_exact;  // the same, before a number only ("Php")
    std::string suffix_exact;  // the same, after a number only ("20Rs", not "20 RS")
    bool minor_only = false;   // read only as the subunit of the amount just before ("$20 and 43c")
  };
  struct WrittenWord {
    std::string value;
    std::string how;  // add, hundred, tens, alone
  };
  struct ContextRule {
    std::string currency;
    // (Shared by the rows that list the same words: "pesos" and "peso".)
    // Compiled when a form first asks (money_matcher_internal.h).
    std::shared_ptr<const money_internal::LazyPattern> context;  // null: any article
    std::shared_ptr<const money_internal::LazyPattern> unless;   // null when no word overrules the context
  };
  struct Opener {
    bool forces = false;
    std::vector<std::string> links;
  };

  struct FormLists;
  // The article's text and the currencies its context gave the forms read
  // so far (lowercase form -> currency, "" for none).
  struct ArticleContext {
    std::string_view text;
    std::map<std::string, std::string> currency;
  };

  // Each family of patterns loads its data files and compiles its patterns
  // (currencies.cc, numbers.cc, ranges.cc, atoms.cc).
  void LoadCurrencies(FormLists* lists);
  void LoadNumbers(FormLists* lists);
  void LoadRanges(FormLists* lists);
  void BuildAtomPatterns(const FormLists& lists);

  // The next match of atom_ in TEXT at or after POS, its groups in G[0..4]
  // (atoms.cc).
  bool MatchAtom(std::string_view text, size_t pos, re2::StringPiece* g) const;
  // The atoms of TEXT in text order (atoms.cc).
  std::vector<Atom> FindAtoms(std::string_view text, const NumberFormat& format,
                              ArticleContext* context) const;
  // Joins the parts of one amount: "1 tỷ 200 triệu", "20 dollars 43 cents"
  // (numbers.cc).
  void MergeAtoms(std::string_view text, std::vector<Atom>* atoms) const;
  // Ranges, changes and qualifiers: the atoms as mentions (ranges.cc).
  std::vector<FoundAmount> PairAtoms(std::string_view text, const std::vector<Atom>& atoms) const;
  bool ReadWritten(std::string_view phrase, std::string* value) const;
  // The digits of a fraction written after a decimal word: "5", "ba" (3),
  // "two five" (25), "hai mươi ba" (23).
  bool ReadFractionDigits(std::string_view phrase, std::string* digits) const;
  // The currency FORM names in this article ("" for none); reads the
  // article's context only for the forms that need it, once each.
  std::string CurrencyOf(std::string_view form, ArticleContext* context) const;
  // The same for a form written after a number ("20Rs", but "20 RS" none).
  std::string CurrencyAfter(std::string_view form, ArticleContext* context) const;
  int PowerOf(std::string_view form) const;
  size_t SpaceGroupsEnd(std::string_view text, size_t end) const;
  // True when a phrase of not_currency.txt starts at byte AT (AFTER_WRITTEN:
  // also those listed for a written number only).
  bool NotCurrencyAt(std::string_view text, size_t at, bool after_written = false) const;

  std::map<std::string, CurrencyForm> currencies_;  // key: lowercase form
  std::map<std::string, std::vector<ContextRule>> context_rules_;  // lowercase form -> rules; first match wins
  std::map<std::string, int> multiplier_power_;     // key: lowercase word
  std::map<std::string, bool> multiplier_attached_;
  std::map<std::string, std::string> qualifiers_;   // lowercase phrase -> qualifier
  std::map<std::string, std::string> qualifiers_after_;  // the same, written after the amount ("trở xuống")
  std::map<std::string, WrittenWord> written_;      // lowercase word -> value
  // The same by the word's first byte, for reading a written number.
  std::array<std::vector<std::pair<std::string_view, const WrittenWord*>>, 256> written_by_first_;
  std::map<std::string, std::string> fraction_after_;  // "rưỡi" -> 0.5
  std::map<std::string, NumberFormat> formats_;     // lang -> format
  std::map<std::string, Opener> openers_;           // lowercase word -> opener
  std::vector<std::string> plain_links_;          // lowercase link words
  std::map<std::string, int> change_direction_;    // change word -> +1 up, -1 down, 0 either
  std::map<std::string, int> step_direction_;      // step link ("lên") -> +1 up, -1 down
  std::vector<std::string> minor_signs_;            // subunit signs read only after a unit ("c"), as written
  std::vector<std::string> not_currency_;           // lowercase phrases
  std::vector<std::string> not_currency_written_;   // the same, after a written number only
  std::bitset<256> not_currency_first_;             // the first bytes of both lists' phrases

  std::unique_ptr<re2::RE2> atom_;        // [prefix currency] number | written number
  bool atom_shapes_ = false;  // the forms let MatchAtom read atom_'s groups from a match's shape
  std::unique_ptr<re2::RE2> multiplier_;  // anchored: spacing, multiplier word
  std::unique_ptr<re2::RE2> suffix_;      // anchored: spacing, currency after a number
  std::unique_ptr<re2::RE2> fraction_;    // anchored: a fraction word after a multiplier
  std::unique_ptr<re2::RE2> decimal_word_;  // anchored: "phẩy 5", a decimal word and the fraction's digits
  std::unique_ptr<re2::RE2> minor_link_;   // spacing and an optional "and" between a unit and its subunit
  std::unique_ptr<re2::RE2> minor_word_;   // anchored: spacing, "and", spacing
  std::unique_ptr<re2::RE2> subunit_next_;  // anchored: a number and a subunit ("1 pence")
  std::unique_ptr<re2::RE2> range_end_;     // a number and a range link ending the text before an amount
  std::unique_ptr<re2::RE2> score_;       // "-1" of a score right after a number
  std::unique_ptr<re2::RE2> number_next_;  // anchored: spacing, a digit
  std::unique_ptr<re2::RE2> percent_;     // anchored: spacing, a percent sign or word
  std::unique_ptr<re2::RE2> link_;        // the whole gap between two amounts of a range
  std::unique_ptr<re2::RE2> qualifier_;   // a qualifier ending the text before an amount
  std::unique_ptr<re2::RE2> qualifier_after_;  // anchored: spacing, a qualifier written after an amount
  std::unique_ptr<re2::RE2> qualifier_lead_;   // a word ending the text before it that belongs to it ("từ")
  std::unique_ptr<re2::RE2> opener_;      // a range opener ending the text before an amount
  std::unique_ptr<re2::RE2> change_;      // a change word (and a lead) ending the text before an amount
  std::unique_ptr<re2::RE2> change_word_;  // a change word anywhere in a clause
  std::unique_ptr<re2::RE2> step_;        // the whole gap between the two amounts of a change
  std::unique_ptr<re2::RE2> per_currency_;  // anchored: "/", "per" and a currency with no number
  std::unique_ptr<re2::RE2> equals_after_;  // anchored: spacing, "="
  std::unique_ptr<re2::RE2> unit_equals_;  // the whole gap between one unit and its price in another currency
  std::unique_ptr<re2::RE2> equals_before_;  // "=" and spacing ending the text before an amount
  // The quick tests before the anchored patterns above (money_matcher_internal.h).
  std::unique_ptr<money_internal::LeadFilter> multiplier_lead_, suffix_lead_, fraction_lead_, decimal_word_lead_,
      minor_word_lead_, digit_lead_, percent_lead_, qualifier_after_lead_, per_currency_lead_, equals_after_lead_;
  // The same for the patterns that end a text in a word and spacing, or hold one word.
  std::unique_ptr<money_internal::LeadFilter> qualifier_words_, qualifier_lead_words_, opener_words_,
      change_lead_words_, link_words_, step_words_, unit_equals_words_;
};

}  // namespace vnie
