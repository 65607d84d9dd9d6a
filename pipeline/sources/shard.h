// Sharded runs: N runs of vnie over the same input, each given its index K,
// take disjoint shares of the files that together cover all of them once.
//
//   vnie run /data/articles --shard 3/8 --out postgresql://...
//
// A file's shard is the XXH3-64 hash of its path relative to the command-line
// path it was found under, modulo N.  It does not depend on where the input
// is mounted, on the order of the listing or on the other files, so machines
// that see the corpus at different paths agree, and a file added later falls
// into exactly one shard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/sources/folder_source.h"

namespace vnie {

struct Shard {
  uint32_t index = 0;  // K, 0-based: 0 .. count-1
  uint32_t count = 1;  // N
};

// Reads "K/N" (0 <= K < N).  Returns nullopt and sets *ERROR (if given) to a
// message saying what is expected when TEXT is not such a pair.
std::optional<Shard> ParseShard(std::string_view text, std::string* error = nullptr);

// The path of FILE relative to its root, with '/' separators ("2024/07/a.txt");
// for a file named on the command line (path == root), its file name.
std::string ShardKey(const SourceFile& file);

// The 0-based shard of FILE among COUNT shards.
uint32_t ShardOf(const SourceFile& file, uint32_t count);

// The files of FILES in SHARD, in their order.
std::vector<SourceFile> SelectShard(std::vector<SourceFile> files, const Shard& shard);

}  // namespace vnie
