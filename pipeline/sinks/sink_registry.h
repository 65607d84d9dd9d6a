// The registry of sinks, which picks the sink for a target by its form.
//
//   SinkRegistry sinks = BuiltinSinks();   // app/builtin.h
//   const SinkInfo* info = sinks.Choose("news.db", "", &error);   // sqlite
//   std::unique_ptr<Sink> sink = info->factory("news.db", SinkOptions{});
//
// Each sink is registered once with everything `vnie run` needs to know of
// it: its name (the --format value), the forms of target it takes, its
// default target, whether it keeps a state store by default, and its factory.
// The --out and --format help, the default target and the state store's
// default are read from here.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/sinks/record.h"
#include "pipeline/sinks/sink.h"

namespace vnie {

// Settings a sink may read; set from the command line.
struct SinkOptions {
  RecordOptions record;  // --emit-text
  std::string schema;    // --pg-schema: the database schema, for a sink that has one ("" = its default)
};

// Opens the sink for TARGET.  Throws std::invalid_argument for a target the
// sink cannot read and SinkError when the target cannot be written.
using SinkFactory = std::function<std::unique_ptr<Sink>(const std::string& target, const SinkOptions&)>;

struct SinkInfo {
  std::string name;  // the --format value: "sqlite"
  // The forms of target the sink takes: a suffix (".db"), a URI scheme
  // ("postgresql://", a prefix) or a whole target ("-").  A suffix is matched
  // after trailing slashes (a folder written "out.csv/").
  std::vector<std::string> forms;
  std::string description;  // what the target is, for help and messages: "SQLite"
  // The target when --out is not given and --format names this sink; "" when
  // --format cannot name it (its target is never a default file: a URI).
  std::string default_target;
  bool keeps_state = false;  // a state store TARGET.state by default
  SinkFactory factory;
};

class SinkRegistry {
 public:
  // Registers INFO; the first registered sink with a default target is the
  // default sink.  A name registered again replaces the earlier entry.
  void Register(SinkInfo info);

  // The sink for TARGET: a URI scheme form first (a URI is never a file),
  // then FORMAT when not empty, then the target's form.  Returns nullptr and
  // sets *ERROR to a message naming the forms known when none fits.
  const SinkInfo* Choose(const std::string& target, const std::string& format, std::string* error) const;
  // Choose() and its factory.  Throws std::invalid_argument when no sink
  // fits and whatever the factory throws.
  std::unique_ptr<Sink> Open(const std::string& target, const SinkOptions& options,
                             const std::string& format = "") const;

  // The target when --out is not given: FORMAT's default target, or the
  // default sink's when FORMAT is "".
  std::string DefaultTarget(const std::string& format) const;
  // True when TARGET has a sink's URI scheme form: not a file.
  bool IsUri(const std::string& target) const;

  // The names --format takes (sinks with a default target), in order.
  std::vector<std::string> FormatNames() const;
  // Help text: "*.db, *.sqlite or *.sqlite3 (SQLite, default vnie.db); ..."
  // and "sqlite, csv or jsonl".
  std::string TargetHelp() const;
  std::string FormatHelp() const;

  const std::vector<SinkInfo>& sinks() const { return sinks_; }

 private:
  std::vector<SinkInfo> sinks_;  // in registration order
};

}  // namespace vnie
