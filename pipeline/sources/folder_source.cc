#include "pipeline/sources/folder_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "pipeline/decode/decoder.h"

namespace fs = std::filesystem;

namespace vnie {

std::string ContentId(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

namespace {

// True when PATH (canonical) is ROOT (canonical) or lies below it.
bool IsInside(const fs::path& path, const fs::path& root) {
  auto r = root.begin(), p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

SourceWalk::SourceWalk(std::vector<std::string> paths, bool follow_symlinks)
    : paths_(std::move(paths)), follow_symlinks_(follow_symlinks) {
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
      if (link && !follow_symlinks_ && entry.exists(entry_ec)) {
        fs::path target = fs::canonical(entry.path(), entry_ec);
        if (entry_ec || !IsInside(target, root_canonical_)) {
          skipped_.push_back(entry.path().string() + ": a link to " + (entry_ec ? "an unreachable file" : target.string()) +
                             ", outside the folder walked; not followed (--follow-symlinks follows it)");
          continue;
        }
      }
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
    root_canonical_ = fs::canonical(root, ec);
    Enter(root);
  }
}

SourceListing ListSourceFiles(const std::vector<std::string>& paths) {
  SourceListing listing;
  SourceWalk walk(paths);
  SourceFile file;
  while (walk.Next(&file)) listing.files.push_back(std::move(file));
  listing.missing = walk.missing();
  listing.skipped = walk.skipped();
  return listing;
}

Document ReadSourceFile(const SourceFile& file, uint64_t max_bytes) {
  Document doc;
  doc.source.path = PathText(file.path);
  auto fail = [&](int err) {
    doc.rejected = "cannot read " + doc.source.path + ": " + std::strerror(err);
    doc.source.unreadable = true;
    doc.doc_id = ContentId(file.path);
    doc.raw.clear();
    return doc;
  };
  auto too_big = [&](uint64_t size, bool at_least) {
    doc.rejected = (at_least ? "more than " : "") + std::to_string(size) + " bytes, over the limit of " +
                   std::to_string(max_bytes) + " (--max-bytes)";
    doc.source.bytes = size;
    doc.doc_id = ContentId(file.path);
    doc.raw.clear();
    return doc;
  };
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return fail(err);
  }
  if (S_ISREG(st.st_mode)) {
    // Known before reading: a sparse or huge file costs nothing.
    if (static_cast<uint64_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return too_big(st.st_size, false);
    }
    doc.raw.reserve(st.st_size);
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return fail(err);
    }
    if (doc.raw.size() + n > max_bytes) {
      // A device, a pipe, or a file that grew while it was read.
      ::close(fd);
      return too_big(max_bytes, true);
    }
    doc.raw.append(buf, n);
  }
  ::close(fd);
  doc.source.bytes = doc.raw.size();
  doc.doc_id = ContentId(doc.raw);
  return doc;
}

std::string PathText(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  const auto* s = reinterpret_cast<const unsigned char*>(path.data());
  for (size_t i = 0, n = path.size(); i < n;) {
    unsigned char c = s[i];
    if (c == '\\') {
      out += "\\\\";
      ++i;
      continue;
    }
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len > 0 && i + len <= n && IsValidUtf8(path.substr(i, len))) {
      out.append(path.substr(i, len));
      i += len;
      continue;
    }
    char esc[5];
    std::snprintf(esc, sizeof esc, "\\x%02X", c);
    out += esc;
    ++i;
  }
  return out;
}

}  // namespace vnie
