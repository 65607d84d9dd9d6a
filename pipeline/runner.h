// Runs a batch of source files through a stage chain into a sink: in
// parallel, in bounded memory, in input order, incrementally.
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "pipeline/sinks/sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/stage.h"
#include "pipeline/state/state_store.h"

namespace vnie {

struct BatchOptions {
  int jobs = 1;                    // threads processing documents (>= 1)
  StateStore* state = nullptr;     // incremental: skip files recorded unchanged
  bool reprocess = false;          // with state: process every file anyway
  int64_t settle_seconds = 0;      // leave files modified this recently for the next run
  std::string quarantine;          // copy rejected files here with a .reason file ("" = off)
  bool progress = false;           // a progress line on stderr
  int commit_every = 500;          // documents per sink Commit() (and at least once a second)
  uint64_t max_bytes = kDefaultMaxBytes;  // bigger files (and WARC records) are rejected unread
  // With progress: the bytes the batch will read, for the ETA.  Called on a
  // thread of its own while the batch runs (the ETA shows --:--:-- until it
  // returns); it should return early once STOP is requested.  Unset: no
  // ETA, unless the files were given as a vector.
  std::function<uint64_t(std::stop_token stop)> count_bytes;
};

struct BatchStats {
  uint64_t documents = 0;  // records written
  uint64_t rejected = 0;   // of which rejected
  uint64_t bytes = 0;      // raw bytes read of the documents written
  uint64_t new_files = 0;  // written, never seen before (all of them without a state store)
  uint64_t changed = 0;    // written, content changed since the state store saw them
  uint64_t unchanged = 0;  // skipped: recorded with the same size and mtime, or the same hash
  uint64_t settling = 0;   // skipped: modified within the settle time
  uint64_t archive_skipped = 0;  // WARC records that were not pages (requests, images, redirects...)
  double seconds = 0;
};

// Sets *FILE to the next file of a batch and returns true, or returns false
// at the end.  Called from one thread at a time.
using NextSourceFile = std::function<bool(SourceFile* file)>;

// Reads each of FILES, runs CHAIN on it and writes its record to SINK in the
// order of FILES, then calls SINK.Finish().  At most 4 x jobs documents are in
// memory at once.  Rejected documents are logged with their reason and
// written as rejected records; the batch goes on.  The state store learns of
// each file only once its record is durable (after the sink's Commit(), or
// after Finish()).  SinkError propagates.
BatchStats RunBatch(const std::vector<SourceFile>& files, const StageChain& chain, Sink& sink,
                    const BatchOptions& options);
// The same with the files taken one at a time from NEXT as the batch goes
// (a SourceWalk), so that no list of them is kept.
BatchStats RunBatch(const NextSourceFile& next, const StageChain& chain, Sink& sink, const BatchOptions& options);
inline BatchStats RunBatch(const std::vector<SourceFile>& files, const StageChain& chain, Sink& sink) {
  return RunBatch(files, chain, sink, BatchOptions{});
}

}  // namespace vnie
