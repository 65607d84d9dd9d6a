// A thin RAII wrapper over the sqlite3 C API, shared by the SQLite sink and
// the state store.  Errors are thrown as std::runtime_error naming the file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vnie::sql {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Db;

// A prepared statement.  Bind parameters are 1-based, as in SQLite.
class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, const std::string& text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, const std::optional<std::string>& text);  // NULL when empty optional
  Stmt& Bind(int i, int64_t value);
  Stmt& BindNull(int i);
  // Empty strings bound as NULL (optional fields of the record).
  Stmt& BindOrNull(int i, std::string_view text) { return text.empty() ? BindNull(i) : Bind(i, text); }
  // Steps once: true when a row is available.
  bool Step();
  // Steps to completion and resets, for INSERT/DELETE/UPDATE.
  void Run();
  void Reset();
  std::string Text(int col) const;
  bool IsNull(int col) const;
  int64_t Int(int col) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  // Opens (creating) PATH.  busy_timeout makes concurrent writers wait.
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void Exec(std::string_view sql);
  // Rolls back the open transaction, if SQLite still has one (after some
  // errors, SQLITE_FULL among them, it has rolled back by itself), and never
  // throws: the error that led here is the one to report.
  void RollbackQuietly() noexcept;
  int64_t UserVersion();
  sqlite3* get() { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void Fail(std::string_view what);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace vnie::sql
