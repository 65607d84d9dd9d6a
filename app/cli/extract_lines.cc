#include "app/cli/extract_lines.h"

#include <spdlog/spdlog.h>

#include "pipeline/sources/crawler_json.h"

namespace vnie {

// One input line to the text of an article and what is known about it.
// Returns the reason when the line is not an article object.
std::optional<std::string> ArticleFromLine(const std::string& line, uint64_t line_number, std::string* text,
                                           api::Article* article) {
  CrawlerArticle parsed;
  auto reason = ParseCrawlerArticle(line, &parsed);
  article->id = std::move(parsed.id);
  if (reason) return "input line " + std::to_string(line_number) + " is not an article: " + *reason;
  for (const auto& warning : parsed.warnings) spdlog::warn("input line {}: {}", line_number, warning);
  *text = std::move(parsed.body);
  article->html = parsed.html;
  article->published = std::move(parsed.published);
  article->lang = std::move(parsed.lang);
  article->title = std::move(parsed.title);
  article->url = std::move(parsed.url);
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
