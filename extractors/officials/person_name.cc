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
bool VietnameseSyllableShape(const std::string& fold, const OfficialsLexicon& lex) {
  if (fold.empty()) return false;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  for (char c : fold) {
    if (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z') return false;
  }
  size_t b = 0;
  if (!vowel(fold[0])) {
    for (const std::string& ini : lex.vietnamese_initials) {
      if (fold.compare(0, ini.size(), ini) == 0 && ini.size() < fold.size() && vowel(fold[ini.size()])) {
        b = ini.size();
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
  for (const std::string& fin : lex.vietnamese_finals) {
    if (tail == fin) return true;
  }
  return false;
}

// Whether FOLD (a lowercase ASCII word) is spelled as one or more Hanyu
// Pinyin syllables without tone marks ("lifeng", "qiang", "yi"): the shape
// of a Chinese given name written in English.  "said", "added" are not.
bool PinyinShape(std::string_view fold, const OfficialsLexicon& lex, size_t at = 0) {
  if (at == fold.size()) return at > 0;
  auto finals_from = [&](size_t f) {
    for (const std::string& fin : lex.pinyin_finals) {
      if (fold.compare(f, fin.size(), fin) == 0 && PinyinShape(fold, lex, f + fin.size())) return true;
    }
    return false;
  };
  for (const std::string& ini : lex.pinyin_initials) {
    if (fold.compare(at, ini.size(), ini) == 0 && finals_from(at + ini.size())) return true;
  }
  return finals_from(at);  // a syllable that opens with its final ("an", "er")
}

// "He Lifeng", "Ma Zhaoxu": a Chinese family name that is also a common
// capitalized word ("He") starts a name only before a given name of Pinyin
// shape that no lexicon claims.
bool ChineseNameDespiteWord(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex) {
  if (!(lex.FamilyCultures(tokens[i]) & kChinese) || i + 1 >= end) return false;
  const NameToken& given = tokens[i + 1];
  return PlainWord(given) && !given.marked && !given.hyphenated && given.fold.size() >= 2 &&
         !(lex.RolesOf(given) & (kNotName | kOrgHead)) && !ClaimedByLexicon(tokens, i + 1, end, lex) &&
         PinyinShape(given.fold, lex);
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
        if (!VietnameseSyllableShape(tokens[k].fold, lex)) {
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
        if (tokens[q].fold.size() < 2 || !VietnameseSyllableShape(tokens[q].fold, lex)) return false;
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
