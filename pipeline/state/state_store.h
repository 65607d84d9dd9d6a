// The state store of incremental runs: every source file seen, with its size,
// mtime, content hash, status and error.  A run asks it whether a file is
// unchanged and records files once their records are durably written (after
// the sink's Commit() or Finish()), so a crash between the two only makes the
// next run write some documents again, which every sink absorbs (SQLite and
// PostgreSQL replace rows by doc_id; JSON Lines and CSV rewrite the file).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vnie {

namespace sql {
class Db;
class Stmt;
}  // namespace sql

struct FileState {
  std::string path;  // absolute, normalized
  int64_t size = 0;
  int64_t mtime_ns = 0;
  std::string hash;    // the doc_id: XXH3-128 of the bytes
  std::string status;  // done | rejected
  std::string error;   // the rejection reason, or ""
  int64_t seen_at = 0; // Unix seconds of the run that recorded it
};

class StateStore {
 public:
  virtual ~StateStore() = default;
  // What was recorded for PATH, if anything.  Thread-safe.
  virtual std::optional<FileState> Get(const std::string& path) = 0;
  // Records FILES, all or none (one transaction).  Thread-safe.
  virtual void Record(const std::vector<FileState>& files) = 0;
  // Sets FILES aside, not recorded (Get() does not see them), until
  // RecordStaged().  For a run whose sink makes its records durable only at
  // the end: its files' states wait on disk, not in memory.  Thread-safe.
  virtual void Stage(const std::vector<FileState>& files) = 0;
  // Records every file staged so far, all or none, and forgets them.
  virtual void RecordStaged() = 0;
};

// The SQLite state store (table `files`, WAL mode).  Throws std::runtime_error
// when PATH cannot be opened.
class SqliteStateStore : public StateStore {
 public:
  explicit SqliteStateStore(const std::string& path);
  ~SqliteStateStore() override;
  std::optional<FileState> Get(const std::string& path) override;
  void Record(const std::vector<FileState>& files) override;
  // Staged files go to a TEMP table of this connection: gone if the run dies.
  void Stage(const std::vector<FileState>& files) override;
  void RecordStaged() override;

 private:
  void Put(sql::Stmt& stmt, const std::vector<FileState>& files);

  std::mutex mu_;
  std::unique_ptr<sql::Db> db_;
  std::unique_ptr<sql::Stmt> get_, put_, stage_;
};

// A lock held by one run: flock(LOCK_EX) on PATH (created if needed),
// released when the object goes (or the process dies, even by kill -9).
class RunLock {
 public:
  // Returns nullptr when another process holds the lock and WAIT is false;
  // with WAIT blocks until it is free.  Throws std::runtime_error when PATH
  // cannot be opened.
  static std::unique_ptr<RunLock> Acquire(const std::string& path, bool wait);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace vnie
