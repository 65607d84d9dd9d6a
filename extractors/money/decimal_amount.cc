#include "extractors/money/decimal_amount.h"

#include <algorithm>
#include <vector>

namespace vnie {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A decimal split at its point: whole digits and fraction digits.
struct Parts {
  std::string whole;
  std::string fraction;
};

Parts Split(std::string_view decimal) {
  size_t dot = decimal.find('.');
  if (dot == std::string_view::npos) return {std::string(decimal), ""};
  return {std::string(decimal.substr(0, dot)), std::string(decimal.substr(dot + 1))};
}

std::string Join(std::string whole, std::string fraction) {
  size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? whole : whole + "." + fraction;
}

// Checks that GROUPS (split at the group mark) are 1-3 digits, then threes.
bool ValidGroups(const std::vector<std::string_view>& groups) {
  if (groups.empty() || groups[0].empty() || groups[0].size() > 3) return false;
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3) return false;
  }
  return true;
}

// Indian grouping with commas: the last three digits, then twos ("1,00,000",
// "2,50,00,000" = 25000000).
bool IndianGroups(const std::vector<std::string_view>& groups, char mark) {
  if (mark != ',' || groups.size() < 3 || groups[0].empty() || groups[0].size() > 2) return false;
  for (size_t i = 1; i + 1 < groups.size(); ++i) {
    if (groups[i].size() != 2) return false;
  }
  return groups.back().size() == 3;
}

std::vector<std::string_view> SplitAt(std::string_view text, char mark) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  while (true) {
    size_t at = text.find(mark, begin);
    out.push_back(text.substr(begin, at == std::string_view::npos ? std::string_view::npos : at - begin));
    if (at == std::string_view::npos) break;
    begin = at + 1;
  }
  return out;
}

}  // namespace

std::optional<std::string> CanonicalDecimal(std::string_view decimal) {
  if (decimal.empty()) return std::nullopt;
  size_t dots = 0;
  for (char c : decimal) {
    if (c == '.') {
      ++dots;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  if (dots > 1) return std::nullopt;
  Parts p = Split(decimal);
  if (p.whole.empty() || (dots == 1 && p.fraction.empty())) return std::nullopt;
  return Join(p.whole, p.fraction);
}

std::optional<std::string> ParseNumber(std::string_view text, const NumberFormat& format) {
  if (text.empty() || !IsDigit(text.front()) || !IsDigit(text.back())) return std::nullopt;
  size_t dots = 0, commas = 0;
  for (char c : text) {
    if (c == '.') {
      ++dots;
    } else if (c == ',') {
      ++commas;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  char decimal_mark = 0, group_mark = 0;
  if (dots > 0 && commas > 0) {
    decimal_mark = text[text.find_last_of(".,")];
    group_mark = decimal_mark == '.' ? ',' : '.';
    if ((decimal_mark == '.' ? dots : commas) != 1) return std::nullopt;
  } else if (dots + commas > 1) {
    group_mark = dots > 0 ? '.' : ',';
  } else if (dots + commas == 1) {
    char mark = dots > 0 ? '.' : ',';
    size_t at = text.find(mark);
    size_t after = text.size() - at - 1;
    // Nobody writes a fraction as ".000": "VND1.000 billion" in an English
    // article and "1,000 tỷ" in a Vietnamese one are thousands.
    bool three_zeros = text.substr(at + 1) == "000";
    if ((mark == format.group_mark && after == 3) || three_zeros) {
      group_mark = mark;
    } else {
      decimal_mark = mark;
    }
  }
  std::string_view whole = text, fraction;
  if (decimal_mark != 0) {
    size_t at = text.find(decimal_mark);
    whole = text.substr(0, at);
    fraction = text.substr(at + 1);
  }
  std::string digits;
  if (group_mark != 0) {
    auto groups = SplitAt(whole, group_mark);
    if (!ValidGroups(groups) && !IndianGroups(groups, group_mark)) return std::nullopt;
    for (auto g : groups) digits += g;
  } else {
    digits = whole;
  }
  if (digits.empty() || (decimal_mark != 0 && fraction.empty())) return std::nullopt;
  return Join(digits, std::string(fraction));
}

std::optional<std::string> ParseEnglishNumber(std::string_view text) { return ParseNumber(text, kEnglishNumbers); }

std::optional<std::string> ParseVietnameseNumber(std::string_view text) {
  return ParseNumber(text, kVietnameseNumbers);
}

std::string ScaleByPowerOfTen(std::string_view decimal, int power) {
  Parts p = Split(decimal);
  if (power >= 0) {
    size_t n = static_cast<size_t>(power);
    std::string moved = p.fraction.substr(0, std::min(n, p.fraction.size()));
    moved.append(n - moved.size(), '0');
    std::string rest = p.fraction.size() > n ? p.fraction.substr(n) : "";
    return Join(p.whole + moved, rest);
  }
  size_t n = static_cast<size_t>(-power);
  std::string whole = p.whole;
  if (whole.size() < n) whole.insert(0, n - whole.size(), '0');
  std::string moved = whole.substr(whole.size() - n);
  return Join(whole.substr(0, whole.size() - n), moved + p.fraction);
}

std::string MultiplyByWhole(std::string_view decimal, unsigned factor) {
  Parts p = Split(decimal);
  std::string digits = p.whole + p.fraction;
  std::string out;
  unsigned long long carry = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    unsigned long long v = static_cast<unsigned long long>(digits[i] - '0') * factor + carry;
    out.push_back(static_cast<char>('0' + v % 10));
    carry = v / 10;
  }
  while (carry > 0) {
    out.push_back(static_cast<char>('0' + carry % 10));
    carry /= 10;
  }
  std::reverse(out.begin(), out.end());
  size_t scale = p.fraction.size();
  return Join(out.substr(0, out.size() - scale), out.substr(out.size() - scale));
}

std::string AddDecimals(std::string_view a, std::string_view b) {
  Parts x = Split(a), y = Split(b);
  size_t frac = std::max(x.fraction.size(), y.fraction.size());
  x.fraction.append(frac - x.fraction.size(), '0');
  y.fraction.append(frac - y.fraction.size(), '0');
  std::string dx = x.whole + x.fraction, dy = y.whole + y.fraction;
  size_t len = std::max(dx.size(), dy.size());
  dx.insert(0, len - dx.size(), '0');
  dy.insert(0, len - dy.size(), '0');
  std::string out(len + 1, '0');
  int carry = 0;
  for (size_t i = len; i-- > 0;) {
    int v = (dx[i] - '0') + (dy[i] - '0') + carry;
    out[i + 1] = static_cast<char>('0' + v % 10);
    carry = v / 10;
  }
  out[0] = static_cast<char>('0' + carry);
  return Join(out.substr(0, out.size() - frac), out.substr(out.size() - frac));
}

int CompareDecimals(std::string_view a, std::string_view b) {
  Parts x = Split(a), y = Split(b);
  if (x.whole.size() != y.whole.size()) return x.whole.size() < y.whole.size() ? -1 : 1;
  if (int c = x.whole.compare(y.whole); c != 0) return c;
  size_t frac = std::max(x.fraction.size(), y.fraction.size());
  x.fraction.append(frac - x.fraction.size(), '0');
  y.fraction.append(frac - y.fraction.size(), '0');
  return x.fraction.compare(y.fraction);
}

}  // namespace vnie
