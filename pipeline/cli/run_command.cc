#include <spdlog/spdlog.h>

#include <stdexcept>

#include "pipeline/cli/commands.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/sources/shard.h"

namespace vnie {

int RunCommand(const CommonOptions& common, const RunOptions& options) {
  auto chain = BuildChain(common);
  if (!chain) return kExitUsage;
  SourceListing listing = ListSourceFiles(options.paths);
  if (!options.shard.empty()) {
    std::string error;
    auto shard = ParseShard(options.shard, &error);
    if (!shard) {
      spdlog::error("--shard: {}", error);
      return kExitUsage;
    }
    listing.files = SelectShard(std::move(listing.files), *shard);
  }
  for (const auto& m : listing.missing) spdlog::error("{}", m);
  if (listing.files.empty() && !listing.missing.empty()) {
    spdlog::error("no input: none of the given paths exists");
    return kExitUsage;
  }
  std::unique_ptr<Sink> sink;
  try {
    if (IsPostgresTarget(options.out)) sink = OpenPostgresSink(options.out, {common.pipeline.emit_text}, options.pg_schema);
    else sink = OpenSink(options.out, RecordOptions{common.pipeline.emit_text});
  } catch (const std::invalid_argument& e) {
    spdlog::error("--out: {}", e.what());
    return kExitUsage;
  } catch (const SinkError& e) {
    spdlog::error("{}", e.what());
    return kExitFatal;
  }
  BatchStats stats;
  try {
    stats = RunBatch(listing.files, *chain, *sink);
    sink->Finish();
  } catch (const SinkError& e) {
    spdlog::error("output failed, run stopped: {}", e.what());
    return kExitFatal;
  }
  spdlog::info("{} documents ({} rejected, {} bytes) written to {}", stats.documents, stats.rejected,
               stats.bytes, RedactPassword(options.out));
  return (stats.rejected > 0 || !listing.missing.empty()) ? kExitRejected : kExitOk;
}

}  // namespace vnie
