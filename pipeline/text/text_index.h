// Maps byte offsets of a UTF-8 string to code point offsets (SPEC.md offsets).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

// The index keeps no pointer into the text, so a Document that owns both can
// be moved freely.

namespace vnie {

class TextIndex {
 public:
  TextIndex() = default;
  explicit TextIndex(std::string_view utf8);

  // Code points before byte offset BYTE of UTF8, which must be the string
  // this index was built from (0 <= BYTE <= size).  A byte inside a
  // multi-byte sequence counts as the start of that code point.
  int64_t CodePointAt(std::string_view utf8, size_t byte) const;
  int64_t CodePoints() const { return total_; }

 private:
  // Code points before each 64-byte block, then a scan inside the block.
  static constexpr size_t kBlock = 64;
  std::vector<int64_t> block_start_;
  int64_t total_ = 0;
};

}  // namespace vnie
