// Currencies: the tables of currency forms (hand-kept, Vietnamese, generated
// from ICU), the article's context for forms several currencies share,
// phrases that only look like currencies, and exchange rates.
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "extractors/money/money_matcher.h"
#include "extractors/money/money_matcher_internal.h"
#include "pipeline/data/embedded_data.h"

namespace vnie {

using namespace money_internal;

void MoneyMatcher::LoadCurrencies(FormLists* lists) {
  // Context rules first: a generated form with no currency of its own is
  // kept only when some rule can read it.
  std::map<std::string, std::shared_ptr<const LazyPattern>> by_words;
  // The words stand between spacing and punctuation.
  auto words_pattern = [&](const std::string& words) {
    std::shared_ptr<const LazyPattern>& re = by_words[words];
    if (!re) {
      const std::string edge(kEdge);
      re = std::make_shared<LazyPattern>("(?:^|" + edge + ")" + Alternation(SplitBar(words)) + "(?:$|" + edge + ")");
    }
    return re;
  };
  for (const auto& row : ParseTsv(Data("currency_context.tsv"))) {
    if (row.size() < 3) throw std::runtime_error("money: currency_context.tsv: a row needs form, currency, words");
    ContextRule rule;
    rule.currency = Field(row, 1);
    // "*": any article (the form's reading then rests on the unless words).
    if (Field(row, 2) != "*") rule.context = words_pattern(Field(row, 2));
    if (!Field(row, 3).empty()) rule.unless = words_pattern(Field(row, 3));
    context_rules_[Key(Field(row, 0))].push_back(std::move(rule));
  }
  auto has_context = [&](const std::string& key) { return context_rules_.count(key) > 0; };
  // The hand-kept tables (a later row overrides an earlier one), then the
  // table generated from ICU, which adds only forms they do not name.
  std::vector<std::string>& prefixes = lists->prefixes;
  std::vector<std::string>& suffixes = lists->suffixes;
  std::vector<std::string> named;
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
      // ("exact": a hand-kept form read only as written, "c $", "bucks".)
      if (Field(row, 4) == "code" || Field(row, 4) == "exact") c.exact = form;
      // "Php 5 billion": a form read before the number only as written
      // (so "PHP 5", the language, is none; "5 billion PHP" is still read).
      if (Field(row, 4) == "case") c.prefix_exact = form;
      // "20Rs": after a number only as written ("20 RS" is a model name).
      if (Field(row, 4) == "case-after") c.suffix_exact = form;
      // "$20 and 43c": a subunit sign read only after its unit's amount.
      if (Field(row, 4) == "minor") {
        c.exact = form;
        c.minor_only = true;
      }
      // A form no context reads ("ALL", a code that is a word) only blocks
      // the generated row of the same form.
      if (c.currency.empty() && !has_context(key)) continue;
      // (Kept out of the suffix pattern: every number before a word in "c"
      // would match it.)
      if (c.minor_only) {
        minor_signs_.push_back(form);
        continue;
      }
      // (A former currency is no exchange rate's second currency: its names
      // stay out of the "per" pattern.)
      if (!c.currency.empty() && Field(row, 4) != "former") named.push_back(form);
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
  for (const auto& line : ParseTsv(Data("not_currency.txt"))) {
    (Field(line, 1) == "written" ? not_currency_written_ : not_currency_).push_back(Key(Field(line, 0)));
    const std::string& key = (Field(line, 1) == "written" ? not_currency_written_ : not_currency_).back();
    if (key.empty()) {
      not_currency_first_.set();
    } else {
      not_currency_first_.set(static_cast<unsigned char>(key[0]));
    }
  }
  std::vector<std::string> per, equals, unit;
  for (const auto& row : ParseTsv(Data("exchange_rate_words.txt"))) {
    const std::string role = Field(row, 1);
    (role == "equals" ? equals : role == "unit" ? unit : per).push_back(Field(row, 0));
  }

  const std::string sp(kSpace);
  // A word after "per" ends there ("per USD", not "perUSD"); the currency
  // is written with no number after it ("$5 per $100" is money).
  const std::string edge_or_end = "(?:" + std::string(kEdge) + "|$)";
  per_currency_ =
      Compile(sp + "*" + Alternation(per) + sp + "*(?:1" + sp + "*)?(" + Alternation(named) + ")" + edge_or_end);
  equals_after_ = Compile(sp + "*" + Alternation(equals));
  unit_equals_ = Compile(sp + "*" + Alternation(unit) + sp + "*");
  equals_before_ = Compile(Alternation(equals) + sp + "*$");
  per_currency_lead_ = std::make_unique<LeadFilter>(per, LeadFilter::kSpaces);
  equals_after_lead_ = std::make_unique<LeadFilter>(equals, LeadFilter::kSpaces);
  unit_equals_words_ = std::make_unique<LeadFilter>(unit, LeadFilter::kSpaces);
  std::vector<std::string> subunits;
  for (const auto& [key, c] : currencies_) {
    if (c.power < 0 && !c.currency.empty() && !c.minor_only) subunits.push_back(key);
  }
  subunit_next_ = Compile(sp + R"(?\d+)" + sp + "*" + Alternation(subunits) + edge_or_end);
}

std::string MoneyMatcher::CurrencyOf(std::string_view form, ArticleContext* context) const {
  std::string key = Key(form);
  auto it = currencies_.find(key);
  if (it == currencies_.end() || (!it->second.exact.empty() && it->second.exact != form)) return std::string();
  if (auto rules = context_rules_.find(key); rules != context_rules_.end()) {
    auto [cached, fresh] = context->currency.try_emplace(key);
    if (fresh) {
      for (const ContextRule& rule : rules->second) {
        if ((!rule.context || RE2::PartialMatch(context->text, rule.context->Get())) &&
            !(rule.unless && RE2::PartialMatch(context->text, rule.unless->Get()))) {
          cached->second = rule.currency;
          break;
        }
      }
    }
    if (!cached->second.empty()) return cached->second;
  }
  return it->second.currency;
}

std::string MoneyMatcher::CurrencyAfter(std::string_view form, ArticleContext* context) const {
  auto it = currencies_.find(Key(form));
  if (it != currencies_.end() && !it->second.suffix_exact.empty() && it->second.suffix_exact != form) return {};
  return CurrencyOf(form, context);
}

int MoneyMatcher::PowerOf(std::string_view form) const {
  auto it = currencies_.find(Key(form));
  return it == currencies_.end() ? 0 : it->second.power;
}

bool MoneyMatcher::NotCurrencyAt(std::string_view text, size_t at, bool after_written) const {
  // (A lowercase ASCII letter that starts no phrase: no Key() to build.)
  if (at < text.size()) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80 && c != ' ' && c != '\t' && !not_currency_first_[c >= 'A' && c <= 'Z' ? c + 32 : c]) return false;
  }
  std::string head = Key(text.substr(at, std::min<size_t>(40, text.size() - at)));
  for (const auto* list : {&not_currency_, &not_currency_written_}) {
    if (list == &not_currency_written_ && !after_written) break;
    for (const auto& phrase : *list) {
      if (head.compare(0, phrase.size(), phrase) != 0) continue;
      if (head.size() == phrase.size()) return true;
      UChar32 next = CodePointAt(head, phrase.size());
      if (!IsWordChar(next)) return true;
    }
  }
  return false;
}

}  // namespace vnie
