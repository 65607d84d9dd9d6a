#include "extractors/money/money_matcher.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {

namespace {

constexpr std::string_view kDataDir = "extractors/money/";

// Spacing inside an amount: plain and no-break spaces, never a line end.
constexpr std::string_view kSpace = R"([ \t\x{00A0}\x{202F}])";
constexpr std::string_view kDash = R"([-\x{2013}\x{2014}\x{2011}])";

std::string_view Data(std::string_view file) {
  static thread_local std::string path;
  path = std::string(kDataDir) + std::string(file);
  return EmbeddedData(path);
}

// Lowercase, with every run of spacing made one ' ': the key of a form.
std::string Key(std::string_view text) {
  const std::string lower = LowerCase(text);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < lower.size();) {
    UChar32 c;
    size_t at = i;
    U8_NEXT(lower.data(), i, lower.size(), c);
    if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(lower, at, i - at);
  }
  return out;
}

// A regex alternation of FORMS, longest first, each quoted; a space in a
// form matches a run of spacing.
std::string Alternation(std::vector<std::string> forms) {
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) out += "|";
    std::string quoted = RE2::QuoteMeta(forms[i]);
    std::string spaced;
    for (size_t j = 0; j < quoted.size(); ++j) {
      if (quoted[j] == '\\' && j + 1 < quoted.size() && quoted[j + 1] == ' ') {
        spaced += std::string(kSpace) + "+";
        ++j;
      } else {
        spaced += quoted[j];
      }
    }
    out += spaced;
  }
  return out + ")";
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw std::runtime_error("money: bad pattern built from " + std::string(kDataDir) + ": " + re->error());
  return re;
}

// The code point at byte AT of TEXT, or 0 at the end.
UChar32 CodePointAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  UChar32 c;
  size_t i = at;
  U8_NEXT(text.data(), i, text.size(), c);
  return c;
}

// The code point ending just before byte AT, or 0 at the start.
UChar32 CodePointBefore(std::string_view text, size_t at) {
  if (at == 0) return 0;
  UChar32 c;
  int32_t i = static_cast<int32_t>(at);
  U8_PREV(text.data(), 0, i, c);
  return c;
}

bool IsWordChar(UChar32 c) { return c > 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC)); }

// True when the match TEXT[begin, end) ends a word: it ends in a non-letter,
// or the character after it is not a letter or digit.
bool EndsWord(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return true;
  if (!IsWordChar(CodePointBefore(text, end))) return true;
  return !IsWordChar(CodePointAt(text, end));
}

std::string Field(const std::vector<std::string_view>& row, size_t i) {
  return i < row.size() ? std::string(row[i]) : std::string();
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= s.size()) {
    size_t bar = s.find('|', begin);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > begin) out.emplace_back(s.substr(begin, bar - begin));
    begin = bar + 1;
  }
  return out;
}

// True when the currency word TEXT[begin, end) is capitalized, not written
// all in capitals, and the next word is capitalized too: a proper name such
// as "5 Đồng Khởi", "72 Dong Da", not "10 billion Won".
bool StartsProperName(std::string_view text, size_t begin, size_t end) {
  UChar32 first = CodePointAt(text, begin);
  if (!u_isupper(first)) return false;
  bool all_upper = true;
  for (size_t i = begin; i < end;) {
    UChar32 c;
    U8_NEXT(text.data(), i, end, c);
    if (u_isalpha(c) && !u_isupper(c)) all_upper = false;
  }
  if (all_upper) return false;
  size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i > end && u_isupper(CodePointAt(text, i));
}

}  // namespace

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

MoneyMatcher::MoneyMatcher() {
  // Context rules first: a generated form with no currency of its own is
  // kept only when some rule can read it.
  for (const auto& row : ParseTsv(Data("currency_context.tsv"))) {
    if (row.size() < 3) throw std::runtime_error("money: currency_context.tsv: a row needs form, currency, words");
    ContextRule rule;
    rule.currency = Field(row, 1);
    rule.context = Compile(R"((?:^|[^\pL\pN]))" + Alternation(SplitBar(row[2])) + R"((?:$|[^\pL\pN]))");
    if (!Field(row, 3).empty()) {
      rule.unless = Compile(R"((?:^|[^\pL\pN]))" + Alternation(SplitBar(row[3])) + R"((?:$|[^\pL\pN]))");
    }
    context_rules_.emplace_back(Key(Field(row, 0)), std::move(rule));
  }
  auto has_context = [&](const std::string& key) {
    return std::any_of(context_rules_.begin(), context_rules_.end(), [&](const auto& r) { return r.first == key; });
  };
  // The hand-kept tables (a later row overrides an earlier one), then the
  // table generated from ICU, which adds only forms they do not name.
  std::vector<std::string> prefixes, suffixes, named;
  for (std::string_view file : {"currencies.tsv", "currency_names_vi.tsv", "currencies_iso.tsv"}) {
    const bool generated = file == "currencies_iso.tsv";
    for (const auto& row : ParseTsv(Data(file))) {
      if (row.size() < 3) throw std::runtime_error("money: " + std::string(file) + ": a row needs form, currency, where");
      std::string form = Field(row, 0), where = Field(row, 2), key = Key(form);
      if (generated && currencies_.count(key)) continue;
      CurrencyForm& c = currencies_[key];
      c.currency = Field(row, 1) == "-" ? std::string() : Field(row, 1);
      if (!Field(row, 3).empty()) c.power = std::stoi(Field(row, 3));
      c.country_open = Field(row, 4) == "country";
      // ISO codes are read only in capitals ("QAR", not "qar").
      c.exact = Field(row, 4) == "code" || Field(row, 4) == "case" ? form : std::string();
      // A form no context reads ("ALL", a code that is a word) only blocks
      // the generated row of the same form.
      if (c.currency.empty() && !has_context(key)) continue;
      if (!c.currency.empty()) named.push_back(form);
      if (where == "prefix" || where == "both") {
        c.prefix = true;
        prefixes.push_back(form);
      }
      if (where == "suffix" || where == "both") {
        c.suffix = true;
        suffixes.push_back(form);
      }
    }
  }
  std::vector<std::string> multipliers;
  for (const auto& row : ParseTsv(Data("multipliers.tsv"))) {
    std::string key = Key(Field(row, 0));
    multiplier_power_[key] = std::stoi(Field(row, 1));
    multiplier_attached_[key] = Field(row, 2) == "yes";
    multipliers.push_back(Field(row, 0));
  }
  std::vector<std::string> qualifiers;
  for (const auto& row : ParseTsv(Data("qualifiers.tsv"))) {
    qualifiers_[Key(Field(row, 0))] = Field(row, 1);
    qualifiers.push_back(Field(row, 0));
  }
  std::vector<std::string> words, after_words, joiners, point_words;
  for (const auto& row : ParseTsv(Data("number_words.tsv"))) {
    auto value = CanonicalDecimal(Field(row, 1));
    if (!value) throw std::runtime_error("money: number_words.tsv: bad value for " + Field(row, 0));
    if (Field(row, 2) == "join") {
      joiners.push_back(Field(row, 0));
      written_[Key(Field(row, 0))] = {*value, "join"};
      continue;
    }
    if (Field(row, 2) == "point") {
      point_words.push_back(Field(row, 0));
      continue;
    }
    if (Field(row, 2) == "after") {
      fraction_after_[Key(Field(row, 0))] = *value;
      after_words.push_back(Field(row, 0));
      continue;
    }
    written_[Key(Field(row, 0))] = {*value, Field(row, 2)};
    words.push_back(Field(row, 0));
  }
  for (const auto& row : ParseTsv(Data("number_formats.tsv"))) {
    if (row.size() < 3 || row[1].size() != 1 || row[2].size() != 1)
      throw std::runtime_error("money: number_formats.tsv: a row needs lang, decimal mark, group mark");
    formats_[Field(row, 0)] = NumberFormat{row[1][0], row[2][0]};
  }
  std::vector<std::string> links, openers, changes, steps, leads;
  auto direction = [](const std::string& d) { return d == "up" ? 1 : d == "down" ? -1 : 0; };
  for (const auto& row : ParseTsv(Data("range_words.tsv"))) {
    std::string role = Field(row, 1);
    if (role == "step") {
      step_direction_[Key(Field(row, 0))] = direction(Field(row, 2));
      steps.push_back(Field(row, 0));
      continue;
    }
    if (role == "change") {
      change_direction_[Key(Field(row, 0))] = direction(Field(row, 2));
      changes.push_back(Field(row, 0));
    } else if (role == "lead") {
      leads.push_back(Field(row, 0));
    }
    if (role == "link") {
      links.push_back(Field(row, 0));
      plain_links_.push_back(Key(Field(row, 0)));
    } else {
      Opener& o = openers_[Key(Field(row, 0))];
      o.forces = role == "opener";
      if (role != "change") o.links = SplitBar(Field(row, 2));
      for (auto& l : o.links) l = Key(l);
      openers.push_back(Field(row, 0));
    }
  }
  for (const auto& [key, o] : openers_) {
    for (const auto& l : o.links) {
      if (std::find(links.begin(), links.end(), l) == links.end()) links.push_back(l);
    }
  }
  for (const auto& line : ParseTsv(Data("not_currency.txt"))) not_currency_.push_back(Key(Field(line, 0)));
  std::vector<std::string> minor_links;
  for (const auto& line : ParseTsv(Data("minor_unit_links.txt"))) minor_links.push_back(Field(line, 0));
  std::vector<std::string> percent;
  for (const auto& line : ParseTsv(Data("percent_words.txt"))) percent.push_back(Field(line, 0));
  std::vector<std::string> per, equals, unit;
  for (const auto& row : ParseTsv(Data("exchange_rate_words.txt"))) {
    const std::string role = Field(row, 1);
    (role == "equals" ? equals : role == "unit" ? unit : per).push_back(Field(row, 0));
  }

  const std::string sp(kSpace), dash(kDash);
  const std::string number = R"(\d+(?:[.,]\d+)*)";
  const std::string word = Alternation(words);
  const std::string written =
      word + "(?:(?:" + sp + "+(?:" + Alternation(joiners) + sp + "+)?|" + dash + ")" + word + ")*";
  // Group 1: prefix currency; 2: its number; 3: a bare number; 4: a written number.
  atom_ = Compile(R"((?:^|[^\pL\pN.,]))" + std::string("(?:(") + Alternation(prefixes) + ")" + sp + "?(" + number +
                  ")|(" + number + ")|(" + written + ")" + R"((?:[^\pL\pN]|$))" + ")");
  // Group 1: the spacing before the multiplier; 2: the multiplier.
  // (An editor's "[billion]" inside a quotation is a multiplier too.)
  multiplier_ = Compile("(" + sp + "*|" + sp + "?" + dash + sp + "?|" + sp + R"(*\[)" + ")(" + Alternation(multipliers) +
                        ")");
  suffix_ = Compile("(?:" + sp + "*|" + sp + "?" + dash + sp + "?)(" + Alternation(suffixes) + ")");
  fraction_ = Compile(sp + "+(" + Alternation(after_words) + ")");
  number_next_ = Compile(sp + R"(?\d)");
  decimal_word_ = Compile(sp + "+" + Alternation(point_words) + sp + R"(+(\d+))");
  minor_link_ = Compile(sp + "*(?:" + Alternation(minor_links) + sp + "+)?");
  minor_word_ = Compile(sp + "+" + Alternation(minor_links) + sp + "+");
  std::vector<std::string> subunits;
  for (const auto& [key, c] : currencies_) {
    if (c.power < 0 && !c.currency.empty()) subunits.push_back(key);
  }
  subunit_next_ = Compile(sp + R"(?\d+)" + sp + "*" + Alternation(subunits) + R"((?:[^\pL\pN]|$))");
  range_end_ = Compile(R"(\d)" + sp + "*(?:" + Alternation(suffixes) + sp + "*)?" + Alternation(links) + sp + "*$");
  score_ = Compile(R"(^-(\d{1,2})(?:[^\d.,]|$))");
  percent_ = Compile(sp + "*" + Alternation(percent) + R"((?:[^\pL\pN]|$))");
  link_ = Compile(sp + "*" + Alternation(links) + sp + "*");
  qualifier_ = Compile(R"((?:^|[^\pL\pN]))" + std::string("(") + Alternation(qualifiers) + ")" + sp + "+$");
  opener_ = Compile(R"((?:^|[^\pL\pN]))" + std::string("(") + Alternation(openers) + ")" + sp + "+$");
  change_ = Compile(R"((?:^|[^\pL\pN]))" + std::string("(") + Alternation(changes) + ")" + sp + "+" +
                    Alternation(leads) + sp + "+$");
  step_ = Compile(sp + "*(" + Alternation(steps) + ")" + sp + "*");
  // A word after "per" ends there ("per USD", not "perUSD"); the currency
  // is written with no number after it ("$5 per $100" is money).
  per_currency_ =
      Compile(sp + "*" + Alternation(per) + sp + "*(?:1" + sp + "*)?(" + Alternation(named) + R"()(?:[^\pL\pN]|$))");
  equals_after_ = Compile(sp + "*" + Alternation(equals));
  unit_equals_ = Compile(sp + "*" + Alternation(unit) + sp + "*");
  equals_before_ = Compile(Alternation(equals) + sp + "*$");
}

MoneyMatcher::~MoneyMatcher() = default;

const MoneyMatcher& MoneyMatcher::Default() {
  static const MoneyMatcher matcher;
  return matcher;
}

bool MoneyMatcher::ReadWritten(std::string_view phrase, std::string* value) const {
  // Split into known words, longest first ("half a" before "a").
  std::string key = Key(phrase);
  for (char& c : key) {
    if (c == '-') c = ' ';
  }
  std::vector<const WrittenWord*> tokens;
  size_t i = 0;
  while (i < key.size()) {
    if (key[i] == ' ') {
      ++i;
      continue;
    }
    const WrittenWord* best = nullptr;
    size_t best_len = 0;
    for (const auto& [w, ww] : written_) {
      if (w.size() > best_len && key.compare(i, w.size(), w) == 0 &&
          (i + w.size() == key.size() || key[i + w.size()] == ' ')) {
        best = &ww;
        best_len = w.size();
      }
    }
    if (best == nullptr) return false;
    tokens.push_back(best);
    i += best_len;
  }
  // "hàng trăm tỷ đồng" (hundreds of billions) names no number.
  if (tokens.empty() || tokens[0]->how == "hundred" || tokens[0]->how == "tens") return false;
  if (tokens.size() == 1 && tokens[0]->how == "alone") {
    *value = tokens[0]->value;
    return true;
  }
  std::string total = "0", last = "0";
  for (size_t k = 0; k < tokens.size(); ++k) {
    const WrittenWord* t = tokens[k];
    if (t->how == "alone") {
      // "one and a half": a fraction ends a number after a joining word.
      if (k + 1 != tokens.size() || k < 2 || tokens[k - 1]->how != "join") return false;
      total = AddDecimals(total, t->value);
    } else if (t->how == "add") {
      // "a one", "two three": a second unit no smaller than the one before
      // it ("twenty one" is fine) makes no number.
      if (k > 0 && tokens[k - 1]->how == "add" && CompareDecimals(t->value, last) >= 0) return false;
      total = AddDecimals(total, t->value);
      last = t->value;
    } else if (t->how == "hundred") {
      total = MultiplyByWhole(total == "0" ? "1" : total, 100);
      last = "0";
    } else if (t->how == "join") {
      continue;
    } else if (t->how == "tens") {
      // "hai mươi" = 2 x 10: the last digit counted again nine times.
      total = AddDecimals(total, MultiplyByWhole(last, 9));
      last = "0";
    } else {
      return false;
    }
  }
  *value = total;
  return total != "0";
}

std::string MoneyMatcher::CurrencyOf(std::string_view form,
                                     const std::map<std::string, std::string>& context) const {
  std::string key = Key(form);
  auto it = currencies_.find(key);
  if (it == currencies_.end() || (!it->second.exact.empty() && it->second.exact != form)) return std::string();
  if (auto c = context.find(key); c != context.end()) return c->second;
  return it->second.currency;
}

int MoneyMatcher::PowerOf(std::string_view form) const {
  auto it = currencies_.find(Key(form));
  return it == currencies_.end() ? 0 : it->second.power;
}

// The end of the digit groups written after the number ending at END and
// separated by single spaces ("1 500 000"): each group exactly three digits,
// the number before them one to three digits with no mark.  END itself when
// there are none, or when a multiplier follows (in "quý 3 500 tỷ" the 3 is
// no part of 500 tỷ).
size_t MoneyMatcher::SpaceGroupsEnd(std::string_view text, size_t end) const {
  size_t begin = end;
  while (begin > 0 && text[begin - 1] >= '0' && text[begin - 1] <= '9') --begin;
  if (end - begin < 1 || end - begin > 3) return end;
  if (begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == ',')) return end;
  // After another number ("0912 345 678") the groups are a phone number's.
  if (begin > 1 && text[begin - 1] == ' ' && text[begin - 2] >= '0' && text[begin - 2] <= '9') return end;
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  size_t at = end;
  while (at + 4 <= text.size() && text[at] == ' ' && digit(at + 1) && digit(at + 2) && digit(at + 3) &&
         !digit(at + 4)) {
    at += 4;
  }
  if (at == end) return end;
  // "1 234.5", "1 234,5": a mark after the groups makes them something else.
  if ((at < text.size() && (text[at] == '.' || text[at] == ',')) && digit(at + 1)) return end;
  // With a multiplier after them, the groups join only when the first one
  // cannot stand alone: "3 000 billion dong" (no one writes "000 billion"),
  // but "quý 3 500 tỷ" is quarter 3, then 500 tỷ.
  re2::StringPiece m[3];
  if (multiplier_->Match(text, at, text.size(), RE2::ANCHOR_START, m, 3) &&
      EndsWord(text, static_cast<size_t>(m[2].data() - text.data()),
               static_cast<size_t>(m[2].data() - text.data()) + m[2].size()) &&
      text[end + 1] != '0') {
    return end;
  }
  return at;
}

bool MoneyMatcher::NotCurrencyAt(std::string_view text, size_t at) const {
  std::string head = Key(text.substr(at, std::min<size_t>(40, text.size() - at)));
  for (const auto& phrase : not_currency_) {
    if (head.compare(0, phrase.size(), phrase) != 0) continue;
    if (head.size() == phrase.size()) return true;
    UChar32 next = CodePointAt(head, phrase.size());
    if (!IsWordChar(next)) return true;
  }
  return false;
}

std::vector<MoneyMatcher::Atom> MoneyMatcher::FindAtoms(
    std::string_view text, const NumberFormat& format,
    const std::map<std::string, std::string>& context_currency) const {
  std::vector<Atom> atoms;
  re2::StringPiece g[5];
  size_t pos = 0;
  while (pos < text.size() &&
         atom_->Match(text, pos, text.size(), RE2::UNANCHORED, g, 5)) {
    auto offset = [&](const re2::StringPiece& s) { return static_cast<size_t>(s.data() - text.data()); };
    Atom atom;
    std::string_view number;
    bool written = false;
    bool context_sign = false;  // a prefix read by the article's context
    if (g[1].data() != nullptr) {
      atom.begin = offset(g[1]);
      number = std::string_view(g[2].data(), g[2].size());
      atom.currency = CurrencyOf(std::string_view(g[1].data(), g[1].size()), context_currency);
      atom.currency_before = !atom.currency.empty();
      atom.power = PowerOf(std::string_view(g[1].data(), g[1].size()));
      atom.end = offset(g[2]) + g[2].size();
      // A sign that names no currency here ("R5" outside South Africa) is
      // no part of the number.
      if (atom.currency.empty()) atom.begin = offset(g[2]);
      context_sign = !atom.currency.empty() && currencies_.at(Key(std::string_view(g[1].data(), g[1].size())))
                                                   .currency.empty();
      // A prefix ending in a letter must not be the end of a longer word.
      if (IsWordChar(CodePointBefore(text, atom.begin)) && IsWordChar(CodePointAt(text, atom.begin))) {
        pos = atom.end;
        continue;
      }
    } else if (g[3].data() != nullptr) {
      atom.begin = offset(g[3]);
      number = std::string_view(g[3].data(), g[3].size());
      atom.end = atom.begin + number.size();
    } else {
      atom.begin = offset(g[4]);
      number = std::string_view(g[4].data(), g[4].size());
      atom.end = atom.begin + number.size();
      written = true;
    }
    // Digits grouped by spaces ("1 500 000 đồng", "5 000 000 dong").
    std::string spaced;
    if (size_t groups_end = written ? atom.end : SpaceGroupsEnd(text, atom.end); groups_end != atom.end) {
      bool currency_follows = !atom.currency.empty();
      size_t after = groups_end;
      re2::StringPiece s[2];
      re2::StringPiece mm[3];
      while (multiplier_->Match(text, after, text.size(), RE2::ANCHOR_START, mm, 3) &&
             EndsWord(text, static_cast<size_t>(mm[2].data() - text.data()),
                      static_cast<size_t>(mm[2].data() - text.data()) + mm[2].size()) &&
             !(multiplier_attached_.at(Key(std::string_view(mm[2].data(), mm[2].size()))) && !mm[1].empty())) {
        after = static_cast<size_t>(mm[2].data() - text.data()) + mm[2].size();
      }
      if (!currency_follows && suffix_->Match(text, after, text.size(), RE2::ANCHOR_START, s, 2)) {
        size_t form_begin = static_cast<size_t>(s[1].data() - text.data());
        currency_follows = EndsWord(text, form_begin, form_begin + s[1].size()) &&
                           !NotCurrencyAt(text, form_begin) &&
                           !CurrencyOf(std::string_view(s[1].data(), s[1].size()), context_currency).empty();
      }
      if (currency_follows) {
        size_t number_begin = static_cast<size_t>(number.data() - text.data());
        for (char c : text.substr(number_begin, groups_end - number_begin)) {
          if (c >= '0' && c <= '9') spaced.push_back(c);
        }
        number = spaced;
        atom.end = groups_end;
      }
    }
    size_t next = atom.end;
    // "000 đồng", "0912": a leading zero before a digit starts no amount
    // (it is the tail of a number read apart, or a phone number).
    if (!written && number.size() > 1 && number[0] == '0' && number[1] >= '0' && number[1] <= '9') {
      pos = std::max(next, pos + 1);
      continue;
    }
    std::optional<std::string> mantissa;
    if (written) {
      std::string value;
      if (ReadWritten(number, &value)) mantissa = value;
    } else {
      mantissa = ParseNumber(number, format);
    }
    if (!mantissa) {
      pos = std::max(next, pos + 1);
      continue;
    }
    atom.mantissa = *mantissa;
    // "hai phẩy 5 đô", "2 chấm 75 đô la": a decimal word between the whole
    // number and its fraction's digits; an amount only with a currency after.
    bool spoken_fraction = false;
    re2::StringPiece frac[2];
    if (atom.mantissa.find('.') == std::string::npos &&
        decimal_word_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, frac, 2)) {
      size_t frac_end = offset(frac[1]) + frac[1].size();
      if (frac_end >= text.size() || !(IsWordChar(CodePointAt(text, frac_end)) || text[frac_end] == '.' ||
                                       text[frac_end] == ',')) {
        if (auto v = CanonicalDecimal(atom.mantissa + "." + std::string(frac[1].data(), frac[1].size()))) {
          atom.mantissa = *v;
          atom.end = frac_end;
          spoken_fraction = true;
        }
      }
    }
    if (percent_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    atom.year_like = !written && number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
    // Multipliers, stacked ("nghìn tỷ").
    re2::StringPiece m[3];
    while (multiplier_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, m, 3)) {
      size_t end = offset(m[2]) + m[2].size();
      std::string key = Key(std::string_view(m[2].data(), m[2].size()));
      if (multiplier_attached_.at(key) && !m[1].empty()) break;
      if (!EndsWord(text, offset(m[2]), end)) break;
      bool bracket = !m[1].empty() && m[1].data()[m[1].size() - 1] == '[';
      if (bracket && (end >= text.size() || text[end] != ']')) break;
      atom.power += multiplier_power_.at(key);
      atom.has_multiplier = true;
      atom.end = bracket ? end + 1 : end;
    }
    // "1 tỷ rưỡi": half of the multiplier more.
    re2::StringPiece fr[2];
    if (atom.has_multiplier && fraction_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, fr, 2) &&
        EndsWord(text, offset(fr[1]), offset(fr[1]) + fr[1].size())) {
      const std::string& part = fraction_after_.at(Key(std::string_view(fr[1].data(), fr[1].size())));
      atom.addend = AddDecimals(atom.addend, ScaleByPowerOfTen(part, atom.power));
      atom.end = offset(fr[1]) + fr[1].size();
    }
    // A sign that the article's context reads ("R" in South Africa) makes
    // an amount only with a multiplier: "R254 billion", not "the R300
    // highway".
    if (context_sign && !atom.has_multiplier) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    // A currency after the number, unless it opens the next amount
    // ("in 2019 USD 5 billion").
    if (atom.currency.empty()) {
      re2::StringPiece s[2];
      if (suffix_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, s, 2)) {
        size_t form_begin = offset(s[1]), form_end = form_begin + s[1].size();
        std::string_view form(s[1].data(), s[1].size());
        const CurrencyForm& c = currencies_.at(Key(form));
        // ("3 GBP 1 pence": the code ends "3 GBP", its subunit follows.)
        bool opens_next = c.prefix && !atom.has_multiplier &&
                          number_next_->Match(text, form_end, text.size(), RE2::ANCHOR_START, nullptr, 0) &&
                          !subunit_next_->Match(text, form_end, text.size(), RE2::ANCHOR_START, nullptr, 0);
        // "2023 USD-denominated notes", "the 2020 Euro final": a year before
        // a currency form, not an amount; but not as the upper end of a
        // range ("từ 1000 đến 2000 đồng").
        bool year_before_code = !atom.has_multiplier && atom.year_like &&
                                !RE2::PartialMatch(text.substr(0, atom.begin), *range_end_);
        std::string currency = CurrencyOf(form, context_currency);
        // A subunit is written in lower case: "45 cents", "US cents", but
        // "50 Cent" is a name.
        size_t last_word = form.find_last_of(' ');
        last_word = last_word == std::string_view::npos ? 0 : last_word + 1;
        if (c.power < 0 && u_isupper(CodePointAt(form, last_word))) currency.clear();
        // "đô la Brunei": a dollar of a country the table does not name.
        if (c.country_open) {
          size_t next = form_end;
          while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
          if (next > form_end && u_isupper(CodePointAt(text, next))) currency.clear();
        }
        if (!currency.empty() && EndsWord(text, form_begin, form_end) && !NotCurrencyAt(text, form_begin) &&
            !opens_next && !year_before_code && !StartsProperName(text, form_begin, form_end)) {
          atom.currency = currency;
          atom.power += c.power;
          atom.end = form_end;
        }
      }
    }
    // A written number with no multiplier is an amount only with its
    // currency right after it ("ten dollars", "mười đồng"); one unit
    // ("one dollar", "a dollar") only at the end of a phrase or before its
    // subunit, since "a dollar shortage", "one euro zone member" are none.
    if (spoken_fraction && atom.currency.empty()) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    if (written && !atom.has_multiplier) {
      bool alone = !atom.currency.empty();
      if (alone && CompareDecimals(atom.mantissa, "1") == 0) {
        size_t next = atom.end;
        while (next < text.size() && text[next] == ' ') ++next;
        alone = !IsWordChar(CodePointAt(text, next)) ||
                minor_word_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, nullptr, 0);
      }
      if (!alone) {
        pos = std::max(atom.end, pos + 1);
        continue;
      }
    }
    // The amount must end a word: "CAD 3D", "USD 5G" are no amounts.
    if (IsWordChar(CodePointAt(text, atom.end)) && IsWordChar(CodePointBefore(text, atom.end))) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    // "5 xu phần trăm", "5 cents percent": a rate after all.
    if (!atom.currency.empty() && !atom.currency_before &&
        percent_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    if (!written && !atom.has_multiplier && !atom.currency.empty()) {
      // "0912 345 678 QAR": the last group of a phone number.
      if (!atom.currency_before && atom.begin >= 2 && text[atom.begin - 1] == ' ' &&
          text[atom.begin - 2] >= '0' && text[atom.begin - 2] <= '9') {
        pos = std::max(atom.end, pos + 1);
        continue;
      }
      // "ARS 2-1 CHE": a score after a team's letters, not a range (which
      // runs upwards).
      re2::StringPiece score;
      if (atom.currency_before && RE2::PartialMatch(text.substr(atom.end, 8), *score_, &score) &&
          CompareDecimals(std::string(score.data(), score.size()), atom.mantissa) <= 0) {
        pos = std::max(atom.end, pos + 1);
        continue;
      }
    }
    // An exchange rate is no amount: "25,450 VND/USD", "152 yen per
    // dollar", "25.000 VND/1 USD" (the "1 USD" with it), either side of
    // "($1 = 25,450 dong)".
    if (!atom.currency.empty()) {
      re2::StringPiece per[2];
      if (per_currency_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, per, 2) &&
          !NotCurrencyAt(text, offset(per[1]))) {
        pos = offset(per[1]) + per[1].size();
        continue;
      }
      if (equals_after_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, nullptr, 0) ||
          RE2::PartialMatch(text.substr(atom.begin > 8 ? atom.begin - 8 : 0, atom.begin > 8 ? 8 : atom.begin),
                            *equals_before_)) {
        pos = std::max(atom.end, pos + 1);
        continue;
      }
    }
    atoms.push_back(atom);
    pos = atom.end;
  }
  return atoms;
}

std::vector<FoundAmount> MoneyMatcher::Find(std::string_view text, std::string_view lang) const {
  NumberFormat format = kEnglishNumbers;
  if (auto it = formats_.find(std::string(lang)); it != formats_.end()) format = it->second;
  std::map<std::string, std::string> context_currency;
  // The first rule of a form that the text meets names its currency.
  for (const auto& [form, rule] : context_rules_) {
    if (context_currency.count(form)) continue;
    if (RE2::PartialMatch(text, *rule.context) && !(rule.unless && RE2::PartialMatch(text, *rule.unless))) {
      context_currency[form] = rule.currency;
    }
  }
  std::vector<Atom> atoms = FindAtoms(text, format, context_currency);
  // Compound amounts: "1 tỷ 200 triệu đồng", "12 triệu 500 nghìn đồng".
  std::vector<Atom> merged;
  for (const Atom& b : atoms) {
    if (!merged.empty()) {
      Atom& a = merged.back();
      std::string_view gap = text.substr(a.end, b.begin - a.end);
      bool spaces_only = !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
      if (spaces_only && a.currency.empty() && a.has_multiplier && b.has_multiplier && !b.currency_before &&
          b.power < a.power && CompareDecimals(b.mantissa, ScaleByPowerOfTen("1", a.power - b.power)) < 0) {
        a.addend = AddDecimals(a.addend, b.Value());
        a.end = b.end;
        a.currency = b.currency;
        continue;
      }
      // "1 triệu 2 đồng" (spoken 1.2 million) is no amount of 2 đồng: a bare
      // number right after a multiplier with no currency is the tail of an
      // amount that cannot be read exactly.
      if (spaces_only && a.currency.empty() && a.has_multiplier && !b.has_multiplier && !b.currency_before &&
          b.power == 0) {
        a.end = b.end;
        continue;
      }
    }
    merged.push_back(b);
  }
  atoms = std::move(merged);
  // A major unit and its subunit are one amount: "20 dollars 43 cents",
  // "2 đô 23 xu", "một đô la và 42 xu".
  merged.clear();
  for (const Atom& b : atoms) {
    if (!merged.empty()) {
      Atom& a = merged.back();
      if (!a.currency.empty() && !a.has_multiplier && a.power == 0 && !b.currency.empty() && !b.currency_before &&
          !b.has_multiplier && b.power < 0 && CompareDecimals(b.Value(), "1") < 0 &&
          RE2::FullMatch(text.substr(a.end, b.begin - a.end), *minor_link_)) {
        a.addend = AddDecimals(a.addend, b.Value());
        a.end = b.end;
        continue;
      }
    }
    merged.push_back(b);
  }
  atoms = std::move(merged);

  // The text just before BEGIN on its line, at most about 40 bytes.
  auto before = [&](size_t begin) {
    size_t from = begin > 40 ? begin - 40 : 0;
    while (from > 0 && from < begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    std::string_view window = text.substr(from, begin - from);
    size_t line = window.rfind('\n');
    return line == std::string_view::npos ? window : window.substr(line + 1);
  };
  // "nearly $5 billion", "hơn 2.000 tỷ đồng": a qualifier right before the
  // amount is kept and starts the mention.
  auto with_qualifier = [&](FoundAmount f) {
    re2::StringPiece q;
    if (RE2::PartialMatch(before(f.begin), *qualifier_, &q)) {
      f.qualifier = qualifiers_.at(Key(std::string_view(q.data(), q.size())));
      f.begin = static_cast<size_t>(q.data() - text.data());
    }
    return f;
  };

  std::vector<FoundAmount> found;
  for (size_t i = 0; i < atoms.size(); ++i) {
    Atom a = atoms[i];
    // One unit of a currency and its price in another: "1 USD đổi được
    // 25.400 đồng", "$1 equals 25,450 dong" is an exchange rate.
    if (i + 1 < atoms.size() && !a.currency.empty() && !a.has_multiplier && CompareDecimals(a.Value(), "1") == 0 &&
        !atoms[i + 1].currency.empty() && atoms[i + 1].currency != a.currency &&
        RE2::FullMatch(text.substr(a.end, atoms[i + 1].begin - a.end), *unit_equals_)) {
      ++i;
      continue;
    }
    FoundAmount f;
    f.begin = a.begin;
    f.end = a.end;
    bool range = false;
    // An opener just before the first amount ("between", "từ").
    re2::StringPiece o;
    const Opener* opener = nullptr;
    size_t opener_begin = 0;
    if (RE2::PartialMatch(before(a.begin), *opener_, &o)) {
      opener = &openers_.at(Key(std::string_view(o.data(), o.size())));
      opener_begin = static_cast<size_t>(o.data() - text.data());
    }
    // A change with the currency written once: "giảm từ 24.000 xuống 23.500
    // đồng" (a step word between), "rose from 3 trillion to 4 trillion yen"
    // (a change word and a lead before).  Two amounts, the first borrowing
    // the second's currency (and multiplier), when the two run the way the
    // words say.  "tăng từ 3 đến 5 tỷ USD" stays a range: "từ" opens one.
    if (i + 1 < atoms.size() && a.currency.empty() && !(a.year_like && !a.has_multiplier)) {
      const Atom& b = atoms[i + 1];
      std::string_view gap = text.substr(a.end, b.begin - a.end);
      bool change = false;
      int way = 0;
      re2::StringPiece w;
      if (!b.currency.empty() && !b.currency_before) {
        if (RE2::FullMatch(gap, *step_, &w)) {
          change = true;
          way = step_direction_.at(Key(std::string_view(w.data(), w.size())));
        } else if (RE2::FullMatch(gap, *link_) && IsWordChar(CodePointAt(Key(gap), 0)) &&
                   RE2::PartialMatch(before(a.begin), *change_, &w)) {
          change = true;
          way = change_direction_.at(Key(std::string_view(w.data(), w.size())));
        }
      }
      if (change) {
        Atom first = a;
        first.currency = b.currency;
        if (!first.has_multiplier) first.power = b.power;
        int order = CompareDecimals(first.Value(), b.Value());
        if (order != 0 && (way == 0 || (way > 0) == (order < 0))) {
          f.amount = first.Value();
          f.currency = first.currency;
          found.push_back(with_qualifier(std::move(f)));
        }
        continue;
      }
    }
    if (i + 1 < atoms.size()) {
      const Atom& b = atoms[i + 1];
      std::string_view gap = text.substr(a.end, b.begin - a.end);
      if (RE2::FullMatch(gap, *link_)) {
        std::string link = Key(gap);
        bool is_dash = !IsWordChar(CodePointAt(link, 0));
        bool is_plain = std::find(plain_links_.begin(), plain_links_.end(), link) != plain_links_.end();
        // A bare first number borrows from the second only what follows the
        // second ("3 to 5 billion USD"); before "$80 billion" it is a number
        // of its own ("in 1992 to $80 billion").
        bool incomplete = a.currency.empty() ? !b.currency_before : (!a.has_multiplier && b.has_multiplier);
        bool opener_links =
            opener != nullptr && std::find(opener->links.begin(), opener->links.end(), link) != opener->links.end();
        // Two complete amounts around "to" form a range ("worth $1 billion to
        // $2 billion") unless a lead or a change word comes first ("rose from
        // $1 billion to $2 billion", "grew by $1 billion to $5 billion").
        // "from" alone opens a range ("from 10 dollars to 20 dollars"); after
        // a change word it leads a change ("rose from $1 billion to $2 billion").
        bool led = opener != nullptr && !opener->forces &&
                   (change_direction_.count(Key(std::string_view(o.data(), o.size()))) > 0 ||
                    RE2::PartialMatch(before(a.begin), *change_));
        // A bare number after a complete amount with a multiplier counts
        // something else: "VND30,081 billion to 35,824 investors".
        bool bare_tail = !is_dash && a.has_multiplier && b.currency.empty() && !b.has_multiplier;
        bool joins = !bare_tail &&
                     ((is_plain && (is_dash || incomplete || !led)) || (opener_links && (opener->forces || incomplete)));
        bool same_currency = a.currency.empty() || b.currency.empty() || a.currency == b.currency;
        Atom first = a, second = b;
        if (first.currency.empty()) first.currency = second.currency;
        if (second.currency.empty()) second.currency = first.currency;
        if (!first.has_multiplier) first.power = second.power;
        if (!second.has_multiplier) second.power = first.power;
        // A range runs upwards: "1992 đến 80 tỷ USD" is a year, then an
        // amount.  The first end borrows the second's multiplier ("$3-5
        // billion") unless that breaks the order ("VND800,000 and VND8 million").
        bool upwards = CompareDecimals(first.Value(), second.Value()) < 0;
        if (!upwards && !a.has_multiplier && !a.currency.empty()) {
          first.power = a.power;
          upwards = CompareDecimals(first.Value(), second.Value()) < 0;
        }
        // A bare first end written in full ("từ 800.000 - 1 triệu đồng")
        // borrows only the currency, when it is within a tenth of the
        // second (so "2023 - 5 triệu đồng" stays a year).
        if (!upwards && !a.has_multiplier && a.currency.empty() && !a.year_like) {
          first.power = a.power;
          upwards = CompareDecimals(first.Value(), second.Value()) < 0 &&
                    CompareDecimals(ScaleByPowerOfTen(first.Value(), 1), second.Value()) >= 0;
        }
        if (joins && same_currency && upwards && (!a.currency.empty() || !b.currency.empty())) {
          f.amount_min = first.Value();
          f.amount_max = second.Value();
          f.amount = f.amount_min;
          f.currency = first.currency;
          f.end = b.end;
          if (opener_links) f.begin = opener_begin;
          range = true;
          ++i;
        }
      }
    }
    if (!range) {
      if (a.currency.empty()) continue;
      f.amount = a.Value();
      f.currency = a.currency;
    }
    found.push_back(with_qualifier(std::move(f)));
  }
  return found;
}

}  // namespace vnie
