#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "app/cli/commands.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink_registry.h"
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
// a temporary file and renamed into place: the collector sees the old file
// or the new one, never a part.  A file that cannot be written is logged and
// the old one left as it was.
void WriteMetrics(const std::string& path, const BatchStats& s, uint64_t unfinished, bool success) {
  std::ostringstream m;
  std::string last = success ? std::to_string(std::time(nullptr)) : PreviousLastSuccess(path);
  m << "# HELP vnie_documents Files seen by the last vnie run, by status.\n"
    << "# TYPE vnie_documents gauge\n";
  auto doc = [&](const char* status, uint64_t n) { m << "vnie_documents{status=\"" << status << "\"} " << n << "\n"; };
  doc("done", s.documents - s.rejected);
  doc("rejected", s.rejected);
  doc("unchanged", s.unchanged);
  doc("settling", s.settling);
  doc("unfinished", unfinished);
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
  const std::string text = m.str();
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 &&
            ::fsync(::fileno(f)) == 0;
  int error = errno;
  if (f != nullptr && std::fclose(f) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    std::remove(tmp.c_str());
    spdlog::error("--metrics-file: cannot write {}: {} (the previous file is left as it was)", path,
                  std::strerror(error));
  }
}

// Whether a file found under a folder looks still being written by a download
// or an editor: the partial-file names of browsers, downloaders, rsync and
// editors' backup copies.  Such a file is taken once it has its final name.
bool LooksUnfinished(std::string_view name) {
  for (std::string_view suffix : {".part", ".tmp", ".crdownload", "~"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

// The files of a run in walk order, leaving out vnie's own files (OWN:
// canonical paths, each a prefix), files under a folder that look unfinished
// (counted) and, with SHARD, the files of other shards (counted).  A file
// named on the command line is always taken.  With LOG, each missing path or
// walk error is logged once, when found.
class RunFiles {
 public:
  RunFiles(const std::vector<std::string>& paths, const std::vector<std::string>& own, std::optional<Shard> shard,
           bool follow_symlinks, bool log)
      : walk_(paths, follow_symlinks), own_(own), shard_(shard), log_(log) {
    Log();
  }

  bool Next(SourceFile* file) {
    bool found = false;
    while (walk_.Next(file)) {
      if (IsOwn(*file)) continue;
      if (file->path != file->root && LooksUnfinished(std::filesystem::path(file->path).filename().native())) {
        ++unfinished_;
        if (log_) spdlog::debug("{}: looks unfinished (a partial download or temporary name), left out", file->path);
        continue;
      }
      if (shard_ && shard_->count > 1 && ShardOf(*file, shard_->count) != shard_->index) {
        ++other_shards_;
        continue;
      }
      found = true;
      break;
    }
    Log();
    return found;
  }

  const std::vector<std::string>& missing() const { return walk_.missing(); }
  uint64_t unfinished() const { return unfinished_; }
  uint64_t other_shards() const { return other_shards_; }

 private:
  void Log() {
    for (; log_ && logged_ < walk_.missing().size(); ++logged_) spdlog::error("{}", PathText(walk_.missing()[logged_]));
    for (; log_ && skipped_logged_ < walk_.skipped().size(); ++skipped_logged_) {
      spdlog::warn("{}", PathText(walk_.skipped()[skipped_logged_]));
    }
  }

  bool IsOwn(const SourceFile& f) {
    if (own_.empty()) return false;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path c = fs::absolute(f.path, ec).lexically_normal();
    // The walk gives a folder's files one after another: its canonical path
    // is worked out once.
    std::string parent = c.parent_path().string();
    if (parent != parent_) {
      parent_ = parent;
      canonical_parent_ = fs::weakly_canonical(c.parent_path(), ec).string();
    }
    std::string path = canonical_parent_ + "/" + c.filename().string();
    for (const auto& o : own_) {
      if (!o.empty() && path.starts_with(o)) return true;
    }
    return false;
  }

  SourceWalk walk_;
  std::vector<std::string> own_;
  std::optional<Shard> shard_;
  bool log_;
  size_t logged_ = 0, skipped_logged_ = 0;
  uint64_t unfinished_ = 0, other_shards_ = 0;
  std::string parent_, canonical_parent_;
};

// The run itself; sets *STATS as far as it got.  *OWNS_METRICS is false
// when another run holds the lock: the metrics are that run's to write.
int Ingest(const CommonOptions& common, const RunOptions& in, const SinkRegistry& sinks, BatchStats* stats_out,
           uint64_t* unfinished_out, bool* owns_metrics) {
  RunOptions options = in;
  if (options.out.empty()) options.out = sinks.DefaultTarget(options.format);
  std::string sink_error;
  const SinkInfo* sink_info = sinks.Choose(options.out, options.format, &sink_error);
  auto chain = BuildChain(common);
  if (!chain) return kExitUsage;

  // Incremental state: by default beside a target whose sink keeps one
  // (SQLite, whose rows a rerun replaces by doc_id); for the others only when
  // --state is given.
  std::string state_path = options.state;
  if (state_path.empty() && sink_info != nullptr && sink_info->keeps_state) state_path = options.out + ".state";

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
        *owns_metrics = false;
        return kExitOk;
      }
      state = std::make_unique<SqliteStateStore>(state_path);
    } catch (const std::exception& e) {
      spdlog::error("state store: {}", e.what());
      return kExitFatal;
    }
  }

  // vnie's own files (the target with its -wal/-shm/.tmp.PID companions, the
  // state store, the lock, the metrics) are never articles, even when they
  // live in the folder being ingested.
  std::vector<std::string> own;
  for (const std::string& p : {options.out, state_path, options.metrics_file, options.quarantine}) {
    if (p.empty() || p == "-" || sinks.IsUri(p)) continue;
    std::error_code ec;
    own.push_back(std::filesystem::weakly_canonical(p, ec).string());
  }
  std::optional<Shard> shard;
  if (!options.shard.empty()) {
    std::string error;
    shard = ParseShard(options.shard, &error);
    if (!shard) {
      spdlog::error("--shard: {}", error);
      return kExitUsage;
    }
  }
  // The files are walked as the batch goes, never listed: memory does not
  // grow with the corpus.
  RunFiles files(options.paths, own, shard, options.follow_symlinks, true);
  SourceFile first;
  bool have_first = files.Next(&first);
  if (!have_first && !files.missing().empty()) {
    spdlog::error("no input: none of the given paths exists");
    return kExitUsage;
  }
  std::unique_ptr<Sink> sink;
  try {
    if (sink_info == nullptr) throw std::invalid_argument(sink_error);
    sink = sink_info->factory(options.out, SinkOptions{RecordOptions{common.pipeline.emit_text}, options.pg_schema});
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
  batch.max_bytes = common.max_bytes;
  batch.progress = ::isatty(2) == 1;
  if (batch.progress) {
    // The ETA's total: a second walk beside the batch that keeps only a sum.
    batch.count_bytes = [&](std::stop_token stop) {
      RunFiles count(options.paths, own, shard, options.follow_symlinks, false);
      uint64_t total = 0;
      SourceFile file;
      while (!stop.stop_requested() && count.Next(&file)) {
        std::error_code ec;
        auto n = std::filesystem::file_size(file.path, ec);
        if (!ec) total += n;
      }
      return total;
    };
  }
  BatchStats& stats = *stats_out;
  try {
    stats = RunBatch(
        [&](SourceFile* file) {
          if (have_first) {
            *file = std::move(first);
            have_first = false;
            return true;
          }
          return files.Next(file);
        },
        *chain, *sink, batch);
  } catch (const std::exception& e) {
    *unfinished_out = files.unfinished();
    spdlog::error("output failed, run stopped: {}", e.what());
    return kExitFatal;
  }
  *unfinished_out = files.unfinished();
  double mb = stats.bytes / 1e6;
  spdlog::info("{} documents ({} rejected, {:.1f} MB, {:.1f} MB/s, {} jobs) written to {} in {:.1f} s; files: "
               "{} new, {} changed, {} unchanged, {} rejected, {} left to settle, {} unfinished",
               stats.documents, stats.rejected, mb, stats.seconds > 0 ? mb / stats.seconds : 0.0, batch.jobs,
               RedactPassword(options.out), stats.seconds, stats.new_files, stats.changed, stats.unchanged, stats.rejected,
               stats.settling, files.unfinished());
  if (stats.archive_skipped > 0) {
    spdlog::info("{} web archive records were not pages (requests, metadata, other media, statuses other than 200)",
                 stats.archive_skipped);
  }
  if (stats.settling > 0) {
    // A folder copied a moment ago would otherwise give an empty run with no
    // visible reason.
    spdlog::warn("{} files modified less than {} s ago were left for the next run (--settle 0 takes them now)",
                 stats.settling, options.settle_seconds);
  }
  if (files.unfinished() > 0) {
    spdlog::info("{} files with an unfinished-looking name (.part, .tmp, .crdownload, ~) were left out",
                 files.unfinished());
  }
  if (stats.documents == 0 && files.missing().empty()) {
    // An empty run always says why, so that nobody has to guess.
    if (stats.unchanged > 0 && stats.settling == 0 && files.unfinished() == 0) {
      spdlog::info("nothing processed: all {} files are unchanged since the state store saw them "
                   "(--reprocess processes them again)", stats.unchanged);
    } else if (stats.unchanged + stats.settling + files.unfinished() > 0) {
      spdlog::warn("nothing processed: {} files left to settle, {} unfinished, {} unchanged", stats.settling,
                   files.unfinished(), stats.unchanged);
    } else if (files.other_shards() > 0) {
      spdlog::warn("nothing processed: all {} files belong to other shards than {}", files.other_shards(),
                   options.shard);
    } else {
      spdlog::warn("nothing processed: no article files under the given paths (hidden files and vnie's own "
                   "files are not articles)");
    }
  }
  return (stats.rejected > 0 || !files.missing().empty()) ? kExitRejected : kExitOk;
}

}  // namespace

int RunCommand(const CommonOptions& common, const RunOptions& options, const SinkRegistry& sinks) {
  // Metrics on every exit path, so that a run that fails at start (a bad
  // option, a target or state store that cannot be opened) shows as failed.
  BatchStats stats;
  uint64_t unfinished = 0;
  bool owns_metrics = true;
  int status = Ingest(common, options, sinks, &stats, &unfinished, &owns_metrics);
  if (owns_metrics && !options.metrics_file.empty()) {
    WriteMetrics(options.metrics_file, stats, unfinished, status == kExitOk || status == kExitRejected);
  }
  return status;
}

}  // namespace vnie
