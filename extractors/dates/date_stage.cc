#include "extractors/dates/date_stage.h"

#include <algorithm>
#include <cctype>

#include "extractors/dates/date_context.h"
#include "extractors/dates/date_grammar.h"
#include "extractors/dates/date_resolver.h"
#include "pipeline/metadata/published.h"

namespace vnie {
namespace {

using dates::DateGrammar;
using dates::DateMatch;

// How much of a sentence on either side of a phrase its tense is read from:
// a marker further away speaks of another phrase, and a sentence with no
// full stops (a list, a table, a page without punctuation) costs no more
// than a short one.
constexpr size_t kTenseBytes = 250;

// The index of the sentence of DOC holding byte B (npos-like when none).
size_t SentenceIndex(const Document& doc, size_t b) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), b,
                             [](size_t at, const ByteRange& s) { return at < s.begin; });
  if (it == doc.sentences.begin()) return static_cast<size_t>(-2);
  --it;
  return b < it->end ? static_cast<size_t>(it - doc.sentences.begin()) : static_cast<size_t>(-2);
}

// The first byte at or after I that starts a code point of TEXT.
size_t CharStart(std::string_view text, size_t i) {
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// The sentence of DOC around bytes [b, e) (at most kTenseBytes either side),
// with a NUL byte where the phrase is.
std::string SentenceAround(const Document& doc, size_t b, size_t e) {
  size_t from = b > 200 ? b - 200 : 0, to = std::min(doc.text.size(), e + 200);
  const size_t i = SentenceIndex(doc, b);
  if (i < doc.sentences.size() && e <= doc.sentences[i].end) {
    const ByteRange& s = doc.sentences[i];
    from = std::max(s.begin, b > kTenseBytes ? b - kTenseBytes : 0);
    to = std::min(s.end, e + kTenseBytes);
    // A cut sentence is cut between words (looked for inside the window: a
    // text with no spaces costs no more).
    if (from > s.begin) {
      const size_t space = std::string_view(doc.text).substr(from, b - from).find(' ');
      from = space == std::string_view::npos ? b : from + space + 1;
    }
    if (to < s.end) {
      const size_t space = std::string_view(doc.text).substr(e, to - e + 1).rfind(' ');
      to = space == std::string_view::npos || space == 0 ? e : e + space;
    }
  }
  from = CharStart(doc.text, from);
  to = std::max(e, CharStart(doc.text, to));
  std::string out;
  out.reserve(to - from + 1);
  out.append(doc.text, from, b - from);
  out += '\0';
  out.append(doc.text, e, to - e);
  return out;
}

class DateStage : public Stage {
 public:
  DateStage() : grammar_(DateGrammar::Get()) {}
  std::string_view name() const override { return "dates"; }

  std::optional<std::string> Process(Document& doc) const override {
    const std::string lang = doc.lang == "vi" ? "vi" : "en";
    std::vector<DateMatch> matches = grammar_.Find(doc.text, lang);

    // One dateline reader: `published`'s.  When the metadata stage did not
    // run (no language set), it is asked here.
    std::optional<std::string> published = doc.published;
    if (!published && doc.lang.empty()) published = FindPublished(doc.text);
    dates::DateContext context(grammar_, published, matches, lang);
    for (DateMatch& m : matches) {
      size_t b = m.begin, e = m.end;
      context.Prepare(m, doc.text, SentenceIndex(doc, b));
      const dates::DatePoint& p = m.expression.begin;
      const bool one_day = m.explicit_day || (!m.expression.end && (p.weekday || (p.day_offset && !p.same_day)));
      int from_hour = -1, from_minute = -1;
      if (one_day) {
        int hour, minute;
        if (grammar_.AttachTime(doc.text, &b, &e, &hour, &minute, &from_hour, &from_minute)) {
          m.expression.begin.hour = hour;
          m.expression.begin.minute = minute;
          if (from_hour >= 0) m.from_time = std::make_pair(from_hour, from_minute);
        }
      } else if (m.expression.end && p.day && !p.hour && !m.expression.end->hour) {
        // "Từ 8h ngày 24/4 đến ngày 30/4": a time before the range's first day.
        size_t tb = b, te = e;
        int hour, minute;
        if (grammar_.AttachTime(doc.text, &tb, &te, &hour, &minute) && tb < b && te == e) {
          b = tb;
          m.expression.begin.hour = hour;
          m.expression.begin.minute = minute;
        }
      }
      dates::ResolvedDate r = ResolveInSentence(doc, m, b, e, lang, context);
      if (!r.value && !m.relative) continue;
      DateMention mention;
      mention.span = doc.SpanOfBytes(b, e);
      mention.value = r.value;
      mention.grain = r.grain;
      mention.mod = m.mod;
      if (!r.value) {
        std::string_view t = mention.span.text;
        // A word that only leads into the phrase ("on", "vào") is not its text.
        for (const std::string& lead : grammar_.WordsOf(lang, "RELATIVELEAD", /*exact=*/true)) {
          if (t.substr(0, lead.size() + 1) == lead + " ") t.remove_prefix(lead.size() + 1);
        }
        mention.relative = std::string(t);
      }
      context.Remember(m, r);
      doc.dates.push_back(std::move(mention));
    }
    return std::nullopt;
  }

 private:
  // M's value.  The sentence's tense decides the year of "in March" and the
  // week of "on Friday"; most dates name their year, so the tense, costly to
  // read, is read only when the value depends on it.
  dates::ResolvedDate ResolveInSentence(const Document& doc, const DateMatch& m, size_t b, size_t e,
                                        const std::string& lang, const dates::DateContext& context) const {
    if (m.future) return context.Resolve(m, dates::Tense::kFuture);
    dates::ResolvedDate unknown = context.Resolve(m, dates::Tense::kUnknown);
    dates::ResolvedDate past = context.Resolve(m, dates::Tense::kPast);
    dates::ResolvedDate future = context.Resolve(m, dates::Tense::kFuture);
    const auto same = [](const dates::ResolvedDate& x, const dates::ResolvedDate& y) {
      return x.value == y.value && x.grain == y.grain;
    };
    if (same(unknown, past) && same(unknown, future)) return unknown;
    const dates::Tense tense = grammar_.TenseOf(SentenceAround(doc, b, e), lang);
    if (tense == dates::Tense::kFuture) return future;
    // "the tax was cut until June 30": the end of a state that may still
    // hold; the nearest reading decides.
    if (tense == dates::Tense::kPast && !context.AfterUntil(doc.text, m.begin)) return past;
    return unknown;
  }

  const DateGrammar& grammar_;
};

}  // namespace

std::unique_ptr<Stage> MakeDateStage(const PipelineOptions&) { return std::make_unique<DateStage>(); }

}  // namespace vnie
