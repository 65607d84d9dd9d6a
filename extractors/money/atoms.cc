// Atoms: one number with its multipliers and the currency written beside
// it, and the checks that turn away numbers that are no amount (rates,
// years, scores, phone numbers, words that only end like a currency).
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

#include "extractors/money/money_matcher.h"
#include "extractors/money/money_matcher_internal.h"
#include "pipeline/data/embedded_data.h"

namespace vnie {

using namespace money_internal;

void MoneyMatcher::BuildAtomPatterns(const FormLists& lists) {
  std::vector<std::string> percent;
  for (const auto& line : ParseTsv(Data("percent_words.txt"))) percent.push_back(Field(line, 0));
  const std::string sp(kSpace), dash(kDash);
  const std::string number = R"(\d+(?:[.,]\d+)*)";
  const std::string word = Alternation(lists.words);
  const std::string written =
      word + "(?:(?:" + sp + "+(?:" + Alternation(lists.joiners) + sp + "+)?|" + dash + ")" + word + ")*";
  // Group 1: prefix currency; 2: its number; 3: a bare number; 4: a written
  // number.  An atom starts after no letter, digit, '.' or ',', and a written
  // number ends a word: ASCII is checked here, other characters in
  // FindAtoms (a class of all Unicode letters makes the pattern slow to
  // build).
  const std::string other = R"([^\x00-\x7F])";
  atom_ = Compile(R"((?:^|[\x00-\x2B\x2D\x2F\x3A-\x40\x5B-\x60\x7B-\x7F]|)" + other + ")(?:(" +
                  Alternation(lists.prefixes) + ")" + sp + "?(" + number + ")|(" + number + ")|(" + written + ")" +
                  R"((?:[\x00-\x2F\x3A-\x40\x5B-\x60\x7B-\x7F]|)" + other + "|$))");
  // MatchAtom reads the groups from a match's shape when no prefix or
  // written number holds a digit and no prefix ends in spacing.
  auto has_digit = [](const std::string& f) { return f.find_first_of("0123456789") != std::string::npos; };
  auto ends_in_space = [](const std::string& f) {
    UChar32 last = CodePointBefore(f, f.size());
    return last == ' ' || last == '\t' || last == 0xA0 || last == 0x202F;
  };
  atom_shapes_ = std::none_of(lists.prefixes.begin(), lists.prefixes.end(),
                              [&](const std::string& f) { return f.empty() || has_digit(f) || ends_in_space(f); }) &&
                 std::none_of(lists.words.begin(), lists.words.end(), has_digit);
  suffix_ = Compile("(?:" + sp + "*|" + sp + "?" + dash + sp + "?)(" + Alternation(lists.suffixes) + ")");
  number_next_ = Compile(sp + R"(?\d)");
  score_ = Compile(R"(^-(\d{1,2})(?:[^\d.,]|$))");
  percent_ = Compile(sp + "*" + Alternation(percent) + "(?:" + std::string(kEdge) + "|$)");
  suffix_lead_ = std::make_unique<LeadFilter>(lists.suffixes, LeadFilter::kDashes);
  const std::vector<std::string> digits{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  digit_lead_ = std::make_unique<LeadFilter>(digits, LeadFilter::kSpaces);
  percent_lead_ = std::make_unique<LeadFilter>(percent, LeadFilter::kSpaces);
}

namespace {

// True when NUMBER is written with the group mark of FORMAT between groups
// of three digits ("56,000", "1.500.000").
bool Grouped(std::string_view number, const NumberFormat& format) {
  size_t mark = number.find(format.group_mark);
  if (mark == std::string_view::npos || mark == 0 || mark > 3) return false;
  for (size_t i = 0; i < number.size(); ++i) {
    bool at_mark = i >= mark && (i - mark) % 4 == 0;
    if (at_mark ? number[i] != format.group_mark : !(number[i] >= '0' && number[i] <= '9')) return false;
  }
  return (number.size() - mark) % 4 == 0;
}

}  // namespace

// The groups of atom_ without its submatch engine (which walks every
// currency form and number word at each match): the DFAs give the whole
// match, and its shape tells the groups.  For a match [s, e) with s > 0 and
// e before the text's end, the edge is the one character at s and the atom
// starts after it, at b; then (no prefix or number word holding a digit)
// an atom starting with a digit is a bare number (3); one ending in a digit
// a prefix (1) up to the spacing before its first digit, and the number (2)
// from there; any other a written number (4) and the one character after it
// (`$` matches only at the text's end).  At the text's edges the engine runs.
bool MoneyMatcher::MatchAtom(std::string_view text, size_t pos, re2::StringPiece* g) const {
  re2::StringPiece whole;
  if (!atom_->Match(text, pos, text.size(), RE2::UNANCHORED, &whole, 1)) return false;
  const size_t s = static_cast<size_t>(whole.data() - text.data()), e = s + whole.size();
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  size_t b = s;
  UChar32 edge = 0;
  if (atom_shapes_ && s > 0 && e < text.size()) U8_NEXT(text.data(), b, e, edge);
  if (edge <= 0 || b >= e) return atom_->Match(text, pos, text.size(), RE2::UNANCHORED, g, 5);
  auto piece = [&](size_t from, size_t to) { return re2::StringPiece(text.data() + from, to - from); };
  for (int i = 1; i < 5; ++i) g[i] = re2::StringPiece();
  g[0] = whole;
  if (digit(b)) {
    g[3] = piece(b, e);
  } else if (digit(e - 1)) {
    size_t d = b;
    while (!digit(d)) ++d;
    size_t y = d;
    if (UChar32 c = CodePointBefore(text, d); c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F) y -= U8_LENGTH(c);
    if (y <= b) return atom_->Match(text, pos, text.size(), RE2::UNANCHORED, g, 5);
    g[1] = piece(b, y);
    g[2] = piece(d, e);
  } else {
    g[4] = piece(b, e - U8_LENGTH(CodePointBefore(text, e)));
  }
  return true;
}

std::vector<MoneyMatcher::Atom> MoneyMatcher::FindAtoms(
    std::string_view text, const NumberFormat& format,
    ArticleContext* context) const {
  std::vector<Atom> atoms;
  re2::StringPiece g[5];
  size_t pos = 0;
  while (pos < text.size() && MatchAtom(text, pos, g)) {
    auto offset = [&](const re2::StringPiece& s) { return static_cast<size_t>(s.data() - text.data()); };
    // (The pattern's edges let any character outside ASCII through.)
    auto letter_or_digit = [](UChar32 c) { return c > 0 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_N_MASK)); };
    const re2::StringPiece& whole = g[1].data() ? g[1] : g[3].data() ? g[3] : g[4];
    if (letter_or_digit(CodePointBefore(text, offset(whole))) ||
        (g[4].data() && letter_or_digit(CodePointAt(text, offset(g[4]) + g[4].size())))) {
      pos = std::max(offset(whole), pos + 1);  // (a match at the text's start took no edge)
      continue;
    }
    Atom atom;
    std::string_view number;
    bool written = false;
    bool context_sign = false;  // a prefix read by the article's context
    if (g[1].data() != nullptr) {
      atom.begin = offset(g[1]);
      number = std::string_view(g[2].data(), g[2].size());
      atom.currency = CurrencyOf(std::string_view(g[1].data(), g[1].size()), context);
      if (const std::string& exact = currencies_.at(Key(std::string_view(g[1].data(), g[1].size()))).prefix_exact;
          !exact.empty() && exact != std::string_view(g[1].data(), g[1].size())) {
        atom.currency.clear();
      }
      // "C $25" is no "c $" (the Canadian dollar written apart): read
      // again from the sign.
      if (atom.currency.empty() && g[1].size() > 1 && std::string_view(g[1].data(), g[1].size()).find(' ') !=
                                                          std::string_view::npos) {
        pos = offset(g[1]) + 1;
        continue;
      }
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
      while (MatchWordAt(*multiplier_, *multiplier_lead_, text, after, mm, 2) &&
             EndsWord(text, static_cast<size_t>(mm[2].data() - text.data()),
                      static_cast<size_t>(mm[2].data() - text.data()) + mm[2].size()) &&
             !(multiplier_attached_.at(Key(std::string_view(mm[2].data(), mm[2].size()))) && !mm[1].empty())) {
        after = static_cast<size_t>(mm[2].data() - text.data()) + mm[2].size();
      }
      if (!currency_follows && MatchWordAt(*suffix_, *suffix_lead_, text, after, s, 1)) {
        size_t form_begin = static_cast<size_t>(s[1].data() - text.data());
        currency_follows = EndsWord(text, form_begin, form_begin + s[1].size()) &&
                           !NotCurrencyAt(text, form_begin) &&
                           !CurrencyAfter(std::string_view(s[1].data(), s[1].size()), context).empty();
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
      // "a one-yen bid", "a five-dollar tip": no number together ("a one"),
      // but the second word may start one.
      size_t first_end = atom.begin;
      while (written && first_end < atom.end && IsWordChar(CodePointAt(text, first_end))) {
        first_end += U8_LENGTH(CodePointAt(text, first_end));
      }
      pos = written && first_end < atom.end ? first_end : std::max(next, pos + 1);
      continue;
    }
    atom.mantissa = *mantissa;
    // "hai phẩy 5 đô", "2 chấm 75 đô la": a decimal word between the whole
    // number and its fraction's digits; an amount only with a currency after.
    bool spoken_fraction = false;
    re2::StringPiece frac[2];
    if (atom.mantissa.find('.') == std::string::npos &&
        decimal_word_lead_->WordAt(text, atom.end) != std::string_view::npos &&
        decimal_word_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, frac, 2)) {
      size_t frac_end = offset(frac[1]) + frac[1].size();
      if (frac_end >= text.size() || !(IsWordChar(CodePointAt(text, frac_end)) || text[frac_end] == '.' ||
                                       text[frac_end] == ',')) {
        std::string digits;
        if (!ReadFractionDigits(std::string_view(frac[1].data(), frac[1].size()), &digits)) digits.clear();
        if (auto v = digits.empty() ? std::nullopt : CanonicalDecimal(atom.mantissa + "." + digits)) {
          atom.mantissa = *v;
          atom.end = frac_end;
          spoken_fraction = true;
        }
      }
    }
    if (MatchAt(*percent_, *percent_lead_, text, atom.end)) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    atom.year_like = !written && number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
    // Multipliers, stacked ("nghìn tỷ").
    re2::StringPiece m[3];
    while (MatchWordAt(*multiplier_, *multiplier_lead_, text, atom.end, m, 2)) {
      size_t end = offset(m[2]) + m[2].size();
      std::string key = Key(std::string_view(m[2].data(), m[2].size()));
      // A letter multiplier is written right after the digits ("$5m"), or
      // as a capital one space after an amount whose currency comes first
      // and before a space or a stop ("Ksh 157 B", not "$20 K-pop").
      if (multiplier_attached_.at(key) && !m[1].empty() &&
          !(atom.currency_before && !atom.has_multiplier && m[1] == " " && u_isupper(CodePointAt(text, offset(m[2]))) &&
            (end == text.size() || std::string_view(" \t\n.,;:)").find(text[end]) != std::string_view::npos))) {
        break;
      }
      if (!EndsWord(text, offset(m[2]), end)) break;
      bool bracket = !m[1].empty() && m[1].data()[m[1].size() - 1] == '[';
      if (bracket && (end >= text.size() || text[end] != ']')) break;
      atom.power += multiplier_power_.at(key);
      atom.has_multiplier = true;
      atom.end = bracket ? end + 1 : end;
    }
    // "1 tỷ rưỡi": half of the multiplier more.
    re2::StringPiece fr[2];
    if (atom.has_multiplier && MatchWordAt(*fraction_, *fraction_lead_, text, atom.end, fr, 1) &&
        EndsWord(text, offset(fr[1]), offset(fr[1]) + fr[1].size())) {
      const std::string& part = fraction_after_.at(Key(std::string_view(fr[1].data(), fr[1].size())));
      atom.addend = AddDecimals(atom.addend, ScaleByPowerOfTen(part, atom.power));
      atom.end = offset(fr[1]) + fr[1].size();
    }
    // A sign that the article's context reads ("R" in South Africa) makes
    // an amount only with a multiplier or with its digits grouped:
    // "R254 billion", "N56,000", not "the R300 highway", "N95 masks".
    if (context_sign && !atom.has_multiplier && !Grouped(number, format)) {
      pos = std::max(atom.end, pos + 1);
      continue;
    }
    // A currency after the number, unless it opens the next amount
    // ("in 2019 USD 5 billion").
    bool hyphen_currency = false;  // "one-yen", "five-dollar"
    if (atom.currency.empty()) {
      re2::StringPiece s[2];
      if (MatchWordAt(*suffix_, *suffix_lead_, text, atom.end, s, 1)) {
        size_t form_begin = offset(s[1]), form_end = form_begin + s[1].size();
        std::string_view form(s[1].data(), s[1].size());
        const CurrencyForm& c = currencies_.at(Key(form));

        // ("3 GBP 1 pence": the code ends "3 GBP", its subunit follows.)
        bool opens_next = c.prefix && !atom.has_multiplier &&
                          MatchAt(*number_next_, *digit_lead_, text, form_end) &&
                          !MatchAt(*subunit_next_, *digit_lead_, text, form_end);
        // "2023 USD-denominated notes", "the 2020 Euro final": a year before
        // a currency form, not an amount; but not as the upper end of a
        // range ("từ 1000 đến 2000 đồng").
        bool year_before_code = !atom.has_multiplier && atom.year_like &&
                                !RE2::PartialMatch(text.substr(0, atom.begin), *range_end_);
        std::string currency = CurrencyAfter(form, context);
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
        if (!currency.empty() && EndsWord(text, form_begin, form_end) && !NotCurrencyAt(text, form_begin, written) &&
            !opens_next && !year_before_code && !StartsProperName(text, form_begin, form_end)) {
          atom.currency = currency;
          atom.power += c.power;
          hyphen_currency = text.substr(atom.end, form_begin - atom.end).find_first_not_of(" \t") !=
                            std::string_view::npos;
          atom.end = form_end;
        }
      }
    }
    // "$20 and 43c": a subunit sign attached to the digits, only after an
    // amount of one unit ("43c" alone is a temperature or a grade).
    if (atom.currency.empty() && !written && !atom.has_multiplier && !atoms.empty()) {
      for (const std::string& sign : minor_signs_) {
        const Atom& unit = atoms.back();
        if (text.compare(atom.end, sign.size(), sign) != 0 || !EndsWord(text, atom.end, atom.end + sign.size()) ||
            unit.currency.empty() || unit.has_multiplier || unit.power != 0 || unit.end > atom.begin ||
            !RE2::FullMatch(text.substr(unit.end, atom.begin - unit.end), *minor_link_)) {
          continue;
        }
        const CurrencyForm& c = currencies_.at(Key(sign));
        atom.currency = c.currency;
        atom.power += c.power;
        atom.end += sign.size();
        break;
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
      // "năm đồng USD" (in the year, the dollar), "two dollar-denominated
      // bonds": the currency word names another currency or a kind of thing.
      re2::StringPiece next_form[2];
      if (alone && ((atom.end < text.size() && text[atom.end] == '-') ||
                    (MatchWordAt(*suffix_, *suffix_lead_, text, atom.end, next_form, 1) &&
                     EndsWord(text, offset(next_form[1]), offset(next_form[1]) + next_form[1].size()) &&
                     !CurrencyAfter(std::string_view(next_form[1].data(), next_form[1].size()), context).empty()))) {
        alone = false;
      }
      if (alone && CompareDecimals(atom.mantissa, "1") == 0) {
        size_t next = atom.end;
        while (next < text.size() && text[next] == ' ') ++next;
        // ("a one-yen bid": joined by a hyphen, the unit is an adjective.)
        alone = hyphen_currency || !IsWordChar(CodePointAt(text, next)) ||
                MatchAt(*minor_word_, *minor_word_lead_, text, atom.end);
        // "US$2.72 a pound", "20 cents a dollar": a price per unit, right
        // after a number or an amount.
        size_t prev = atom.begin;
        while (prev > 0 && text[prev - 1] == ' ') --prev;
        if (prev > 0 && ((text[prev - 1] >= '0' && text[prev - 1] <= '9') ||
                         (!atoms.empty() && atoms.back().end == prev))) {
          alone = false;
        }
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
        MatchAt(*percent_, *percent_lead_, text, atom.end)) {
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
      if (per_currency_lead_->WordAt(text, atom.end) != std::string_view::npos &&
          per_currency_->Match(text, atom.end, text.size(), RE2::ANCHOR_START, per, 2) &&
          !NotCurrencyAt(text, offset(per[1]))) {
        pos = offset(per[1]) + per[1].size();
        continue;
      }
      if (MatchAt(*equals_after_, *equals_after_lead_, text, atom.end) ||
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

}  // namespace vnie
