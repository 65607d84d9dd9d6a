#include "pipeline/sinks/tables.h"

namespace vnie {
namespace {

Cell OrNull(const std::string& s) { return s.empty() ? Cell() : Cell(s); }
Cell Num(int64_t v) { return std::to_string(v); }

}  // namespace

const std::array<TableDef, 5>& OutputTables() {
  static const std::array<TableDef, 5> kTables = {{
      {"documents",
       {"doc_id", "source_path", "source_bytes", "encoding", "lang", "title", "published", "rejected", "source_url",
        "source_offset"}},
      {"dates", {"doc_id", "seq", "text", "span_start", "span_end", "value", "grain", "mod", "relative"}},
      {"money",
       {"doc_id", "seq", "text", "span_start", "span_end", "amount", "currency", "qualifier", "amount_min",
        "amount_max"}},
      {"officials", {"doc_id", "entity", "name", "name_key", "title", "organization", "country"}},
      {"official_mentions", {"doc_id", "entity", "seq", "text", "span_start", "span_end"}},
  }};
  return kTables;
}

std::array<std::vector<Row>, 5> TableRows(const Document& doc) {
  std::array<std::vector<Row>, 5> t;
  t[0].push_back({doc.doc_id, doc.source.path, Num(static_cast<int64_t>(doc.source.bytes)), OrNull(doc.encoding),
                  OrNull(doc.lang), doc.title, doc.published, doc.rejected, doc.source.url,
                  doc.source.offset ? Cell(Num(static_cast<int64_t>(*doc.source.offset))) : Cell()});
  if (doc.rejected) return t;  // a rejected record has no mentions
  for (size_t i = 0; i < doc.dates.size(); ++i) {
    const auto& d = doc.dates[i];
    t[1].push_back({doc.doc_id, Num(static_cast<int64_t>(i)), d.span.text, Num(d.span.start), Num(d.span.end), d.value,
                    OrNull(d.grain), OrNull(d.mod), OrNull(d.relative)});
  }
  for (size_t i = 0; i < doc.money.size(); ++i) {
    const auto& m = doc.money[i];
    t[2].push_back({doc.doc_id, Num(static_cast<int64_t>(i)), m.span.text, Num(m.span.start), Num(m.span.end),
                    m.amount, m.currency, OrNull(m.qualifier), OrNull(m.amount_min), OrNull(m.amount_max)});
  }
  for (const auto& o : doc.officials) {
    t[3].push_back({doc.doc_id, Num(o.entity), o.name, o.name_key, o.title, o.organization, o.country});
    for (size_t i = 0; i < o.mentions.size(); ++i) {
      const auto& m = o.mentions[i];
      t[4].push_back({doc.doc_id, Num(o.entity), Num(static_cast<int64_t>(i)), m.text, Num(m.start), Num(m.end)});
    }
  }
  return t;
}

}  // namespace vnie
