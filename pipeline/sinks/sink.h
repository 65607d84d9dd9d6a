// Where records go.  A sink receives documents in input order, from one
// thread.  Errors that make the output unwritable are thrown as SinkError:
// the command reports them and exits with status 3.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "pipeline/document.h"
#include "pipeline/sinks/record.h"

namespace vnie {

class SinkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Writes DOC's record.  A record is written whole or not at all.
  virtual void Write(const Document& doc) = 0;
  // Makes everything written durable and visible at the target.
  virtual void Finish() = 0;
};

// Picks the sink for TARGET by its form (SPEC.md §2): "-" or *.jsonl.
// Throws std::invalid_argument for a target no sink accepts (a usage error,
// naming the forms known) and SinkError when the target cannot be written.
std::unique_ptr<Sink> OpenSink(const std::string& target, const RecordOptions& options);

}  // namespace vnie
