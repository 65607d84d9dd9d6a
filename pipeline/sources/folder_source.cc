#include "pipeline/sources/folder_source.h"

#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace vnie {

std::string ContentId(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

SourceListing ListSourceFiles(const std::vector<std::string>& paths) {
  SourceListing listing;
  for (const auto& root : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      listing.missing.push_back(root + ": no such file or folder");
      continue;
    }
    if (!fs::is_directory(st)) {
      listing.files.push_back({root, root});
      continue;
    }
    std::vector<SourceFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      // A link that leads nowhere is still an article file the user put
      // there: take it, so reading it reports the error.
      std::error_code link_ec;
      if (it->is_regular_file(link_ec) || (it->is_symlink(link_ec) && !it->exists(link_ec))) {
        found.push_back({p.string(), root});
      }
    }
    if (ec) listing.missing.push_back(root + ": " + ec.message());
    std::sort(found.begin(), found.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    listing.files.insert(listing.files.end(), found.begin(), found.end());
  }
  return listing;
}

Document ReadSourceFile(const SourceFile& file) {
  Document doc;
  doc.source.path = file.path;
  std::FILE* f = std::fopen(file.path.c_str(), "rb");
  if (f == nullptr) {
    doc.rejected = "cannot read " + file.path + ": " + std::strerror(errno);
    doc.doc_id = ContentId(file.path);
    return doc;
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) doc.raw.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) {
    doc.rejected = "cannot read " + file.path + ": " + std::strerror(err);
    doc.doc_id = ContentId(file.path);
    doc.raw.clear();
    return doc;
  }
  doc.source.bytes = doc.raw.size();
  doc.doc_id = ContentId(doc.raw);
  return doc;
}

}  // namespace vnie
