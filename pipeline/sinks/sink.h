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
  // Batch-commit hook, called by the runner every few hundred documents:
  // makes every record written so far durable at the target and returns
  // true.  A sink that makes records durable only in Finish() (a file renamed
  // into place) returns false, the default; the runner then records its
  // documents in the state store only after Finish().
  virtual bool Commit() { return false; }
  // Makes everything written durable and visible at the target.
  virtual void Finish() = 0;
};

}  // namespace vnie
