// The input of `vnie extract`: JSON Lines articles, read one bounded line at
// a time and turned into the text and facts the library takes.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

#include "vnie/vnie.h"

namespace vnie {

// One input line to the text of an article and what is known about it
// (vnie's own fields, then the names crawlers write).  Returns the reason
// when the line is not an article object.
std::optional<std::string> ArticleFromLine(const std::string& line, uint64_t line_number, std::string* text,
                                           api::Article* article);

// Reads the next line of IN into LINE (without its end), keeping at most MAX
// bytes: *TOO_LONG says the line was longer (its rest is skipped, so a huge
// line costs no memory).  False at the end of the input.
bool ReadBoundedLine(std::istream& in, std::string& line, uint64_t max, bool* too_long);

}  // namespace vnie
