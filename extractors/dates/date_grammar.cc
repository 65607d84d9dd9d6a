// The grammar: compiles patterns.tsv with the lexicon spliced in, finds the
// phrases of a text and keeps the longest of overlapping ones.  What a match
// gives is read in date_interpret.cc; ranges are joined in date_ranges.cc,
// the tense read in date_tense.cc, times attached in date_time.cc.
#include "extractors/dates/date_grammar.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <numeric>
#include <stdexcept>

#include <xxhash.h>

#include "extractors/dates/date_grammar_impl.h"
#include "pipeline/decode/decoder.h"

namespace vnie::dates {
namespace {

const std::map<std::string, std::string, std::less<>>& Shapes() {
  static const std::map<std::string, std::string, std::less<>> kShapes = {
      {"Y", "(?:1[89]\\d\\d|20\\d\\d)"},
      {"D", "(?:[12]\\d|3[01]|0?[1-9])"},
      {"DS", "(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"},
      {"M", "(?:1[0-2]|0?[1-9])"},
  };
  return kShapes;
}

// PATTERN with each named group "(?P<name>" made a plain "(?:": the filter
// needs no groups.
std::string WithoutGroupNames(std::string_view pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
    } else if (pattern.substr(i, 4) == "(?P<") {
      out += "(?:";
      i = pattern.find('>', i);
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

// The rules RULE_INDICES in sets of a dozen, by language: one set of all of
// them tells in one pass which match, but its DFA has so many states that
// building them costs more than a few passes of smaller sets.
DateGrammar::Impl::RuleSets DateGrammar::Impl::BuildSets(const std::vector<size_t>& rule_indices) const {
  constexpr size_t kRulesPerSet = 12;
  RuleSets out;
  for (size_t ri : rule_indices) {
    const Rule& rule = rules[ri];
    auto& sets = out[rule.lang];
    if (sets.empty() || sets.back().rules.size() >= kRulesPerSet) {
      RE2::Options options;
      options.set_log_errors(false);
      // Room for the set's DFA states: with the default budget the cache of
      // so many patterns is flushed again and again.
      options.set_max_mem(64 << 20);
      sets.push_back({std::make_unique<RE2::Set>(options, RE2::UNANCHORED), {}});
    }
    // A pattern that does not parse is found here, when the grammar is built.
    std::string error;
    if (sets.back().set->Add(rule.pattern, &error) < 0)
      throw std::runtime_error("extractors/dates/patterns.tsv: rule " + rule.name + ": " + error);
    sets.back().rules.push_back(ri);
  }
  for (auto& [lang, sets] : out) {
    for (auto& s : sets) {
      if (!s.set->Compile()) throw std::runtime_error("dates: the rules of " + lang + " do not compile as a set");
    }
  }
  return out;
}

std::vector<Rule> LoadRules(const Lexicon& lex) {
  std::vector<Rule> rules;
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
            pattern += shape != Shapes().end() ? shape->second : lex.Alternation(lang, name);
            i = close + 1;
            continue;
          }
        }
        pattern += src[i++];
      }
      Rule rule;
      rule.lang = lang;
      rule.name = std::string(row.at(1));
      rule.pattern = std::move(pattern);
      rules.push_back(std::move(rule));
    }
  }
  return rules;
}

std::map<std::string, std::vector<MultiPattern::Pattern>, std::less<>> ScanPatterns(const std::vector<Rule>& rules) {
  std::map<std::string, std::vector<MultiPattern::Pattern>, std::less<>> out;
  for (size_t ri = 0; ri < rules.size(); ++ri)
    out[rules[ri].lang].push_back({WithoutGroupNames(rules[ri].pattern), static_cast<unsigned>(ri)});
  return out;
}

uint64_t ScanHash(const std::vector<MultiPattern::Pattern>& patterns) {
  std::string all = std::to_string(kScanFlags);
  for (const auto& p : patterns) all += '\0' + std::to_string(p.id) + '\0' + p.expression;
  return XXH3_64bits(all.data(), all.size());
}

namespace {

// The database built with vnie for PATTERNS, when it is for these patterns
// and this machine can read it; *REJECTED then holds the indices of the
// patterns it left out.
std::unique_ptr<MultiPattern> Prebuilt(std::string_view lang, const std::vector<MultiPattern::Pattern>& patterns,
                                       std::vector<size_t>* rejected) {
  for (const PrebuiltScan& p : PrebuiltScans()) {
    if (p.lang != lang) continue;
    if (p.hash != ScanHash(patterns)) return nullptr;
    auto scan = MultiPattern::Deserialize(p.database);
    if (!scan) return nullptr;
    for (std::string_view r = p.rejected; !r.empty();) {
      const size_t comma = std::min(r.find(','), r.size());
      rejected->push_back(std::stoul(std::string(r.substr(0, comma))));
      r.remove_prefix(std::min(comma + 1, r.size()));
    }
    return scan;
  }
  return nullptr;
}

}  // namespace

DateGrammar::DateGrammar() : impl_(std::make_unique<Impl>()) {
  impl_->lex = LoadLexicon();
  impl_->BuildTenseMarkers();
  impl_->rules = LoadRules(impl_->lex);
  // Each language's rules in one multi-pattern database, matched as a
  // filter (so that a pattern the engine cannot match exactly is still
  // kept); the rules it rejects go to RE2 sets.  Compiling the databases
  // takes a second or more, so vnie's build compiles them (dates_scan_gen)
  // and a run reads them; when it cannot, it compiles them itself.
  std::vector<size_t> in_sets;
  for (const auto& [lang, patterns] : ScanPatterns(impl_->rules)) {
    std::vector<size_t> rejected;
    auto scan = Prebuilt(lang, patterns, &rejected);
    if (!scan) {
      rejected.clear();
      scan = MultiPattern::Compile(patterns, kScanFlags, &rejected);
    }
    std::vector<bool> in_scan(patterns.size(), scan != nullptr);
    for (size_t i : rejected) in_scan[i] = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (!in_scan[i]) in_sets.push_back(patterns[i].id);
    }
    if (scan) impl_->rule_scans[lang] = std::move(scan);
  }
  impl_->scanned.assign(impl_->rules.size(), true);
  for (size_t ri : in_sets) impl_->scanned[ri] = false;
  std::sort(in_sets.begin(), in_sets.end());
  impl_->rule_sets = impl_->BuildSets(in_sets);
  // Groups: hh mi | hh2 mi2 ("10h30", "9g") | hh3 with a required am/pm.
  const std::string time =
      "(?:(?P<hh>[01]?\\d|2[0-3]):(?P<mi>[0-5]\\d)|(?P<hh2>[01]?\\d|2[0-3])[hg](?P<mi2>[0-5]\\d)?"
      "|(?P<hh3>1[0-2]|0?[1-9])[ \\t]*(?P<ap3>a\\.m\\.|p\\.m\\.|(?:am|pm|AM|PM)\\b)"
      "|(?P<hh4>[01]?\\d|2[0-3])[ \\t]+" + impl_->lex.Alternation("*", "TIMEHOUR") + "(?:[ \\t]+(?P<mi4>[0-5]?\\d)(?:[ \\t]+" +
      impl_->lex.Alternation("*", "TIMEMINUTE") + ")?)?)"
      "(?:[ \\t]*(?P<ap>a\\.m\\.|p\\.m\\.|(?:a\\.m|p\\.m|am|pm|AM|PM)\\b))?";
  for (const char* lang : {"en", "vi"}) {
    impl_->range_words[lang] = {
        std::make_unique<RE2>("(?:^|[^\\pL\\pN])(" + impl_->lex.Alternation(lang, "RANGEFROM") + ")\\s+$"),
        std::make_unique<RE2>("^\\s*(?:[-–]|" + impl_->lex.Alternation(lang, "RANGETO") + ")\\s*$")};
  }
  // A time and its date share a line: a dateline's time does not run into
  // the first sentence below it.
  impl_->time_before = std::make_unique<RE2>(time + "[ \\t]*(?:[,|/–-][ \\t]*)?(?:" + impl_->lex.Alternation("*", "TIMEON") +
                                             "[ \\t]+)?$");
  // The start of a time range that ends with the time just before a date:
  // "from 10 a.m. to " + "6 p.m. on Saturday".
  impl_->time_range_start = std::make_unique<RE2>(impl_->lex.Alternation("*", "TIMEFROM") + "[ \\t]+" + time +
                                                  "[ \\t]*(?:[-–]|" + impl_->lex.Alternation("*", "TIMETO") + ")[ \\t]*$");
  impl_->time_after = std::make_unique<RE2>("^(?:[ \\t]*[,|/–-][ \\t]*|[ \\t]+" + impl_->lex.Alternation("*", "TIMEAT") +
                                            "[ \\t]+|[ \\t]+)" + time);
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

// Words around the match of rule R at [b, e) that make it no date: a
// relative quarter that is a district or "precious"; a lower-case weekday
// that is a rank or whose "tới" is "to" or "arrives"; a month in an event's
// name.
bool DateGrammar::Impl::WordsRuleOut(const Rule& rule, const std::vector<re2::StringPiece>& subs, const DateMatch& m,
                                     std::string_view text, size_t b, size_t e, std::string_view lang) const {
  if (m.expression.begin.quarter_offset) {
    // "this quarter of the city" is a district; "món quà quý này" is "this
    // precious gift": a relative quarter is not followed by "of", and in a
    // language with QUARTERBEFORE words it follows one of them (or opens
    // its clause).
    const std::string before = WordBefore(text, b);
    if (WordAfter(text, e, lang, "OFAFTER")) return true;
    if (lex.Words(lang, "QUARTERBEFORE") && !before.empty() && !lex.Value(lang, "QUARTERBEFORE", before)) return true;
  }
  if (auto wd = Group(rule, subs, "wd"); wd && LowerCase(*wd) == *wd && lex.Value(lang, "RANK", WordBefore(text, b))) {
    // "xếp thứ 5 tới ...", "lần thứ hai tới": a rank, not a weekday (a
    // capitalized weekday is a day).
    return true;
  }
  if (auto near = Group(rule, subs, "wnear"); near && RangeAfter(text, e, lang)) {
    // "từ thứ hai tới thứ sáu": "tới" is "to", not "coming".
    return true;
  }
  if (auto near = Group(rule, subs, "wnear"); near && lex.Value(lang, "NEARATEND", *near)) {
    // "đoàn thứ hai tới Hà Nội": after a lower-case weekday, "tới" may be
    // "arrives"; it is "coming" only at the end of its clause.
    auto wd = Group(rule, subs, "wd");
    size_t s = e;
    while (s < text.size() && text[s] == ' ') ++s;
    if (wd && LowerCase(*wd) == *wd && IsWordChar(At(text, s))) return true;
  }
  if (Group(rule, subs, "dw") && Group(rule, subs, "mon") && e < text.size() && text[e] == '-') {
    // "May first-quarter profits": an ordinal of a compound word.
    return true;
  }
  if (Group(rule, subs, "yyd")) {
    // "14th April 15, 16 and 17": a list of days, not a year.
    size_t s = e;
    while (s < text.size() && (text[s] == ' ' || text[s] == ',')) ++s;
    if (s < text.size() && IsDigit(static_cast<unsigned char>(text[s]))) return true;
  }
  if (Group(rule, subs, "wdd") && lex.Value(lang, "TITLEBEFORE", WordBefore(text, b))) {
    // "a screening of Friday the 13th": a title.
    return true;
  }
  if (Group(rule, subs, "mon") && NameBefore(text, b, lang)) {
    // "Cách mạng Tháng Tám": a month in the name of an event.
    return true;
  }
  return false;
}

std::vector<std::vector<std::pair<size_t, size_t>>> DateGrammar::Impl::LinesOfRules(std::string_view text,
                                                                                 std::string_view lang,
                                                                                 bool sets_only) const {
  // A date phrase does not cross a line break.  Each rule runs only on the
  // lines where the scan or the sets say it matches; when a set cannot tell
  // (its DFA ran out of memory), its rules run on that line.  The scan reads
  // valid UTF-8 only: on other text its rules run on every line.
  std::vector<std::vector<std::pair<size_t, size_t>>> lines_of(rules.size());
  const RuleSets* sets = &rule_sets;
  const MultiPattern* scan = nullptr;
  if (sets_only) {
    std::call_once(all_sets_once, [this] {
      std::vector<size_t> all(rules.size());
      std::iota(all.begin(), all.end(), 0);
      all_rule_sets = BuildSets(all);
    });
    sets = &all_rule_sets;
  } else if (auto it = rule_scans.find(lang); it != rule_scans.end()) {
    scan = it->second.get();
  }
  const bool scan_reads = scan && IsValidUtf8(text);
  const auto set_it = sets->find(lang);
  std::vector<int> hits;
  for (size_t lb = 0; lb < text.size();) {
    size_t le = text.find('\n', lb);
    if (le == std::string_view::npos) le = text.size();
    if (le == lb) {
      ++lb;
      continue;
    }
    const std::string_view line = text.substr(lb, le - lb);
    if (scan_reads) {
      scan->Scan(line, [&](unsigned ri, size_t) {
        lines_of[ri].emplace_back(lb, le);
        return true;
      });
    } else if (scan) {
      for (size_t ri = 0; ri < rules.size(); ++ri) {
        if (scanned[ri] && rules[ri].lang == lang) lines_of[ri].emplace_back(lb, le);
      }
    }
    if (set_it != sets->end()) {
      for (const auto& s : set_it->second) {
        RE2::Set::ErrorInfo error;
        hits.clear();
        if (s.set->Match(re2::StringPiece(line.data(), line.size()), &hits, &error)) {
          for (int h : hits) lines_of[s.rules[static_cast<size_t>(h)]].emplace_back(lb, le);
        } else if (error.kind != RE2::Set::kNoError) {
          for (size_t ri : s.rules) lines_of[ri].emplace_back(lb, le);
        }
      }
    }
    lb = le + 1;
  }
  return lines_of;
}

std::vector<std::vector<std::pair<size_t, size_t>>> DateGrammar::RuleLines(std::string_view text, std::string_view lang,
                                                                           bool sets_only) const {
  return impl_->LinesOfRules(text, lang, sets_only);
}

std::vector<DateMatch> DateGrammar::Find(std::string_view text, std::string_view lang) const {
  std::vector<DateMatch> found;
  std::vector<size_t> order;
  re2::StringPiece input(text.data(), text.size());
  const auto lines_of = impl_->LinesOfRules(text, lang, false);
  // Whether a FISCAL word occurs in the text, asked once.
  std::optional<bool> fiscal_text;
  auto FiscalText = [&] {
    if (!fiscal_text) fiscal_text = impl_->InText(text, lang, "FISCAL");
    return *fiscal_text;
  };
  for (size_t ri = 0; ri < impl_->rules.size(); ++ri) {
    const Rule& rule = impl_->rules[ri];
    if (rule.lang != lang || lines_of[ri].empty()) continue;
    const RE2& re = *rule.Get().re;
    const int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> subs(n);
    for (const auto& [line_b, line_e] : lines_of[ri]) {
      size_t pos = line_b;
      while (pos < line_e && re.Match(input, pos, line_e, RE2::UNANCHORED, subs.data(), n)) {
        const size_t whole_b = subs[0].data() - text.data();
        size_t whole_e = whole_b + subs[0].size();
        auto span = impl_->Group(rule, subs, "m");
        const size_t b = span ? span->data() - text.data() : whole_b;
        size_t e = span ? b + span->size() : whole_e;
        auto next = impl_->Group(rule, subs, "next");
        if (next && e == whole_e) {
          // "tháng 7 tới" is the coming July, but "từ tháng 7 tới nay" is
          // "from July until now": the word then is not part of the date.
          if (impl_->WordAfter(text, e, lang, "NOWAFTER")) {
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
        const bool of_follows =
            bare && (impl_->WordAfter(text, e, lang, "OFAFTER") || impl_->InSentence(text, b, e, lang, "SPORT", true));
        // "Our fiscal year runs from February to January ... By 1H25": in an
        // article whose fiscal year is not the calendar year (a FISCAL word),
        // a half or a quarter with no four-digit year is the company's.
        const bool fiscal = (rule.name == "half_bare" || rule.name == "half_h_short" ||
                             (rule.name == "quarter" && !impl_->Group(rule, subs, "y") &&
                              !impl_->Group(rule, subs, "ryear"))) &&
                            FiscalText();
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
            !impl_->lex.Value(lang, "PAIRTO", *joiner) && impl_->Moved(text, b, lang)) {
          // "postponed from 2024 to 2026": the old date and the new one.
          m.reset();
        }
        if (m && impl_->WordsRuleOut(rule, subs, *m, text, b, e, lang)) m.reset();
        if (m && impl_->Lunar(text, b, e, lang)) {
          // "rằm tháng Giêng", "15 tháng 8 âm lịch": a lunar date has no
          // calendar value the text gives.
          m.reset();
        }
        if (m) {
          m->begin = b;
          m->end = e;
          if (next && impl_->lex.Value(lang, "COMINGNEXT", next->substr(0, next->find_first_of(" \t\n")))) m->future = true;
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
  // The kept phrases by their first byte: they never overlap, so only the
  // last one that starts before a phrase ends can overlap it.
  std::map<size_t, size_t> kept_at;
  std::vector<DateMatch> kept;
  for (size_t i : idx) {
    auto it = kept_at.lower_bound(found[i].end);
    if (it != kept_at.begin() && std::prev(it)->second > found[i].begin) continue;
    kept_at.emplace(found[i].begin, found[i].end);
    kept.push_back(std::move(found[i]));
  }
  std::sort(kept.begin(), kept.end(), [](const DateMatch& x, const DateMatch& y) { return x.begin < y.begin; });
  JoinRanges(text, lang, kept);
  return kept;
}

}  // namespace vnie::dates
