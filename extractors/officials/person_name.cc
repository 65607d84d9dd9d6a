#include "extractors/officials/person_name.h"

namespace vnie {
namespace {

bool PlainWord(const NameToken& t) { return t.word && t.capitalized && !t.all_caps; }

// Words that lexicons claim (places, countries, organizations, titles) are
// not names.
bool ClaimedByLexicon(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex) {
  return lex.places.Match(tokens, i, end).length || lex.countries.Match(tokens, i, end).length ||
         lex.organizations.Match(tokens, i, end).length || lex.titles.Match(tokens, i, end).length;
}

bool BlockedBefore(const std::vector<NameToken>& tokens, size_t i, const OfficialsLexicon& lex) {
  if (i == 0) return false;
  if (lex.RolesOf(tokens[i - 1].key) & kBlockBefore) return true;
  return i >= 2 && (lex.RolesOf(tokens[i - 2].key + " " + tokens[i - 1].key) & kBlockBefore);
}

bool BlockedAfter(const std::vector<NameToken>& tokens, size_t after, size_t end, const OfficialsLexicon& lex) {
  return after < end && tokens[after].word && (lex.RolesOf(tokens[after].key) & kBlockAfter);
}

}  // namespace

bool CouldBeGivenOrSurname(const std::vector<NameToken>& tokens, size_t i, const OfficialsLexicon& lex) {
  if (i >= tokens.size() || !PlainWord(tokens[i])) return false;
  if (lex.RolesOf(tokens[i].key) & (kNotName | kOrgHead | kStateBody | kBusiness | kConnector | kModifier))
    return false;
  for (char c : tokens[i].fold) {
    if (c >= '0' && c <= '9') return false;
  }
  return !ClaimedByLexicon(tokens, i, i + 1, lex) && !lex.honorifics.Match(tokens, i, i + 1).length;
}

PersonName MatchPersonName(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex) {
  if (i >= end || !PlainWord(tokens[i])) return {};
  if (lex.RolesOf(tokens[i].key) & (kNotName | kOrgHead)) return {};
  if (ClaimedByLexicon(tokens, i, end, lex) || BlockedBefore(tokens, i, lex)) return {};
  uint32_t cultures = lex.FamilyCultures(tokens[i]);
  PersonName out;
  auto next_plain = [&](size_t k) { return k < end && PlainWord(tokens[k]) && !(lex.RolesOf(tokens[k].key) & kNotName); };
  // Korean, Chinese and Japanese names in Latin letters carry no diacritics
  // ("Nam Á" is not a Korean name).
  if (tokens[i].marked || (i + 1 < end && tokens[i + 1].marked)) cultures &= kVietnamese;

  // Japanese names in English come given name first: "Fumio Kishida".
  if (!cultures && next_plain(i + 1) && (lex.FamilyCultures(tokens[i + 1]) & kJapanese) &&
      !tokens[i].hyphenated) {
    out = {2, NameShape::kJapanese};
  } else if (cultures) {
    bool korean_given = next_plain(i + 1) && tokens[i + 1].hyphenated && !tokens[i + 1].marked;
    bool marked = tokens[i].marked || (next_plain(i + 1) && tokens[i + 1].marked);
    bool vietnamese = (cultures & kVietnamese) && (marked || !(cultures & (kKorean | kChinese)) || !korean_given);
    if ((cultures & kKorean) && korean_given && !marked) vietnamese = false;
    // A family name both cultures use ("Kim", "Ha", "Do") is Vietnamese
    // unless a hyphenated Korean given name follows ("Kim Jin-pyo").
    if (vietnamese) {
      size_t k = i + 1;
      // Syllables of a Vietnamese name may spell a country or a place
      // ("Hồ Đức Phớc", "Nguyễn Sinh Nhật Tân"): only capitals count.
      while (k < end && k < i + 5 && next_plain(k) && !tokens[k].hyphenated) ++k;
      if (k - i >= 2) out = {k - i, NameShape::kVietnamese};
    } else if (cultures & kKorean) {
      if (next_plain(i + 1)) {
        if (tokens[i + 1].hyphenated) {
          out = {2, NameShape::kKorean};
        } else {
          size_t k = i + 1;
          while (k < end && k < i + 3 && next_plain(k) && !tokens[k].hyphenated && tokens[k].text.size() <= 6) ++k;
          if (k - i >= 2) out = {k - i, NameShape::kKorean};
        }
      }
    } else if (cultures & kChinese) {
      if (next_plain(i + 1) && !lex.places.Match(tokens, i + 1, end).length) out = {2, NameShape::kChinese};
    } else if ((cultures & kJapanese) && next_plain(i + 1)) {
      out = {2, NameShape::kJapanese};
    }
  }
  if (!out.length) return {};
  if (BlockedAfter(tokens, i + out.length, end, lex)) return {};
  return out;
}

size_t ShortFormIndex(NameShape shape, size_t word_count) {
  if (word_count == 0) return 0;
  if (shape == NameShape::kKorean || shape == NameShape::kChinese) return 0;
  return word_count - 1;
}

std::string ShortFormKey(NameShape shape, const std::vector<std::string>& words) {
  if (words.empty()) return "";
  return words[ShortFormIndex(shape, words.size())];
}

}  // namespace vnie
