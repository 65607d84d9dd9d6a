// Person names as the officials matcher recognizes them: Vietnamese (family
// name first, called by the last syllable), Korean and Chinese (family name
// first, called by it), Japanese (called by the family name, first or last)
// and Western (called by the last word).
//
//   PersonName n = MatchPersonName(tokens, i, end, lexicon);
//   if (n.length) { ... tokens[i, i + n.length) is a name of shape n.shape ... }
#pragma once

#include <string>
#include <vector>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/officials_lexicon.h"

namespace vnie {

// kJapanese is given name first ("Fumio Kishida"); kJapaneseFamilyFirst is
// the order Vietnamese news often uses ("Kishida Fumio").
enum class NameShape { kVietnamese, kKorean, kChinese, kJapanese, kJapaneseFamilyFirst, kWestern };

struct PersonName {
  size_t length = 0;  // tokens; 0 when no name starts here
  NameShape shape = NameShape::kWestern;
};

// The name that starts at TOKENS[i] (not past END), recognized by its family
// name (family_names.tsv).  No name when the words are a place ("Ho Chi Minh
// City", "đường Lê Duẩn") or a lexicon organization or country.
// AFTER_PLACE_WORD: the word before (tỉnh, TP) ends a body named earlier with
// its place ("UBND tỉnh Lê Đức Giang"), so it does not make the name a place.
PersonName MatchPersonName(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex,
                           bool after_place_word = false);

// Whether TOKENS[i] may be part of a Western-shaped name found by position
// only (two capitalized words right before or after a title).
bool CouldBeGivenOrSurname(const std::vector<NameToken>& tokens, size_t i, const OfficialsLexicon& lex);

// The folded word a later short mention uses for a name of SHAPE whose
// folded words are WORDS: the last for Vietnamese, Japanese and Western
// names, the first (the family name) for Korean and Chinese ones.
std::string ShortFormKey(NameShape shape, const std::vector<std::string>& words);

// The index of the short-form word in WORDS (see ShortFormKey).
size_t ShortFormIndex(NameShape shape, size_t word_count);

}  // namespace vnie
