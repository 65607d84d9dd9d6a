#include "pipeline/metadata/metadata_stage.h"

#include "pipeline/metadata/published.h"


namespace vnie {
namespace {

// Most Vietnamese words carry a diacritic; English text that names Vietnamese
// people and places has a few such words at most.  The share of words with a
// non-ASCII letter tells the two apart, even in one sentence.
bool LooksVietnamese(std::string_view text) {
  size_t words = 0, marked = 0;
  bool in_word = false, word_marked = false;
  for (unsigned char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space) {
      if (in_word) {
        ++words;
        marked += word_marked;
      }
      in_word = word_marked = false;
      continue;
    }
    in_word = true;
    if (c >= 0x80) word_marked = true;
  }
  if (in_word) {
    ++words;
    marked += word_marked;
  }
  return words > 0 && marked * 100 >= words * 25;
}

class MetadataStage : public Stage {
 public:
  std::string_view name() const override { return "metadata"; }
  std::optional<std::string> Process(Document& doc) const override {
    doc.lang = doc.lang_hint ? *doc.lang_hint : (LooksVietnamese(doc.text) ? "vi" : "en");
    doc.title = doc.title_hint ? doc.title_hint : FindTitle(doc.text);
    doc.published = doc.published_hint ? doc.published_hint : FindPublished(doc.text, doc.title);
    if (!doc.published) doc.published = doc.published_fallback;
    return std::nullopt;
  }
};

}  // namespace

std::unique_ptr<Stage> MakeMetadataStage(const PipelineOptions&) {
  return std::make_unique<MetadataStage>();
}

}  // namespace vnie
