// Articles as crawlers save them: one JSON object per article, with vnie's
// own fields or the names news-please and trafilatura write.
//
//   CrawlerArticle a;
//   if (auto reason = ParseCrawlerArticle(json, &a)) ...  // not an article
//   a.body, a.html, a.published (SPEC form), a.lang, a.title, a.url
//
// `vnie extract` reads such objects one per line on stdin; `vnie run` reads
// a file holding one (news-please's per-article `.json`, plain or
// `.json.gz`) as one article.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnie {

struct CrawlerArticle {
  std::optional<std::string> id;         // "id", a string or an integer
  std::string body;                      // "text", "maintext", else "html"
  bool html = false;                     // the body is an HTML page
  std::optional<std::string> published;  // "published", else "date_publish" / "date", in SPEC's form
  std::optional<std::string> lang;       // "lang" / "language" when en or vi
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::vector<std::string> warnings;     // fields given but not understood, and so ignored
};

// Reads JSON (one object) into *ARTICLE.  Returns the reason when it is not
// an article: not JSON, not an object, a field of the wrong type, no body.
std::optional<std::string> ParseCrawlerArticle(std::string_view json, CrawlerArticle* article);

// True when PATH names a crawler's article file: `.json` or `.json.gz`
// (any case).  `vnie run` reads such a file as one article.
bool IsCrawlerJsonFile(std::string_view path);

// Turns DOC, read from a crawler's article file (raw: the file's bytes),
// into the article it holds: raw becomes the body (gzip inflated first, to
// at most MAX_BYTES), and the hints, is_html and source.url come from its
// fields.  doc_id, source.path and source.bytes stay those of the file.  A
// file that is no article, or damaged gzip, sets doc.rejected.
void ReadCrawlerJson(Document& doc, uint64_t max_bytes);

}  // namespace vnie
