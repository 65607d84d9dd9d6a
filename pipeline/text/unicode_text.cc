#include "pipeline/text/unicode_text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "pipeline/text/byte_scan.h"

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

// How AsciiFold treats one code point.
enum FoldKind : uint8_t { kSeparator = 0, kDrop = 1, kAscii = 2, kKeepUtf8 = 3 };
struct FoldEntry {
  FoldKind kind = kSeparator;
  char ascii = 0;  // for kAscii
};

// The fold of one code point, with ICU (the reference the table is built from
// and the path for code points past the table).
FoldEntry FoldWithIcu(UChar32 c, UChar32* base_out) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return {kAscii, static_cast<char>(c)};
    if (c >= 'A' && c <= 'Z') return {kAscii, static_cast<char>(c - 'A' + 'a')};
    return {kSeparator, 0};
  }
  if (c == 0x0110 || c == 0x0111) return {kAscii, 'd'};
  if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) return {kDrop, 0};
  // The base of a letter with marks (Ấ -> A); a letter whose decomposition is
  // not base + marks (a Hangul syllable) is kept whole.
  UChar32 base = c;
  icu::UnicodeString decomposed;
  if (Nfd().getDecomposition(c, decomposed) && decomposed.length() > 0) {
    UChar32 first = decomposed.char32At(0);
    bool marks_only = true;
    for (int32_t k = U16_LENGTH(first); k < decomposed.length();) {
      UChar32 m = decomposed.char32At(k);
      if (u_getCombiningClass(m) == 0 && u_charType(m) != U_NON_SPACING_MARK) marks_only = false;
      k += U16_LENGTH(m);
    }
    if (marks_only) base = first;
  }
  base = u_tolower(base);
  if (base < 0x80 && ((base >= 'a' && base <= 'z') || (base >= '0' && base <= '9')))
    return {kAscii, static_cast<char>(base)};
  if (u_isalnum(base)) {
    *base_out = base;
    return {kKeepUtf8, 0};
  }
  return {kSeparator, 0};
}

// Latin, Latin Extended and the Vietnamese block (U+1EA0..U+1EF9) fit below
// U+2000; their folds are computed once.  kKeepUtf8 entries (non-Latin
// letters) still go through ICU for their lowercase base.
struct FoldTable {
  std::array<FoldEntry, 0x2000> entries;
  FoldTable() {
    for (UChar32 c = 0; c < 0x2000; ++c) {
      UChar32 base = 0;
      entries[c] = FoldWithIcu(c, &base);
    }
  }
};

const FoldTable& Folds() {
  static const FoldTable table;
  return table;
}

}  // namespace

namespace {

// True when every code point of S is one that NFC leaves alone whatever
// surrounds it: below U+0300, Latin Extended Additional (U+1E00..U+1EFF, where
// the precomposed Vietnamese letters live) or punctuation and currency signs
// (U+2010..U+20BF).  A combining mark or anything else sends the text to ICU.
// This is the fast path for text that is already NFC: sixteen bytes at a
// time where the machine can, else ASCII eight at a time, and lead bytes
// one by one (a continuation byte is inert by itself).
bool NfcInert(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    if (!byte_scan::SkipBlocks(p, n, &i, byte_scan::NfcStops) && i + 8 <= n) {
      uint64_t block;
      std::memcpy(&block, p + i, 8);
      if (!(block & 0x8080808080808080ULL)) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0xCC) {
      ++i;  // ASCII, a continuation byte, or the lead of U+0080..U+02FF
    } else if (c == 0xE1 && i + 1 < n && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB) {
      ++i;  // U+1E00..U+1EFF
    } else if (c == 0xE2 && i + 2 < n && ((p[i + 1] == 0x80 && p[i + 2] >= 0x90) || p[i + 1] == 0x81 ||
                                          (p[i + 1] == 0x82 && p[i + 2] <= 0xBF))) {
      ++i;  // U+2010..U+20BF
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
  if (NfcInert(utf8)) return std::string(utf8);
  const icu::Normalizer2& nfc = Nfc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string result;
  result.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&result);
  nfc.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalization failed");
  return result;
}

bool ToNfcInPlace(std::string& text) {
  if (NfcInert(text)) return false;
  std::string nfc = ToNfc(text);
  if (nfc == text) return false;
  text = std::move(nfc);
  return true;
}

namespace {

// AsciiFold for any text: code points past the table and letters kept in
// UTF-8 go through ICU.
std::string AsciiFoldSlow(std::string_view utf8) {
  const FoldTable& table = Folds();
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    FoldEntry e;
    UChar32 base = 0;
    if (c >= 0 && c < 0x2000) {
      e = table.entries[c];
      if (e.kind == kKeepUtf8) FoldWithIcu(c, &base);
    } else {
      e = FoldWithIcu(c < 0 ? 0xFFFD : c, &base);
    }
    switch (e.kind) {
      case kDrop:
        break;
      case kSeparator:
        pending_space = true;
        break;
      case kAscii:
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(e.ascii);
        break;
      case kKeepUtf8:
        // A letter with no ASCII base (e.g. Hangul) keeps its UTF-8 form.
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        icu::UnicodeString(base).toUTF8String(out);
        break;
    }
  }
  return out;
}

}  // namespace

std::string AsciiFold(std::string_view utf8) {
  std::string out;
  AsciiFoldInto(utf8, &out);
  return out;
}

void AsciiFoldInto(std::string_view utf8, std::string* out_key) {
  // The common case, Latin and Vietnamese text, straight from the table into
  // a buffer the size of the input: each output byte stands for at least
  // one input byte.  Anything else starts over on the slow path.
  const FoldTable& table = Folds();
  std::string& out = *out_key;
  out.resize(utf8.size());
  char* o = out.data();
  size_t k = 0;
  bool pending_space = false;
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    FoldEntry e;
    if (s[i] < 0x80) {
      e = table.entries[s[i++]];
    } else {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0 || c >= 0x2000 || table.entries[c].kind == kKeepUtf8) {
        out = AsciiFoldSlow(utf8);
        return;
      }
      e = table.entries[c];
    }
    if (e.kind == kAscii) {
      if (pending_space && k > 0) o[k++] = ' ';
      pending_space = false;
      o[k++] = e.ascii;
    } else if (e.kind == kSeparator) {
      pending_space = true;
    }
  }
  out.resize(k);
}

std::string LowerCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(static_cast<char>(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    // Latin-1, Latin Extended-A/B and Latin Extended Additional (the
    // Vietnamese block): there ICU's simple mapping is its full one, but for
    // U+0130 (İ, which lowers to i and a combining dot).
    if (c < 0 || c == 0x130 || !((c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00))) {
      out.clear();
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
          .toLower()
          .toUTF8String(out);
      return out;
    }
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u_tolower(c));
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

}  // namespace vnie
