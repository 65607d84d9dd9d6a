#include "extractors/dates/date_stage.h"

#include "extractors/dates/date_grammar.h"
#include "extractors/dates/date_resolver.h"

namespace vnie {
namespace {

using dates::Anchor;
using dates::CivilDay;
using dates::DateGrammar;
using dates::DateMatch;

// How far into the text a dateline may stand to serve as the article's date
// when the document has none.
constexpr size_t kDatelineBytes = 400;

// The sentence of DOC around bytes [b, e), with a NUL byte where the phrase is.
std::string SentenceAround(const Document& doc, size_t b, size_t e) {
  for (const ByteRange& s : doc.sentences) {
    if (s.begin <= b && e <= s.end) {
      return doc.text.substr(s.begin, b - s.begin) + '\0' + doc.text.substr(e, s.end - e);
    }
  }
  const size_t from = b > 200 ? b - 200 : 0;
  return doc.text.substr(from, b - from) + '\0' + doc.text.substr(e, 200);
}

class DateStage : public Stage {
 public:
  DateStage() : grammar_(DateGrammar::Get()) {}
  std::string_view name() const override { return "dates"; }

  std::optional<std::string> Process(Document& doc) const override {
    const std::string lang = doc.lang == "vi" ? "vi" : "en";
    std::vector<DateMatch> matches = grammar_.Find(doc.text, lang);

    Anchor anchor = Anchor::Parse(doc.published);
    if (!anchor.present) {
      // No article date: a full date in the dateline stands in for it.
      for (const DateMatch& m : matches) {
        if (m.begin > kDatelineBytes) break;
        const auto& p = m.expression.begin;
        if (m.explicit_day && p.year && !m.expression.end) {
          anchor.present = true;
          anchor.year = p.year;
          anchor.month = p.month;
          anchor.day = p.day;
          break;
        }
      }
    }

    std::optional<CivilDay> previous_day;
    for (DateMatch& m : matches) {
      size_t b = m.begin, e = m.end;
      if (m.explicit_day) {
        int hour, minute;
        if (grammar_.AttachTime(doc.text, &b, &e, &hour, &minute)) {
          m.expression.begin.hour = hour;
          m.expression.begin.minute = minute;
        }
      }
      const dates::Tense tense = grammar_.TenseOf(SentenceAround(doc, b, e), lang);
      dates::ResolvedDate r = dates::ResolveDate(m.expression, anchor, tense, previous_day);
      if (!r.value && !m.relative) continue;
      DateMention mention;
      mention.span = doc.SpanOfBytes(b, e);
      mention.value = r.value;
      mention.grain = r.grain;
      mention.mod = m.mod;
      if (!r.value) {
        std::string_view t = mention.span.text;
        for (std::string_view lead : {"on ", "On ", "vào ", "hôm ", "ngày "}) {
          if (t.substr(0, lead.size()) == lead) t.remove_prefix(lead.size());
        }
        mention.relative = std::string(t);
      }
      if (r.value && (r.grain == "day" || r.grain == "minute") && !m.expression.end &&
          r.value->find('/') == std::string::npos) {
        const std::string& v = *r.value;
        CivilDay day;
        day.year_known = v.substr(0, 4) != "XXXX";
        day.year = day.year_known ? std::stoi(v.substr(0, 4)) : 0;
        day.month = std::stoi(v.substr(5, 2));
        day.day = std::stoi(v.substr(8, 2));
        previous_day = day;
      }
      doc.dates.push_back(std::move(mention));
    }
    return std::nullopt;
  }

 private:
  const DateGrammar& grammar_;
};

}  // namespace

std::unique_ptr<Stage> MakeDateStage(const PipelineOptions&) { return std::make_unique<DateStage>(); }

}  // namespace vnie
