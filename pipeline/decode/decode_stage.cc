#include "pipeline/decode/decode_stage.h"

#include <spdlog/spdlog.h>

#include "pipeline/decode/decoder.h"

namespace vnie {
namespace {

class DecodeStage : public Stage {
 public:
  explicit DecodeStage(const PipelineOptions& options) : forced_(options.encoding) {}
  std::string_view name() const override { return "decode"; }

  std::optional<std::string> Process(Document& doc) const override {
    if (doc.raw.empty()) return "empty file: nothing to extract";
    const std::optional<std::string>& forced = doc.encoding_hint ? doc.encoding_hint : forced_;
    DecodeResult result = forced ? DecodeAs(doc.raw, *forced) : DecodeDetect(doc.raw);
    if (result.error) return *result.error;
    doc.encoding = std::move(result.encoding);
    doc.text = std::move(result.text);
    doc.invalid_sequences = result.invalid_sequences;
    if (doc.invalid_sequences > 0) {
      spdlog::warn("{}: {} invalid byte sequence(s) in {} replaced with U+FFFD", doc.source.path,
                   doc.invalid_sequences, doc.encoding);
    }
    return std::nullopt;
  }

 private:
  std::optional<std::string> forced_;
};

}  // namespace

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options) {
  return std::make_unique<DecodeStage>(options);
}

}  // namespace vnie
