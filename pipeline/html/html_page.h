// An HTML page read as a news article: its main text and what its markup
// says of it (see main_content.h and page_metadata.h).
//
//   HtmlPage page = ReadHtmlPage(utf8_html);
//   page.text      "Rates held\n\nThe central bank held rates on Tuesday, ..."
//   page.meta      headline, published, lang, url
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/html/page_metadata.h"

namespace vnie {

struct HtmlPage {
  // The headline (when the article's blocks do not start with it), then the
  // article's blocks, one paragraph each, separated by blank lines.
  std::string text;
  PageMetadata meta;
  std::optional<std::string> error;  // set when the bytes could not be parsed at all
};

// Parses HTML (UTF-8) with libxml2's HTML parser, which recovers from the
// broken markup real pages hold.
HtmlPage ReadHtmlPage(std::string_view html);

}  // namespace vnie
