// Groups titled mentions into one entry per person and finds the later short
// mentions of each: the full name again, or the word each culture calls a
// person by ("Diên"/"Dien", "Park", "President Yoon", "ông Diên").  Matching
// ignores diacritics when the mention has none; a short mention that fits two
// officials stays unlinked.
//
//   std::vector<OfficialEntity> people =
//       ResolveOfficials(text, tokens, paragraphs, titled, lex, /*vietnamese_text=*/false);
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/official_matcher.h"
#include "extractors/officials/officials_lexicon.h"
#include "extractors/officials/person_name.h"

namespace vnie {

struct OfficialEntity {
  std::string name;      // the fullest form, with diacritics when any mention has them
  std::string name_key;  // AsciiFold(name)
  NameShape shape = NameShape::kWestern;
  std::vector<std::string> words;  // folded words of the name, one per token
  std::string short_key;           // folded word of later short mentions
  std::string alt_short_key;       // another one, "" for none
  bool short_first = false;        // the short form is the name's first word
  std::string title;
  std::string organization;  // "" for none
  std::string country;       // "" for none (official_country.h decides it)
  std::string text_country;   // what the mentions' words and title say of it
  std::string title_country;
  std::string title_also;
  size_t first_token = 0;     // the first titled mention's name
  std::vector<std::pair<size_t, size_t>> mentions;  // byte ranges, in text order
};

// Token index ranges [first, second) of the paragraphs.
using TokenRanges = std::vector<std::pair<size_t, size_t>>;

// The people of the document, in order of first mention.  TITLED are the
// titled mentions of every paragraph.  In VIETNAMESE_TEXT a bare short
// mention at the start of a sentence is not linked: capitalized common words
// start sentences there ("Thành phố", "Chính phủ").
std::vector<OfficialEntity> ResolveOfficials(std::string_view text, const std::vector<NameToken>& tokens,
                                             const TokenRanges& paragraphs, std::vector<TitledMention> titled,
                                             const OfficialsLexicon& lex, bool vietnamese_text);

}  // namespace vnie
