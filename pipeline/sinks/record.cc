#include "pipeline/sinks/record.h"

#include "pipeline/sinks/json_writer.h"

namespace vnie {
namespace {

// One member each: its key, then its value.
void PutString(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value);
}
void PutInt(JsonWriter& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int(value);
}
void PutOptional(JsonWriter& w, const char* key, const std::optional<std::string>& value) {
  w.Key(key);
  w.OptionalString(value);
}
// "" as null.
void PutOrNull(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.StringOrNull(value);
}
// Left out when VALUE is empty.
void PutIfAny(JsonWriter& w, const char* key, std::string_view value) {
  if (!value.empty()) PutString(w, key, value);
}

void PutSpan(JsonWriter& w, const TextSpan& span) {
  PutString(w, "text", span.text);
  PutInt(w, "start", span.start);
  PutInt(w, "end", span.end);
}

}  // namespace

std::string RecordJson(const Document& doc, const RecordOptions& options) {
  std::string out;
  out.reserve(512 + 96 * (doc.dates.size() + doc.money.size() + doc.officials.size()) +
              (options.emit_text ? doc.text.size() + doc.text.size() / 16 : 0));
  JsonWriter w(&out);
  w.BeginObject();
  PutInt(w, "schema", 1);
  PutString(w, "doc_id", doc.doc_id);
  w.Key("source");
  w.BeginObject();
  PutString(w, "path", doc.source.path);
  w.Key("bytes");
  w.UInt(doc.source.bytes);
  if (doc.source.url) PutString(w, "url", *doc.source.url);
  if (doc.source.offset) {
    w.Key("offset");
    w.UInt(*doc.source.offset);
  }
  w.EndObject();
  PutOrNull(w, "encoding", doc.encoding);
  PutOrNull(w, "lang", doc.lang);
  PutOptional(w, "title", doc.title);
  PutOptional(w, "published", doc.published);
  w.Key("dates");
  w.BeginArray();
  for (const auto& d : doc.dates) {
    w.BeginObject();
    PutSpan(w, d.span);
    PutOptional(w, "value", d.value);
    PutOrNull(w, "grain", d.grain);
    PutIfAny(w, "mod", d.mod);
    PutIfAny(w, "relative", d.relative);
    w.EndObject();
  }
  w.EndArray();
  w.Key("money");
  w.BeginArray();
  for (const auto& m : doc.money) {
    w.BeginObject();
    PutSpan(w, m.span);
    PutString(w, "amount", m.amount);
    PutString(w, "currency", m.currency);
    PutIfAny(w, "qualifier", m.qualifier);
    PutIfAny(w, "amount_min", m.amount_min);
    PutIfAny(w, "amount_max", m.amount_max);
    w.EndObject();
  }
  w.EndArray();
  w.Key("officials");
  w.BeginArray();
  for (const auto& o : doc.officials) {
    w.BeginObject();
    PutInt(w, "entity", o.entity);
    PutString(w, "name", o.name);
    PutString(w, "name_key", o.name_key);
    PutString(w, "title", o.title);
    PutOptional(w, "organization", o.organization);
    PutOptional(w, "country", o.country);
    w.Key("mentions");
    w.BeginArray();
    for (const auto& m : o.mentions) {
      w.BeginObject();
      PutSpan(w, m);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  if (options.emit_text) PutString(w, "text", doc.text);
  w.Key("rejected");
  if (doc.rejected) {
    w.BeginObject();
    PutString(w, "reason", *doc.rejected);
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
  return out;
}

nlohmann::ordered_json ToRecord(const Document& doc, const RecordOptions& options) {
  return nlohmann::ordered_json::parse(RecordJson(doc, options));
}

}  // namespace vnie
