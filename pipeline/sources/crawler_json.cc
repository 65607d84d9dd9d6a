#include "pipeline/sources/crawler_json.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "pipeline/decode/gzip.h"
#include "pipeline/html/page_metadata.h"
#include "pipeline/metadata/published.h"
#include "pipeline/text/ascii.h"

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

}  // namespace

std::optional<std::string> ParseCrawlerArticle(std::string_view json, CrawlerArticle* article) {
  try {
    nlohmann::json j = nlohmann::json::parse(json);
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
    article->body = std::move(*body);
    // `published` in SPEC's form, or a machine timestamp that gives it
    // ("2024-07-02T11:03:00+07:00"); else a crawler's date field.  A date
    // that is neither is no anchor for "last year": dropped with a warning.
    auto given = OptionalField(j, "published");
    auto crawled = given ? std::nullopt : FirstField(j, {"date_publish", "date"});
    if (given) article->published = IsSpecPublished(*given) ? given : SpecDateOf(*given);
    else if (crawled) article->published = SpecDateOf(*crawled);
    if (given && !article->published) {
      article->warnings.push_back("published '" + *given +
                                  "' is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with a real date in the "
                                  "years 1000-2999; ignored");
    } else if (crawled && !article->published) {
      article->warnings.push_back("date '" + *crawled + "' not understood; ignored");
    }
    // A language other than en or vi is left to detection.
    if (auto lang = FirstField(j, {"lang", "language"})) {
      std::string folded = AsciiLower(*lang);
      if (folded == "en" || folded == "vi") article->lang = folded;
      else article->warnings.push_back("lang '" + *lang + "' is neither en nor vi; the language is detected instead");
    }
    article->title = OptionalField(j, "title");
    article->url = OptionalField(j, "url");
  } catch (const std::exception& e) {
    return e.what();
  }
  return std::nullopt;
}

bool IsCrawlerJsonFile(std::string_view path) { return EndsWithNoCase(path, ".json") || EndsWithNoCase(path, ".json.gz"); }

void ReadCrawlerJson(Document& doc, uint64_t max_bytes) {
  if (doc.rejected) return;
  std::string inflated;
  std::string_view json = doc.raw;
  if (LooksGzip(json)) {
    // Inflated a piece at a time up to the limit, so a small file that would
    // inflate to gigabytes costs no more than --max-bytes.
    InflateResult result = Gunzip(json, static_cast<size_t>(std::min<uint64_t>(max_bytes, SIZE_MAX - 1)));
    if (result.error) {
      doc.rejected = "gzip: " + *result.error + (result.error->starts_with("inflated size") ? " (--max-bytes)" : "");
      return;
    }
    inflated = std::move(result.bytes);
    json = inflated;
  }
  CrawlerArticle article;
  if (auto reason = ParseCrawlerArticle(json, &article)) {
    doc.rejected = "not a crawler's article (JSON): " + *reason;
    return;
  }
  for (const auto& warning : article.warnings) spdlog::warn("{}: {}", doc.source.path, warning);
  doc.raw = std::move(article.body);
  doc.encoding_hint = "UTF-8";  // JSON text is UTF-8, and the parser checked it
  doc.is_html = article.html;
  doc.published_hint = std::move(article.published);
  doc.lang_hint = std::move(article.lang);
  doc.title_hint = std::move(article.title);
  doc.source.url = std::move(article.url);
}

}  // namespace vnie
