// PostgreSQL sink: records into the tables of pipeline/sinks/postgres_schema.sql.
//
//   vnie run corpus/ --out postgresql://vnie@db.example:5432/news --pg-schema vnie
//
// The target is a libpq connection URI (postgresql:// or postgres://); what it
// leaves out comes from the PG* environment variables (PGHOST, PGPORT, PGUSER,
// PGPASSWORD, PGDATABASE, ...) and ~/.pgpass, as for psql.  The database must
// use the UTF8 encoding.
//
// Documents are buffered and written in batches: each batch is copied (COPY)
// into temporary staging tables and merged in the same transaction, which
// upserts `documents` by doc_id and replaces the document's rows in the mention
// tables; a document from a source path that held another doc_id (a changed
// file) replaces that document.  Writing a folder twice therefore leaves the
// same rows, and several runs (shards) may write into the same schema at once.
//
// Failures: a batch that fails because the connection dropped, the server
// restarted or a transaction lost a deadlock is retried, with the connection
// reopened, after a backoff that doubles up to a bound, a bounded number of
// times; every retry is logged.  Since a batch replaces its documents' rows,
// a retried batch never leaves a document twice.  A permanent failure (bad
// credentials, no such database, no privilege, retries exhausted) throws
// SinkError with a message that names the target (without its password).
#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_registry.h"

namespace vnie {

struct PostgresSinkOptions {
  std::string schema = "vnie";        // created when missing
  size_t batch_documents = 500;       // a batch is committed at this many documents
  size_t batch_bytes = 16u << 20;     // ... or at this many bytes of COPY data
  int max_attempts = 8;               // tries per batch (and per connection) before giving up
  std::chrono::milliseconds first_backoff{250};  // wait before the first retry, doubled each time
  std::chrono::milliseconds max_backoff{8000};
};

// A document whose rows are committed in the database.
struct CommittedDocument {
  std::string doc_id;
  std::string source_path;
};

// Called after each commit with the documents it made durable, in the order
// they were written.  A state store marks files done from here, never from
// Write(): a document written but not yet committed may still be lost.
using CommitListener = std::function<void(const std::vector<CommittedDocument>&)>;

class PostgresSink : public Sink {
 public:
  // Connects to URI, creates SCHEMA and its tables or migrates them to the
  // version this vnie knows.  Throws std::invalid_argument for a URI libpq
  // cannot parse and SinkError when the database cannot be used.
  PostgresSink(const std::string& uri, RecordOptions record_options, PostgresSinkOptions options);
  ~PostgresSink() override;

  // Buffers DOC's rows; commits the batch when it is full.  Throws SinkError.
  void Write(const Document& doc) override;
  // Commits every buffered document; on return they are durable.
  void Flush();
  // The runner's batch-commit hook: Flush(), then true (the records written
  // so far are durable, so a state store may mark their files done).
  bool Commit() override;
  // Flush(), then closes the connection.
  void Finish() override;

  void SetCommitListener(CommitListener listener) { listener_ = std::move(listener); }

  // The target as user@host:port/database, without a password, for messages.
  const std::string& target() const { return target_; }

 private:
  struct Batch {
    std::string documents, dates, money, officials, official_mentions;  // COPY text rows
    std::vector<CommittedDocument> members;
    std::unordered_set<std::string> doc_ids;
    size_t bytes() const;
    void Clear();
  };
  enum class Outcome { kDone, kRetry, kFatal };
  struct Attempt {
    Outcome outcome = Outcome::kDone;
    std::string error;
  };

  Attempt Connect();
  Attempt Migrate();
  Attempt CommitBatch();
  Attempt Exec(const std::string& sql);
  Attempt Copy(const char* table, const std::string& rows);
  Attempt FailureOf(PGresult* result, const std::string& what);
  void Disconnect();
  void Backoff(int attempt, const std::string& what, const std::string& error);

  std::string uri_;
  std::string target_;
  RecordOptions record_options_;
  PostgresSinkOptions options_;
  PGconn* conn_ = nullptr;
  bool migrated_ = false;
  Batch batch_;
  CommitListener listener_;
};

// The sink for `--out URI --pg-schema SCHEMA` ("" for the default schema).
// The batch size may be set with the environment variable VNIE_PG_BATCH
// (documents per transaction).  Throws as the constructor does.
std::unique_ptr<PostgresSink> OpenPostgresSink(const std::string& uri, const RecordOptions& record_options,
                                               const std::string& schema);

// TARGET fit for a log: a URI (anything with "://") with its password (in
// the user part, which runs to the last '@' before the query, or in a
// password= parameter) replaced by "***"; any other target as is.
std::string RedactPassword(const std::string& target);

// MESSAGE with every password of URI (as written and percent-decoded)
// replaced by "***".
std::string ScrubPasswords(std::string message, const std::string& uri);

// Why the PostgreSQL URI cannot be read safely (a '%' without two hex digits,
// an unencoded '/' or '@' in the user part, an unclosed IPv6 '[', a query
// parameter without one '='), or "" when its form is sound.  The reasons
// quote nothing of the URI.
std::string PostgresUriProblem(const std::string& uri);

// The COPY text-format field for VALUE: backslash escapes for '\\', tab,
// newline and carriage return; invalid UTF-8 replaced by U+FFFD and NUL
// dropped, which PostgreSQL text cannot hold.  Appended to OUT.
void AppendCopyField(std::string& out, std::string_view value);

// "YYYY-MM-DD" when VALUE starts with a valid calendar day in years 1..9999
// ("2020-02-24", "2020-02-24T11:03"), else "".
std::string IsoDayPrefix(std::string_view value);

// The sink for a postgresql:// TARGET in the schema OPTIONS.schema, for the
// registry: OpenPostgresSink().
std::unique_ptr<Sink> MakePostgresSink(const std::string& target, const SinkOptions& options);

}  // namespace vnie
