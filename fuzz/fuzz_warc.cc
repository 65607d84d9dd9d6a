// A libFuzzer target: the WARC reader and the pages it yields, over arbitrary
// archive bytes (plain or gzip, whole or cut, damaged anywhere).  The bytes
// are handed over as a file, as a run reads them: an in-memory file (memfd).
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/document.h"
#include "pipeline/sources/warc_documents.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = ::memfd_create("fuzz.warc", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  for (size_t done = 0; done < size;) {
    ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) std::abort();
    done += n;
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  {
    // A small record limit, so the limit's path is taken too.
    vnie::WarcDocuments documents(vnie::SourceFile{path, path}, 1 << 16);
    vnie::Document doc;
    while (documents.Next(&doc)) {
    }
  }
  ::close(fd);
  return 0;
}
