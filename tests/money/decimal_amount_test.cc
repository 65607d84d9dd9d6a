// The exact decimal arithmetic behind money amounts: no floating point, every digit kept.
#include "extractors/money/decimal_amount.h"

#include <gtest/gtest.h>

namespace vnie {
namespace {

std::string En(std::string_view s) { return ParseEnglishNumber(s).value_or("<none>"); }
std::string Vi(std::string_view s) { return ParseVietnameseNumber(s).value_or("<none>"); }

TEST(DecimalAmount, EnglishNumbers) {
  EXPECT_EQ(En("1,234.5"), "1234.5");
  EXPECT_EQ(En("3.294"), "3.294");
  EXPECT_EQ(En("395.606"), "395.606");
  EXPECT_EQ(En("120,000"), "120000");
  EXPECT_EQ(En("9,007,199,254,740,993"), "9007199254740993");
  EXPECT_EQ(En("100"), "100");
  EXPECT_EQ(En("2.50"), "2.5");
  EXPECT_EQ(En("0.5"), "0.5");
  EXPECT_EQ(En("007"), "7");
  EXPECT_EQ(En("1.000.000"), "1000000");  // a repeated mark groups
  EXPECT_EQ(En("1,5"), "1.5");            // not three digits: a decimal mark
  EXPECT_EQ(En("1.000"), "1000");          // a fraction is never written .000
  EXPECT_EQ(En("15.000"), "15000");
  EXPECT_EQ(En("1.500"), "1.5");
}

TEST(DecimalAmount, VietnameseNumbers) {
  EXPECT_EQ(Vi("1.234,5"), "1234.5");
  EXPECT_EQ(Vi("640,2"), "640.2");
  EXPECT_EQ(Vi("1.000"), "1000");
  EXPECT_EQ(Vi("5.000"), "5000");
  EXPECT_EQ(Vi("200.000"), "200000");
  EXPECT_EQ(Vi("39,19"), "39.19");
  EXPECT_EQ(Vi("1,500"), "1.5");
  EXPECT_EQ(Vi("1,000"), "1000");
  EXPECT_EQ(Vi("3.5"), "3.5");
  EXPECT_EQ(Vi("123.456.789.012.345.678"), "123456789012345678");
  EXPECT_EQ(Vi("1,234.5"), "1234.5");  // both marks: the last one is decimal
}

TEST(DecimalAmount, RejectsMalformed) {
  EXPECT_FALSE(ParseEnglishNumber("1,2,345").has_value());
  EXPECT_FALSE(ParseEnglishNumber("1,23,45").has_value());
  EXPECT_FALSE(ParseEnglishNumber("1.2.3").has_value());
  EXPECT_FALSE(ParseEnglishNumber("1.234,5.6").has_value());
  EXPECT_FALSE(ParseEnglishNumber("").has_value());
  EXPECT_FALSE(ParseEnglishNumber("1,").has_value());
  EXPECT_FALSE(ParseEnglishNumber("abc").has_value());
  EXPECT_FALSE(ParseVietnameseNumber("0912.34.5678").has_value());
}

// Indian grouping: the last three digits, then twos.
TEST(DecimalAmount, ReadsIndianGrouping) {
  EXPECT_EQ(ParseEnglishNumber("1,23,456"), "123456");
  EXPECT_EQ(ParseEnglishNumber("2,50,00,000"), "25000000");
  EXPECT_EQ(ParseEnglishNumber("1,00,000.50"), "100000.5");
}

TEST(DecimalAmount, ScaleByPowerOfTen) {
  EXPECT_EQ(ScaleByPowerOfTen("3.294", 9), "3294000000");
  EXPECT_EQ(ScaleByPowerOfTen("395.606", 6), "395606000");
  EXPECT_EQ(ScaleByPowerOfTen("2.3", 15), "2300000000000000");
  EXPECT_EQ(ScaleByPowerOfTen("640.2", 9), "640200000000");
  EXPECT_EQ(ScaleByPowerOfTen("0.5", 9), "500000000");
  EXPECT_EQ(ScaleByPowerOfTen("1.23456", 2), "123.456");
  EXPECT_EQ(ScaleByPowerOfTen("5", 0), "5");
  EXPECT_EQ(ScaleByPowerOfTen("5", -2), "0.05");
  EXPECT_EQ(ScaleByPowerOfTen("1234", -2), "12.34");
  EXPECT_EQ(ScaleByPowerOfTen("9007199254740993", 3), "9007199254740993000");
}

TEST(DecimalAmount, Arithmetic) {
  EXPECT_EQ(AddDecimals("20", "5"), "25");
  EXPECT_EQ(AddDecimals("0.5", "0.75"), "1.25");
  EXPECT_EQ(AddDecimals("999", "1"), "1000");
  EXPECT_EQ(MultiplyByWhole("2", 100), "200");
  EXPECT_EQ(MultiplyByWhole("1.5", 9), "13.5");
  EXPECT_LT(CompareDecimals("3", "5"), 0);
  EXPECT_GT(CompareDecimals("10", "9.99"), 0);
  EXPECT_EQ(CompareDecimals("1.50", "1.5"), 0);
}

TEST(DecimalAmount, Canonical) {
  EXPECT_EQ(CanonicalDecimal("0.50").value_or(""), "0.5");
  EXPECT_EQ(CanonicalDecimal("000").value_or(""), "0");
  EXPECT_FALSE(CanonicalDecimal("1.").has_value());
  EXPECT_FALSE(CanonicalDecimal("1.2.3").has_value());
}

}  // namespace
}  // namespace vnie
