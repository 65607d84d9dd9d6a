// Numbers and words: multipliers, written numbers of both languages,
// decimal words, digits grouped by spaces, and the merging of an amount's
// parts ("1 tỷ 200 triệu", "20 dollars 43 cents").
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "extractors/money/money_matcher.h"
#include "extractors/money/money_matcher_internal.h"
#include "pipeline/data/embedded_data.h"

namespace vnie {

using namespace money_internal;

void MoneyMatcher::LoadNumbers(FormLists* lists) {
  std::vector<std::string> multipliers;
  for (const auto& row : ParseTsv(Data("multipliers.tsv"))) {
    std::string key = Key(Field(row, 0));
    multiplier_power_[key] = std::stoi(Field(row, 1));
    multiplier_attached_[key] = Field(row, 2) == "yes";
    multipliers.push_back(Field(row, 0));
  }
  std::vector<std::string>& words = lists->words;
  std::vector<std::string>& joiners = lists->joiners;
  std::vector<std::string> after_words, point_words;
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
  for (const auto& [w, ww] : written_) {
    if (!w.empty()) written_by_first_[static_cast<unsigned char>(w[0])].emplace_back(w, &ww);
  }
  for (const auto& row : ParseTsv(Data("number_formats.tsv"))) {
    if (row.size() < 3 || row[1].size() != 1 || row[2].size() != 1)
      throw std::runtime_error("money: number_formats.tsv: a row needs lang, decimal mark, group mark");
    formats_[Field(row, 0)] = NumberFormat{row[1][0], row[2][0]};
  }
  std::vector<std::string> minor_links;
  for (const auto& line : ParseTsv(Data("minor_unit_links.txt"))) minor_links.push_back(Field(line, 0));
  const std::string sp(kSpace), dash(kDash);
  // Group 1: the spacing before the multiplier; 2: the multiplier.
  // (An editor's "[billion]" inside a quotation is a multiplier too.)
  multiplier_ = Compile("(" + sp + "*|" + sp + "?" + dash + sp + "?|" + sp + R"(*\[)" + ")(" + Alternation(multipliers) +
                        ")");
  fraction_ = Compile(sp + "+(" + Alternation(after_words) + ")");
  // The fraction's digits, or its written number ("một chấm ba đô la").
  const std::string word = Alternation(words);
  const std::string written = word + "(?:" + sp + "+(?:" + Alternation(joiners) + sp + "+)?" + word + ")*";
  decimal_word_ = Compile(sp + "+" + Alternation(point_words) + sp + R"(+(\d+|)" + written + ")");
  minor_link_ = Compile(sp + "*(?:" + Alternation(minor_links) + sp + "+)?");
  minor_word_ = Compile(sp + "+" + Alternation(minor_links) + sp + "+");
  multiplier_lead_ = std::make_unique<LeadFilter>(multipliers, LeadFilter::kDashes | LeadFilter::kBracket);
  fraction_lead_ = std::make_unique<LeadFilter>(after_words, LeadFilter::kSpaces);
  decimal_word_lead_ = std::make_unique<LeadFilter>(point_words, LeadFilter::kSpaces);
  minor_word_lead_ = std::make_unique<LeadFilter>(minor_links, LeadFilter::kSpaces);
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
    for (const auto& [w, ww] : written_by_first_[static_cast<unsigned char>(key[i])]) {
      if (w.size() > best_len && key.compare(i, w.size(), w) == 0 &&
          (i + w.size() == key.size() || key[i + w.size()] == ' ')) {
        best = ww;
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
      last.assign(1, '0');  // (not = "0": GCC 12 warns falsely of an overlap)
    } else if (t->how == "join") {
      continue;
    } else if (t->how == "tens") {
      // "hai mươi" = 2 x 10: the last digit counted again nine times.
      total = AddDecimals(total, MultiplyByWhole(last, 9));
      last.assign(1, '0');  // (not = "0": GCC 12 warns falsely of an overlap)
    } else {
      return false;
    }
  }
  *value = total;
  return total != "0";
}

bool MoneyMatcher::ReadFractionDigits(std::string_view phrase, std::string* digits) const {
  if (phrase.find_first_not_of("0123456789") == std::string_view::npos) {
    *digits = std::string(phrase);
    return !digits->empty();
  }
  // Digit by digit ("two five", "hai lăm"), else one written number ("hai
  // mươi ba" = 23).
  std::string key = Key(phrase), out;
  bool by_digit = true;
  for (size_t i = 0; i < key.size() && by_digit;) {
    size_t space = std::min(key.find(' ', i), key.size());
    auto it = written_.find(key.substr(i, space - i));
    by_digit = it != written_.end() && it->second.how == "add" && it->second.value.size() == 1;
    if (by_digit) out += it->second.value;
    i = space + 1;
  }
  std::string value;
  if (by_digit && !out.empty()) {
    *digits = out;
  } else if (ReadWritten(phrase, &value) && value.find('.') == std::string::npos) {
    *digits = value;
  } else {
    return false;
  }
  return true;
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
  if (MatchWordAt(*multiplier_, *multiplier_lead_, text, at, m, 2) &&
      EndsWord(text, static_cast<size_t>(m[2].data() - text.data()),
               static_cast<size_t>(m[2].data() - text.data()) + m[2].size()) &&
      text[end + 1] != '0') {
    return end;
  }
  return at;
}

void MoneyMatcher::MergeAtoms(std::string_view text, std::vector<Atom>* atoms) const {
  // Compound amounts: "1 tỷ 200 triệu đồng", "12 triệu 500 nghìn đồng".
  std::vector<Atom> merged;
  for (const Atom& b : *atoms) {
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
  *atoms = std::move(merged);
  // A major unit and its subunit are one amount: "20 dollars 43 cents",
  // "2 đô 23 xu", "một đô la và 42 xu".
  merged.clear();
  for (const Atom& b : *atoms) {
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
  *atoms = std::move(merged);
}

}  // namespace vnie
