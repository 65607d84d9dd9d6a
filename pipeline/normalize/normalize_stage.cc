#include "pipeline/normalize/normalize_stage.h"

#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

// Folds line ends to '\n', spaces and tabs runs to one space, and trims each
// line, so that extractors see one shape of whitespace.
std::string FoldWhitespace(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\r') {
      if (i + 1 < in.size() && in[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (c == '\n') {
      space = false;
      out.push_back('\n');
      continue;
    }
    if (space && !out.empty() && out.back() != '\n') out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  size_t first = out.find_first_not_of('\n');
  out.erase(0, first == std::string::npos ? out.size() : first);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  std::optional<std::string> Process(Document& doc) const override {
    doc.text = FoldWhitespace(ToNfc(doc.text));
    doc.IndexText();
    return std::nullopt;
  }
};

}  // namespace

std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions&) {
  return std::make_unique<NormalizeStage>();
}

}  // namespace vnie
