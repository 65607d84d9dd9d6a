// Sixteen bytes at a time: the first byte of a block that a text pass must
// look at, for the passes that run over every byte of every article
// (character cleanup, the NFC check, tone placement).  SSE2 is part of every x86-64 CPU; on
// other machines kBlockScan is false and the passes read byte by byte.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vnie::byte_scan {

#if defined(__SSE2__)

constexpr bool kBlockScan = true;
constexpr size_t kBlock = 16;

// Lanes of V in [LO, HI], unsigned.
inline __m128i InRange(__m128i v, uint8_t lo, uint8_t hi) {
  __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_subs_epu8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo))), _mm_setzero_si128());
}

inline __m128i Equal(__m128i v, uint8_t b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); }

// Bytes that end a run of text character cleanup copies as it is, by
// themselves: controls, DEL, C0..C2 (no-break space, soft hyphen, C1
// controls), E0, E2 (typographic spaces, quotes, dashes), E3 (ideographic
// space), EF (BOM, fullwidth forms) and F5..FF (bytes UTF-8 never uses).
inline __m128i EndsCleanRun(__m128i v) {
  __m128i m = InRange(v, 0x00, 0x1F);
  m = _mm_or_si128(m, Equal(v, 0x7F));
  m = _mm_or_si128(m, InRange(v, 0xC0, 0xC2));
  m = _mm_or_si128(m, Equal(v, 0xE0));
  m = _mm_or_si128(m, InRange(v, 0xE2, 0xE3));
  m = _mm_or_si128(m, Equal(v, 0xEF));
  return _mm_or_si128(m, InRange(v, 0xF5, 0xFF));
}

// A bit for each of the sixteen bytes at P (P[16] must be readable too) that
// character cleanup must look at: one that ends a run, the Ogham space's
// lead (E1 9A; other E1 sequences are letters, most Vietnamese vowels with
// tones), or a space not followed by a byte that starts a visible character
// (a space, a control, a UTF-8 continuation byte, a combining mark's lead
// byte CC/CD, E1, or one that ends a run).
inline unsigned CleanupStops(const unsigned char* p) {
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  __m128i not_start = _mm_or_si128(EndsCleanRun(next), Equal(next, ' '));
  not_start = _mm_or_si128(not_start, InRange(next, 0x80, 0xBF));
  not_start = _mm_or_si128(not_start, InRange(next, 0xCC, 0xCD));
  not_start = _mm_or_si128(not_start, Equal(next, 0xE1));
  __m128i stops = _mm_or_si128(EndsCleanRun(x), _mm_and_si128(Equal(x, ' '), not_start));
  stops = _mm_or_si128(stops, _mm_and_si128(Equal(x, 0xE1), Equal(next, 0x9A)));
  return static_cast<unsigned>(_mm_movemask_epi8(stops));
}

// A bit for each of the sixteen bytes at P (P[16] must be readable too) that
// may start a code point NFC could change: lead bytes CC..E0 (U+0300..U+0FFF,
// combining marks and scripts that compose), E2 and above, and E1 unless the
// next byte puts it in U+1E00..U+1EFF (Latin Extended Additional, the
// precomposed Vietnamese letters).  A set bit is looked at code point by code
// point; E2 (punctuation, mostly inert) is among them.
inline unsigned NfcStops(const unsigned char* p) {
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  __m128i stops = _mm_or_si128(InRange(x, 0xCC, 0xE0), InRange(x, 0xE2, 0xFF));
  stops = _mm_or_si128(stops, _mm_andnot_si128(InRange(next, 0xB8, 0xBB), Equal(x, 0xE1)));
  return static_cast<unsigned>(_mm_movemask_epi8(stops));
}

// A bit for each of the sixteen bytes at P that is not ASCII.
inline unsigned HighBytes(const unsigned char* p) {
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
}

#else

constexpr bool kBlockScan = false;
constexpr size_t kBlock = 16;
inline unsigned CleanupStops(const unsigned char*) { return 1; }
inline unsigned NfcStops(const unsigned char*) { return 1; }
inline unsigned HighBytes(const unsigned char*) { return 1; }

#endif

// Moves *I over whole blocks of P[0, N) in which STOPS marks no byte, to the
// first byte it marks, and returns true there.  Returns false when fewer
// than kBlock + 1 bytes are left (STOPS may read one past its block), or on a
// machine without the block scan: the caller reads on its own way.
template <typename Stops>
inline bool SkipBlocks(const unsigned char* p, size_t n, size_t* i, Stops stops) {
  if constexpr (!kBlockScan) return false;
  while (*i + kBlock < n) {
    unsigned marked = stops(p + *i);
    if (marked) {
      *i += static_cast<size_t>(std::countr_zero(marked));
      return true;
    }
    *i += kBlock;
  }
  return false;
}

}  // namespace vnie::byte_scan
