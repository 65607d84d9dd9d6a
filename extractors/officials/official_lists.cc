// Lists of officials that name their state once: "Brazil's President X,
// Finance Minister Y and Foreign Minister Z", "Bộ trưởng Ngoại giao A, Bộ
// trưởng Công an B và ...".
#include "extractors/officials/official_country.h"
#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {

void ShareListCountry(const std::vector<NameToken>& tokens, const OfficialsLexicon& lex,
                      std::vector<TitledMention>& mentions) {
  // A list of officials ("Brazil's President X, Finance Minister Y and
  // Foreign Minister Z") names the state once: a member whose own words and
  // title give none serves the previous member's, unless the name's shape
  // says otherwise.
  // "A and B" alone is no list (two states' officials meet): a member after
  // "and" joins only a list whose previous member a comma joined.
  bool comma_list = false;
  for (size_t k = 1; k < mentions.size(); ++k) {
    TitledMention& m = mentions[k];
    const TitledMention& prev = mentions[k - 1];
    bool joined = prev.mention_end <= m.mention_begin, comma = false;
    size_t q = prev.last_token + 1;
    for (; joined && q < tokens.size() && tokens[q].begin < m.mention_begin; ++q) {
      comma |= IsPunct(tokens[q], ",");
      joined = IsPunct(tokens[q], ",") || (lex.RolesOf(tokens[q].key) & kListJoin);
    }
    joined &= q > prev.last_token + 1 && (comma || comma_list);
    comma_list = joined;
    if (!joined || !m.text_country.empty() || !m.title_country.empty() || prev.text_country.empty() ||
        m.counterpart)
      continue;
    std::string shape_country = ShapeCountry(m.shape);
    if (!shape_country.empty() && shape_country != prev.text_country) continue;
    m.text_country = prev.text_country;
    m.country = OfficialCountry({m.text_country, m.title_country, m.title_also}, {});
  }
}

}  // namespace vnie::matcher
