#include "pipeline/sinks/record.h"

#include "pipeline/sinks/json_writer.h"

namespace vnie {
namespace {

void PutSpan(JsonWriter& w, const TextSpan& span) {
  w.Key("text");
  w.String(span.text);
  w.Key("start");
  w.Int(span.start);
  w.Key("end");
  w.Int(span.end);
}

// An optional key: left out when VALUE is empty.
void PutIfAny(JsonWriter& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value);
}

}  // namespace

std::string RecordJson(const Document& doc, const RecordOptions& options) {
  std::string out;
  out.reserve(512 + 96 * (doc.dates.size() + doc.money.size() + doc.officials.size()) +
              (options.emit_text ? doc.text.size() + doc.text.size() / 16 : 0));
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("schema");
  w.Int(1);
  w.Key("doc_id");
  w.String(doc.doc_id);
  w.Key("source");
  w.BeginObject();
  w.Key("path");
  w.String(doc.source.path);
  w.Key("bytes");
  w.UInt(doc.source.bytes);
  if (doc.source.url) {
    w.Key("url");
    w.String(*doc.source.url);
  }
  if (doc.source.offset) {
    w.Key("offset");
    w.UInt(*doc.source.offset);
  }
  w.EndObject();
  w.Key("encoding");
  w.StringOrNull(doc.encoding);
  w.Key("lang");
  w.StringOrNull(doc.lang);
  w.Key("title");
  w.OptionalString(doc.title);
  w.Key("published");
  w.OptionalString(doc.published);
  w.Key("dates");
  w.BeginArray();
  for (const auto& d : doc.dates) {
    w.BeginObject();
    PutSpan(w, d.span);
    w.Key("value");
    w.OptionalString(d.value);
    w.Key("grain");
    w.StringOrNull(d.grain);
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
    w.Key("amount");
    w.String(m.amount);
    w.Key("currency");
    w.String(m.currency);
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
    w.Key("entity");
    w.Int(o.entity);
    w.Key("name");
    w.String(o.name);
    w.Key("name_key");
    w.String(o.name_key);
    w.Key("title");
    w.String(o.title);
    w.Key("organization");
    w.OptionalString(o.organization);
    w.Key("country");
    w.OptionalString(o.country);
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
  if (options.emit_text) {
    w.Key("text");
    w.String(doc.text);
  }
  w.Key("rejected");
  if (doc.rejected) {
    w.BeginObject();
    w.Key("reason");
    w.String(*doc.rejected);
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
