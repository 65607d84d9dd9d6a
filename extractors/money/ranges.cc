// Ranges and bounds: two amounts joined by a link ("$3-5 billion", "từ 3
// đến 5 tỷ USD"), changes that are two amounts ("rose from $1 billion to $2
// billion"), and the qualifier before an amount ("nearly", "hơn").
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "extractors/money/money_matcher.h"
#include "extractors/money/money_matcher_internal.h"
#include "pipeline/data/embedded_data.h"

namespace vnie {

using namespace money_internal;

void MoneyMatcher::LoadRanges(FormLists* lists) {
  std::vector<std::string> qualifiers, after, leads_after;
  for (const auto& row : ParseTsv(Data("qualifiers.tsv"))) {
    // "$50 or more", "từ 7000 đồng trở xuống": written after the amount,
    // with an optional word before it that belongs to the mention.
    if (Field(row, 2) == "after") {
      qualifiers_after_[Key(Field(row, 0))] = Field(row, 1);
      after.push_back(Field(row, 0));
      for (auto& lead : SplitBar(Field(row, 3))) leads_after.push_back(lead);
      continue;
    }
    qualifiers_[Key(Field(row, 0))] = Field(row, 1);
    qualifiers.push_back(Field(row, 0));
  }
  std::vector<std::string>& links = lists->links;
  std::vector<std::string> openers, changes, clause_changes, steps, leads;
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
      if (Field(row, 3) != "adjacent") clause_changes.push_back(Field(row, 0));
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
  const std::string sp(kSpace), edge(kEdge);
  link_ = Compile(sp + "*" + Alternation(links) + sp + "*");
  // (A range's upper end may look like a year: "từ 1000 đến 2000 đồng".)
  // (The currency between is any word or sign: "1200 VNĐ tới 2000 VNĐ";
  // letters outside ASCII are any character outside it, as a class of all
  // Unicode letters makes the pattern slow to build.)
  range_end_ = Compile(R"(\d)" + sp + R"(*(?:(?:[a-z.$]|\p{Sc}|[^\x00-\x7F])+)" + sp + "*)?" + Alternation(links) + sp +
                       "*$");
  qualifier_ = Compile("(?:^|" + edge + ")(" + Alternation(qualifiers) + ")" + sp + "+$");
  // (Their word edges are checked in PairAtoms.)
  qualifier_after_ = Compile(sp + "+(" + Alternation(after) + ")");
  qualifier_after_lead_ = std::make_unique<LeadFilter>(after, LeadFilter::kSpaces);
  qualifier_words_ = std::make_unique<LeadFilter>(qualifiers, LeadFilter::kSpaces);
  qualifier_lead_words_ = std::make_unique<LeadFilter>(leads_after, LeadFilter::kSpaces);
  opener_words_ = std::make_unique<LeadFilter>(openers, LeadFilter::kSpaces);
  change_lead_words_ = std::make_unique<LeadFilter>(leads, LeadFilter::kSpaces);
  link_words_ = std::make_unique<LeadFilter>(links, LeadFilter::kSpaces);
  step_words_ = std::make_unique<LeadFilter>(steps, LeadFilter::kSpaces);
  qualifier_lead_ = Compile(std::string("(") + Alternation(leads_after) + ")" + sp + "+$");
  opener_ = Compile("(?:^|" + edge + ")(" + Alternation(openers) + ")" + sp + "+$");
  change_ = Compile("(?:^|" + edge + ")(" + Alternation(changes) + ")" + sp + "+" +
                    Alternation(leads) + sp + "+$");
  change_word_ = Compile("(?:^|" + edge + ")" + Alternation(clause_changes) + "(?:" + edge + "|$)");
  step_ = Compile(sp + "*(" + Alternation(steps) + ")" + sp + "*");
}

std::vector<FoundAmount> MoneyMatcher::PairAtoms(std::string_view text, const std::vector<Atom>& atoms) const {
  // The text just before BEGIN, at most SIZE bytes (from a character's
  // start), after the last of STOPS in it.
  auto window_before = [&](size_t begin, size_t size, std::string_view stops) {
    size_t from = begin > size ? begin - size : 0;
    while (from > 0 && from < begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    size_t stop = begin;
    // (Every list of stops holds the line end.)
    auto is_stop = [&](char c) { return c == '\n' || (stops.size() > 1 && stops.find(c) != std::string_view::npos); };
    while (stop > from && !is_stop(text[stop - 1])) --stop;
    return text.substr(stop, begin - stop);
  };
  // The text before BEGIN on its line; the clause before it.
  auto before = [&](size_t begin) { return window_before(begin, 40, "\n"); };
  auto clause_before = [&](size_t begin) { return window_before(begin, 120, ".;!?\n"); };
  // "nearly $5 billion", "hơn 2.000 tỷ đồng": a qualifier right before the
  // amount is kept and starts the mention.
  // "$50 or more", "từ 7000 đồng trở xuống": one written after it, when
  // none is before and the amount is no range (in "from $5 to $10 or more"
  // the bound is the upper end's alone).
  auto with_qualifier = [&](FoundAmount f) {
    re2::StringPiece q, after[2];
    auto at = [&](const re2::StringPiece& s) { return static_cast<size_t>(s.data() - text.data()); };
    const std::string_view line = before(f.begin);
    if (MatchEdgedWord(*qualifier_, *qualifier_words_, line, &q)) {
      f.qualifier = qualifiers_.at(Key(std::string_view(q.data(), q.size())));
      f.begin = at(q);
    } else if (f.amount_min.empty() &&
               MatchWordAt(*qualifier_after_, *qualifier_after_lead_, text, f.end, after, 1) &&
               !IsWordChar(CodePointAt(text, at(after[1]) + after[1].size()))) {
      f.qualifier = qualifiers_after_.at(Key(std::string_view(after[1].data(), after[1].size())));
      f.end = at(after[1]) + after[1].size();
      if (qualifier_lead_words_->MayEnd(line, true) && RE2::PartialMatch(line, *qualifier_lead_, &q) &&
          !IsWordChar(CodePointBefore(text, at(q)))) {
        f.begin = at(q);
      }
    }
    return f;
  };

  std::vector<FoundAmount> found;
  for (size_t i = 0; i < atoms.size(); ++i) {
    Atom a = atoms[i];
    // One unit of a currency and its price in another, either way round:
    // "1 USD đổi được 25.400 đồng", "$1 equals 25,450 dong", "151 yên đổi
    // 1 USD" is an exchange rate.
    auto one_unit = [](const Atom& x) { return !x.has_multiplier && CompareDecimals(x.Value(), "1") == 0; };
    if (i + 1 < atoms.size() && !a.currency.empty() && !atoms[i + 1].currency.empty() &&
        atoms[i + 1].currency != a.currency && (one_unit(a) || (one_unit(atoms[i + 1]) && !a.has_multiplier)) &&
        unit_equals_words_->MayHold(text.substr(a.end, atoms[i + 1].begin - a.end)) &&
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
    const std::string_view line = before(a.begin);
    if (MatchEdgedWord(*opener_, *opener_words_, line, &o)) {
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
        if (step_words_->MayHold(gap) && RE2::FullMatch(gap, *step_, &w)) {
          change = true;
          way = step_direction_.at(Key(std::string_view(w.data(), w.size())));
        } else if (link_words_->MayHold(gap) && RE2::FullMatch(gap, *link_) && IsWordChar(CodePointAt(Key(gap), 0)) &&
                   change_lead_words_->MayEnd(line, true, true) && RE2::PartialMatch(line, *change_, &w)) {
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
      if (link_words_->MayHold(gap) && RE2::FullMatch(gap, *link_)) {
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
        // "from" alone opens a range ("from 10 dollars to 20 dollars"); in a
        // clause with a change word it leads a change ("rose from $1 billion
        // to $2 billion", "raise the base salary from VND1.8 million to
        // VND2.34 million").
        bool led = opener != nullptr && !opener->forces &&
                   (change_direction_.count(Key(std::string_view(o.data(), o.size()))) > 0 ||
                    RE2::PartialMatch(clause_before(opener_begin), *change_word_));
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
