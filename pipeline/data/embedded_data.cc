#include "pipeline/data/embedded_data.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace vnie {

std::string_view EmbeddedData(std::string_view path) {
  for (const auto* f = embedded::kFiles; f->path != nullptr; ++f) {
    if (path == f->path) return f->bytes;
  }
  throw std::runtime_error("data file not embedded in this build: " + std::string(path) +
                           " (rerun cmake so the data glob sees it)");
}

std::vector<std::string_view> EmbeddedDataFiles(std::string_view directory) {
  std::vector<std::string_view> paths;
  for (const auto* f = embedded::kFiles; f->path != nullptr; ++f) {
    std::string_view p = f->path;
    if (p.substr(0, directory.size()) == directory) paths.push_back(p);
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::vector<std::string_view>> ParseTsv(std::string_view bytes) {
  std::vector<std::vector<std::string_view>> rows;
  while (!bytes.empty()) {
    size_t eol = bytes.find('\n');
    std::string_view line = bytes.substr(0, eol);
    bytes = eol == std::string_view::npos ? std::string_view() : bytes.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace vnie
