#include "extractors/officials/person_name.h"

#include <string_view>

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
  if (lex.RolesOf(tokens[i - 1]) & kBlockBefore) return true;
  return i >= 2 && (lex.RolesOf(tokens[i - 2].key + " " + tokens[i - 1].key) & kBlockBefore);
}

bool BlockedAfter(const std::vector<NameToken>& tokens, size_t after, size_t end, const OfficialsLexicon& lex) {
  return after < end && tokens[after].word && (lex.RolesOf(tokens[after]) & kBlockAfter);
}

// Whether FOLD (a lowercase ASCII word) can be a Vietnamese syllable written
// without diacritics: no f, j, w or z, and only the consonant clusters
// Vietnamese spelling has at its start and end.  "Jong", "Suk", "Yeol",
// "Hourn" cannot; "Un", "Hong", "Quoc" can.
bool VietnameseSyllableShape(const std::string& fold) {
  if (fold.empty()) return false;
  static const char* const kInitials[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c",
                                          "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"};
  static const char* const kFinals[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t"};
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  for (char c : fold) {
    if (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z') return false;
  }
  size_t b = 0;
  if (!vowel(fold[0])) {
    for (const char* ini : kInitials) {
      std::string_view v(ini);
      if (fold.compare(0, v.size(), v) == 0 && v.size() < fold.size() && vowel(fold[v.size()])) {
        b = v.size();
        break;
      }
    }
    if (b == 0) return false;
  }
  size_t e = fold.size();
  while (e > b && !vowel(fold[e - 1])) --e;
  if (e == b || e - b > 3) return false;  // no nucleus, or more vowels than a syllable holds
  std::string_view tail(fold.data() + e, fold.size() - e);
  if (tail.empty()) return true;
  for (const char* fin : kFinals) {
    if (tail == fin) return true;
  }
  return false;
}

// Whether FOLD (a lowercase ASCII word) is spelled as one or more Hanyu
// Pinyin syllables without tone marks ("lifeng", "qiang", "yi"): the shape
// of a Chinese given name written in English.  "said", "added" are not.
bool PinyinShape(std::string_view fold, size_t at = 0) {
  static const std::string_view kInitials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
                                               "k",  "h",  "j",  "q", "x", "r", "z", "c", "s", "y", "w", ""};
  static const std::string_view kFinals[] = {"iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian",
                                             "uai",  "uan",  "ai",   "ei",   "ao",  "ou",  "an",  "en",  "er",  "ia",
                                             "ie",   "iu",   "in",   "ua",   "uo",  "ui",  "un",  "ue",  "a",   "o",
                                             "e",    "i",    "u",    "v"};
  if (at == fold.size()) return at > 0;
  for (std::string_view ini : kInitials) {
    if (fold.compare(at, ini.size(), ini) != 0) continue;
    size_t f = at + ini.size();
    for (std::string_view fin : kFinals) {
      if (fold.compare(f, fin.size(), fin) == 0 && PinyinShape(fold, f + fin.size())) return true;
    }
  }
  return false;
}

// "He Lifeng", "Ma Zhaoxu": a Chinese family name that is also a common
// capitalized word ("He") starts a name only before a given name of Pinyin
// shape that no lexicon claims.
bool ChineseNameDespiteWord(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex) {
  if (!(lex.FamilyCultures(tokens[i]) & kChinese) || i + 1 >= end) return false;
  const NameToken& given = tokens[i + 1];
  return PlainWord(given) && !given.marked && !given.hyphenated && given.fold.size() >= 2 &&
         !(lex.RolesOf(given) & (kNotName | kOrgHead)) && !ClaimedByLexicon(tokens, i + 1, end, lex) &&
         PinyinShape(given.fold);
}

}  // namespace

bool CouldBeGivenOrSurname(const std::vector<NameToken>& tokens, size_t i, const OfficialsLexicon& lex) {
  if (i >= tokens.size() || !PlainWord(tokens[i])) return false;
  if (lex.RolesOf(tokens[i]) & (kNotName | kOrgHead | kStateBody | kBusiness | kConnector | kModifier))
    return false;
  for (char c : tokens[i].fold) {
    if (c >= '0' && c <= '9') return false;
  }
  return !ClaimedByLexicon(tokens, i, i + 1, lex) && !lex.honorifics.Match(tokens, i, i + 1).length;
}

PersonName MatchPersonName(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex,
                           bool after_place_word) {
  if (i >= end || !PlainWord(tokens[i])) return {};
  if (lex.RolesOf(tokens[i]) & kOrgHead) return {};
  if ((lex.RolesOf(tokens[i]) & kNotName) && !ChineseNameDespiteWord(tokens, i, end, lex)) return {};
  if (ClaimedByLexicon(tokens, i, end, lex) || (!after_place_word && BlockedBefore(tokens, i, lex))) return {};
  uint32_t cultures = lex.FamilyCultures(tokens[i]);
  PersonName out;
  auto next_plain = [&](size_t k) { return k < end && PlainWord(tokens[k]) && !(lex.RolesOf(tokens[k]) & kNotName); };
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
    // Nor when, written without diacritics, a given-name word cannot be a
    // Vietnamese syllable ("Kim Jong Un", "Kim Yo Jong").
    if (vietnamese && !marked && (cultures & (kKorean | kChinese))) {
      for (size_t k = i + 1; k < end && k < i + 4 && next_plain(k) && !tokens[k].hyphenated; ++k) {
        if (!VietnameseSyllableShape(tokens[k].fold)) {
          vietnamese = false;
          break;
        }
      }
    }
    // A family name both cultures use ("Kim", "Ha", "Do") is Vietnamese
    // unless a hyphenated Korean given name follows ("Kim Jin-pyo").
    if (vietnamese) {
      size_t k = i + 1;
      // Syllables of a Vietnamese name may spell a country or a place
      // ("Hồ Đức Phớc", "Nguyễn Sinh Nhật Tân"): only capitals count.
      // A syllable that is also a capitalized English word ("An") stays
      // inside the name: "Ho An Phong", "Dang Hoang An".
      auto inner_syllable = [&](size_t q) {
        if (q >= end || !PlainWord(tokens[q]) || !(lex.RolesOf(tokens[q]) & kNotName)) return false;
        if (tokens[q].fold.size() < 2 || !VietnameseSyllableShape(tokens[q].fold)) return false;
        bool next_name = next_plain(q + 1) && !tokens[q + 1].hyphenated;
        return next_name || (q >= i + 2 && !(q + 1 < end && tokens[q + 1].word && tokens[q + 1].capitalized));
      };
      while (k < end && k < i + 5 && (next_plain(k) || inner_syllable(k)) && !tokens[k].hyphenated) ++k;
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
      // One or two given-name words ("Wang Yi", "Gan Kim Yong"), none a
      // lexicon word ("Li Qiang Prime Minister").
      size_t k = i + 1;
      while (k < end && k < i + 3 && next_plain(k) && !ClaimedByLexicon(tokens, k, end, lex)) ++k;
      if (k - i >= 2) out = {k - i, NameShape::kChinese};
    } else if ((cultures & kJapanese) && next_plain(i + 1)) {
      out = {2, NameShape::kJapaneseFamilyFirst};
    }
  }
  if (!out.length) return {};
  if (BlockedAfter(tokens, i + out.length, end, lex)) return {};
  return out;
}

size_t ShortFormIndex(NameShape shape, size_t word_count) {
  if (word_count == 0) return 0;
  if (shape == NameShape::kKorean || shape == NameShape::kChinese || shape == NameShape::kJapaneseFamilyFirst)
    return 0;
  return word_count - 1;
}

std::string ShortFormKey(NameShape shape, const std::vector<std::string>& words) {
  if (words.empty()) return "";
  return words[ShortFormIndex(shape, words.size())];
}

}  // namespace vnie
