// vnie as a library: the record of one article (SPEC.md §3) from its bytes
// or its text.
//
//   #include <vnie/vnie.h>
//
//   vnie::api::Pipeline pipeline;                  // build the chain once
//   vnie::api::Article article;
//   article.published = "2024-07-02";              // optional: anchors "last year"
//   vnie::api::Record r = pipeline.ExtractText("On 3 May the ministry spent $5 million.", article);
//   for (const auto& m : r.money) std::cout << m.amount << " " << m.currency << "\n";
//   std::cout << r.json << "\n";                   // the same record as a JSON line
//
// A Pipeline is immutable once built: Extract() and ExtractText() may be
// called from several threads at once.  Link with `find_package(vnie)` and
// `vnie::vnie`, or `pkg-config --cflags --libs vnie`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vnie::api {

// The library's version ("0.1.0") and the record format it writes.
const char* Version();
inline constexpr int kRecordSchema = 1;

// A half-open range of the normalized text in Unicode code points, with the
// text it covers.
struct Span {
  std::string text;
  int64_t start = 0;
  int64_t end = 0;
};

struct Date {
  Span span;
  std::optional<std::string> value;  // "2020-02-19", "2022-01/2022-05", ...; null when unresolvable
  std::string grain;                 // minute, day, month, quarter, year, decade
  std::string mod;                   // "", early, mid, late, approx
  std::string relative;              // the relative phrase when value is null
};

struct Money {
  Span span;
  std::string amount;      // exact decimal, no exponent, no separators
  std::string currency;    // ISO 4217
  std::string qualifier;   // "", about, over, under, up_to
  std::string amount_min;  // ranges only
  std::string amount_max;  // ranges only
};

struct Official {
  int entity = 0;  // 1-based within the article
  std::string name;
  std::string name_key;
  std::string title;  // a canonical English title, or "other"
  std::optional<std::string> organization;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2
  std::vector<Span> mentions;
};

struct Source {
  std::string path;
  uint64_t bytes = 0;
  std::optional<std::string> url;
};

// The record of one article: the fields of SPEC.md §3, and the same record
// as one line of JSON (no trailing newline).
struct Record {
  std::string doc_id;
  Source source;
  std::string encoding;  // "" when not decoded
  std::string lang;      // en | vi; "" when unknown
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::vector<Date> dates;
  std::vector<Money> money;
  std::vector<Official> officials;
  std::string text;                     // the normalized body (all offsets count in it)
  std::optional<std::string> rejected;  // the reason an article could not be processed
  std::string json;
};

// What is known about an article besides its bytes.  Every field is optional.
struct Article {
  std::optional<std::string> id;         // the record's doc_id (default: the hash of the bytes)
  std::optional<std::string> published;  // YYYY[-MM[-DD[Thh:mm]]] or a machine timestamp
                                         // ("2024-07-02T11:03:00+07:00"); else std::invalid_argument
  std::optional<std::string> lang;       // en | vi (any case); else std::invalid_argument
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::string path;                      // source.path in the record
  bool html = false;                     // the bytes are an HTML page (otherwise sniffed)
};

struct Options {
  // Stage names in order; empty for the whole chain (Pipeline::AllStages()).
  std::vector<std::string> stages;
  bool emit_text = false;                // add "text" to the JSON record
  std::optional<std::string> encoding;   // skip detection in Extract() (e.g. "windows-1258")
};

class Pipeline {
 public:
  // Builds the chain.  Throws std::invalid_argument on an unknown stage name.
  explicit Pipeline(const Options& options = {});
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  // BYTES in any supported encoding (detected), plain text or HTML, gzipped
  // or not.
  Record Extract(std::string_view bytes, const Article& article = {}) const;
  // TEXT already in UTF-8.
  Record ExtractText(std::string_view text, const Article& article = {}) const;

  std::vector<std::string> stages() const;
  static std::vector<std::string> AllStages();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The normalized text of BYTES (decode, HTML main content, NFC, one tone
// placement, boilerplate dropped); with FOLD its ASCII key form, line by line.
std::string Normalize(std::string_view bytes, bool fold = false);

// The JSON line of a rejected record for input that is not an article
// (REASON); its doc_id is ID, or the hash of RAW.
std::string RejectedJson(std::string_view raw, const std::string& reason,
                         const std::optional<std::string>& id = std::nullopt);

}  // namespace vnie::api
