// SQLite sink: the embedded default (`vnie run DIR` writes vnie.db).  Tables
// and columns are in sqlite_schema.sql (compiled in).  Records are written in
// transactions of whole documents, committed by Commit() and Finish();
// writing a doc_id again replaces its rows, and so does writing another
// document from the same source path (a changed file), so a rerun is
// idempotent.  The database is in WAL mode: readers query while a run writes.
#pragma once

#include <memory>
#include <string>

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_registry.h"

namespace vnie {

namespace sql {
class Db;
class Stmt;
}  // namespace sql

// The schema version this vnie writes (PRAGMA user_version and meta).
inline constexpr int kSqliteSchemaVersion = 2;

class SqliteSink : public Sink {
 public:
  // Opens or creates PATH, creating the tables or migrating an older schema.
  // Throws SinkError when PATH cannot be opened or was made by a newer vnie.
  explicit SqliteSink(const std::string& path);
  ~SqliteSink() override;
  void Write(const Document& doc) override;
  bool Commit() override;
  void Finish() override;

 private:
  void Begin();
  std::string path_;
  std::unique_ptr<sql::Db> db_;
  std::unique_ptr<sql::Stmt> delete_;
  std::unique_ptr<sql::Stmt> insert_[5];
  bool in_transaction_ = false;
};

// The sink for a *.db TARGET, for the registry.
std::unique_ptr<Sink> MakeSqliteSink(const std::string& target, const SinkOptions& options);

}  // namespace vnie
