#include "pipeline/normalize/normalize_stage.h"

#include "pipeline/normalize/boilerplate.h"
#include "pipeline/text/char_cleanup.h"
#include "pipeline/text/tone_placement.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  std::optional<std::string> Process(Document& doc) const override {
    doc.text = NormalizeText(doc.text);
    doc.IndexText();
    return std::nullopt;
  }
};

}  // namespace

std::string NormalizeText(std::string_view text, bool remove_boilerplate) {
  // Cleanup first: it joins detached combining marks to their letters, which
  // NFC and tone placement then compose.
  std::string clean = CleanCharacters(text);
  std::string nfc = ToNfc(clean);
  std::string toned = PlaceTones(nfc, TonePlacement::kModern);
  return remove_boilerplate ? RemoveBoilerplate(toned) : toned;
}

std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions&) {
  return std::make_unique<NormalizeStage>();
}

}  // namespace vnie
