// Data files (lexicons, code tables, rules) compiled into the vnie binary.
#pragma once

#include <string_view>
#include <vector>

namespace vnie {

namespace embedded {
struct EmbeddedFile {
  const char* path;
  std::string_view bytes;
};
// Ends with an entry whose path is nullptr.  Generated at build time.
extern const EmbeddedFile kFiles[];
}  // namespace embedded

// Returns the bytes of the data file at PATH (relative to the source root, e.g.
// "pipeline/decode/vni.tsv").  Throws std::runtime_error naming the
// path when no such file was embedded: a missing data file is a build error.
std::string_view EmbeddedData(std::string_view path);

// Returns the paths of the embedded files under DIRECTORY ("" for all), sorted.
std::vector<std::string_view> EmbeddedDataFiles(std::string_view directory);

// Splits a tab-separated data file into rows of fields.  Blank lines and lines
// starting with '#' are skipped; a trailing '\r' is dropped.
std::vector<std::vector<std::string_view>> ParseTsv(std::string_view bytes);

}  // namespace vnie
