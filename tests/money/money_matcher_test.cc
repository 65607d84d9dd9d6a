// MoneyMatcher on single phrases: values kept exact to the last digit.
#include "extractors/money/money_matcher.h"

#include <gtest/gtest.h>

namespace vnie {
namespace {

FoundAmount One(std::string_view text, std::string_view lang) {
  auto found = MoneyMatcher::Default().Find(text, lang);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.empty() ? FoundAmount{} : found[0];
}

TEST(MoneyMatcher, EveryDigitOfLargeAmounts) {
  FoundAmount a = One("a fund of $9,007,199,254,740,993 in total", "en");
  EXPECT_EQ(a.amount, "9007199254740993");
  EXPECT_EQ(a.currency, "USD");
  FoundAmount b = One("tổng cộng 123.456.789.012.345.678 đồng", "vi");
  EXPECT_EQ(b.amount, "123456789012345678");
  EXPECT_EQ(b.currency, "VND");
}

TEST(MoneyMatcher, OffsetsCoverTheMention) {
  std::string text = "trade reached nearly $80 billion in 2023";
  FoundAmount a = One(text, "en");
  EXPECT_EQ(text.substr(a.begin, a.end - a.begin), "nearly $80 billion");
  EXPECT_EQ(a.qualifier, "about");
}

TEST(MoneyMatcher, Ranges) {
  FoundAmount a = One("từ 3 đến 5 tỷ USD", "vi");
  EXPECT_EQ(a.amount_min, "3000000000");
  EXPECT_EQ(a.amount_max, "5000000000");
  EXPECT_EQ(a.amount, "3000000000");
  EXPECT_EQ(a.begin, 0u);
}

TEST(MoneyMatcher, ThreadSafeSharedInstance) {
  EXPECT_EQ(&MoneyMatcher::Default(), &MoneyMatcher::Default());
}

}  // namespace
}  // namespace vnie
