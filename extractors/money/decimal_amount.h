// Exact decimal numbers for monetary amounts: parsing written numerals and
// scaling by powers of ten, on strings of digits only.
//
// Amounts land in NUMERIC columns and in sums, so nothing here goes through
// floating point: "$9,007,199,254,740,993" keeps every digit.
//
//   ParseEnglishNumber("1,234.5")        -> "1234.5"
//   ParseVietnameseNumber("1.234,5")     -> "1234.5"
//   ParseVietnameseNumber("1.000")       -> "1000"   (lone '.' + 3 digits: grouping)
//   ParseEnglishNumber("3.294")          -> "3.294"
//   ScaleByPowerOfTen("3.294", 9)        -> "3294000000"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnie {

// How a language writes numbers: its decimal mark and its digit-group mark.
struct NumberFormat {
  char decimal_mark = '.';
  char group_mark = ',';
};

inline constexpr NumberFormat kEnglishNumbers{'.', ','};
inline constexpr NumberFormat kVietnameseNumbers{',', '.'};

// A canonical decimal: digits, at most one '.', no sign, no leading zeros
// (but "0" or "0.x"), no trailing fractional zeros, no '.' without a fraction.

// Parses TEXT, made of ASCII digits and the marks '.' and ',', into a
// canonical decimal.  Reading of the marks:
//  - both marks present: the last one (which must occur once) is the decimal
//    mark, the other groups digits;
//  - one mark repeated: it groups digits;
//  - one mark once: FORMAT's group mark followed by exactly three digits
//    groups, and so does either mark followed by "000" (no one writes a
//    fraction of three zeros); otherwise it is the decimal mark.
// Grouped digits must come in groups of three after a first group of one to
// three digits.  Returns nullopt when TEXT is not such a number.
std::optional<std::string> ParseNumber(std::string_view text, const NumberFormat& format);
std::optional<std::string> ParseEnglishNumber(std::string_view text);
std::optional<std::string> ParseVietnameseNumber(std::string_view text);

// Returns the canonical form of DECIMAL (digits with at most one '.'), or
// nullopt when DECIMAL is not of that shape.
std::optional<std::string> CanonicalDecimal(std::string_view decimal);

// DECIMAL (canonical) times 10^POWER (POWER may be negative), canonical.
std::string ScaleByPowerOfTen(std::string_view decimal, int power);

// DECIMAL (canonical) times the whole number FACTOR, canonical.
std::string MultiplyByWhole(std::string_view decimal, unsigned factor);

// Adds two canonical decimals.
std::string AddDecimals(std::string_view a, std::string_view b);

// Compares two canonical decimals: negative, zero or positive.
int CompareDecimals(std::string_view a, std::string_view b);

}  // namespace vnie
