#include "pipeline/segment/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <vector>

namespace vnie {
namespace {

constexpr uint8_t kEnd = 0xFE;  // past the paragraph's end
constexpr uint8_t kBad = 0xFF;  // bytes that are not UTF-8

// ICU's Sentence_Break class of every code point below U+3100 (Latin with
// Vietnamese, punctuation, CJK punctuation), read once; the rest are asked
// of ICU one by one.
constexpr UChar32 kTableSize = 0x3100;

const std::vector<uint8_t>& ClassTable() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(kTableSize);
    for (UChar32 ch = 0; ch < kTableSize; ++ch) t[ch] = static_cast<uint8_t>(u_getIntPropertyValue(ch, UCHAR_SENTENCE_BREAK));
    return t;
  }();
  return table;
}

bool IsTerm(uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }

// Classes the rules below do not cover: paragraph separators and the
// characters that attach to the one before them.
bool LeftToIcu(uint8_t c) {
  return c == U_SB_CR || c == U_SB_LF || c == U_SB_SEP || c == U_SB_EXTEND || c == U_SB_FORMAT || c == kBad;
}

class Reader {
 public:
  explicit Reader(std::string_view p)
      : s_(reinterpret_cast<const uint8_t*>(p.data())), n_(static_cast<int32_t>(p.size())), table_(ClassTable()) {}

  int32_t size() const { return n_; }
  uint8_t byte(int32_t at) const { return s_[at]; }

  // The class of the code point at AT (kEnd past the end); *AFTER is where
  // the next one starts.
  uint8_t ClassAt(int32_t at, int32_t* after) const {
    if (at >= n_) {
      *after = at;
      return kEnd;
    }
    if (s_[at] < 0x80) {
      *after = at + 1;
      return table_[s_[at]];
    }
    UChar32 ch;
    U8_NEXT(s_, at, n_, ch);
    *after = at;
    if (ch < 0) return kBad;
    return ch < kTableSize ? table_[static_cast<size_t>(ch)]
                           : static_cast<uint8_t>(u_getIntPropertyValue(ch, UCHAR_SENTENCE_BREAK));
  }

 private:
  const uint8_t* s_;
  int32_t n_;
  const std::vector<uint8_t>& table_;
};

}  // namespace

bool FastSentenceBreaks(std::string_view p, std::vector<size_t>* breaks) {
  breaks->clear();
  if (p.size() > static_cast<size_t>(INT32_MAX)) return false;
  const Reader r(p);
  const int32_t n = r.size();
  uint8_t prev = kEnd;  // the class of the code point before I
  for (int32_t i = 0; i < n;) {
    const uint8_t b = r.byte(i);
    if (b < 0x80 && b != '.' && b != '?' && b != '!' && b != '\r') {  // most of the text
      int32_t after;
      prev = r.ClassAt(i, &after);
      i = after;
      continue;
    }
    int32_t after;
    const uint8_t c = r.ClassAt(i, &after);
    if (LeftToIcu(c)) return false;
    if (!IsTerm(c)) {
      prev = c;
      i = after;
      continue;
    }
    // A sentence can end only after a terminator, the closing punctuation
    // and the spaces after it (SB9, SB10, SB11), at J; the rules below keep
    // some of those places inside the sentence.
    const bool aterm = c == U_SB_ATERM;
    int32_t j = after, next_at;
    uint8_t last = c;
    uint8_t next = r.ClassAt(j, &next_at);
    while (next == U_SB_CLOSE) {
      j = next_at;
      last = next;
      next = r.ClassAt(j, &next_at);
    }
    while (next == U_SB_SP) {
      j = next_at;
      last = next;
      next = r.ClassAt(j, &next_at);
    }
    if (LeftToIcu(next)) return false;
    if (next == kEnd) break;  // the paragraph's end ends it anyway
    bool keep = false;
    if (aterm && j == after) {
      // SB6: "3.5"; SB7: "U.S" (a letter, the period, a capital).
      keep = next == U_SB_NUMERIC || (next == U_SB_UPPER && (prev == U_SB_UPPER || prev == U_SB_LOWER));
    }
    if (!keep && aterm) {
      // SB8: a lowercase letter comes before any other letter or terminator.
      uint8_t m = next;
      int32_t m_after = next_at;
      while (m != kEnd && m != U_SB_OLETTER && m != U_SB_UPPER && m != U_SB_LOWER && !IsTerm(m)) {
        if (LeftToIcu(m)) return false;
        m = r.ClassAt(m_after, &m_after);
      }
      keep = m == U_SB_LOWER;
    }
    // SB8a: a comma, colon or another terminator goes on.
    if (!keep) keep = next == U_SB_SCONTINUE || IsTerm(next);
    if (!keep) breaks->push_back(static_cast<size_t>(j));
    prev = last;
    i = j;
  }
  breaks->push_back(p.size());
  return true;
}

}  // namespace vnie
