#include "pipeline/html/html_page.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <climits>
#include <memory>
#include <mutex>

#include "pipeline/html/dom.h"
#include "pipeline/html/main_content.h"

namespace vnie {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// libxml2 sets up its globals once before threads parse in parallel.
void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

HtmlPage ReadHtmlPage(std::string_view html) {
  InitLibxml();
  HtmlPage page;
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    page.error = "HTML page too large to parse";
    return page;
  }
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    page.error = "HTML page could not be parsed";
    return page;
  }
  page.meta = ReadPageMetadata(doc.get());
  std::vector<std::string> blocks = MainContentBlocks(doc.get());
  if (blocks.empty()) return page;  // a page with no article: no text, not its headline alone
  // The headline heads the article text, as in a plain-text article, unless
  // the article's own blocks already start with it.
  if (page.meta.headline) {
    bool present = false;
    for (size_t i = 0; i < std::min<size_t>(blocks.size(), 3); ++i) present |= blocks[i] == *page.meta.headline;
    if (!present) blocks.insert(blocks.begin(), *page.meta.headline);
  }
  for (const auto& b : blocks) {
    if (!page.text.empty()) page.text += "\n\n";
    page.text += b;
  }
  return page;
}

}  // namespace vnie
