#include "extractors/dates/date_stage.h"

#include <cctype>
#include <cstdio>

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

// The index of the sentence of DOC holding byte B (npos-like when none).
size_t SentenceIndex(const Document& doc, size_t b) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (doc.sentences[i].begin <= b && b < doc.sentences[i].end) return i;
  }
  return static_cast<size_t>(-2);
}

// Whether the phrase at byte B follows a word that makes its year a limit
// rather than the time of the sentence ("by 2030", "until 2025", "đến năm 2030").
bool AfterLimitWord(const std::string& text, size_t b) {
  const size_t from = b > 16 ? b - 16 : 0;
  std::string before = text.substr(from, b - from);
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"by ", "until ", "till ", "through ", "to ", "before ", "đến ", "tới ", "trước "}) {
    if (before.size() >= w.size() && before.compare(before.size() - w.size(), w.size(), w) == 0) {
      const size_t at = before.size() - w.size();
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(before[at - 1]))) return true;
    }
  }
  return false;
}

// Whether the phrase at B follows "until", "till" or "đến hết".
bool AfterUntil(const std::string& text, size_t b) {
  const size_t from = b > 16 ? b - 16 : 0;
  std::string before = text.substr(from, b - from);
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"until ", "till ", "đến hết "}) {
    if (before.size() >= w.size() && before.compare(before.size() - w.size(), w.size(), w) == 0) {
      const size_t at = before.size() - w.size();
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(before[at - 1]))) return true;
    }
  }
  return false;
}

// The value R moved by YEARS years at every end ("2024-04/2024-06" →
// "2023-04/2023-06"); a time is dropped to its day.  Nothing when a day does
// not exist in the new year (29 February).
std::optional<dates::ResolvedDate> ShiftYears(const dates::ResolvedDate& r, int years) {
  if (!r.value) return std::nullopt;
  std::string out;
  std::string_view v = *r.value;
  while (true) {
    const size_t slash = v.find('/');
    std::string_view part = v.substr(0, slash);
    if (part.size() > 10) part = part.substr(0, 10);
    if (part.size() < 4 || !std::isdigit(static_cast<unsigned char>(part[0]))) return std::nullopt;
    const int year = std::stoi(std::string(part.substr(0, 4))) + years;
    if (part.size() == 10 && std::stoi(std::string(part.substr(8, 2))) >
                                 dates::DaysInMonth(year, std::stoi(std::string(part.substr(5, 2)))))
      return std::nullopt;
    if (!out.empty()) out += '/';
    out += std::to_string(year) + std::string(part.substr(4));
    if (slash == std::string_view::npos) break;
    v.remove_prefix(slash + 1);
  }
  dates::ResolvedDate shifted;
  shifted.value = out;
  shifted.grain = r.grain == "minute" ? "day" : r.grain;
  return shifted;
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
    // The year and month of the last resolved mention ("a year earlier",
    // "the previous month" count from them).
    std::optional<dates::ResolvedDate> previous;
    std::optional<std::pair<int, int>> previous_month;
    // The last year the current sentence named on its own ("Năm 2023, ...",
    // "In 2021, ...", "năm tới"): it anchors a later month, day or quarter
    // that gives no year in the same sentence.
    std::optional<int> sentence_year;
    size_t sentence_year_of = static_cast<size_t>(-1);
    for (DateMatch& m : matches) {
      size_t b = m.begin, e = m.end;
      const size_t sentence = SentenceIndex(doc, b);
      dates::DatePoint& p = m.expression.begin;
      if (m.same_unit == "month" && previous_month && p.month_offset) {
        int y = previous_month->first, mo = previous_month->second + *p.month_offset;
        while (mo < 1) mo += 12, --y;
        while (mo > 12) mo -= 12, ++y;
        p.year = y;
        p.month = mo;
        p.month_offset.reset();
        m.relative = false;
      }
      const bool yearless = !p.year && !p.year_offset && (p.month || p.day || p.quarter) && !p.month_offset && !p.day_offset &&
                            !p.weekday && !p.same_day && !m.expression.first_months && !m.expression.last_months &&
                            (!m.expression.end || (!m.expression.end->year && !m.expression.end->year_offset));
      if (yearless && sentence_year && sentence_year_of == sentence) p.year = *sentence_year;
      // A year with a mod ("đầu năm 2025", "late 2024") is a part of a year
      // and anchors nothing: "ra mắt vào đầu năm 2025, còn ... vào cuối tháng 10".
      const bool year_alone = (p.year || p.year_offset) && m.mod.empty() && !p.month && !p.day && !p.quarter && !p.decade &&
                              !m.expression.end && !m.expression.first_months && !m.expression.last_months;
      if (year_alone && !AfterLimitWord(doc.text, m.begin)) {
        if (p.year) {
          sentence_year = *p.year;
        } else if (anchor.year) {
          sentence_year = *anchor.year + *p.year_offset;
        } else {
          sentence_year.reset();
        }
        sentence_year_of = sentence;
      }
      const bool one_day = m.explicit_day || (!m.expression.end && (p.weekday || (p.day_offset && !p.same_day)));
      int from_hour = -1, from_minute = -1;
      if (one_day) {
        int hour, minute;
        if (grammar_.AttachTime(doc.text, &b, &e, &hour, &minute, &from_hour, &from_minute)) {
          m.expression.begin.hour = hour;
          m.expression.begin.minute = minute;
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
      dates::Tense tense = m.future ? dates::Tense::kFuture : grammar_.TenseOf(SentenceAround(doc, b, e), lang);
      if (tense == dates::Tense::kPast && AfterUntil(doc.text, m.begin)) {
        // "the tax was cut until June 30": the end of a state that may still
        // hold; the nearest reading decides.
        tense = dates::Tense::kUnknown;
      }
      dates::ResolvedDate r = dates::ResolveDate(m.expression, anchor, tense, previous_day);
      if (m.same_unit == "year" && previous && p.year_offset) {
        // "a year earlier": the period the text last named, a year moved.
        if (auto shifted = ShiftYears(*previous, *p.year_offset)) r = *shifted;
      } else if (m.same_unit == "namedyear" && previous && p.year_offset && previous->value) {
        // "the previous year": the year before the one the text last named
        // (when a range spans years, the article's year counts instead).
        const std::string& v = *previous->value;
        const size_t slash = v.find('/');
        if (slash == std::string::npos || v.compare(0, 4, v, slash + 1, 4) == 0) {
          r.value = std::to_string(std::stoi(v.substr(0, 4)) + *p.year_offset);
          r.grain = "year";
        }
      }
      if (from_hour >= 0 && r.value && r.grain == "minute" && r.value->size() == 16) {
        // "from 10 a.m. to 6 p.m. on Saturday": an interval of minutes on that day.
        char start[8];
        std::snprintf(start, sizeof start, "%02d:%02d", from_hour, from_minute);
        r.value = r.value->substr(0, 11) + start + "/" + *r.value;
      }
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
      // "data showed Wednesday. Exports grew 5.6 percent from a year
      // earlier": a weekday or "yesterday" is when the news was told, not the
      // period a later "a year earlier" counts from.
      const bool telling_day = !m.explicit_day && !m.expression.end && (p.weekday || (p.day_offset && !p.same_day));
      if (r.value && r.value->size() >= 4 && r.value->compare(0, 4, "XXXX") != 0 && r.grain != "decade" && !telling_day) {
        const std::string& v = *r.value;
        previous = r;
        if (v.size() >= 7 && v[4] == '-' && v[5] != 'Q' && v.find('/') == std::string::npos) {
          previous_month = std::make_pair(std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)));
        } else {
          previous_month.reset();
        }
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
