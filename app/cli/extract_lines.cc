#include "app/cli/extract_lines.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "pipeline/html/page_metadata.h"
#include "pipeline/metadata/published.h"

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

}  // namespace

// One input line to the text of an article and what is known about it.
// Returns the reason when the line is not an article object.
std::optional<std::string> ArticleFromLine(const std::string& line, uint64_t line_number, std::string* text,
                                           api::Article* article) {
  try {
    nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) article->id = id->get<std::string>();
    else if (id != j.end() && id->is_number_integer()) article->id = std::to_string(id->get<int64_t>());
    // vnie's own fields, then the names crawlers write: news-please
    // (maintext, date_publish, language, url) and trafilatura (text, date,
    // url); an HTML page in "html" is read as a page.
    auto body = FirstField(j, {"text", "maintext"});
    if (!body) {
      body = OptionalField(j, "html");
      article->html = body.has_value();
    }
    if (!body) throw std::invalid_argument("no \"text\", \"maintext\" or \"html\" field");
    *text = std::move(*body);
    // `published` in SPEC's form, or a machine timestamp that gives it
    // ("2024-07-02T11:03:00+07:00"); else a crawler's date field.  A date
    // that is neither is no anchor for "last year": dropped with a warning.
    auto given = OptionalField(j, "published");
    auto crawled = given ? std::nullopt : FirstField(j, {"date_publish", "date"});
    if (given) article->published = IsSpecPublished(*given) ? given : SpecDateOf(*given);
    else if (crawled) article->published = SpecDateOf(*crawled);
    if (given && !article->published) {
      spdlog::warn("input line {}: published '{}' is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with a "
                   "real date in the years 1000-2999; ignored",
                   line_number, *given);
    } else if (crawled && !article->published) {
      spdlog::warn("input line {}: date '{}' not understood; ignored", line_number, *crawled);
    }
    article->lang = LanguageOf(FirstField(j, {"lang", "language"}), line_number);
    article->title = OptionalField(j, "title");
    article->url = OptionalField(j, "url");
  } catch (const std::exception& e) {
    return "input line " + std::to_string(line_number) + " is not an article: " + e.what();
  }
  return std::nullopt;
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

}  // namespace vnie
