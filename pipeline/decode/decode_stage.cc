#include "pipeline/decode/decode_stage.h"

#include <spdlog/spdlog.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>

#include "pipeline/decode/decoder.h"
#include "pipeline/decode/gzip.h"
#include "pipeline/html/html_sniff.h"

namespace vnie {
namespace {

// A page's charset as a browser reads it: a BOM first (the detector reads
// it), then the page's own <meta> declaration, then detection, which also
// knows the legacy Vietnamese encodings no page can declare.  A page that
// declares UTF-8 but is not valid UTF-8 goes to detection too.
DecodeResult DecodeHtml(std::string_view bytes) {
  bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  std::optional<std::string> declared = bom ? std::nullopt : DeclaredCharset(bytes);
  if (declared) {
    bool utf8 = *declared == "utf-8" || *declared == "utf8";
    if (!utf8 || IsValidUtf8(bytes)) {
      DecodeResult result = DecodeAs(bytes, *declared);
      if (!result.error) return result;
    }
  }
  return DecodeDetect(bytes);
}

// True when TEXT (UTF-8) holds nothing but white space and invisible
// format characters (a byte order mark, a zero-width space).
bool IsBlank(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !(u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR)) return false;
  }
  return true;
}

class DecodeStage : public Stage {
 public:
  explicit DecodeStage(const PipelineOptions& options)
      : forced_(options.encoding), max_inflated_bytes_(static_cast<size_t>(options.max_bytes)) {}
  std::string_view name() const override { return "decode"; }

  std::optional<std::string> Process(Document& doc) const override {
    if (doc.raw.empty()) return "empty file: nothing to extract";
    std::string_view bytes = doc.raw;
    // A compressed page (page.html.gz, a crawler's saved response) is read
    // as what it inflates to, within --max-bytes, so that a decompression
    // bomb stops at the limit; doc_id stays the hash of the bytes as stored.
    std::string inflated;
    if (LooksGzip(bytes)) {
      InflateResult result = Gunzip(bytes, max_inflated_bytes_);
      if (result.error) return "gzip: " + *result.error;
      inflated = std::move(result.bytes);
      bytes = inflated;
      if (bytes.empty()) return "empty file: nothing to extract";
    }
    doc.is_html = doc.is_html || LooksHtml(bytes, doc.source.path);
    const std::optional<std::string>& forced = doc.encoding_hint ? doc.encoding_hint : forced_;
    DecodeResult result = forced ? DecodeAs(bytes, *forced) : doc.is_html ? DecodeHtml(bytes) : DecodeDetect(bytes);
    if (result.error) return *result.error;
    if (IsBlank(result.text)) return "empty file: nothing to extract";
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
  size_t max_inflated_bytes_;
};

}  // namespace

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options) {
  return std::make_unique<DecodeStage>(options);
}

}  // namespace vnie
