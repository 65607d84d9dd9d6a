#include <spdlog/spdlog.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/cli/commands.h"
#include "pipeline/html/page_metadata.h"
#include "pipeline/metadata/published.h"
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

std::optional<std::string> FirstField(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto value = OptionalField(j, key)) return value;
  }
  return std::nullopt;
}

// A given language, case-folded: "en" or "vi"; anything else is left to
// detection, with a warning.
std::optional<std::string> LanguageOf(const std::optional<std::string>& given, uint64_t line_number) {
  if (!given) return std::nullopt;
  std::string lang = *given;
  for (char& c : lang) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lang == "en" || lang == "vi") return lang;
  spdlog::warn("input line {}: lang '{}' is neither en nor vi; the language is detected instead", line_number, *given);
  return std::nullopt;
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
    // vnie's own fields, then the names crawlers write: news-please
    // (maintext, date_publish, language, url) and trafilatura (text, date,
    // url); an HTML page in "html" is read as a page.
    auto text = FirstField(j, {"text", "maintext"});
    if (!text) {
      text = OptionalField(j, "html");
      doc.is_html = text.has_value();
    }
    if (!text) throw std::invalid_argument("no \"text\", \"maintext\" or \"html\" field");
    doc.raw = std::move(*text);
    doc.encoding_hint = "UTF-8";
    // `published` in SPEC's form, or a machine timestamp that gives it
    // ("2024-07-02T11:03:00+07:00"); else a crawler's date field.  A date
    // that is neither is no anchor for "last year": dropped with a warning.
    auto given = OptionalField(j, "published");
    auto crawled = given ? std::nullopt : FirstField(j, {"date_publish", "date"});
    if (given) doc.published_hint = IsSpecPublished(*given) ? given : SpecDateOf(*given);
    else if (crawled) doc.published_hint = SpecDateOf(*crawled);
    if (given && !doc.published_hint) {
      spdlog::warn("input line {}: published '{}' is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with a "
                   "real date in the years 1000-2999; ignored",
                   line_number, *given);
    } else if (crawled && !doc.published_hint) {
      spdlog::warn("input line {}: date '{}' not understood; ignored", line_number, *crawled);
    }
    doc.lang_hint = LanguageOf(FirstField(j, {"lang", "language"}), line_number);
    doc.title_hint = OptionalField(j, "title");
    doc.source.url = OptionalField(j, "url");
  } catch (const std::exception& e) {
    doc.rejected = "input line " + std::to_string(line_number) + " is not an article: " + e.what();
  }
  doc.source.bytes = doc.raw.size();
  if (doc.doc_id.empty()) doc.doc_id = ContentId(doc.rejected ? line : doc.raw);
  return doc;
}

// Reads the next line of IN into LINE (without its end), keeping at most MAX
// bytes: *TOO_LONG says the line was longer (its rest is skipped, so a huge
// line costs no memory).  False at the end of the input.
bool ReadBoundedLine(std::istream& in, std::string& line, uint64_t max, bool* too_long) {
  line.clear();
  *too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (int c; (c = buf->sbumpc()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < max) line.push_back(static_cast<char>(c));
    else *too_long = true;
  }
  return any;
}

}  // namespace

int ExtractCommand(const CommonOptions& common) {
  auto chain = BuildChain(common);
  if (!chain) return kExitUsage;
  RecordOptions record_options{common.pipeline.emit_text};
  std::ios::sync_with_stdio(false);
  std::string line;
  uint64_t line_number = 0, rejected = 0;
  bool too_long = false;
  while (ReadBoundedLine(std::cin, line, common.max_bytes, &too_long)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Document doc;
    if (too_long) {
      doc.rejected = "input line " + std::to_string(line_number) + " is over the limit of " +
                     std::to_string(common.max_bytes) + " bytes (--max-bytes)";
      doc.doc_id = ContentId(line);
    } else {
      doc = DocumentFromLine(line, line_number);
    }
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
