#include "pipeline/segment/segment_stage.h"

namespace vnie {
namespace {

class SegmentStage : public Stage {
 public:
  std::string_view name() const override { return "segment"; }
  std::optional<std::string> Process(Document& doc) const override {
    doc.paragraphs.clear();
    doc.sentences.clear();
    const std::string& t = doc.text;
    size_t start = 0;
    while (start < t.size()) {
      size_t end = t.find('\n', start);
      if (end == std::string::npos) end = t.size();
      if (end > start) {
        doc.paragraphs.push_back({start, end});
        SplitSentences(t, start, end, doc.sentences);
      }
      start = end + 1;
    }
    doc.IndexText();
    return std::nullopt;
  }

 private:
  // A sentence ends at '.', '!' or '?' followed by a space and an uppercase
  // ASCII letter or a quote.
  static void SplitSentences(const std::string& t, size_t begin, size_t end,
                             std::vector<ByteRange>& out) {
    size_t s = begin;
    for (size_t i = begin; i + 2 < end; ++i) {
      char c = t[i];
      if ((c == '.' || c == '!' || c == '?') && t[i + 1] == ' ' &&
          ((t[i + 2] >= 'A' && t[i + 2] <= 'Z') || t[i + 2] == '"')) {
        out.push_back({s, i + 1});
        s = i + 2;
      }
    }
    if (s < end) out.push_back({s, end});
  }
};

}  // namespace

std::unique_ptr<Stage> MakeSegmentStage(const PipelineOptions&) {
  return std::make_unique<SegmentStage>();
}

}  // namespace vnie
