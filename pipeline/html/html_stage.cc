#include "pipeline/html/html_stage.h"

#include "pipeline/html/html_page.h"
#include "pipeline/normalize/normalize_stage.h"

namespace vnie {
namespace {

class HtmlStage : public Stage {
 public:
  std::string_view name() const override { return "html"; }
  std::optional<std::string> Process(Document& doc) const override {
    if (!doc.is_html) return std::nullopt;
    HtmlPage page = ReadHtmlPage(doc.text);
    if (page.error) return *page.error;
    if (page.text.empty()) return "no article text in the HTML page";
    doc.text = std::move(page.text);
    // What the input said (a crawler's JSON fields) outranks the markup.
    if (!doc.title_hint && page.meta.headline) doc.title_hint = NormalizeText(*page.meta.headline, false);
    if (!doc.published_hint && page.meta.published) doc.published_hint = page.meta.published;
    if (!doc.lang_hint && page.meta.lang) doc.lang_hint = page.meta.lang;
    if (!doc.source.url && page.meta.url) doc.source.url = page.meta.url;
    return std::nullopt;
  }
};

}  // namespace

std::unique_ptr<Stage> MakeHtmlStage(const PipelineOptions&) { return std::make_unique<HtmlStage>(); }

}  // namespace vnie
