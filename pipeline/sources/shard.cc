#include "pipeline/sources/shard.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

namespace vnie {
namespace {

bool ParseNumber(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::optional<Shard> ParseShard(std::string_view text, std::string* error) {
  size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !ParseNumber(text.substr(0, slash), &shard.index) ||
      !ParseNumber(text.substr(slash + 1), &shard.count) || shard.count == 0 || shard.index >= shard.count) {
    if (error) {
      std::string message(1, '\'');
      message += text;
      message += "' is not a shard: expected K/N with N >= 1 and K from 0 to N-1 (e.g. 0/4 ... 3/4)";
      *error = std::move(message);
    }
    return std::nullopt;
  }
  return shard;
}

std::string ShardKey(const SourceFile& file) {
  namespace fs = std::filesystem;
  fs::path path(file.path);
  fs::path relative = path.lexically_normal().lexically_relative(fs::path(file.root).lexically_normal());
  if (relative.empty() || relative == "." || relative.begin()->string() == "..") relative = path.filename();
  return relative.generic_string();
}

uint32_t ShardOf(const SourceFile& file, uint32_t count) {
  std::string key = ShardKey(file);
  return static_cast<uint32_t>(XXH3_64bits(key.data(), key.size()) % count);
}

std::vector<SourceFile> SelectShard(std::vector<SourceFile> files, const Shard& shard) {
  if (shard.count <= 1) return files;
  std::erase_if(files, [&](const SourceFile& f) { return ShardOf(f, shard.count) != shard.index; });
  return files;
}

}  // namespace vnie
