#include "pipeline/runner.h"

#include <spdlog/spdlog.h>

namespace vnie {

BatchStats RunBatch(const std::vector<SourceFile>& files, const StageChain& chain, Sink& sink) {
  BatchStats stats;
  for (const auto& file : files) {
    Document doc = ReadSourceFile(file);
    chain.Process(doc);
    stats.bytes += doc.raw.size();
    ++stats.documents;
    if (doc.rejected) {
      ++stats.rejected;
      spdlog::error("rejected {}: {}", doc.source.path, *doc.rejected);
    } else {
      spdlog::debug("done {} ({} bytes, {})", doc.source.path, doc.raw.size(), doc.encoding);
    }
    sink.Write(doc);
  }
  return stats;
}

}  // namespace vnie
