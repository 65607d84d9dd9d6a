// The country an official serves, decided in one place for the matcher and
// the coreference step (docs/officials.md, "Country"), and the state's own
// names for its offices (state_offices.tsv).
//
//   CountryEvidence ev{text_country, title_country, title_also, shape};
//   std::string provisional = OfficialCountry(ev, {});   // in the matcher
//   std::string final = OfficialCountry(ev, article);    // per person
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extractors/officials/officials_lexicon.h"
#include "extractors/officials/person_name.h"

namespace vnie {

// What one person's mentions say of their state.
struct CountryEvidence {
  std::string text;   // the words around a title: a country or place before it, in
                      // its body or after it, the body's own state, a list's state
  std::string title;  // the state a title alone implies ("Secretary of State": US)
  std::string title_also;  // other states whose offices bear the title ("KE PH")
  NameShape shape = NameShape::kWestern;
  bool international = false;  // the person's body is intergovernmental (UN, IMF, NATO)
  size_t at = 0;          // the first mention's token, and its paragraph's first token
  size_t paragraph = 0;
};

// The states the article names, by country and place words.
struct ArticleCountries {
  std::set<std::string> cited;
  std::vector<std::pair<size_t, std::string>> cues;  // token, ISO code, in text order
  std::string subject;  // the state named most often; the first named on a tie
  // The state named most often of those whose officials are not read by the
  // shape of their names (all but VN, KR, CN, JP); the first named on a tie.
  std::string western_subject;
};

// The state a name's shape belongs to (Vietnamese VN, Korean KR, Chinese
// CN, Japanese JP); "" for Western-shaped names.
std::string ShapeCountry(NameShape shape);

// Fills cited and the subjects from CUES.  When no cue names a state, from
// STATED instead: the states the article's officials serve by their own
// words or titles, one per person ("Treasury Cabinet Secretary" in a budget
// story that never writes "Kenya").
ArticleCountries CountArticleCountries(std::vector<std::pair<size_t, std::string>> cues,
                                       const std::vector<std::string>& stated);

// The rule, in order: the text's state; the title's state unless the
// article names most another state whose offices bear the title too
// (titles.tsv: "Treasury Secretary" of a Kenyan story is KE); a Vietnamese-shaped
// name's VN; a Korean, Chinese or Japanese name's state when the article
// names it (with both Koreas, the one named last in the person's paragraph
// before them, else the one named first); for any other name (one word,
// particles, a suffix alike), the state the article names most of those
// whose officials are not read by their shape (not VN, KR, CN, JP), unless
// the person serves an intergovernmental body.  "" when none applies.
std::string OfficialCountry(const CountryEvidence& e, const ArticleCountries& article);

// The state's own body and title for a generic one ("Ministry of Foreign
// Affairs" of the US is the Department of State, its Minister a Secretary),
// and the title a body gives its head (the World Bank's "Chairman" is its
// President).  A body the title implied for another state is dropped.
void ApplyStateOffices(std::string& title, std::string& organization, const std::string& country,
                       const std::string& title_country, const OfficialsLexicon& lex);

// Whether officials of COUNTRY are called by the first word of their name as
// written: the given name of Thai, Lao, Indonesian and Malaysian officials
// ("Paetongtarn", "Prabowo"), the family name of Chinese ones in Vietnamese
// transliteration ("Tập").
bool CalledByFirstWord(const std::string& country, const OfficialsLexicon& lex);

}  // namespace vnie
