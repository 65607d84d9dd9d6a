#include "pipeline/sinks/sqlite_sink.h"

#include <string_view>
#include <vector>

#include "pipeline/data/embedded_data.h"
#include "pipeline/sinks/tables.h"
#include "pipeline/sqlite/sqlite_db.h"

namespace vnie {
namespace {

// kMigrations[v - 1] takes a database from schema version v to v + 1.  A new
// schema version appends its step here and updates sqlite_schema.sql (which
// creates the newest schema from scratch) and kSqliteSchemaVersion.
const std::vector<std::string_view> kMigrations = {
    // 1 -> 2: where a document came from on the web, and its place in an archive.
    "ALTER TABLE documents ADD COLUMN source_url TEXT; ALTER TABLE documents ADD COLUMN source_offset INTEGER;",
};
static_assert(kSqliteSchemaVersion >= 1);

void OpenSchema(sql::Db& db) {
  int64_t version = db.UserVersion();
  if (version > kSqliteSchemaVersion) {
    throw SinkError(db.path() + " has schema version " + std::to_string(version) + ", newer than this vnie's " +
                    std::to_string(kSqliteSchemaVersion) + ": use a newer vnie or another --out");
  }
  if (version == 0) {
    db.Exec("BEGIN IMMEDIATE");
    // Another run may have created it meanwhile: the DDL is IF NOT EXISTS.
    db.Exec(EmbeddedData("pipeline/sinks/sqlite_schema.sql"));
    db.Exec("COMMIT");
    return;
  }
  while (version < kSqliteSchemaVersion) {
    if (static_cast<size_t>(version - 1) >= kMigrations.size()) {
      throw SinkError(db.path() + ": no migration from schema version " + std::to_string(version));
    }
    db.Exec("BEGIN IMMEDIATE");
    db.Exec(kMigrations[version - 1]);
    ++version;
    db.Exec("PRAGMA user_version = " + std::to_string(version));
    db.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" + std::to_string(version) + "')");
    db.Exec("COMMIT");
  }
}

}  // namespace

SqliteSink::SqliteSink(const std::string& path) : path_(path) {
  try {
    db_ = std::make_unique<sql::Db>(path);
    db_->Exec("PRAGMA journal_mode = WAL");
    // FULL: a committed batch survives a power cut, not only a killed process.
    db_->Exec("PRAGMA synchronous = FULL");
    db_->Exec("PRAGMA foreign_keys = ON");
    OpenSchema(*db_);
    delete_ = std::make_unique<sql::Stmt>(*db_, "DELETE FROM documents WHERE doc_id = ?1 OR (source_path = ?2 AND source_offset IS ?3)");
    const auto& tables = OutputTables();
    for (size_t t = 0; t < tables.size(); ++t) {
      std::string sql = "INSERT INTO " + std::string(tables[t].name) + " (";
      std::string params;
      for (size_t c = 0; c < tables[t].columns.size(); ++c) {
        if (c) sql += ", ", params += ", ";
        sql += tables[t].columns[c];
        params += '?';
        params += std::to_string(c + 1);
      }
      sql += ") VALUES (" + params + ")";
      insert_[t] = std::make_unique<sql::Stmt>(*db_, sql);
    }
  } catch (const sql::Error& e) {
    throw SinkError(std::string(e.what()) + " (check that the folder exists and is writable)");
  }
}

SqliteSink::~SqliteSink() {
  // Not finished: an error; the open transaction is rolled back by closing.
  for (auto& s : insert_) s.reset();
  delete_.reset();
  if (db_ && in_transaction_) db_->RollbackQuietly();
}

void SqliteSink::Begin() {
  if (in_transaction_) return;
  db_->Exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
}

void SqliteSink::Write(const Document& doc) {
  try {
    Begin();
    db_->Exec("SAVEPOINT doc");
    try {
      delete_->Bind(1, doc.doc_id).Bind(2, doc.source.path);
      // A changed file replaces the document it held; an archive's record,
      // the one that stood at its offset.
      if (doc.source.offset) delete_->Bind(3, static_cast<int64_t>(*doc.source.offset));
      else delete_->BindNull(3);
      delete_->Run();
      auto rows = TableRows(doc);
      for (size_t t = 0; t < rows.size(); ++t) {
        for (const Row& row : rows[t]) {
          for (size_t c = 0; c < row.size(); ++c) insert_[t]->Bind(static_cast<int>(c + 1), row[c]);
          insert_[t]->Run();
        }
      }
    } catch (...) {
      delete_->Reset();
      for (auto& s : insert_) s->Reset();
      try {
        db_->Exec("ROLLBACK TO doc");
        db_->Exec("RELEASE doc");
      } catch (const sql::Error&) {
        // SQLite rolled the whole transaction back (a full disk): the first
        // error is the one to report, and the run stops on it.
        in_transaction_ = false;
      }
      throw;
    }
    db_->Exec("RELEASE doc");
  } catch (const sql::Error& e) {
    throw SinkError(e.what());
  }
}

bool SqliteSink::Commit() {
  if (!in_transaction_) return true;
  try {
    db_->Exec("COMMIT");
  } catch (const sql::Error& e) {
    throw SinkError(e.what());
  }
  in_transaction_ = false;
  return true;
}

void SqliteSink::Finish() {
  Commit();
  try {
    db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (const sql::Error&) {
    // Readers may hold the WAL; SQLite checkpoints later.
  }
}

std::unique_ptr<Sink> MakeSqliteSink(const std::string& target, const SinkOptions&) {
  return std::make_unique<SqliteSink>(target);
}

}  // namespace vnie
