#include "pipeline/text/unicode_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace vnie {
namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data unavailable");
  return *n;
}

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data unavailable");
  return *n;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  const icu::Normalizer2& nfc = Nfc();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc.isNormalized(u, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc.normalize(u, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalization failed");
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string AsciiFold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  auto emit = [&](char c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  };
  const icu::Normalizer2& nfd = Nfd();
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) emit(static_cast<char>(c));
      else if (c >= 'A' && c <= 'Z') emit(static_cast<char>(c - 'A' + 'a'));
      else pending_space = true;
      continue;
    }
    if (c == 0x0110 || c == 0x0111) { emit('d'); continue; }
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    UChar32 base = c;
    icu::UnicodeString decomposed;
    if (nfd.getDecomposition(c, decomposed) && decomposed.length() > 0) base = decomposed.char32At(0);
    base = u_tolower(base);
    if (base < 0x80 && ((base >= 'a' && base <= 'z') || (base >= '0' && base <= '9'))) emit(static_cast<char>(base));
    else if (u_isalnum(base)) {
      // A letter with no ASCII base (e.g. Hangul) keeps its UTF-8 form.
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      icu::UnicodeString(base).toUTF8String(out);
    } else {
      pending_space = true;
    }
  }
  return out;
}

}  // namespace vnie
