// gen_currencies: writes extractors/money/currencies_iso.tsv from ICU's
// currency data, so that every active ISO 4217 currency is known by its
// code, its English names and its symbols without typing them by hand, and
// every former one by its English names.
//
//   g++ -std=c++20 -O1 extractors/money/tools/gen_currencies.cc -licui18n -licuuc \
//       -o /tmp/gen_currencies && /tmp/gen_currencies > extractors/money/currencies_iso.tsv
//
// (extractors/money/tools/gen_currencies.sh does both.)  Rows are in the
// format of currencies.tsv; the hand-kept table wins where both name a form.
#include <unicode/ucurr.h>
#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// UTF-8 of S with format characters (the right-to-left mark after an
// Arabic symbol, the zero-width space ICU gives as the escudo's sign) left out.
std::string Utf8(const UChar* s, int32_t len) {
  icu::UnicodeString visible;
  for (int32_t i = 0; i < len; ++i) {
    if (u_charType(s[i]) != U_FORMAT_CHAR) visible.append(s[i]);
  }
  std::string out;
  visible.toUTF8String(out);
  return out;
}

std::string Name(const char* code, const char* locale, UCurrNameStyle style) {
  UErrorCode status = U_ZERO_ERROR;
  UChar ucode[4];
  u_charsToUChars(code, ucode, 4);
  UBool is_choice = false;
  int32_t len = 0;
  const UChar* s = ucurr_getName(ucode, locale, style, &is_choice, &len, &status);
  return U_SUCCESS(status) && s != nullptr ? Utf8(s, len) : std::string();
}

std::string Plural(const char* code, const char* locale, const char* count) {
  UErrorCode status = U_ZERO_ERROR;
  UChar ucode[4];
  u_charsToUChars(code, ucode, 4);
  UBool is_choice = false;
  int32_t len = 0;
  const UChar* s = ucurr_getPluralName(ucode, locale, &is_choice, count, &len, &status);
  return U_SUCCESS(status) && s != nullptr ? Utf8(s, len) : std::string();
}

bool HasLetterOrSign(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$') return true;
  }
  return false;
}

// The English names of CODE (singular, plural, long name), keyed by their
// lower-case form: names that differ only in case ("Saudi Riyal", "Saudi
// riyal") give one row, as matching ignores case.  A name with a bracket is
// a former currency's ("Leone (1964—2022)") and is left out.
std::map<std::string, std::string> EnglishNames(const std::string& code) {
  std::map<std::string, std::string> names;
  for (const std::string& n : {Plural(code.c_str(), "en", "one"), Plural(code.c_str(), "en", "other"),
                               Name(code.c_str(), "en", UCURR_LONG_NAME)}) {
    if (n.empty() || n == code || n.find('(') != std::string::npos) continue;
    icu::UnicodeString lower = icu::UnicodeString::fromUTF8(n);
    std::string key;
    lower.toLower().toUTF8String(key);
    names.emplace(key, n);
  }
  return names;
}

}  // namespace

int main() {
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "gen_currencies: ICU has no currency list: %s\n", u_errorName(status));
    return 3;
  }
  // Active: the tender of some territory today (ICU's currency map by
  // region and date), and no fund, metal or test code (X.., except the CFA
  // and East Caribbean francs and dollars).
  std::set<std::string> tender;
  UEnumeration* regions = uregion_getAvailable(URGN_TERRITORY, &status);
  const char* region;
  while (regions != nullptr && (region = uenum_next(regions, nullptr, &status)) != nullptr) {
    std::string locale = std::string("und_") + region;
    UErrorCode s = U_ZERO_ERROR;
    // The currencies commonly used in the region today.
    UEnumeration* used = ucurr_getKeywordValuesForLocale("currency", locale.c_str(), true, &s);
    const char* c;
    while (U_SUCCESS(s) && used != nullptr && (c = uenum_next(used, nullptr, &s)) != nullptr) tender.insert(c);
    if (used != nullptr) uenum_close(used);
  }
  uenum_close(regions);
  std::set<std::string> active;
  const char* code;
  while ((code = uenum_next(codes, nullptr, &status)) != nullptr) {
    std::string c(code);
    if (!tender.count(c)) continue;
    if (c[0] == 'X' && c != "XOF" && c != "XAF" && c != "XCD" && c != "XPF") continue;
    active.insert(c);
  }
  uenum_close(codes);

  // The symbol each currency has in the locales of the countries that use
  // it ("Ksh" in en_KE, "₦" in en_NG, "kr" in sv_SE).
  std::map<std::string, std::set<std::string>> local_symbols;
  for (int32_t i = 0; i < uloc_countAvailable(); ++i) {
    const char* locale = uloc_getAvailable(i);
    char country[8] = {0};
    UErrorCode s = U_ZERO_ERROR;
    uloc_getCountry(locale, country, sizeof country, &s);
    if (U_FAILURE(s) || country[0] == 0) continue;
    UChar buffer[8];
    s = U_ZERO_ERROR;
    int32_t n = ucurr_forLocale(locale, buffer, 8, &s);
    if (U_FAILURE(s) || n != 3) continue;
    std::string c = Utf8(buffer, 3);
    if (!active.count(c)) continue;
    std::string symbol = Name(c.c_str(), locale, UCURR_SYMBOL_NAME);
    if (!symbol.empty() && symbol != c && HasLetterOrSign(symbol)) local_symbols[c].insert(symbol);
  }

  std::printf("# GENERATED BY extractors/money/tools/gen_currencies.sh FROM ICU %s; DO NOT EDIT.\n", U_ICU_VERSION);
  std::printf("# Every active ISO 4217 currency: its code (written in capitals only),\n");
  std::printf("# its English names (singular, plural) and its symbols, in the format of\n");
  std::printf("# currencies.tsv, then the English names of former currencies (withdrawn codes).\n");
  std::printf("# currencies.tsv (hand-kept) wins where both name a form;\n");
  std::printf("# A symbol several currencies share, or of one or two Latin letters, has\n");
  std::printf("# currency \"-\": only currency_context.tsv reads it (its last column lists them).\n");
  std::printf("# form\tcurrency\twhere\tpower\tflag (code: matched in capitals only)\t[currencies]\n");
  std::map<std::string, std::set<std::string>> by_symbol;
  for (const std::string& c : active) {
    std::printf("%s\t%s\tboth\t0\tcode\n", c.c_str(), c.c_str());
    for (const auto& [key, n] : EnglishNames(c)) std::printf("%s\t%s\tsuffix\n", n.c_str(), c.c_str());
    std::set<std::string> symbols = local_symbols[c];
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
      std::string s = Name(c.c_str(), "en", style);
      if (!s.empty() && s != c && HasLetterOrSign(s)) symbols.insert(s);
    }
    for (const std::string& s : symbols) by_symbol[s].insert(c);
  }
  // The ISO code before "$" names each dollar and peso ("AUD$ 15", "MXN$ 15").
  for (const std::string& c : by_symbol["$"]) std::printf("%s$\t%s\tprefix\t0\tsymbol\n", c.c_str(), c.c_str());
  // A symbol is written before the number (and after it for the signs that
  // are no Latin letters: "100₾", "20€").  A symbol several currencies
  // share, or of one or two Latin letters ("Q", "Ft", "kn": a quarter, feet,
  // a word), is listed with "-": read only where currency_context.tsv names
  // a currency for it.
  for (const auto& [symbol, currencies] : by_symbol) {
    bool letters = false;
    size_t latin = 0;
    for (unsigned char ch : symbol) {
      bool l = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
      letters |= l;
      latin += l;
    }
    bool only_latin = latin == symbol.size() - (symbol.back() == '.' ? 1 : 0);
    std::string currency = currencies.size() == 1 && !(only_latin && latin <= 2) ? *currencies.begin() : "-";
    std::string note;
    if (currency == "-") {
      for (const auto& c : currencies) note += (note.empty() ? "" : ",") + c;
    }
    std::printf("%s\t%s\t%s\t0\tsymbol\t%s\n", symbol.c_str(), currency.c_str(), letters ? "prefix" : "both",
                note.c_str());
  }
  // Former currencies keep their withdrawn ISO 4217 code: their English
  // names only ("German marks", "French francs"), since their codes and
  // signs are words and acronyms today (DEM, ESP, ATS, "F").  A name with a
  // bracket is one of several of that name ("Zimbabwean Dollar (2009)"), a
  // name an active currency also has is left to it, and X.. codes are
  // units of account.
  std::set<std::string> active_names;
  for (const std::string& c : active) {
    for (const auto& [key, n] : EnglishNames(c)) active_names.insert(key);
  }
  std::printf("# Former currencies (ISO 4217's withdrawn codes): English names only (flag former).\n");
  UEnumeration* former = ucurr_openISOCurrencies(UCURR_DEPRECATED, &status);
  std::set<std::string> former_codes;
  while (former != nullptr && (code = uenum_next(former, nullptr, &status)) != nullptr) {
    if (code[0] != 'X' && !active.count(code)) former_codes.insert(code);
  }
  if (former != nullptr) uenum_close(former);
  for (const std::string& c : former_codes) {
    for (const auto& [key, n] : EnglishNames(c)) {
      if (!active_names.count(key)) std::printf("%s\t%s\tsuffix\t0\tformer\n", n.c_str(), c.c_str());
    }
  }
  return 0;
}
