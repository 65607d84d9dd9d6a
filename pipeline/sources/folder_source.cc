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

SourceWalk::SourceWalk(std::vector<std::string> paths) : paths_(std::move(paths)) {
  // Whether each path exists is settled before the walk, so that a run can
  // report missing paths before it starts.
  for (const auto& root : paths_) {
    std::error_code ec;
    fs::file_status st = fs::status(root, ec);
    bool exists = !ec && fs::exists(st);
    exists_.push_back(exists);
    if (!exists) missing_.push_back(root + ": no such file or folder");
  }
}

bool SourceWalk::Enter(const fs::path& dir) {
  Folder folder;
  folder.dir = dir;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code entry_ec;
    bool link = entry.is_symlink(entry_ec);
    size_t offset = folder.names.size();
    if (!link && entry.is_directory(entry_ec)) {
      // Links to folders are not followed (no loops, no file seen twice).
      folder.names += name;
      folder.names += '/';
    } else if (entry.is_regular_file(entry_ec) || (link && !entry.exists(entry_ec))) {
      // A link that leads nowhere is still an article file the user put
      // there: take it, so reading it reports the error.
      folder.names += name;
    } else {
      continue;
    }
    folder.names += '\0';
    folder.order.push_back(offset);
  }
  if (ec) {
    missing_.push_back(dir.string() + ": " + ec.message());
    return false;
  }
  // "a/" sorts after "a-b" and before "a0", so the files come out in the byte
  // order of their whole paths.
  const char* base = folder.names.data();
  std::sort(folder.order.begin(), folder.order.end(),
            [base](size_t a, size_t b) { return std::string_view(base + a) < std::string_view(base + b); });
  folder.names.shrink_to_fit();
  folder.order.shrink_to_fit();
  stack_.push_back(std::move(folder));
  return true;
}

bool SourceWalk::Next(SourceFile* file) {
  for (;;) {
    if (!stack_.empty()) {
      Folder& folder = stack_.back();
      if (folder.next == folder.order.size()) {
        stack_.pop_back();
        continue;
      }
      std::string_view name(folder.names.data() + folder.order[folder.next++]);
      if (name.back() == '/') {
        fs::path child = folder.dir / std::string(name.substr(0, name.size() - 1));
        // A folder that cannot be read is reported (missing()) and skipped;
        // the walk goes on with its siblings.
        Enter(child);
        continue;
      }
      file->path = (folder.dir / std::string(name)).string();
      file->root = paths_[root_ - 1];
      return true;
    }
    if (root_ == paths_.size()) return false;
    const std::string& root = paths_[root_];
    bool exists = exists_[root_];
    ++root_;
    if (!exists) continue;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      file->path = root;
      file->root = root;
      return true;
    }
    Enter(root);
  }
}

SourceListing ListSourceFiles(const std::vector<std::string>& paths) {
  SourceListing listing;
  SourceWalk walk(paths);
  SourceFile file;
  while (walk.Next(&file)) listing.files.push_back(std::move(file));
  listing.missing = walk.missing();
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
