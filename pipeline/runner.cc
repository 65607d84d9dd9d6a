#include "pipeline/runner.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <memory>
#include <thread>

#include "pipeline/sources/crawler_json.h"
#include "pipeline/sources/warc_documents.h"

namespace fs = std::filesystem;

namespace vnie {
namespace {

using Clock = std::chrono::steady_clock;

// kTouch: same bytes, new mtime: state only.  kStateOnly: an archive with no
// pages: its state only.
enum class Kind { kNew, kChanged, kTouch, kStateOnly };

struct Item {
  Document doc;
  FileState state;
  Kind kind = Kind::kNew;
  std::string root;
  std::string file_path;  // the file's path as bytes (doc.source.path is its text form)
  // The documents of an archive share one file: its state is recorded with
  // the last of them, once every one is durable.
  bool from_archive = false;
  bool carries_state = true;
};

// The archive being read, one document ahead so that its last document is
// known when handed on.
struct OpenArchive {
  std::unique_ptr<WarcDocuments> documents;
  FileState state;
  Kind kind = Kind::kNew;
  std::string root;
  std::shared_ptr<Item> ahead;
};

int64_t NowSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

// Writes the bytes the run read (not the file as it is now: it may have
// changed, or be a link to something else) under DIR at the file's place
// below its root, readable by its owner only, with a .reason file beside it.
void Quarantine(const std::string& dir, const Item& item) {
  fs::path rel = fs::path(item.file_path).lexically_relative(item.root);
  // A file named on the command line is its own root (rel "."): it keeps its name.
  if (rel.empty() || rel == "." || rel.string().starts_with("..")) rel = fs::path(item.file_path).filename();
  fs::path dest = fs::path(dir) / rel;
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  auto write = [](const fs::path& path, std::string_view bytes) {
    // O_NOFOLLOW: a link planted in the quarantine folder is not written through.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = true;
    for (size_t done = 0; ok && done < bytes.size();) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += n;
    }
    return ::close(fd) == 0 && ok;
  };
  // A file too big to read, or unreadable, gets its reason only.
  bool read = !item.doc.source.unreadable && item.doc.raw.size() == item.doc.source.bytes;
  if (read && !write(dest, item.doc.raw)) {
    spdlog::warn("quarantine: cannot write {}: {}", PathText(dest.string()), std::strerror(errno));
  }
  std::string reason = item.doc.source.path + ": " + *item.doc.rejected + "\n";
  if (!write(dest.string() + ".reason", reason)) {
    spdlog::warn("quarantine: cannot write {}.reason: {}", PathText(dest.string()), std::strerror(errno));
  }
}

std::string Duration(double s) {
  char buf[32];
  int64_t t = static_cast<int64_t>(s);
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(t / 3600),
                static_cast<long long>(t / 60 % 60), static_cast<long long>(t % 60));
  return buf;
}

}  // namespace

BatchStats RunBatch(const std::vector<SourceFile>& files, const StageChain& chain, Sink& sink,
                    const BatchOptions& options) {
  BatchOptions with_total = options;
  if (options.progress && !options.count_bytes) {
    with_total.count_bytes = [&files](std::stop_token stop) {
      uint64_t total = 0;
      for (const auto& f : files) {
        if (stop.stop_requested()) break;
        std::error_code ec;
        auto n = fs::file_size(f.path, ec);
        if (!ec) total += n;
      }
      return total;
    };
  }
  size_t i = 0;
  return RunBatch(
      [&](SourceFile* file) {
        if (i == files.size()) return false;
        *file = files[i++];
        return true;
      },
      chain, sink, with_total);
}

BatchStats RunBatch(const NextSourceFile& next_file, const StageChain& chain, Sink& sink,
                    const BatchOptions& options) {
  BatchStats stats;
  const auto start = Clock::now();
  const int jobs = std::max(1, options.jobs);
  const int64_t now_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  // The total for the ETA is counted beside the batch (a second walk that
  // keeps only a sum), so the batch starts at once and keeps no list.
  std::atomic<uint64_t> total_bytes = 0;
  std::atomic<bool> total_known = false;
  std::jthread counter;  // declared after what it writes: joined before they go
  if (options.progress && options.count_bytes) {
    counter = std::jthread([&](std::stop_token stop) {
      try {
        uint64_t total = options.count_bytes(stop);
        if (stop.stop_requested()) return;
        total_bytes = total;
        total_known = true;
      } catch (const std::exception& e) {
        spdlog::debug("progress: cannot count the input: {}", e.what());
      }
    });
  }

  std::vector<FileState> pending;  // written, not yet durable
  uint64_t since_commit = 0;
  auto last_commit = Clock::now();
  auto last_progress = Clock::now() - std::chrono::seconds(1);
  // The read stage and the write stage run on different threads: counters
  // they both touch are atomic; the rest belong to one stage each.
  std::atomic<uint64_t> seen_bytes = 0, skipped_unchanged = 0;

  std::optional<OpenArchive> archive;
  uint64_t archive_skipped = 0;  // written by the serial read stage only
  // The next item of the open archive: a document, or at its end the
  // archive's state (with its last document when it had one).
  auto next_of_archive = [&]() -> std::shared_ptr<Item> {
    for (;;) {
      Document doc;
      if (archive->documents->Next(&doc)) {
        auto item = std::make_shared<Item>();
        item->doc = std::move(doc);
        item->root = archive->root;
        item->kind = archive->kind;
        item->from_archive = true;
        item->carries_state = false;
        if (auto out = std::exchange(archive->ahead, item)) return out;
        continue;
      }
      std::shared_ptr<Item> last = std::move(archive->ahead);
      if (!last) {
        last = std::make_shared<Item>();
        last->kind = Kind::kStateOnly;
        last->root = archive->root;
        last->from_archive = true;
      }
      last->state = archive->state;
      last->carries_state = true;
      archive_skipped += archive->documents->skipped();
      archive.reset();
      return last;
    }
  };

  // An output error stops the batch: the reading stops, the documents in
  // flight drain without being written, and the error is thrown once the
  // pipeline is done (an exception thrown through the pipeline would leave
  // the documents in flight behind).
  std::exception_ptr output_error;
  std::atomic<bool> stopping = false;

  auto produce = [&](tbb::flow_control& fc) -> std::shared_ptr<Item> {
    if (stopping) {
      fc.stop();
      return nullptr;
    }
    if (archive) return next_of_archive();
    SourceFile file;
    while (next_file(&file)) {
      auto item = std::make_shared<Item>();
      item->root = file.root;
      // Keyed by absolute path, so `vnie run landing` and `vnie run ./landing/`
      // share their state.
      std::error_code abs_ec;
      item->state.path = fs::absolute(file.path, abs_ec).lexically_normal().string();
      if (abs_ec) item->state.path = file.path;
      struct stat st {};
      if (::stat(file.path.c_str(), &st) == 0) {
        item->state.size = st.st_size;
        item->state.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        if (options.settle_seconds > 0 && now_ns - item->state.mtime_ns < options.settle_seconds * 1000000000LL) {
          ++stats.settling;
          spdlog::debug("{}: modified less than {} s ago, left for the next run", file.path, options.settle_seconds);
          continue;
        }
      }
      std::optional<FileState> prev;
      if (options.state != nullptr) {
        prev = options.state->Get(item->state.path);
        // A file that could not be read is tried again, changed or not.
        if (prev && !options.reprocess && prev->status != "unreadable" && prev->size == item->state.size &&
            prev->mtime_ns == item->state.mtime_ns) {
          ++skipped_unchanged;
          seen_bytes += item->state.size;
          continue;
        }
      }
      if (IsWarcFile(file.path)) {
        // Its pages are read one record at a time; no hash of the whole
        // archive, so a touched archive is read again.
        archive.emplace();
        archive->documents = std::make_unique<WarcDocuments>(file, options.max_bytes);
        archive->state = std::move(item->state);
        archive->kind = prev ? Kind::kChanged : Kind::kNew;
        archive->root = file.root;
        return next_of_archive();
      }
      item->doc = ReadSourceFile(file, options.max_bytes);
      item->file_path = file.path;
      item->state.hash = item->doc.doc_id;
      if (prev) {
        item->kind = Kind::kChanged;
        if (!options.reprocess && prev->hash == item->doc.doc_id) {
          // Touched but the same bytes: only the state's mtime moves.
          item->kind = Kind::kTouch;
          item->state.status = prev->status;
          item->state.error = prev->error;
        }
      }
      return item;
    }
    fc.stop();
    return nullptr;
  };

  auto process = [&](std::shared_ptr<Item> item) -> std::shared_ptr<Item> {
    if (!stopping && item->kind != Kind::kTouch && item->kind != Kind::kStateOnly) {
      // A crawler's article file is read as the article it holds (here, so
      // that files are parsed in parallel).
      if (!item->from_archive && IsCrawlerJsonFile(item->file_path)) ReadCrawlerJson(item->doc, options.max_bytes);
      chain.Process(item->doc);
    }
    return item;
  };

  auto record_durable = [&](bool force) {
    // With no state store the states have nowhere to go: kept, they would
    // grow with the number of documents.
    if (!options.state) pending.clear();
    ++since_commit;
    if (!force && since_commit < static_cast<uint64_t>(options.commit_every) &&
        Clock::now() - last_commit < std::chrono::seconds(1)) {
      return;
    }
    if (sink.Commit()) {
      if (options.state) options.state->Record(pending);
      pending.clear();
    } else if (options.state) {
      // Durable only at Finish(): the states wait in the store, not here, so
      // memory does not grow with the run.
      options.state->Stage(pending);
      pending.clear();
    }
    since_commit = 0;
    last_commit = Clock::now();
  };

  auto show_progress = [&](bool final) {
    if (!options.progress) return;
    auto t = Clock::now();
    if (!final && t - last_progress < std::chrono::milliseconds(250)) return;
    last_progress = t;
    double secs = std::chrono::duration<double>(t - start).count();
    double mb = seen_bytes.load() / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    std::string eta = "--:--:--";
    uint64_t seen = seen_bytes.load();
    const bool known = total_known.load();
    const uint64_t total = total_bytes.load();
    if (known && total > 0 && rate > 0 && seen <= total) eta = Duration((total - seen) / 1e6 / rate);
    char of[32] = "";
    if (known) std::snprintf(of, sizeof of, " / %.1f", total / 1e6);
    uint64_t done = stats.documents + stats.unchanged + skipped_unchanged.load();
    std::fprintf(stderr, "\r%llu documents, %.1f%s MB, %.2f MB/s, %.0f docs/s, ETA %s   %s",
                 static_cast<unsigned long long>(done), mb, of, rate, secs > 0 ? done / secs : 0.0, eta.c_str(),
                 final ? "\n" : "");
    std::fflush(stderr);
  };

  auto write = [&](std::shared_ptr<Item> item) {
    Document& doc = item->doc;
    if (!item->from_archive) seen_bytes += std::max<uint64_t>(doc.raw.size(), item->state.size);
    else if (item->carries_state) seen_bytes += item->state.size;
    if (item->kind == Kind::kStateOnly) {
      item->state.status = "done";
      item->state.seen_at = NowSeconds();
      pending.push_back(std::move(item->state));
      record_durable(false);
      return;
    }
    if (item->kind == Kind::kTouch) {
      ++stats.unchanged;
      item->state.seen_at = NowSeconds();
      pending.push_back(std::move(item->state));
      record_durable(false);
      show_progress(false);
      return;
    }
    stats.bytes += doc.raw.size();
    ++stats.documents;
    if (item->carries_state) ++(item->kind == Kind::kNew ? stats.new_files : stats.changed);
    if (doc.rejected) {
      ++stats.rejected;
      spdlog::error("rejected {}: {}", doc.source.path, *doc.rejected);
      // An archive is not copied once per bad record: its records' reasons are in the log and the sink.
      if (!options.quarantine.empty() && !item->from_archive) Quarantine(options.quarantine, *item);
    } else {
      spdlog::debug("done {} ({} bytes, {})", doc.source.path, doc.raw.size(), doc.encoding);
    }
    sink.Write(doc);
    if (item->carries_state) {
      item->state.status = !doc.rejected ? "done" : doc.source.unreadable ? "unreadable" : "rejected";
      item->state.error = doc.rejected ? *doc.rejected : "";
      item->state.seen_at = NowSeconds();
      pending.push_back(std::move(item->state));
    }
    record_durable(false);
    show_progress(false);
  };

  auto consume = [&](std::shared_ptr<Item> item) {
    if (stopping) return;
    try {
      write(std::move(item));
    } catch (...) {
      output_error = std::current_exception();
      stopping = true;
    }
  };

  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<size_t>(jobs) * 4,
        tbb::make_filter<void, std::shared_ptr<Item>>(tbb::filter_mode::serial_in_order, produce) &
            tbb::make_filter<std::shared_ptr<Item>, std::shared_ptr<Item>>(tbb::filter_mode::parallel, process) &
            tbb::make_filter<std::shared_ptr<Item>, void>(tbb::filter_mode::serial_in_order, consume));
  });
  if (output_error) std::rethrow_exception(output_error);
  if (sink.Commit() && options.state) {
    options.state->Record(pending);
    pending.clear();
  }
  sink.Finish();
  if (options.state) {
    options.state->RecordStaged();
    options.state->Record(pending);
  }
  stats.unchanged += skipped_unchanged.load();
  stats.archive_skipped = archive_skipped;
  show_progress(true);
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

}  // namespace vnie
