#include <spdlog/spdlog.h>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "vnie/vnie.h"
#include "app/cli/commands.h"
#include "app/cli/extract_lines.h"

namespace vnie {

int ExtractCommand(const CommonOptions& common) {
  // The command is a user of the library (include/vnie/vnie.h): it reads
  // the lines, the library makes the records.
  std::optional<api::Pipeline> pipeline;
  try {
    api::Options options;
    std::stringstream names(common.stages);
    for (std::string name; std::getline(names, name, ',');) {
      if (!name.empty()) options.stages.push_back(name);
    }
    options.emit_text = common.pipeline.emit_text;
    options.encoding = common.pipeline.encoding;
    pipeline.emplace(options);
  } catch (const std::invalid_argument& e) {
    spdlog::error("--stages: {}", e.what());
    return kExitUsage;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  uint64_t line_number = 0, rejected = 0;
  bool too_long = false;
  while (ReadBoundedLine(std::cin, line, common.max_bytes, &too_long)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string text;
    api::Article article;
    std::string out;
    std::optional<std::string> reason;
    if (too_long) {
      reason = "input line " + std::to_string(line_number) + " is over the limit of " +
               std::to_string(common.max_bytes) + " bytes (--max-bytes)";
    } else {
      reason = ArticleFromLine(line, line_number, &text, &article);
    }
    if (reason) {
      ++rejected;
      out = api::RejectedJson(line, *reason, article.id);
      spdlog::error("rejected input line {}: {}", line_number, *reason);
    } else {
      // An empty text is an empty document, rejected by decode with its reason.
      api::Record record = pipeline->ExtractText(text, article);
      if (record.rejected) {
        ++rejected;
        spdlog::error("rejected input line {} ({}): {}", line_number, record.doc_id, *record.rejected);
      }
      out = std::move(record.json);
    }
    out.push_back('\n');
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    std::cout.flush();
    if (!std::cout) {
      spdlog::error("cannot write to stdout");
      return kExitFatal;
    }
  }
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace vnie
