// Ranges of two found dates: "from A to B", "từ A đến B", "between A and
// B", two written days around a dash; a relative day with its date in
// brackets ("Sáng nay (2/7)") first becomes one mention.
#include "extractors/dates/date_grammar_impl.h"

namespace vnie::dates {

void DateGrammar::JoinRanges(std::string_view text, std::string_view lang, std::vector<DateMatch>& matches) const {
  auto words = impl_->range_words.find(lang);
  if (words == impl_->range_words.end()) return;
  auto joinable = [](const DateMatch& m) {
    const DatePoint& p = m.expression.begin;
    // "from Monday to Wednesday": two weekdays make a range too.
    const bool weekday = p.weekday && !p.hour;
    // "từ chiều tối qua đến rạng sáng nay (25/4)": days counted from the article's.
    const bool counted_day = p.day_offset && !p.same_day && !p.week_offset && !p.hour;
    return !m.expression.end && !m.expression.first_months && !m.expression.last_months && !m.expression.months_to &&
           !m.expression.first_days && m.mod.empty() &&
           (!m.relative || weekday || counted_day) && !p.decade && (p.year || p.month || weekday || counted_day);
  };
  auto day_like = [](const DatePoint& p) { return p.day.has_value() || (p.day_offset && !p.same_day); };
  std::vector<DateMatch> out;
  // "Sáng nay (2/7)", "yesterday (July 1)": the date in brackets gives the
  // value; joined first, so that it can end a range.
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i + 1 < matches.size() && matches[i].relative && matches[i + 1].explicit_day) {
      const DateMatch& b = matches[i + 1];
      std::string_view gap = text.substr(matches[i].end, b.begin - matches[i].end);
      if (Lexicon::Collapse(std::string(gap)) == "(" && b.end < text.size() && text[b.end] == ')') {
        DateMatch joined = b;
        joined.begin = matches[i].begin;
        joined.end = b.end + 1;
        joined.rule = "apposition";
        out.push_back(std::move(joined));
        ++i;
        continue;
      }
    }
    out.push_back(std::move(matches[i]));
  }
  matches = std::move(out);
  out.clear();
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i + 1 < matches.size() && joinable(matches[i]) && joinable(matches[i + 1])) {
      DateMatch& a = matches[i];
      const DateMatch& b = matches[i + 1];
      // "từ 17h ngày 24/4 đến 5h sáng 25/4": the start may carry a time before it.
      size_t start_b = a.begin, start_e = a.end;
      int start_hour = -1, start_minute = -1;
      if (!(a.explicit_day && AttachTime(text, &start_b, &start_e, &start_hour, &start_minute) && start_b < a.begin &&
            start_e == a.end)) {
        start_b = a.begin;
        start_hour = -1;
      }
      const size_t window = std::min<size_t>(start_b, 30);
      re2::StringPiece before(text.data() + start_b - window, window);
      re2::StringPiece from;
      re2::StringPiece between(text.data() + a.end, b.begin - a.end);
      const bool same_grain = a.expression.begin.weekday.has_value() == b.expression.begin.weekday.has_value() &&
                              day_like(a.expression.begin) == day_like(b.expression.begin) &&
                              a.expression.begin.quarter.has_value() == b.expression.begin.quarter.has_value();
      // "từ thứ Hai đến thứ Sáu" in office hours, "every week from Monday
      // to Friday": a GENERIC word in the sentence makes it no date.
      const bool generic = a.expression.begin.weekday &&
                           impl_->InSentence(text, a.begin, b.end, lang, "GENERIC", true);
      if (generic) {
        ++i;
        continue;
      }
      // "từ ngày 18/7 đến 17h ngày 30/7": the end may carry a time before it.
      size_t end_b = b.begin, end_e = b.end;
      int end_hour = -1, end_minute = -1;
      if (b.explicit_day && !RE2::FullMatch(between, *words->second.second) &&
          AttachTime(text, &end_b, &end_e, &end_hour, &end_minute) && end_b > a.end && end_e == b.end) {
        between = re2::StringPiece(text.data() + a.end, end_b - a.end);
      } else {
        end_hour = -1;
      }
      // The cheap tests first: the two dates are near, alike and joined by a
      // "to" word; then a "from" word before the first.
      const bool to_joined = same_grain && b.begin - a.end <= 20 && RE2::FullMatch(between, *words->second.second);
      const bool from_found = to_joined && RE2::PartialMatch(before, *words->second.first, &from);
      // "02-02-2020 - 03-03-2020", "ngày 1 tháng 1 đến ngày 31 tháng 12 năm
      // 2020": two written days around a dash or "to", the second with its
      // year, need no "from".
      const bool dash_pair = to_joined && !from_found && a.explicit_day && b.explicit_day && b.expression.begin.year &&
                             end_hour < 0;
      if (dash_pair) from = re2::StringPiece(text.data() + start_b, 0);
      if (to_joined && (from_found || dash_pair) &&
          (impl_->lex.Value(lang, "PAIRFROM", std::string_view(from.data(), from.size())) ||
           !impl_->Moved(text, from.data() - text.data(), lang))) {
        // "between A and B": a pair's words go together.
        const bool pair_from = impl_->lex.Value(lang, "PAIRFROM", std::string_view(from.data(), from.size())).has_value();
        const bool pair_to = impl_->lex.Value(lang, "PAIRTO", std::string_view(between.data(), between.size())).has_value();
        if (pair_from == pair_to) {
          DateMatch joined = a;
          joined.begin = from.data() - text.data();
          joined.end = b.end;
          joined.expression.end = b.expression.begin;
          if (end_hour >= 0) joined.expression.end->hour = end_hour, joined.expression.end->minute = end_minute;
          if (start_hour >= 0) joined.expression.begin.hour = start_hour, joined.expression.begin.minute = start_minute;
          joined.explicit_day = false;
          joined.rule = "joined_range";
          out.push_back(std::move(joined));
          ++i;
          continue;
        }
      }
    }
    out.push_back(std::move(matches[i]));
  }
  matches = std::move(out);
}

}  // namespace vnie::dates
