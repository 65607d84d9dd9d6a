// The tense of a sentence, which decides the year of a partial date and the
// week of a weekday: the nearest past or future marker, read clause by clause.
#include <algorithm>
#include <cctype>

#include "extractors/dates/date_grammar_impl.h"

namespace vnie::dates {

namespace {

// Blanks the quoted speech of a sentence ("...", “...”) unless the date
// phrase (the NUL byte) stands inside it: a reporting sentence's tense is the
// tense of its own verb ("\"We will act,\" she told a meeting on Monday").
void BlankQuotesAwayFromPhrase(std::string& s) {
  size_t open = std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"' && s[i] != '\xE2') continue;
    const bool straight = s[i] == '"';
    const bool left = s.compare(i, 3, "\xE2\x80\x9C") == 0;
    const bool right = s.compare(i, 3, "\xE2\x80\x9D") == 0;
    if (!straight && !left && !right) continue;
    if (open == std::string::npos && (straight || left)) {
      open = i;
    } else if (open != std::string::npos && (straight || right)) {
      const size_t close = i + (right ? 3 : 1);
      if (s.find('\0', open) >= close) {
        for (size_t k = open; k < close; ++k) s[k] = ' ';
      }
      open = std::string::npos;
      i = close - 1;
    }
  }
}

// A word of LOWER[b, e) that reads as a regular English past verb: it ends
// in "-ed", is not a form that is mostly an adjective or noun ("limited",
// "based", "hundred", "speed") and does not follow an article or "be"
// ("the revised plan", "is expected").
bool RegularPastIn(const std::string& lower, size_t b, size_t e, const Lexicon& lex,
                   const std::unordered_set<std::string>& adjectives) {
  size_t i = b;
  while (i < e && i < lower.size()) {
    while (i < e && !std::isalpha(static_cast<unsigned char>(lower[i]))) ++i;
    size_t j = i;
    while (j < e && std::isalpha(static_cast<unsigned char>(lower[j]))) ++j;
    if (j - i >= 5 && lower.compare(j - 2, 2, "ed") == 0 && lower.compare(j - 3, 3, "eed") != 0 &&
        (i == 0 || lower[i - 1] == ' ') && !(j < lower.size() && (lower[j] == '-' || IsWordChar(lower[j])))) {
      bool adjective = adjectives.count(lower.substr(i, j - i)) > 0;
      if (const auto* words = lex.Words("en", "EDBLOCK")) {
        for (const Word& w : *words) {
          const size_t n = w.lower.size() + 1;  // the word and a space
          if (i >= n && lower[i - 1] == ' ' && lower.compare(i - n, n - 1, w.lower) == 0 &&
              (i == n || !IsWordChar(lower[i - n - 1]))) {
            adjective = true;
          }
        }
      }
      if (!adjective) return true;
    }
    i = j;
  }
  return false;
}

}  // namespace

void DateGrammar::Impl::BuildTenseMarkers() {
  for (const char* lang : {"en", "vi"}) {
    auto& markers = tense_markers[lang];
    int order = 0;
    for (auto [cls, t] : {std::pair{"FUTURE", Tense::kFuture}, std::pair{"PAST", Tense::kPast}}) {
      for (std::string_view l : {std::string_view(lang), std::string_view("*")}) {
        const auto* words = lex.Words(l, cls);
        if (!words) continue;
        for (const Word& w : *words) {
          size_t first = 0;
          while (first < w.lower.size() && IsWordChar(At(w.lower, first)))
            first += std::max<size_t>(1, U8_LENGTH(At(w.lower, first)));
          markers[w.lower.substr(0, first)].push_back(TenseMarker{w.lower, t, order++});
        }
      }
    }
  }
  if (const auto* words = lex.Words("en", "ADJED")) {
    for (const Word& w : *words) adjectives_in_ed.insert(w.lower);
  }
}

Tense DateGrammar::TenseOf(std::string_view sentence, std::string_view lang) const {
  // SENTENCE is the text before the date phrase followed by the text after
  // it; the marker nearest to the phrase decides.  The caller passes the
  // phrase position as a NUL byte.
  std::string lower = LowerCase(sentence);
  BlankQuotesAwayFromPhrase(lower);
  const size_t at = lower.find('\0');
  const size_t here = at == std::string::npos ? 0 : at;
  // "hồi tháng 1", "back in May": a PASTBEFORE word just before the phrase
  // puts it in the past whatever the sentence's verbs say.
  if (at != std::string::npos) {
    size_t e = here;
    while (e > 0 && lower[e - 1] == ' ') --e;
    for (std::string_view l : {lang, std::string_view("*")}) {
      const auto* words = impl_->lex.Words(l, "PASTBEFORE");
      if (!words || e == here) continue;
      for (const Word& w : *words) {
        const std::string& word = w.lower;
        if (e >= word.size() && lower.compare(e - word.size(), word.size(), word) == 0 &&
            !IsWordChar(Before(lower, e - word.size()))) {
          return Tense::kPast;
        }
      }
    }
  }
  // The clause around the phrase: a sentence joined with ", and", ", but",
  // "; " (CLAUSE words) can hold two tenses ("passed the law in January,
  // and it takes effect on July 1"); a marker in the phrase's own clause
  // wins over a nearer one in another.
  size_t clause_b = 0, clause_e = lower.size();
  for (std::string_view l : {lang, std::string_view("*")}) {
    const auto* words = impl_->lex.Words(l, "CLAUSE");
    if (!words) continue;
    for (const Word& w : *words) {
      const std::string& word = w.lower;
      for (size_t p = lower.find(word); p != std::string::npos; p = lower.find(word, p + 1)) {
        if (word.back() != ' ' && IsWordChar(At(lower, p + word.size()))) continue;
        if (p + word.size() <= here) clause_b = std::max(clause_b, p + word.size());
        else if (p >= here) clause_e = std::min(clause_e, p);
      }
    }
  }
  // Inside the clause, the part between commas ("The law, passed in June,
  // takes effect ...") holds the phrase's own verb when it has a marker.
  size_t part_b = clause_b, part_e = clause_e;
  for (size_t p = lower.find(", ", clause_b); p != std::string::npos && p < clause_e; p = lower.find(", ", p + 1)) {
    if (p + 2 <= here) part_b = std::max(part_b, p + 2);
    else if (p >= here) part_e = std::min(part_e, p);
  }
  // The markers, word by word: at each word start, the markers that begin
  // with that word.  The nearest wins; at equal distance, the one listed
  // first, then the earlier.
  struct Best {
    long d = -1;
    int order = 0;
    Tense tense = Tense::kUnknown;
    void Offer(long nd, int norder, Tense t) {
      if (d < 0 || nd < d || (nd == d && norder < order)) d = nd, order = norder, tense = t;
    }
  };
  Best best, best_in, best_part;
  const auto markers = impl_->tense_markers.find(lang);
  // Whether a word character starts at byte I (its length in *N).
  auto word_at = [&](size_t i, size_t* n) {
    const unsigned char b = static_cast<unsigned char>(lower[i]);
    if (b < 0x80) {
      *n = 1;
      return std::isalnum(b) != 0;
    }
    const UChar32 c = At(lower, i);
    *n = std::max<size_t>(1, U8_LENGTH(c));
    return IsWordChar(c);
  };
  for (size_t p = 0, n = 0; markers != impl_->tense_markers.end() && p < lower.size();) {
    if (!word_at(p, &n)) {
      p += n;
      continue;
    }
    size_t q = p + n;
    while (q < lower.size() && word_at(q, &n)) q += n;
    auto it = markers->second.find(std::string_view(lower).substr(p, q - p));
    if (it != markers->second.end()) {
      for (const TenseMarker& m : it->second) {
        const std::string& word = m.text;
        if (lower.compare(p, word.size(), word) != 0 || IsWordChar(At(lower, p + word.size()))) continue;
        // "will be held", "is to be signed": a passive after a modal is not past.
        if (m.tense == Tense::kPast && p >= 3 && lower.compare(p - 3, 3, "be ") == 0 &&
            (p == 3 || !IsWordChar(Before(lower, p - 3)))) {
          continue;
        }
        // "expected to hit", "will hit": a verb after "to" or a modal is no past form.
        if (m.tense == Tense::kPast) {
          bool bare = false;
          for (std::string_view l : {lang, std::string_view("*")}) {
            const auto* before_words = impl_->lex.Words(l, "BAREBEFORE");
            if (!before_words) continue;
            for (const Word& w : *before_words) {
              const size_t k = w.lower.size() + 1;  // the word and a space
              if (p >= k && lower[p - 1] == ' ' && lower.compare(p - k, k - 1, w.lower) == 0 &&
                  (p == k || !IsWordChar(Before(lower, p - k)))) {
                bare = true;
                break;
              }
            }
          }
          if (bare) continue;
        }
        const long d = static_cast<long>(p > here ? p - here : here - p - word.size());
        // The order breaks ties as the lists are read: marker by marker, each
        // from the start of the sentence.
        const int order = m.order * 2 + (p > here ? 1 : 0);
        best.Offer(d, order, m.tense);
        if (p >= clause_b && p + word.size() <= clause_e) best_in.Offer(d, order, m.tense);
        if (p >= part_b && p + word.size() <= part_e) best_part.Offer(d, order, m.tense);
      }
    }
    p = q;
  }
  const long best_part_d = best_part.d;
  const Tense tense_part = best_part.tense, tense_in = best_in.tense, tense = best.tense;
  const long best_in_d = best_in.d;
  if (best_part_d >= 0) return tense_part;
  // English verbs past the word lists: a regular past form ("officials
  // stressed at a news conference late Thursday", "Deleting those saved
  // $31,000 by the end of May") in the phrase's own part.
  if (lang == "en" && RegularPastIn(lower, part_b, part_e, impl_->lex, impl_->adjectives_in_ed)) return Tense::kPast;
  return best_in_d >= 0 ? tense_in : tense;
}

}  // namespace vnie::dates
