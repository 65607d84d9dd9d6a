#include "pipeline/decode/decoder.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace vnie {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Share of invalid sequences above which a file is rejected rather than kept
// with replacement characters.
constexpr double kMaxInvalidShare = 0.2;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

DecodeResult DecodeWithIcu(std::string_view bytes, const char* icu_name, std::string canonical) {
  DecodeResult result;
  result.encoding = std::move(canonical);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    result.error = "unknown encoding '" + std::string(icu_name) + "'";
    return result;
  }
  // Count substitutions through a callback-free route: convert, then count U+FFFD
  // that were not in the input as text.
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) {
    result.error = std::string("cannot decode as ") + icu_name + ": " + u_errorName(status);
    return result;
  }
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u.charAt(i) == 0xFFFD) ++result.invalid_sequences;
  }
  u.toUTF8String(result.text);
  return result;
}

bool LooksBinary(std::string_view bytes) {
  size_t probe = std::min<size_t>(bytes.size(), 8192);
  size_t controls = 0;
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return probe > 0 && controls * 10 > probe;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

DecodeResult DecodeDetect(std::string_view bytes) {
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return DecodeWithIcu(bytes.substr(2), "UTF-16LE", "UTF-16LE");
    if (b0 == 0xFE && b1 == 0xFF) return DecodeWithIcu(bytes.substr(2), "UTF-16BE", "UTF-16BE");
  }
  if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
  DecodeResult result;
  if (LooksBinary(bytes)) {
    result.error = "binary file: not text in any supported encoding";
    return result;
  }
  if (IsValidUtf8(bytes)) {
    result.text.assign(bytes);
    result.encoding = "UTF-8";
    return result;
  }
  result = DecodeWithIcu(bytes, "windows-1258", "windows-1258");
  if (!result.error && result.invalid_sequences > kMaxInvalidShare * static_cast<double>(bytes.size())) {
    result.error = "mostly invalid bytes: not text in any supported encoding";
  }
  return result;
}

DecodeResult DecodeAs(std::string_view bytes, std::string_view encoding) {
  std::string name(encoding);
  if (name == "UTF-8" || name == "utf-8" || name == "utf8") {
    if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
  }
  return DecodeWithIcu(bytes, name.c_str(), name);
}

}  // namespace vnie
