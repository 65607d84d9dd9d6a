// Word and punctuation tokens of normalized text, the unit the officials
// matcher works on.
//
//   std::vector<NameToken> tokens = TokenizeForNames(doc.text, 0, doc.text.size());
//
// A word is a run of letters and digits; a hyphen or apostrophe between two
// letters stays inside the word ("Yun-mo"), except a possessive "'s"/"’s",
// which is its own token.  Every other non-space character is a one-character
// token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnie {

struct NameToken {
  size_t begin = 0;  // byte range in the tokenized text
  size_t end = 0;
  std::string text;  // as written
  std::string fold;  // AsciiFold for words; punctuation mapped to ASCII (’ -> ', – -> -)
  // The lookup key: the lowercase word when it has diacritics, else the fold.
  // "Vụ" (department) and "Vũ" (a family name) differ; "Vu" matches neither.
  std::string key;
  bool word = false;
  bool capitalized = false;  // a word whose first letter is uppercase
  bool all_caps = false;     // a word of two or more letters, all uppercase
  bool marked = false;       // a word with a non-ASCII letter (a diacritic)
  bool hyphenated = false;   // a word with an inner hyphen
  // The key's number in the officials lexicon's vocabulary (0: no lexicon
  // holds it), set by OfficialsLexicon::Intern; kNotInterned until then.
  static constexpr uint32_t kNotInterned = UINT32_MAX;
  uint32_t id = kNotInterned;
};

// The tokens of TEXT[begin, end).  Offsets refer to TEXT.
std::vector<NameToken> TokenizeForNames(std::string_view text, size_t begin, size_t end);

// The folded forms of PHRASE's tokens, for lexicon entries.
std::vector<NameToken> TokenizePhrase(std::string_view phrase);

}  // namespace vnie
