#include "pipeline/sinks/record.h"

namespace vnie {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

void PutSpan(Json& j, const TextSpan& span) {
  j["text"] = span.text;
  j["start"] = span.start;
  j["end"] = span.end;
}

}  // namespace

nlohmann::ordered_json ToRecord(const Document& doc, const RecordOptions& options) {
  Json r;
  r["schema"] = 1;
  r["doc_id"] = doc.doc_id;
  r["source"] = {{"path", doc.source.path}, {"bytes", doc.source.bytes}};
  if (doc.source.url) r["source"]["url"] = *doc.source.url;
  if (doc.source.offset) r["source"]["offset"] = *doc.source.offset;
  r["encoding"] = doc.encoding.empty() ? Json(nullptr) : Json(doc.encoding);
  r["lang"] = doc.lang.empty() ? Json(nullptr) : Json(doc.lang);
  r["title"] = OptionalString(doc.title);
  r["published"] = OptionalString(doc.published);
  Json dates = Json::array();
  for (const auto& d : doc.dates) {
    Json j;
    PutSpan(j, d.span);
    j["value"] = OptionalString(d.value);
    j["grain"] = d.grain.empty() ? Json(nullptr) : Json(d.grain);
    if (!d.mod.empty()) j["mod"] = d.mod;
    if (!d.relative.empty()) j["relative"] = d.relative;
    dates.push_back(std::move(j));
  }
  r["dates"] = std::move(dates);
  Json money = Json::array();
  for (const auto& m : doc.money) {
    Json j;
    PutSpan(j, m.span);
    j["amount"] = m.amount;
    j["currency"] = m.currency;
    if (!m.qualifier.empty()) j["qualifier"] = m.qualifier;
    if (!m.amount_min.empty()) j["amount_min"] = m.amount_min;
    if (!m.amount_max.empty()) j["amount_max"] = m.amount_max;
    money.push_back(std::move(j));
  }
  r["money"] = std::move(money);
  Json officials = Json::array();
  for (const auto& o : doc.officials) {
    Json j;
    j["entity"] = o.entity;
    j["name"] = o.name;
    j["name_key"] = o.name_key;
    j["title"] = o.title;
    j["organization"] = OptionalString(o.organization);
    j["country"] = OptionalString(o.country);
    Json mentions = Json::array();
    for (const auto& m : o.mentions) {
      Json mj;
      PutSpan(mj, m);
      mentions.push_back(std::move(mj));
    }
    j["mentions"] = std::move(mentions);
    officials.push_back(std::move(j));
  }
  r["officials"] = std::move(officials);
  if (options.emit_text) r["text"] = doc.text;
  r["rejected"] = doc.rejected ? Json{{"reason", *doc.rejected}} : Json(nullptr);
  return r;
}

}  // namespace vnie
