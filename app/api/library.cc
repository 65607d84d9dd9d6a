// The library behind include/vnie/vnie.h: a Document in, the chain run, the
// record out as the public structs and as JSON.
#include <stdexcept>
#include <string>

#include "vnie/vnie.h"
#include "app/builtin.h"
#include "pipeline/html/page_metadata.h"
#include "pipeline/metadata/published.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/stage.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/version.h"

namespace vnie::api {
namespace {

Span ToSpan(const TextSpan& s) { return Span{s.text, s.start, s.end}; }

// A given language, case-folded: "en" or "vi".
std::string LanguageOf(const std::string& given) {
  std::string lang = given;
  for (char& c : lang) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lang != "en" && lang != "vi") throw std::invalid_argument("lang '" + given + "' is neither en nor vi");
  return lang;
}

Document DocumentOf(std::string_view bytes, const Article& article, bool utf8_text) {
  Document doc;
  doc.raw.assign(bytes);
  doc.source.path = article.path;
  doc.source.bytes = doc.raw.size();
  doc.source.url = article.url;
  doc.doc_id = article.id ? *article.id : ContentId(doc.raw);
  if (utf8_text) doc.encoding_hint = "UTF-8";
  doc.is_html = article.html;
  if (article.published) {
    // SPEC's own form, or a machine timestamp that gives it.
    doc.published_hint = IsSpecPublished(*article.published) ? article.published : SpecDateOf(*article.published);
    if (!doc.published_hint) {
      throw std::invalid_argument("published '" + *article.published +
                                  "' is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with a real date");
    }
  }
  if (article.lang) doc.lang_hint = LanguageOf(*article.lang);
  doc.title_hint = article.title;
  return doc;
}

Record RecordOf(const Document& doc, std::string json) {
  Record r;
  r.doc_id = doc.doc_id;
  r.source = Source{doc.source.path, doc.source.bytes, doc.source.url};
  r.encoding = doc.encoding;
  r.lang = doc.lang;
  r.title = doc.title;
  r.published = doc.published;
  r.dates.reserve(doc.dates.size());
  for (const auto& d : doc.dates) r.dates.push_back(Date{ToSpan(d.span), d.value, d.grain, d.mod, d.relative});
  r.money.reserve(doc.money.size());
  for (const auto& m : doc.money) {
    r.money.push_back(Money{ToSpan(m.span), m.amount, m.currency, m.qualifier, m.amount_min, m.amount_max});
  }
  for (const auto& o : doc.officials) {
    Official out{o.entity, o.name, o.name_key, o.title, o.organization, o.country, {}};
    for (const auto& s : o.mentions) out.mentions.push_back(ToSpan(s));
    r.officials.push_back(std::move(out));
  }
  r.text = doc.text;
  r.rejected = doc.rejected;
  r.json = std::move(json);
  return r;
}

// The record line without its '\n'.
std::string JsonOf(const Document& doc, bool emit_text) {
  std::string line = RecordLine(doc, RecordOptions{emit_text});
  line.pop_back();
  return line;
}

}  // namespace

const char* Version() { return kVersion; }

struct Pipeline::Impl {
  std::unique_ptr<StageChain> chain;
  Options options;
};

Pipeline::Pipeline(const Options& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  StageRegistry registry = BuiltinStages();
  std::vector<std::string> names = options.stages.empty() ? registry.names() : options.stages;
  PipelineOptions pipeline_options;
  pipeline_options.encoding = options.encoding;
  pipeline_options.emit_text = options.emit_text;
  std::string error;
  impl_->chain = registry.Build(names, pipeline_options, &error);
  if (!impl_->chain) throw std::invalid_argument(error);
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Record Pipeline::Extract(std::string_view bytes, const Article& article) const {
  Document doc = DocumentOf(bytes, article, false);
  impl_->chain->Process(doc);
  return RecordOf(doc, JsonOf(doc, impl_->options.emit_text));
}

Record Pipeline::ExtractText(std::string_view text, const Article& article) const {
  Document doc = DocumentOf(text, article, true);
  impl_->chain->Process(doc);
  return RecordOf(doc, JsonOf(doc, impl_->options.emit_text));
}

std::vector<std::string> Pipeline::stages() const { return impl_->chain->names(); }

std::vector<std::string> Pipeline::AllStages() { return BuiltinStages().names(); }

std::string Normalize(std::string_view bytes, bool fold) {
  if (bytes.empty()) return "";
  static const std::unique_ptr<StageChain> chain = [] {
    std::string error;
    return BuiltinStages().Build({"decode", "html", "normalize"}, PipelineOptions{}, &error);
  }();
  Document doc;
  doc.raw.assign(bytes);
  chain->Process(doc);
  if (doc.rejected) throw std::invalid_argument(*doc.rejected);
  if (!fold) return doc.text;
  // Fold line by line, so the key form keeps the text's lines.
  std::string out;
  size_t start = 0;
  while (start <= doc.text.size()) {
    size_t end = doc.text.find('\n', start);
    if (end == std::string::npos) end = doc.text.size();
    out += AsciiFold(std::string_view(doc.text).substr(start, end - start));
    if (end < doc.text.size()) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

std::string RejectedJson(std::string_view raw, const std::string& reason, const std::optional<std::string>& id) {
  Document doc;
  doc.doc_id = id ? *id : ContentId(raw);
  doc.rejected = reason;
  return JsonOf(doc, false);
}

}  // namespace vnie::api
