#include "pipeline/segment/segment_stage.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "pipeline/data/embedded_data.h"

namespace vnie {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// A sentence break iterator for English and Vietnamese: ICU's rules with its
// English abbreviation list and vnie's own (pipeline/segment/abbreviations.txt).
std::unique_ptr<icu::BreakIterator> MakePrototype() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break data unavailable");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    builder.reset(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  }
  std::string_view data = EmbeddedData("pipeline/segment/abbreviations.txt");
  size_t i = 0;
  while (i < data.size()) {
    size_t j = data.find('\n', i);
    if (j == std::string_view::npos) j = data.size();
    std::string_view line = data.substr(i, j - i);
    i = j + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    UErrorCode st = U_ZERO_ERROR;
    builder->suppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size()))), st);
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU filtered break iterator unavailable");
  return filtered;
}

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

class SegmentStage : public Stage {
 public:
  SegmentStage() : prototype_(MakePrototype()) {}
  std::string_view name() const override { return "segment"; }

  std::optional<std::string> Process(Document& doc) const override {
    doc.paragraphs.clear();
    doc.sentences.clear();
    std::unique_ptr<icu::BreakIterator> bi;
    {
      // clone() reads the prototype only, but ICU does not promise that it is
      // safe from several threads; a short lock keeps Process thread-safe.
      std::lock_guard<std::mutex> lock(mutex_);
      bi.reset(prototype_->clone());
    }
    const std::string& t = doc.text;
    size_t start = 0;
    while (start < t.size()) {
      size_t end = t.find('\n', start);
      if (end == std::string::npos) end = t.size();
      if (end > start) {
        doc.paragraphs.push_back({start, end});
        SplitSentences(*bi, t, start, end, doc.sentences);
      }
      start = end + 1;
    }
    doc.IndexText();
    return std::nullopt;
  }

 private:
  static void SplitSentences(icu::BreakIterator& bi, const std::string& t, size_t begin, size_t end,
                             std::vector<ByteRange>& out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, t.data() + begin, static_cast<int64_t>(end - begin), &status));
    if (U_FAILURE(status)) {
      out.push_back({begin, end});
      return;
    }
    bi.setText(ut.get(), status);
    if (U_FAILURE(status)) {
      out.push_back({begin, end});
      return;
    }
    int32_t from = bi.first();
    for (int32_t to = bi.next(); to != icu::BreakIterator::DONE; from = to, to = bi.next()) {
      size_t b = begin + static_cast<size_t>(from), e = begin + static_cast<size_t>(to);
      while (e > b && IsSpace(t[e - 1])) --e;
      while (b < e && IsSpace(t[b])) ++b;
      if (e > b) out.push_back({b, e});
    }
  }

  std::unique_ptr<icu::BreakIterator> prototype_;
  mutable std::mutex mutex_;
};

}  // namespace

std::unique_ptr<Stage> MakeSegmentStage(const PipelineOptions&) {
  return std::make_unique<SegmentStage>();
}

}  // namespace vnie
