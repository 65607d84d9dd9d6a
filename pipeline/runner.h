// Runs a batch of source files through a stage chain into a sink.
#pragma once

#include <cstdint>
#include <vector>

#include "pipeline/sinks/sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/stage.h"

namespace vnie {

struct BatchStats {
  uint64_t documents = 0;  // records written
  uint64_t rejected = 0;   // of which rejected
  uint64_t bytes = 0;      // raw bytes read
};

// Reads each of FILES, runs CHAIN on it and writes its record to SINK in the
// order of FILES.  Rejected documents are logged with their reason and
// written as rejected records; the batch goes on.  SinkError propagates.
BatchStats RunBatch(const std::vector<SourceFile>& files, const StageChain& chain, Sink& sink);

}  // namespace vnie
