// Finds officials where the text names them with their office:
//   Title [of Org] [Country] Name           Vice Minister of Industry and Trade Tran Quoc Khanh
//   [Country's] [Org] Title Name            South Korea's National Assembly Speaker Woo Won-shik
//   Name, [the country's] Title [of Org]    Nguyễn Huy Hoàng, director of the Institute ...
//   his Country counterpart [of Org] Name   (takes the other official's title)
//   Title Org Country Name                  Thứ trưởng Bộ ... Hàn Quốc Park Sung-taek
// Honorifics and academic prefixes (Mr., Dr., Associate Prof., ông, bà) are
// skipped and kept out of the name.  Language differences live in the
// lexicons (officials_lexicon.h), not in this code.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/officials_lexicon.h"
#include "extractors/officials/person_name.h"

namespace vnie {

// One titled mention of an official.
struct TitledMention {
  size_t name_begin = 0;  // token range of the name
  size_t name_end = 0;
  NameShape shape = NameShape::kWestern;
  size_t mention_begin = 0;  // byte range of the whole mention (title and name)
  size_t mention_end = 0;
  std::string title;         // canonical title
  std::string organization;  // "" for none
  std::string country;       // "" for none: the text's, else the title's
  std::string text_country;   // the country the words around the title give
  std::string title_country;  // the country the title alone implies
  std::string title_also;     // other states whose offices bear the title (titles.tsv)
  bool counterpart = false;  // "his counterpart": title is the other official's
  size_t last_token = 0;     // the mention's last token
};

// The listed bodies the whole article names, as (first token, index in
// lex.org_info), for titles that leave their body to the context ("Trade
// Minister", "Deputy Governor", "the authority").  Found once per article.
using ListedBodies = std::vector<std::pair<size_t, int>>;
ListedBodies FindListedBodies(const std::vector<NameToken>& tokens, const OfficialsLexicon& lex);

// The titled mentions in TOKENS[begin, end) (one paragraph), in text order.
// TEXT is the text the tokens index; DOC_BODIES is FindListedBodies(TOKENS).
std::vector<TitledMention> FindTitledMentions(std::string_view text, const std::vector<NameToken>& tokens,
                                              size_t begin, size_t end, const OfficialsLexicon& lex,
                                              const ListedBodies& doc_bodies);

}  // namespace vnie
