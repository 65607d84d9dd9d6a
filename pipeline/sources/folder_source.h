// Finding article files under the paths a user gives, and reading them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/stage.h"  // kDefaultMaxBytes

namespace vnie {

struct SourceFile {
  std::string path;  // as the user wrote it, joined with the relative path below it
  std::string root;  // the command-line path it was found under
};

// Walks PATHS one file at a time, depth first.  Every regular file counts as
// an article except hidden ones (a name starting with '.'), which editors and
// sync tools leave behind; a file named explicitly is always taken.  Order is
// deterministic: roots in the order given, and within a root the files sorted
// by path (byte order), which is what visiting each folder's entries sorted
// by name (a folder's name with a '/' after it) gives.
//
// A link to a file is taken only when the file lies inside the root being
// walked (FOLLOW_SYMLINKS: anywhere): a link that someone who may write the
// landing folder plants there must not put another file's text into the
// records.  Links to folders are never followed (no loops, no file twice).
//
// A folder is read, and its entries sorted, only when the walk reaches it, so
// memory is the names of the folders on the current path (their entries
// only, packed), never the whole corpus: a folder of a million files holds
// its million names while it is walked.
class SourceWalk {
 public:
  explicit SourceWalk(std::vector<std::string> paths, bool follow_symlinks = false);
  SourceWalk(const SourceWalk&) = delete;
  SourceWalk& operator=(const SourceWalk&) = delete;

  // Sets *FILE to the next file and returns true, or returns false once every
  // path has been walked.
  bool Next(SourceFile* file);

  // Paths that do not exist ("P: no such file or folder", known from the
  // start) and folders that could not be walked ("ROOT: error", found when
  // the walk reaches them; the rest of that root is then left out).  Complete
  // once Next() returned false.
  const std::vector<std::string>& missing() const { return missing_; }
  // Links left out because they lead outside their root ("P: why"), as found.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  struct Folder {
    std::filesystem::path dir;
    std::string names;             // entry names, each followed by '\0'; a folder's name ends in '/'
    std::vector<size_t> order;     // offsets into names, sorted
    size_t next = 0;
  };
  // Reads DIR's entries into a new Folder on the stack.  Returns false (with
  // the error in missing_) when DIR cannot be read.
  bool Enter(const std::filesystem::path& dir);

  std::vector<std::string> paths_;
  std::vector<bool> exists_;
  size_t root_ = 0;
  std::vector<Folder> stack_;
  std::vector<std::string> missing_;
  std::vector<std::string> skipped_;
  bool follow_symlinks_;
  std::filesystem::path root_canonical_;  // of the root being walked
};

struct SourceListing {
  std::vector<SourceFile> files;  // sorted by path within each root, roots in given order
  std::vector<std::string> missing;  // paths that do not exist, with the reason
  std::vector<std::string> skipped;  // links left out, with the reason
};

// The whole walk of PATHS at once (SourceWalk), for small inputs and tests.
SourceListing ListSourceFiles(const std::vector<std::string>& paths);

// Reads FILE into a Document (raw, source, doc_id).  A file that cannot be
// read gives a rejected Document whose reason names the file and the error,
// with source.unreadable set (the next run tries it again); its doc_id is
// the hash of its path, since there are no bytes to hash.  A file of more
// than MAX_BYTES is rejected without being read: a regular file by its size,
// a device or a pipe once MAX_BYTES have come and more follow.
Document ReadSourceFile(const SourceFile& file, uint64_t max_bytes = kDefaultMaxBytes);

// PATH (bytes, as the file system gives them) as UTF-8 text for records and
// logs, without loss: a backslash is written "\\", a byte that is not part
// of well-formed UTF-8 "\xHH"; the rest is unchanged.  So two files whose
// names differ only in such bytes never share a source path.
std::string PathText(std::string_view path);

// The SPEC.md doc_id: XXH3-128 of BYTES as 32 lowercase hex characters.
std::string ContentId(std::string_view bytes);

}  // namespace vnie
