// The state the date grammar shares across its files: the compiled rules,
// the lexicon and the word tests the rules use.  Internal to extractors/dates.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractors/dates/date_grammar.h"
#include "extractors/dates/date_lexicon.h"
#include "pipeline/text/multi_pattern.h"

namespace vnie::dates {

// One rule of patterns.tsv for one language.  Its RE2, with the index of
// each named group, is compiled the first time a text needs it: the sets
// tell which rules match at all, and a run seldom needs every rule.
struct Rule {
  std::string lang;
  std::string name;
  std::string pattern;
  struct Compiled {
    std::once_flag once;
    std::unique_ptr<RE2> re;
    std::map<std::string, int, std::less<>> groups;
  };
  std::unique_ptr<Compiled> compiled = std::make_unique<Compiled>();

  const Compiled& Get() const {
    std::call_once(compiled->once, [this] {
      RE2::Options options;
      options.set_log_errors(false);
      compiled->re = std::make_unique<RE2>(pattern, options);
      for (const auto& [group, index] : compiled->re->NamedCapturingGroups()) compiled->groups[group] = index;
    });
    return *compiled;
  }
};

// The rules of patterns.tsv, the lexicon's words spliced in, for each
// language (date_grammar.cc).
std::vector<Rule> LoadRules(const Lexicon& lex);

// The line filter: each language's rule patterns (ids: rule indices), the
// flags they are compiled with, and a hash of both.
constexpr unsigned kScanFlags = MultiPattern::kPrefilter | MultiPattern::kSingleMatch;
std::map<std::string, std::vector<MultiPattern::Pattern>, std::less<>> ScanPatterns(const std::vector<Rule>& rules);
uint64_t ScanHash(const std::vector<MultiPattern::Pattern>& patterns);

// A language's filter database as vnie's build compiled it (dates_scan_gen
// writes the list): the hash of its patterns, the indices of those the
// engine left out ("3,17"), the serialized database.
struct PrebuiltScan {
  std::string_view lang;
  uint64_t hash;
  std::string_view rejected;
  std::string_view database;
};
const std::vector<PrebuiltScan>& PrebuiltScans();

// A word or phrase that marks a tense (words.tsv FUTURE / PAST), with its
// place in the lists: of two markers as near to a phrase, the one listed
// first decides.
struct TenseMarker {
  std::string text;  // lower case
  Tense tense;
  int order;
};

struct DateGrammar::Impl {
  Lexicon lex;
  // Per language, the tense markers by their first word, so that a sentence
  // is read word by word, once.
  std::map<std::string, std::unordered_map<std::string, std::vector<TenseMarker>, ViewHash, std::equal_to<>>, std::less<>>
      tense_markers;
  // English words in -ed that are mostly adjectives (ADJED).
  std::unordered_set<std::string> adjectives_in_ed;
  void BuildTenseMarkers();  // date_tense.cc
  std::vector<Rule> rules;
  // Per language, the rules that rule_scans below does not hold, in RE2
  // sets of a dozen, with the rule index of each pattern: a pass of a line
  // through the sets tells which of them match there, so only those are run
  // for their groups.
  struct RuleSet {
    std::unique_ptr<RE2::Set> set;
    std::vector<size_t> rules;
  };
  using RuleSets = std::map<std::string, std::vector<RuleSet>, std::less<>>;
  RuleSets rule_sets;
  // Per language, every rule's pattern in one multi-pattern database (when
  // vnie has the engine), read as a filter: one scan of a line names the
  // rules that may match it, never fewer than match.  A rule the engine
  // cannot compile stays in rule_sets.
  std::map<std::string, std::unique_ptr<MultiPattern>, std::less<>> rule_scans;
  std::vector<bool> scanned;  // by rule index: in rule_scans
  // Every rule in sets, as when there is no engine: built when a test
  // compares the two.
  mutable std::once_flag all_sets_once;
  mutable RuleSets all_rule_sets;
  RuleSets BuildSets(const std::vector<size_t>& rule_indices) const;
  // The (begin, end) of each line of TEXT that each rule of LANG runs on, by
  // rule index (date_grammar.cc).
  std::vector<std::vector<std::pair<size_t, size_t>>> LinesOfRules(std::string_view text, std::string_view lang,
                                                                  bool sets_only) const;
  std::unique_ptr<RE2> time_before, time_after, time_range_start;
  std::map<std::string, std::pair<std::unique_ptr<RE2>, std::unique_ptr<RE2>>, std::less<>> range_words;

  std::optional<std::string_view> Group(const Rule& r, const std::vector<re2::StringPiece>& subs,
                                        std::string_view name) const {
    const auto& groups = r.Get().groups;
    auto it = groups.find(name);
    if (it == groups.end()) return std::nullopt;
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

  // The parts of the day that may follow a time ("2 giờ chiều") or open the
  // date after it ("8 giờ tối 15/3") (CLS PODAFTER, PODBEFORE), each with the
  // hours it moves to the afternoon or night ("1-11"; "0" for none).
  const std::vector<Word>& Pods(std::string_view cls) const {
    static const std::vector<Word> kNone;
    const auto* words = lex.Words("vi", cls);
    return words ? *words : kNone;
  }

  // Whether a word of class CLS follows byte E (after spaces), whole.
  bool WordAfter(std::string_view text, size_t e, std::string_view lang, std::string_view cls) const {
    size_t s = e;
    while (s < text.size() && text[s] == ' ') ++s;
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = lex.Words(l, cls);
      if (!words) continue;
      for (const Word& w : *words) {
        if (LowerCase(text.substr(s, w.text.size())) == w.lower && !IsWordChar(At(text, s + w.text.size()))) return true;
      }
    }
    return false;
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
    // An ASCII byte lowers to itself or its small letter whatever follows
    // it: a word that starts with another ASCII byte is not looked at.
    const unsigned char first = s < text.size() ? static_cast<unsigned char>(text[s]) : 0;
    const char first_lower = static_cast<char>(first >= 'A' && first <= 'Z' ? first + 32 : first);
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = lex.Words(l, "UNIT");
      if (!words) continue;
      for (const Word& w : *words) {
        if (first < 0x80 && !w.lower.empty() && static_cast<unsigned char>(w.lower[0]) < 0x80 && w.lower[0] != first_lower)
          continue;
        if (text.substr(s, w.text.size()) == w.text || LowerCase(text.substr(s, w.text.size() + 2)).rfind(w.lower, 0) == 0) {
          if (!IsWordChar(At(text, s + w.text.size()))) return true;
        }
      }
    }
    return false;
  }

  // Whether the words around M, the match of RULE at [b, e), make it no
  // date (date_grammar.cc).
  bool WordsRuleOut(const Rule& rule, const std::vector<re2::StringPiece>& subs, const DateMatch& m,
                    std::string_view text, size_t b, size_t e, std::string_view lang) const;

  // What the match of rule R (its groups SUBS) gives, or nothing when its
  // words do not make a date (date_interpret.cc).
  std::optional<DateMatch> Interpret(const Rule& r, const std::vector<re2::StringPiece>& subs,
                                     std::string_view lang) const;
};

}  // namespace vnie::dates
