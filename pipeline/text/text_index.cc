#include "pipeline/text/text_index.h"

#include <cstdint>
#include <cstring>

namespace vnie {
namespace {
inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

// Code points that start in P[0, 8): the bytes that are not continuation
// bytes (10xxxxxx), counted eight at a time.  The flags (one bit per byte)
// are summed by a multiply into the top byte: std::popcount compiles to a
// library call on baseline x86-64, which has no POPCNT instruction.
inline int CodePointsIn8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  uint64_t continuation = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
  return 8 - static_cast<int>((continuation * 0x0101010101010101ULL) >> 56);
}

TextIndex::TextIndex(std::string_view utf8) {
  block_start_.reserve(utf8.size() / kBlock + 1);
  int64_t count = 0;
  size_t n = utf8.size(), i = 0;
  static_assert(kBlock % 8 == 0);
  while (i + kBlock <= n) {
    block_start_.push_back(count);
    for (size_t k = 0; k < kBlock; k += 8) count += CodePointsIn8(utf8.data() + i + k);
    i += kBlock;
  }
  if (i < n) block_start_.push_back(count);
  for (; i < n; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(utf8[i]))) ++count;
  }
  total_ = count;
}

int64_t TextIndex::CodePointAt(std::string_view utf8, size_t byte) const {
  if (byte >= utf8.size()) return total_;
  size_t block = byte / kBlock;
  int64_t count = block_start_[block];
  for (size_t i = block * kBlock; i < byte; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(utf8[i]))) ++count;
  }
  return count;
}

}  // namespace vnie
