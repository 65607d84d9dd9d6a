// The one list of the sinks vnie ships.  Each sink lives in its own file;
// this file only registers it with the forms of target it takes.
#include "app/builtin.h"
#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink_registry.h"
#include "pipeline/sinks/sqlite_sink.h"

namespace vnie {

SinkRegistry BuiltinSinks() {
  SinkRegistry registry;
  // name, forms, description, default target, keeps a state store, factory
  registry.Register({"sqlite", {".db", ".sqlite", ".sqlite3"}, "SQLite", "vnie.db", true, MakeSqliteSink});
  registry.Register({"csv", {".csv"}, "a folder of CSV tables", "vnie.csv", false, MakeCsvSink});
  registry.Register({"jsonl", {"-", ".jsonl", ".json"}, "JSON Lines, '-' is stdout", "vnie.jsonl", false, MakeJsonlSink});
  registry.Register({"postgresql", {"postgresql://", "postgres://"}, "PostgreSQL: postgresql://user@host:port/db", "",
                     false, MakePostgresSink});
  return registry;
}

}  // namespace vnie
