#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "pipeline/cli/commands.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/state/state_store.h"
#include "pipeline/sources/shard.h"

namespace vnie {
namespace {

// The last success time kept in an earlier metrics file, so a failed run
// does not reset it.
std::string PreviousLastSuccess(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  const std::string key = "vnie_last_success_timestamp_seconds ";
  while (std::getline(in, line)) {
    if (line.starts_with(key)) return line.substr(key.size());
  }
  return "0";
}

// Prometheus text format for node_exporter's textfile collector, written to
// a temporary file and renamed into place.
void WriteMetrics(const std::string& path, const BatchStats& s, bool success, const std::string& target) {
  std::ostringstream m;
  std::string last = success ? std::to_string(std::time(nullptr)) : PreviousLastSuccess(path);
  m << "# HELP vnie_documents Files seen by the last vnie run, by status.\n"
    << "# TYPE vnie_documents gauge\n";
  auto doc = [&](const char* status, uint64_t n) { m << "vnie_documents{status=\"" << status << "\"} " << n << "\n"; };
  doc("done", s.documents - s.rejected);
  doc("rejected", s.rejected);
  doc("unchanged", s.unchanged);
  doc("settling", s.settling);
  m << "# HELP vnie_files Documents written by the last vnie run, by change.\n# TYPE vnie_files gauge\n"
    << "vnie_files{change=\"new\"} " << s.new_files << "\n"
    << "vnie_files{change=\"changed\"} " << s.changed << "\n"
    << "# HELP vnie_bytes Raw bytes of the documents written by the last run.\n# TYPE vnie_bytes gauge\n"
    << "vnie_bytes " << s.bytes << "\n"
    << "# HELP vnie_duration_seconds Duration of the last run.\n# TYPE vnie_duration_seconds gauge\n"
    << "vnie_duration_seconds " << s.seconds << "\n"
    << "# HELP vnie_last_run_success 1 when the last run wrote its output, 0 when it failed.\n"
    << "# TYPE vnie_last_run_success gauge\n"
    << "vnie_last_run_success " << (success ? 1 : 0) << "\n"
    << "# HELP vnie_last_success_timestamp_seconds Unix time of the last run that wrote its output.\n"
    << "# TYPE vnie_last_success_timestamp_seconds gauge\n"
    << "vnie_last_success_timestamp_seconds " << last << "\n";
  (void)target;
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << m.str();
    if (!out) {
      spdlog::warn("--metrics-file: cannot write {}", tmp);
      return;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) spdlog::warn("--metrics-file: cannot move {} to {}: {}", tmp, path, ec.message());
}

}  // namespace

int RunCommand(const CommonOptions& common, const RunOptions& in) {
  RunOptions options = in;
  if (options.out.empty()) {
    options.out = options.format == "csv" ? "vnie.csv" : options.format == "jsonl" ? "vnie.jsonl" : "vnie.db";
  }
  std::string format = options.format.empty() ? SinkFormatOf(options.out) : options.format;
  auto chain = BuildChain(common);
  if (!chain) return kExitUsage;

  // Incremental state: by default beside a SQLite target, whose rows a rerun
  // replaces by doc_id; for JSON Lines and CSV only when --state is given.
  std::string state_path = options.state;
  if (state_path.empty() && format == "sqlite") state_path = options.out + ".state";

  std::unique_ptr<RunLock> lock;
  std::unique_ptr<StateStore> state;
  if (!state_path.empty()) {
    try {
      std::string lock_path = state_path + ".lock";
      lock = RunLock::Acquire(lock_path, false);
      if (!lock && options.wait) {
        spdlog::info("another vnie run holds {}: waiting", lock_path);
        lock = RunLock::Acquire(lock_path, true);
      }
      if (!lock) {
        spdlog::info("another vnie run holds {}: nothing to do (use --wait to wait for it)", lock_path);
        return kExitOk;
      }
      state = std::make_unique<SqliteStateStore>(state_path);
    } catch (const std::exception& e) {
      spdlog::error("state store: {}", e.what());
      return kExitFatal;
    }
  }

  SourceListing listing = ListSourceFiles(options.paths);
  // vnie's own files (the target with its -wal/-shm/.tmp.PID companions, the
  // state store, the lock, the metrics) are never articles, even when they
  // live in the folder being ingested.
  {
    std::vector<std::string> own;
    for (const std::string& p : {options.out, state_path, options.metrics_file, options.quarantine}) {
      if (p.empty() || p == "-" || IsPostgresTarget(p)) continue;
      std::error_code ec;
      own.push_back(std::filesystem::weakly_canonical(p, ec).string());
    }
    std::erase_if(listing.files, [&](const SourceFile& f) {
      std::error_code ec;
      std::string c = std::filesystem::absolute(f.path, ec).lexically_normal().string();
      std::string parent = std::filesystem::weakly_canonical(std::filesystem::path(c).parent_path(), ec).string();
      c = parent + "/" + std::filesystem::path(c).filename().string();
      for (const auto& o : own) {
        if (!o.empty() && c.starts_with(o)) return true;
      }
      return false;
    });
  }
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
    else sink = OpenSink(options.out, RecordOptions{common.pipeline.emit_text}, options.format);
  } catch (const std::invalid_argument& e) {
    spdlog::error("--out: {}", e.what());
    return kExitUsage;
  } catch (const SinkError& e) {
    spdlog::error("{}", e.what());
    return kExitFatal;
  }
  BatchOptions batch;
  batch.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.state = state.get();
  batch.reprocess = options.reprocess;
  batch.settle_seconds = state ? options.settle_seconds : 0;
  batch.quarantine = options.quarantine;
  batch.progress = ::isatty(2) == 1;
  BatchStats stats;
  try {
    stats = RunBatch(listing.files, *chain, *sink, batch);
  } catch (const std::exception& e) {
    spdlog::error("output failed, run stopped: {}", e.what());
    if (!options.metrics_file.empty()) WriteMetrics(options.metrics_file, stats, false, RedactPassword(options.out));
    return kExitFatal;
  }
  double mb = stats.bytes / 1e6;
  spdlog::info("{} documents ({} rejected, {:.1f} MB, {:.1f} MB/s, {} jobs) written to {} in {:.1f} s; files: "
               "{} new, {} changed, {} unchanged, {} rejected, {} left to settle",
               stats.documents, stats.rejected, mb, stats.seconds > 0 ? mb / stats.seconds : 0.0, batch.jobs,
               RedactPassword(options.out), stats.seconds, stats.new_files, stats.changed, stats.unchanged, stats.rejected,
               stats.settling);
  if (stats.settling > 0) {
    // A folder copied a moment ago would otherwise give an empty run with no
    // visible reason.
    spdlog::warn("{} files modified less than {} s ago were left for the next run (--settle 0 takes them now)",
                 stats.settling, options.settle_seconds);
  }
  if (!options.metrics_file.empty()) WriteMetrics(options.metrics_file, stats, true, RedactPassword(options.out));
  return (stats.rejected > 0 || !listing.missing.empty()) ? kExitRejected : kExitOk;
}

}  // namespace vnie
