#include "pipeline/state/state_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "pipeline/sqlite/sqlite_db.h"

namespace vnie {

SqliteStateStore::SqliteStateStore(const std::string& path) {
  db_ = std::make_unique<sql::Db>(path);
  db_->Exec("PRAGMA journal_mode = WAL");
  db_->Exec("PRAGMA synchronous = NORMAL");
  db_->Exec(R"(CREATE TABLE IF NOT EXISTS files (
  path     TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  hash     TEXT NOT NULL,
  status   TEXT NOT NULL,   -- done | rejected
  error    TEXT,
  seen_at  INTEGER NOT NULL -- Unix seconds
))");
  db_->Exec(R"(CREATE TEMP TABLE IF NOT EXISTS staged (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL,
  status TEXT NOT NULL, error TEXT, seen_at INTEGER NOT NULL
))");
  get_ = std::make_unique<sql::Stmt>(*db_, "SELECT size, mtime_ns, hash, status, error, seen_at FROM files WHERE path = ?1");
  put_ = std::make_unique<sql::Stmt>(
      *db_, "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, error, seen_at) VALUES (?1,?2,?3,?4,?5,?6,?7)");
  stage_ = std::make_unique<sql::Stmt>(
      *db_,
      "INSERT OR REPLACE INTO temp.staged (path, size, mtime_ns, hash, status, error, seen_at) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7)");
}

SqliteStateStore::~SqliteStateStore() {
  get_.reset();
  put_.reset();
  stage_.reset();
}

std::optional<FileState> SqliteStateStore::Get(const std::string& path) {
  std::lock_guard lock(mu_);
  get_->Bind(1, path);
  std::optional<FileState> out;
  if (get_->Step()) {
    out = FileState{path, get_->Int(0), get_->Int(1), get_->Text(2), get_->Text(3), get_->Text(4), get_->Int(5)};
  }
  get_->Reset();
  return out;
}

void SqliteStateStore::Put(sql::Stmt& stmt, const std::vector<FileState>& files) {
  db_->Exec("BEGIN IMMEDIATE");
  try {
    for (const auto& f : files) {
      stmt.Bind(1, f.path).Bind(2, f.size).Bind(3, f.mtime_ns).Bind(4, f.hash).Bind(5, f.status);
      stmt.BindOrNull(6, f.error).Bind(7, f.seen_at).Run();
    }
    db_->Exec("COMMIT");
  } catch (...) {
    stmt.Reset();
    db_->RollbackQuietly();
    throw;
  }
}

void SqliteStateStore::Record(const std::vector<FileState>& files) {
  if (files.empty()) return;
  std::lock_guard lock(mu_);
  Put(*put_, files);
}

void SqliteStateStore::Stage(const std::vector<FileState>& files) {
  if (files.empty()) return;
  std::lock_guard lock(mu_);
  Put(*stage_, files);
}

void SqliteStateStore::RecordStaged() {
  std::lock_guard lock(mu_);
  db_->Exec("BEGIN IMMEDIATE");
  try {
    db_->Exec(
        "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, error, seen_at) "
        "SELECT path, size, mtime_ns, hash, status, error, seen_at FROM temp.staged");
    db_->Exec("DELETE FROM temp.staged");
    db_->Exec("COMMIT");
  } catch (...) {
    db_->RollbackQuietly();
    throw;
  }
}

std::unique_ptr<RunLock> RunLock::Acquire(const std::string& path, bool wait) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open lock file " + path + ": " + std::strerror(errno));
  while (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    if (errno == EINTR) continue;
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) return nullptr;
    throw std::runtime_error("cannot lock " + path + ": " + std::strerror(err));
  }
  return std::unique_ptr<RunLock>(new RunLock(fd));
}

RunLock::~RunLock() { ::close(fd_); }

}  // namespace vnie
