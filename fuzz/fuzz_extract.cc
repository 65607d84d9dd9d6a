// A libFuzzer target: `vnie extract`'s input reader and the library behind
// it, over arbitrary JSON Lines (any bytes, lines of any length, fields of
// any type), each article then extracted by the full chain.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "app/cli/extract_lines.h"
#include "vnie/vnie.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vnie::api::Pipeline pipeline{vnie::api::Options{}};
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  bool too_long = false;
  uint64_t line_number = 0;
  // A small line limit, so the bound's path is taken too.
  while (vnie::ReadBoundedLine(in, line, 4096, &too_long)) {
    ++line_number;
    if (too_long) continue;
    std::string text;
    vnie::api::Article article;
    if (vnie::ArticleFromLine(line, line_number, &text, &article)) {
      if (vnie::api::RejectedJson(line, "not an article", article.id).empty()) std::abort();
      continue;
    }
    vnie::api::Record record = pipeline.ExtractText(text, article);
    if (record.json.empty()) std::abort();
  }
  return 0;
}
