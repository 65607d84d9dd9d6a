// The Document: one article as it flows through vnie's stages.
//
// Each stage reads what earlier stages wrote and adds its own layer:
//   decode     raw bytes          -> encoding, text (UTF-8); gzip inflated
//   html       an HTML page       -> its article text; title, published,
//                                    lang and url hints from its markup
//   normalize  text               -> text (NFC, one tone placement, plain
//                                    spaces and punctuation, boilerplate gone)
//   metadata   text               -> title, published, lang
//   segment    text               -> paragraphs, sentences
//   dates, money, officials       -> their mentions
// A stage that cannot process the document sets `rejected`; later stages are
// then skipped and the sink writes the record with the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/text_index.h"

namespace vnie {

// Where a document came from.
struct SourceInfo {
  std::string path;     // as given on the command line, as text (PathText), or "" for stdin input
  uint64_t bytes = 0;   // size of the raw bytes
  std::optional<std::string> url;  // WARC-Target-URI, a crawler's url field, or the page's canonical link
  std::optional<uint64_t> offset;  // where the record starts inside an archive (WARC)
  bool unreadable = false;  // the bytes could not be read (permissions, I/O error): worth another try
};

// A half-open range of the normalized text, in Unicode code points (the unit
// of SPEC.md offsets), with the covered text.
struct TextSpan {
  std::string text;
  int64_t start = 0;
  int64_t end = 0;
};

struct DateMention {
  TextSpan span;
  std::optional<std::string> value;  // ISO value or interval; null if unresolvable
  std::string grain;                 // day, month, year, quarter, minute, decade
  std::string mod;                   // "", early, mid, late, approx
  std::string relative;              // the relative phrase when value is null
};

struct MoneyMention {
  TextSpan span;
  std::string amount;      // exact decimal, no exponent, no separators
  std::string currency;    // ISO 4217
  std::string qualifier;   // "", about, over, under, up_to
  std::string amount_min;  // ranges only
  std::string amount_max;  // ranges only
};

struct Official {
  int entity = 0;  // 1-based within the document
  std::string name;
  std::string name_key;
  std::string title;  // SPEC.md canonical English title, or "other"
  std::optional<std::string> organization;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2
  std::vector<TextSpan> mentions;
};

// Byte ranges of the normalized text (UTF-8), for extractors.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

struct Document {
  // Input.
  std::string raw;  // the bytes as read
  SourceInfo source;
  std::string doc_id;                    // 32 hex chars of XXH3-128 of raw, or the input id
  std::optional<std::string> encoding_hint;   // --encoding, or known from the input
  std::optional<std::string> lang_hint;       // from `vnie extract` input
  std::optional<std::string> published_hint;  // from `vnie extract` input
  std::optional<std::string> title_hint;      // from `vnie extract` input
  // A date known only from how the document travelled (WARC-Date): used when
  // neither the page nor its text gives one.
  std::optional<std::string> published_fallback;
  // The raw bytes are an HTML page (set by decode, or by an input that says so).
  bool is_html = false;

  // decode
  std::string encoding;        // as detected: UTF-8, UTF-16LE, windows-1258, VISCII, ...
  int64_t invalid_sequences = 0;

  // decode writes UTF-8 here; normalize rewrites it in place.  Offsets of
  // every mention refer to the final value.
  std::string text;

  // metadata
  std::string lang;  // en | vi
  std::optional<std::string> title;
  std::optional<std::string> published;

  // segment: byte ranges into text
  std::vector<ByteRange> paragraphs;
  std::vector<ByteRange> sentences;

  // extractors
  std::vector<DateMention> dates;
  std::vector<MoneyMention> money;
  std::vector<Official> officials;

  // Set by the first stage that cannot process the document.
  std::optional<std::string> rejected;

  // Maps byte offsets of `text` to code points; rebuilt when text changes.
  // Call after the last stage that rewrites `text` (segment does).
  void IndexText() { index = TextIndex(text); }
  // The span of text[begin, end) in code points.  Requires IndexText().
  TextSpan SpanOfBytes(size_t begin, size_t end) const;

  TextIndex index;
};

}  // namespace vnie
