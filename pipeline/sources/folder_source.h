// Finding article files under the paths a user gives, and reading them.
#pragma once

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace vnie {

struct SourceFile {
  std::string path;  // as the user wrote it, joined with the relative path below it
  std::string root;  // the command-line path it was found under
};

struct SourceListing {
  std::vector<SourceFile> files;  // sorted by path within each root, roots in given order
  std::vector<std::string> missing;  // paths that do not exist, with the reason
};

// Walks PATHS recursively.  Every regular file counts as an article except
// hidden ones (a name starting with '.'), which editors and sync tools leave
// behind; a file named explicitly is always taken.  Order is deterministic.
SourceListing ListSourceFiles(const std::vector<std::string>& paths);

// Reads FILE into a Document (raw, source, doc_id).  A file that cannot be
// read gives a rejected Document whose reason names the file and the error;
// its doc_id is the hash of its path, since there are no bytes to hash.
Document ReadSourceFile(const SourceFile& file);

// The SPEC.md doc_id: XXH3-128 of BYTES as 32 lowercase hex characters.
std::string ContentId(std::string_view bytes);

}  // namespace vnie
