#include <spdlog/spdlog.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/cli/commands.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sources/folder_source.h"

namespace vnie {
namespace {

std::optional<std::string> OptionalField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

// One input line to a Document ready for the chain; a line that is not an
// article object gives a rejected Document, so every input line has a record.
Document DocumentFromLine(const std::string& line, uint64_t line_number) {
  Document doc;
  doc.source.path = "";
  try {
    nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) doc.doc_id = id->get<std::string>();
    else if (id != j.end() && id->is_number_integer()) doc.doc_id = std::to_string(id->get<int64_t>());
    auto text = OptionalField(j, "text");
    if (!text) throw std::invalid_argument("no \"text\" field");
    doc.raw = std::move(*text);
    doc.encoding_hint = "UTF-8";
    doc.published_hint = OptionalField(j, "published");
    doc.lang_hint = OptionalField(j, "lang");
    doc.title_hint = OptionalField(j, "title");
  } catch (const std::exception& e) {
    doc.rejected = "input line " + std::to_string(line_number) + " is not an article: " + e.what();
  }
  doc.source.bytes = doc.raw.size();
  if (doc.doc_id.empty()) doc.doc_id = ContentId(doc.rejected ? line : doc.raw);
  return doc;
}

}  // namespace

int ExtractCommand(const CommonOptions& common) {
  auto chain = BuildChain(common);
  if (!chain) return kExitUsage;
  RecordOptions record_options{common.pipeline.emit_text};
  std::ios::sync_with_stdio(false);
  std::string line;
  uint64_t line_number = 0, rejected = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Document doc = DocumentFromLine(line, line_number);
    // An empty text is an empty document, rejected by decode with its reason.
    chain->Process(doc);
    if (doc.rejected) {
      ++rejected;
      spdlog::error("rejected input line {} ({}): {}", line_number, doc.doc_id, *doc.rejected);
    }
    std::string out = RecordLine(doc, record_options);
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
