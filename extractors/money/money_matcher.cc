// The matcher: built once from the data files, each family of patterns in
// its own file (currencies.cc, numbers.cc, ranges.cc, atoms.cc); Find() runs
// them in turn.
#include "extractors/money/money_matcher.h"

#include <re2/re2.h>

#include "extractors/money/money_matcher_internal.h"

namespace vnie {

MoneyMatcher::MoneyMatcher() {
  // In this order: the atom and range patterns use the currency forms, the
  // atoms the written numbers too.
  FormLists lists;
  LoadCurrencies(&lists);
  LoadNumbers(&lists);
  LoadRanges(&lists);
  BuildAtomPatterns(lists);
}

MoneyMatcher::~MoneyMatcher() = default;

const MoneyMatcher& MoneyMatcher::Default() {
  static const MoneyMatcher matcher;
  return matcher;
}

std::vector<FoundAmount> MoneyMatcher::Find(std::string_view text, std::string_view lang) const {
  NumberFormat format = kEnglishNumbers;
  if (auto it = formats_.find(std::string(lang)); it != formats_.end()) format = it->second;
  ArticleContext context{text, {}};
  std::vector<Atom> atoms = FindAtoms(text, format, &context);
  MergeAtoms(text, &atoms);
  return PairAtoms(text, atoms);
}

}  // namespace vnie
