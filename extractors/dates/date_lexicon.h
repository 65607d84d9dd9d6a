// The words of the date grammar (the data files beside it, one lexicon of
// classes per language) and the text tests its rules share: code points at a
// byte, word characters, clean phrase edges.  Internal to extractors/dates.
#pragma once

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/text/unicode_text.h"

namespace vnie::dates {

inline int ToInt(std::string_view s) { return std::atoi(std::string(s).c_str()); }

// The rows of the data file FILE of extractors/dates/.
std::vector<std::vector<std::string_view>> Table(std::string_view file);

// One word or phrase of a lexicon class.
struct Word {
  std::string text;
  std::string value;
  bool exact = false;
  std::string lower;  // TEXT in lower case, made once: sentences ask for it many times
};

// A hash of strings that also takes views, so that a map keyed by strings
// is looked up with no string built (with std::equal_to<>).
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The words of each class, per language, and their values by lower-case key.
class Lexicon {
 public:
  void Add(std::string_view lang, std::string_view cls, std::string_view text, std::string_view value,
           bool exact) {
    words_[Key(lang, cls)].push_back(Word{std::string(text), std::string(value), exact, LowerCase(text)});
    values_[Key(lang, cls) + "\x1f" + LowerCase(text)] = std::string(value);
  }
  // The value of TEXT in class CLS for LANG (or for every language).
  std::optional<std::string> Value(std::string_view lang, std::string_view cls, std::string_view text) const {
    const std::string folded = Collapse(LowerCase(text));
    std::string key;  // one string for both keys: phrases ask many times
    for (std::string_view l : {lang, std::string_view("*")}) {
      key.assign(l).append(1, ':').append(cls).append(1, '\x1f').append(folded);
      auto it = values_.find(key);
      if (it != values_.end()) return it->second;
    }
    return std::nullopt;
  }
  // An RE2 alternation of the class's words, longest first.
  std::string Alternation(std::string_view lang, std::string_view cls) const {
    std::vector<const Word*> all;
    for (std::string_view l : {lang, std::string_view("*")}) {
      if (l == "*" && lang == "*" && !all.empty()) break;  // asked for the shared words alone
      auto it = words_.find(Key(l, cls));
      if (it == words_.end()) continue;
      for (const Word& w : it->second) all.push_back(&w);
    }
    if (all.empty()) return "(?:\\x{0}\\x{0}\\x{0})";  // matches nothing in text
    std::stable_sort(all.begin(), all.end(),
                     [](const Word* a, const Word* b) { return a->text.size() > b->text.size(); });
    std::string out = "(?:";
    for (size_t i = 0; i < all.size(); ++i) {
      if (i) out += "|";
      std::string quoted;
      size_t start = 0;
      std::string_view t = all[i]->text;
      while (true) {
        size_t space = t.find(' ', start);
        quoted += RE2::QuoteMeta(t.substr(start, space == std::string_view::npos ? space : space - start));
        if (space == std::string_view::npos) break;
        quoted += "\\s+";
        start = space + 1;
      }
      out += all[i]->exact ? quoted : "(?i:" + quoted + ")";
    }
    return out + ")";
  }
  const std::vector<Word>* Words(std::string_view lang, std::string_view cls) const {
    // The key built on the stack: sentences ask for a class many times.
    char key[64];
    const size_t n = lang.size() + 1 + cls.size();
    if (n > sizeof key) {
      auto it = words_.find(Key(lang, cls));
      return it == words_.end() ? nullptr : &it->second;
    }
    std::memcpy(key, lang.data(), lang.size());
    key[lang.size()] = ':';
    std::memcpy(key + lang.size() + 1, cls.data(), cls.size());
    auto it = words_.find(std::string_view(key, n));
    return it == words_.end() ? nullptr : &it->second;
  }

  static std::string Collapse(std::string s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

 private:
  static std::string Key(std::string_view lang, std::string_view cls) {
    return std::string(lang) + ":" + std::string(cls);
  }
  // Looked up by views: one hash a lookup, no string built for it.
  std::unordered_map<std::string, std::vector<Word>, ViewHash, std::equal_to<>> words_;
  std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> values_;
};

// The lexicon of every data file (months.tsv, weekdays.tsv, relative.tsv,
// mods.tsv, numbers.tsv, words.tsv).
Lexicon LoadLexicon();

// Decodes the code point before / at byte I of S (U+0000 at the ends).
inline UChar32 Before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c < 0 ? 0xFFFD : c;
}
inline UChar32 At(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}
inline bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }
inline bool IsWordChar(UChar32 c) { return c != 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0); }

inline bool StartsClean(std::string_view text, size_t b) {
  UChar32 p = Before(text, b);
  if (IsWordChar(p)) return false;
  if (p == '$' || p == 0x20AC || p == 0xA3 || p == 0xA5 || p == 0x20AB || p == '#' || p == '+' || p == '@') return false;
  if (b < text.size() && IsDigit(static_cast<unsigned char>(text[b]))) {
    if ((p == '.' || p == ',' || p == '/' || p == ':' || p == '-') && b >= 2 && IsDigit(Before(text, b - 1))) return false;
  }
  return true;
}

inline bool EndsClean(std::string_view text, size_t e) {
  UChar32 n = At(text, e);
  if (IsWordChar(n)) return false;
  if (e > 0 && IsDigit(static_cast<unsigned char>(text[e - 1]))) {
    if (n == '%') return false;
    if ((n == '.' || n == ',' || n == '/' || n == ':' || n == '-') && e + 1 < text.size() &&
        IsDigit(static_cast<unsigned char>(text[e + 1])))
      return false;
    // "12/2015/NĐ-CP": a document number, not a date.
    if (n == '/' && IsWordChar(At(text, e + 1))) return false;
  }
  return true;
}

}  // namespace vnie::dates
