#include "pipeline/text/char_cleanup.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "pipeline/text/byte_scan.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

static_assert(std::endian::native == std::endian::little, "the eight-byte scan reads bytes little-endian");

enum class Kind { kKeep, kSpace, kNewline, kDrop, kReplace };

// What to do with a code point outside ASCII; REPLACEMENT is set for kReplace.
Kind Classify(char32_t cp, const char** replacement) {
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return Kind::kSpace;
    case 0x2028: case 0x2029: case 0x0085:
      return Kind::kNewline;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return Kind::kDrop;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
      *replacement = "'";
      return Kind::kReplace;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      *replacement = "\"";
      return Kind::kReplace;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      *replacement = "-";
      return Kind::kReplace;
    case 0x2026:
      *replacement = "...";
      return Kind::kReplace;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Kind::kSpace;
  if (cp >= 0x80 && cp < 0xA0) return Kind::kDrop;  // C1 controls
  return Kind::kKeep;
}

// Bytes copied as they are inside a run: visible ASCII, UTF-8 continuation
// bytes and the lead bytes of code points CleanCharacters keeps (C3..DF:
// U+00C0..U+07FF; E4..EE; F0..F4).  C2 (no-break space, soft hyphen,
// guillemets, C1 controls), E2 (spaces, quotes, dashes, zero-width), E3
// (ideographic space) and EF (BOM, fullwidth dash) take the slow path; E1
// (Vietnamese letters, but also the Ogham space E1 9A 80) and a single space
// are looked at one by one.
struct ByteTable {
  bool v[256] = {};
  bool operator[](unsigned char b) const { return v[b]; }
};

constexpr ByteTable MakePlainTable() {
  ByteTable t;
  for (int b = 0x21; b < 0x7F; ++b) t.v[b] = true;
  for (int b = 0x80; b < 0xC0; ++b) t.v[b] = true;
  for (int b = 0xC3; b < 0xE0; ++b) t.v[b] = true;
  for (int b = 0xE4; b < 0xEF; ++b) t.v[b] = true;
  for (int b = 0xF0; b < 0xF5; ++b) t.v[b] = true;
  return t;
}
constexpr ByteTable kPlain = MakePlainTable();

// Bytes that may start a run, or follow a single space inside one: plain
// bytes that begin a code point other than a combining mark (CC, CD: a mark
// after a space joins the letter before it, which the slow path does).
constexpr ByteTable MakeStartTable() {
  ByteTable t = MakePlainTable();
  for (int b = 0x80; b < 0xC0; ++b) t.v[b] = false;
  t.v[0xCC] = t.v[0xCD] = false;
  return t;
}
constexpr ByteTable kStart = MakeStartTable();

// True when S[J] starts a run: E1 too, but for the Ogham space (E1 9A 80).
bool StartsRun(const unsigned char* s, size_t j, size_t n) {
  if (kStart[s[j]]) return true;
  return s[j] == 0xE1 && !(j + 1 < n && s[j + 1] == 0x9A);
}

// True when the eight bytes X are visible ASCII with single spaces between
// them and no space last (the byte after it is not seen here).
bool PlainAsciiBlock(uint64_t x) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr uint64_t kSpaces = 0x2020202020202020ULL;
  uint64_t y = x ^ kSpaces;
  uint64_t space = ~(((y & kLow7) + kLow7) | y | kLow7);  // high bit of each ' ' byte
  uint64_t del = x ^ kLow7;
  uint64_t is_del = ~(((del & kLow7) + kLow7) | del | kLow7);
  return !(x & kHigh) && !((x - kSpaces) & ~x & kHigh) && !(space & (space << 8)) && !(space >> 63) && !is_del;
}

// The end of the run of bytes that need nothing from IN[J] on: plain bytes,
// single spaces before a byte that starts a run, E1 sequences but the Ogham
// space.  Sixteen bytes at a time where the machine can, else ASCII eight
// at a time; the bytes the block scan stops at, and other text, byte by byte.
size_t RunEnd(std::string_view in, size_t j) {
  const size_t n = in.size();
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  while (j < n) {
    if (!byte_scan::SkipBlocks(s, n, &j, byte_scan::CleanupStops) && j + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, s + j, 8);
      if (PlainAsciiBlock(x)) {
        j += 8;
        continue;
      }
    }
    size_t stop = std::min(n, j + 8);
    while (j < stop && kPlain[s[j]]) ++j;
    if (j == stop) continue;
    if (s[j] == ' ' && j + 1 < n && StartsRun(s, j + 1, n)) {
      j += 2;
    } else if (s[j] == 0xE1 && !(j + 1 < n && s[j + 1] == 0x9A)) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

std::string CleanCharacters(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;   // a space is pending (emitted before the next visible character)
  int newlines = 0;     // line ends pending
  auto flush = [&]() {
    if (newlines > 0) {
      if (!out.empty()) out.append(newlines >= 2 ? "\n\n" : "\n");
      newlines = 0;
      space = false;
    } else if (space) {
      if (!out.empty() && out.back() != '\n') out.push_back(' ');
      space = false;
    }
  };
  size_t i = 0, n = in.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(in[i]);
    if (StartsRun(reinterpret_cast<const unsigned char*>(in.data()), i, n)) {
      // Copy a run of bytes that need nothing at once: visible ASCII, single
      // spaces between them, and UTF-8 sequences that are not spaces, quotes,
      // dashes or invisible characters.
      flush();
      size_t j = RunEnd(in, i + 1);
      out.append(in.data() + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
        space = true;
      } else if (c == '\n') {
        ++newlines;
      } else if (c == '\r') {
        if (i < n && in[i] == '\n') ++i;
        ++newlines;
      }  // other controls and DEL are dropped
      continue;
    }
    size_t at = i;
    char32_t cp = vietnamese::NextUtf8(in, &i);
    const char* replacement = nullptr;
    switch (Classify(cp, &replacement)) {
      case Kind::kSpace:
        space = true;
        break;
      case Kind::kNewline:
        ++newlines;
        break;
      case Kind::kDrop:
        break;
      case Kind::kReplace:
        flush();
        out.append(replacement);
        break;
      case Kind::kKeep:
        if (vietnamese::IsCombiningMark(cp) && newlines == 0) {
          space = false;  // a detached mark joins the letter before it
        } else {
          flush();
        }
        if (cp == 0xFFFD && i - at == 1) out.append("\xEF\xBF\xBD");  // a stray byte
        else out.append(in.data() + at, i - at);
        break;
    }
  }
  return out;
}

}  // namespace vnie
