#include "pipeline/text/text_index.h"

namespace vnie {
namespace {
inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

TextIndex::TextIndex(std::string_view utf8) {
  block_start_.reserve(utf8.size() / kBlock + 1);
  int64_t count = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (i % kBlock == 0) block_start_.push_back(count);
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
