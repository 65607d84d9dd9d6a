#include <stdexcept>

#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sqlite_sink.h"

namespace vnie {
namespace {
bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
std::string StripSlashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}
}  // namespace

std::string SinkFormatOf(const std::string& target) {
  std::string t = StripSlashes(target);
  if (t == "-" || EndsWith(t, ".jsonl") || EndsWith(t, ".json")) return "jsonl";
  if (EndsWith(t, ".db") || EndsWith(t, ".sqlite") || EndsWith(t, ".sqlite3")) return "sqlite";
  if (EndsWith(t, ".csv")) return "csv";
  return "";
}

std::unique_ptr<Sink> OpenSink(const std::string& target, const RecordOptions& options, const std::string& format) {
  // First: SinkFormatOf knows no postgresql:// form.
  if (IsPostgresTarget(target)) return OpenPostgresSink(target, options, "");
  std::string f = format.empty() ? SinkFormatOf(target) : format;
  if (f == "jsonl") return std::make_unique<JsonlSink>(target, options);
  if (f == "sqlite") return std::make_unique<SqliteSink>(target);
  if (f == "csv") return std::make_unique<CsvSink>(StripSlashes(target));
  if (!format.empty()) throw std::invalid_argument("unknown format '" + format + "': use jsonl, sqlite or csv");
  throw std::invalid_argument("no sink for output '" + RedactPassword(target) +
                              "': use '-' (stdout), a *.jsonl file, a *.db or *.sqlite file (SQLite) "
                              "or a *.csv folder (CSV tables)");
}

}  // namespace vnie
