// The SPEC.md §3 record of a Document, as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace vnie {

struct RecordOptions {
  bool emit_text = false;  // add the normalized body as "text"
};

// Builds the record with keys in SPEC.md's order.  A rejected document keeps
// what earlier stages found out (source, encoding) and empty mention lists.
nlohmann::ordered_json ToRecord(const Document& doc, const RecordOptions& options);

}  // namespace vnie
