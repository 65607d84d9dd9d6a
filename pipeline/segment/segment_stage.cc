#include "pipeline/segment/segment_stage.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include "pipeline/data/embedded_data.h"
#include "pipeline/segment/sentence_breaks.h"

namespace vnie {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// ICU's sentence rules; abbreviations are checked by vnie itself (ICU's
// FilteredBreakIterator drops entries such as "U.S." depending on what else
// its list holds).
std::unique_ptr<icu::BreakIterator> MakePrototype() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break data unavailable");
  return base;
}

// pipeline/segment/abbreviations.txt: tokens after which a sentence goes on.
std::set<std::string, std::less<>> LoadAbbreviations() {
  std::set<std::string, std::less<>> out;
  std::string_view data = EmbeddedData("pipeline/segment/abbreviations.txt");
  size_t i = 0;
  while (i < data.size()) {
    size_t j = data.find('\n', i);
    if (j == std::string_view::npos) j = data.size();
    std::string_view line = data.substr(i, j - i);
    i = j + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    // "Assoc. Prof." is checked by its last word.
    size_t space = line.rfind(' ');
    if (space != std::string_view::npos) line.remove_prefix(space + 1);
    out.emplace(line);
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

class SegmentStage : public Stage {
 public:
  SegmentStage() : prototype_(MakePrototype()), abbreviations_(LoadAbbreviations()) {}
  std::string_view name() const override { return "segment"; }

  std::optional<std::string> Process(Document& doc) const override {
    doc.paragraphs.clear();
    doc.sentences.clear();
    std::unique_ptr<icu::BreakIterator> bi;  // cloned when a paragraph needs ICU
    const std::string& t = doc.text;
    size_t start = 0;
    while (start < t.size()) {
      size_t end = t.find('\n', start);
      if (end == std::string::npos) end = t.size();
      if (end > start) {
        doc.paragraphs.push_back({start, end});
        SplitSentences(bi, t, start, end, doc.sentences);
      }
      start = end + 1;
    }
    doc.IndexText();
    return std::nullopt;
  }

 private:
  // True when t[begin, at) ends with an abbreviation from the list.
  bool EndsWithAbbreviation(const std::string& t, size_t begin, size_t at) const {
    while (at > begin && IsSpace(t[at - 1])) --at;
    size_t from = at;
    while (from > begin && !IsSpace(t[from - 1])) --from;
    std::string_view token(t.data() + from, at - from);
    while (!token.empty() && (token.front() == '(' || token.front() == '"' || token.front() == '\'')) token.remove_prefix(1);
    if (!token.empty() && abbreviations_.count(token) > 0) return true;
    // A middle initial: "Jay Y. Lee", "Donald J. Trump" (a capital letter and
    // its period after a capitalized name).
    if (token.size() == 2 && token[0] >= 'A' && token[0] <= 'Z' && token[1] == '.') {
      size_t prev_end = from;
      while (prev_end > begin && IsSpace(t[prev_end - 1])) --prev_end;
      size_t prev = prev_end;
      while (prev > begin && !IsSpace(t[prev - 1])) --prev;
      if (prev < prev_end && prev_end < from) {
        char first = t[prev], last = t[prev_end - 1];
        bool capitalized = (first >= 'A' && first <= 'Z') || t.compare(prev, 2, "\xC4\x90") == 0;  // or Đ
        return capitalized && last != '.' && last != ',' && prev_end - prev > 1;
      }
    }
    return false;
  }

  // ICU's breaks of t[begin, end), as FastSentenceBreaks gives them; false
  // when ICU cannot read the text.
  bool IcuSentenceBreaks(std::unique_ptr<icu::BreakIterator>& bi, const std::string& t, size_t begin, size_t end,
                         std::vector<size_t>* breaks) const {
    if (!bi) {
      // clone() reads the prototype only, but ICU does not promise that it is
      // safe from several threads; a short lock keeps Process thread-safe.
      std::lock_guard<std::mutex> lock(mutex_);
      bi.reset(prototype_->clone());
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, t.data() + begin, static_cast<int64_t>(end - begin), &status));
    if (U_SUCCESS(status)) bi->setText(ut.get(), status);
    if (U_FAILURE(status)) return false;
    breaks->clear();
    bi->first();
    for (int32_t to = bi->next(); to != icu::BreakIterator::DONE; to = bi->next()) breaks->push_back(static_cast<size_t>(to));
    return true;
  }

  void SplitSentences(std::unique_ptr<icu::BreakIterator>& bi, const std::string& t, size_t begin, size_t end,
                      std::vector<ByteRange>& out) const {
    // Most paragraphs are read by FastSentenceBreaks; it gives ICU's breaks
    // and hands the rare paragraph it does not read to ICU itself.
    thread_local std::vector<size_t> breaks;
    if (!FastSentenceBreaks(std::string_view(t).substr(begin, end - begin), &breaks) &&
        !IcuSentenceBreaks(bi, t, begin, end, &breaks)) {
      out.push_back({begin, end});
      return;
    }
    size_t from = begin;
    for (size_t to : breaks) {
      size_t e = begin + to;
      if (e < end && EndsWithAbbreviation(t, from, e)) continue;
      size_t b = from;
      from = e;
      while (e > b && IsSpace(t[e - 1])) --e;
      while (b < e && IsSpace(t[b])) ++b;
      if (e > b) out.push_back({b, e});
    }
  }

  std::unique_ptr<icu::BreakIterator> prototype_;
  std::set<std::string, std::less<>> abbreviations_;
  mutable std::mutex mutex_;
};

}  // namespace

std::unique_ptr<Stage> MakeSegmentStage(const PipelineOptions&) {
  return std::make_unique<SegmentStage>();
}

}  // namespace vnie
