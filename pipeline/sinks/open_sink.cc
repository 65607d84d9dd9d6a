#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sinks/sink.h"

#include <stdexcept>

namespace vnie {
namespace {
bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::unique_ptr<Sink> OpenSink(const std::string& target, const RecordOptions& options) {
  if (IsPostgresTarget(target)) return OpenPostgresSink(target, options, "");
  if (target == "-" || EndsWith(target, ".jsonl") || EndsWith(target, ".json")) {
    return std::make_unique<JsonlSink>(target, options);
  }
  throw std::invalid_argument("no sink for output '" + target +
                  "': use '-' (stdout) or a *.jsonl file");
}

}  // namespace vnie
