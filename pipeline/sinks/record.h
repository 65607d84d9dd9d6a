// The SPEC.md §3 record of a Document, as JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace vnie {

struct RecordOptions {
  bool emit_text = false;  // add the normalized body as "text"
};

// The record as one line of JSON (no newline), keys in SPEC.md's order.  A
// rejected document keeps what earlier stages found out (source, encoding)
// and empty mention lists.  Text that is not valid UTF-8 (a file name's raw
// bytes) has each bad sequence written as U+FFFD.
std::string RecordJson(const Document& doc, const RecordOptions& options);

// The same record as a JSON value.
nlohmann::ordered_json ToRecord(const Document& doc, const RecordOptions& options);

}  // namespace vnie
