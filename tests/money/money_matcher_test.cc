// MoneyMatcher on single phrases: values kept exact to the last digit.
#include "extractors/money/money_matcher.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/data/embedded_data.h"

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

// Every ISO 4217 code of the table generated from ICU is read before and
// after a number, in capitals only; the hand-kept table decides for the
// codes it lists ("ALL" and "TOP" are words, "PHP 5" a language, "usd" is
// read as it always was).
TEST(MoneyMatcher, EveryGeneratedCodeIsRead) {
  std::map<std::string, std::string> hand;  // code -> currency "-" or where
  for (const auto& row : ParseTsv(EmbeddedData("extractors/money/currencies.tsv"))) {
    if (row.size() >= 3) hand[std::string(row[0])] = row[1] == "-" ? "-" : std::string(row[2]);
  }
  size_t codes = 0;
  for (const auto& row : ParseTsv(EmbeddedData("extractors/money/currencies_iso.tsv"))) {
    if (row.size() < 5 || row[4] != "code") continue;
    std::string code(row[0]);
    ++codes;
    auto it = hand.find(code);
    std::string where = it == hand.end() ? "both" : it->second;
    if (where == "-") continue;
    if (where != "prefix") {
      FoundAmount after = One("The fee is 42 " + code + " for each page.", "en");
      EXPECT_EQ(after.currency, code);
      EXPECT_EQ(after.amount, "42");
    }
    if (where != "suffix") {
      FoundAmount before = One("The fee is " + code + " 42.5 for each page.", "en");
      EXPECT_EQ(before.currency, code);
      EXPECT_EQ(before.amount, "42.5");
    }
    if (it != hand.end()) continue;
    std::string lower = code;
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    EXPECT_TRUE(MoneyMatcher::Default().Find("The fee is 42 " + lower + " for each page.", "en").empty()) << lower;
  }
  EXPECT_GE(codes, 150u);
}

// Every English name of the generated table is read after a number
// ("42 Saudi riyals"), but for forms the hand-kept tables decide.
TEST(MoneyMatcher, EveryGeneratedNameIsRead) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  std::set<std::string> hand;
  for (const char* file : {"extractors/money/currencies.tsv", "extractors/money/currency_names_vi.tsv"}) {
    for (const auto& row : ParseTsv(EmbeddedData(file))) {
      if (!row.empty()) hand.insert(lower(row[0]));
    }
  }
  size_t names = 0;
  for (const auto& row : ParseTsv(EmbeddedData("extractors/money/currencies_iso.tsv"))) {
    if (row.size() != 3 || row[2] != "suffix" || hand.count(lower(row[0]))) continue;
    ++names;
    FoundAmount a = One("The fee is 42 " + std::string(row[0]) + " per page.", "en");
    EXPECT_EQ(a.currency, row[1]) << row[0];
    EXPECT_EQ(a.amount, "42") << row[0];
  }
  EXPECT_GE(names, 240u);
}

// Every former currency of the generated table is read after a number by
// its English name, with its withdrawn ISO 4217 code ("42 French francs").
TEST(MoneyMatcher, EveryFormerCurrencyNameIsRead) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  std::set<std::string> hand;
  for (const char* file : {"extractors/money/currencies.tsv", "extractors/money/currency_names_vi.tsv"}) {
    for (const auto& row : ParseTsv(EmbeddedData(file))) {
      if (!row.empty()) hand.insert(lower(row[0]));
    }
  }
  size_t names = 0;
  for (const auto& row : ParseTsv(EmbeddedData("extractors/money/currencies_iso.tsv"))) {
    if (row.size() < 5 || row[4] != "former" || hand.count(lower(row[0]))) continue;
    ++names;
    FoundAmount a = One("In 1990 the fee was 42 " + std::string(row[0]) + " per page.", "en");
    EXPECT_EQ(a.currency, row[1]) << row[0];
    EXPECT_EQ(a.amount, "42") << row[0];
  }
  EXPECT_GE(names, 100u);
}

// Every symbol of the generated table that names one currency is read
// before a number ("Ksh42", "₾42"), but for forms the hand-kept tables decide.
TEST(MoneyMatcher, EveryGeneratedSymbolIsRead) {
  std::set<std::string> hand;
  for (const char* file : {"extractors/money/currencies.tsv", "extractors/money/currency_names_vi.tsv"}) {
    for (const auto& row : ParseTsv(EmbeddedData(file))) {
      if (!row.empty()) hand.emplace(row[0]);
    }
  }
  size_t symbols = 0;
  for (const auto& row : ParseTsv(EmbeddedData("extractors/money/currencies_iso.tsv"))) {
    if (row.size() < 5 || row[4] != "symbol" || row[1] == "-" || hand.count(std::string(row[0]))) continue;
    ++symbols;
    FoundAmount a = One("The fee is " + std::string(row[0]) + "42 per page.", "en");
    EXPECT_EQ(a.currency, row[1]) << row[0];
    EXPECT_EQ(a.amount, "42") << row[0];
  }
  EXPECT_GE(symbols, 80u);
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

TEST(MoneyMatcher, SpaceGroupedDigitsKeepEveryDigit) {
  std::string text = "giá 9 007 199 254 740 993 đồng";
  FoundAmount a = One(text, "vi");
  EXPECT_EQ(a.amount, "9007199254740993");
  EXPECT_EQ(text.substr(a.begin, a.end - a.begin), "9 007 199 254 740 993 đồng");
  // A multiplier after the groups keeps them apart: "quý 3" then "500 tỷ".
  FoundAmount b = One("lãi quý 3 500 tỷ đồng", "vi");
  EXPECT_EQ(b.amount, "500000000000");
  // A phone number's groups are not joined into one amount.
  for (const FoundAmount& f : MoneyMatcher::Default().Find("gọi 0912 345 678 đồng", "vi")) {
    EXPECT_NE(f.amount, "345678");
  }
  // No currency: no amount, and no stray "000 dong" either.
  EXPECT_TRUE(MoneyMatcher::Default().Find("hired 1 500 000 people", "en").empty());
}

TEST(MoneyMatcher, SpokenDecimalTailIsNoAmount) {
  // "1 triệu 2" is spoken 1.2 million: neither 2 đồng nor 1000002.
  EXPECT_TRUE(MoneyMatcher::Default().Find("giá vé 1 triệu 2 đồng", "vi").empty());
  EXPECT_EQ(One("giá 1 triệu 200 nghìn đồng", "vi").amount, "1200000");
}

TEST(MoneyMatcher, SubunitsAndWrittenFractions) {
  EXPECT_EQ(One("fell to 45 cents", "en").amount, "0.45");
  EXPECT_EQ(One("a fee of 3 cents", "en").amount, "0.03");
  FoundAmount a = One("raised one and a half billion dollars", "en");
  EXPECT_EQ(a.amount, "1500000000");
  EXPECT_EQ(a.currency, "USD");
  EXPECT_EQ(One("two and a half million dollars", "en").amount, "2500000");
}

TEST(MoneyMatcher, ContextOnlyCurrency) {
  EXPECT_EQ(One("the Swiss National Bank lost 132 billion francs", "en").currency, "CHF");
  EXPECT_TRUE(MoneyMatcher::Default().Find("a loan of 132 billion francs", "en").empty());
  EXPECT_EQ(One("South Africa's Eskom needs R254 billion", "en").currency, "ZAR");
  EXPECT_TRUE(MoneyMatcher::Default().Find("In Cape Town, the R300 highway was closed", "en").empty());
  EXPECT_TRUE(MoneyMatcher::Default().Find("Eskom needs R254 billion", "en").empty());
}

TEST(MoneyMatcher, SameAnswersFromSeveralThreads) {
  const std::string text = "VND5 trillion (US$212 million), hơn 2.000 tỷ đồng, between $1 billion and $2 billion";
  const auto expected = MoneyMatcher::Default().Find(text, "en");
  ASSERT_EQ(expected.size(), 4u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto found = MoneyMatcher::Default().Find(text, "en");
        if (found.size() != expected.size() || found[3].amount_max != expected[3].amount_max) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(MoneyMatcher, LanguageDecidesALoneMark) {
  EXPECT_EQ(One("$3.294 billion", "en").amount, "3294000000");
  EXPECT_EQ(One("3.294 tỷ đồng", "vi").amount, "3294000000000");
  EXPECT_EQ(One("640,2 tỷ USD", "vi").amount, "640200000000");
  EXPECT_EQ(One("VND120,000", "en").amount, "120000");
  EXPECT_EQ(One("VND120,000", "fr").amount, "120000");  // unknown: read the English way
}

}  // namespace
}  // namespace vnie
