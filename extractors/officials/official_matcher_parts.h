// The matcher's pattern families, shared by its files (not a public API):
//   official_middle.cc   what stands between a title and its name (bodies,
//                        places, countries, a second title, the name after them)
//   official_local_forms.cc  Vietnamese local body forms and their places
//   official_names.cc    what stands before a title, and names found by shape
//                        around it (Western names, a name before an apposition)
//   official_bodies.cc   the body a titled mention names and its country
//   official_lists.cc    lists of officials that name their state once
//   official_matcher.cc  the titled mention: title, body, country, name
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/official_matcher.h"
#include "extractors/officials/officials_lexicon.h"
#include "extractors/officials/person_name.h"

namespace vnie::matcher {

constexpr size_t kNone = static_cast<size_t>(-1);

inline bool IsPunct(const NameToken& t, std::string_view p) { return !t.word && t.fold == p; }

// What lies between a title and the name that follows it.
struct Middle {
  size_t stop = 0;  // token where the scan stopped (the name's first token when found)
  PersonName name;
  int org = -1;  // organizations.tsv entry
  size_t org_pos = kNone;
  std::string form_org;  // from org_forms.tsv and a place
  std::string raw_english;  // the English of a body form written with no place
  size_t form_pos = kNone;
  std::string place;
  std::string place_country;
  std::string host_place;  // the English name of a mission's host place ("in Busan", "tại TP Hồ Chí Minh")
  std::string country;
  size_t country_pos = kNone, country_end = kNone;  // the first country cue
  size_t org_end = kNone;                           // end of the lexicon body
  size_t raw_begin = kNone, raw_end = kNone;  // unlisted organization words
  size_t last_content = kNone;                // last token that belongs to the middle
  std::vector<std::pair<size_t, size_t>> claimed;  // lexicon matches
  size_t second_title = kNone;  // a second title of the same person
  int second_title_value = -1;  // its titles.tsv entry
};

inline bool Claimed(const Middle& m, size_t k) {
  for (const auto& [b, e] : m.claimed) {
    if (k >= b && k < e) return true;
  }
  return false;
}

// The middle after the title that ends at START ("of the Ministry of X",
// "Hàn Quốc", "tại Việt Nam"), up to the name; FIRST_TITLE is the title's text.
Middle ScanMiddle(const std::vector<NameToken>& tokens, size_t start, size_t end, const OfficialsLexicon& lex,
                  const std::string& first_title);

// What a local body form does to the middle (official_local_forms.cc): it
// names its place and J moves past it (kAdvanced); it names the place of an
// earlier form or none, and the name follows (kDone); or neither (kNone).
enum class FormStep { kNone, kAdvanced, kDone };
FormStep ScanLocalForm(const std::vector<NameToken>& tokens, size_t& j, size_t start, size_t end, PhraseMatch form,
                       const OfficialsLexicon& lex, Middle& m);

// A local body form and a place no table lists, TOKENS[b, e) ("UBND huyện
// Đông Sơn"), in English ("Dong Son District People's Committee"); "" when
// the words are not that.
std::string EnglishLocalBody(const std::vector<NameToken>& tokens, size_t b, size_t e, const OfficialsLexicon& lex);

// The number of leading place syllables before a name at J ("Hoàng Mai
// Nguyễn Văn Nam"), 0 for none.
size_t PlaceBeforeName(const std::vector<NameToken>& tokens, size_t j, const PersonName& name,
                       const OfficialsLexicon& lex);

// J past the honorifics and ranks that start there (", Đại tá").
size_t SkipHonorifics(const std::vector<NameToken>& tokens, size_t j, size_t end, const OfficialsLexicon& lex);

// "the ministry", "the central bank", "the same department" at token K:
// the number of tokens, 0 for none.
size_t AnaphorAt(const std::vector<NameToken>& tokens, size_t k, size_t end, const OfficialsLexicon& lex);

// What stands before a title: country, body, modifiers ("South Korea's
// National Assembly Speaker", "his South Korean counterpart", "visiting").
struct Prefix {
  size_t begin = 0;  // first token of the prefix (the title's when none)
  std::string country, org_name, org_country, place_country;
  bool place = false;  // a place stands before the title ("Hanoi Vice Chairman")
  std::string place_name;  // its English name
  bool province = false;  // a Vietnamese province ("Binh Thuan's Party Secretary")
};

Prefix ScanPrefix(const std::vector<NameToken>& tokens, size_t title_begin, size_t begin, const OfficialsLexicon& lex);

// Whether capitalized words right before PREFIX_BEGIN name a body the
// lexicons do not know that rules the title out ("Vingroup Chairman").
bool UnknownBodyBefore(const std::vector<NameToken>& tokens, size_t prefix_begin, size_t begin,
                       const OfficialsLexicon& lex, bool business_title);

// The Western-shaped name right before STOP (see official_names.cc); the
// first token or kNone, and in NAME_END one past its last.
size_t FallbackNameBefore(const std::vector<NameToken>& tokens, size_t stop, size_t lo, size_t end, const Middle& m,
                          const OfficialsLexicon& lex, size_t* name_end);

// One word right before STOP that names an official of COUNTRY, a state
// whose people often bear one name (state_offices.tsv `mononym`:
// "Indonesian Foreign Minister Sugiono"); the token or kNone.
size_t MononymBefore(const std::vector<NameToken>& tokens, size_t stop, size_t lo, size_t end, const Middle& m,
                     const std::string& country, const OfficialsLexicon& lex);

// A Western name with initials that starts at token J ("James R. Spencer",
// "S. K. Sharma"): its length in tokens, 0 for none.
size_t NameWithInitials(const std::vector<NameToken>& tokens, size_t j, size_t end, const OfficialsLexicon& lex);

// The "(" of a bracketed aside of a few words with a number (a birth year)
// that ends right before the separator at token SEP, closed ("(SN 1979),")
// or still open ("(sinh năm 1962, cựu ..."); kNone for none.
size_t AsideBefore(const std::vector<NameToken>& tokens, size_t sep, size_t lo);

// A name that ends at token LAST; the first token or kNone.
size_t NameEndingAt(const std::vector<NameToken>& tokens, size_t last, size_t lo, const OfficialsLexicon& lex,
                    NameShape* shape);

// The local body a place names before a title ("Hanoi Chairman").
std::string LocalBody(const std::string& place, const std::string& country, const std::string& title, bool province);

bool HasWord(std::string_view s, std::string_view word);
bool NamesACountry(const std::string& name, const OfficialsLexicon& lex);
std::string Slice(std::string_view text, const std::vector<NameToken>& tokens, size_t b, size_t e);

// Fills MENTION's organization and country (its name is found) from the
// middle M, the prefix PRE and the article's listed bodies; false when the
// title is no office there ("President of Vingroup") (official_bodies.cc).
bool ResolveBody(std::string_view text, const std::vector<NameToken>& tokens, size_t i, size_t title_end, size_t end,
                 const TitleInfo& info, Middle& m, const Prefix& pre, const OfficialsLexicon& lex,
                 const ListedBodies& doc_bodies, TitledMention& mention);

// Gives the members of a list of officials the state the list names once
// (official_lists.cc).
void ShareListCountry(const std::vector<NameToken>& tokens, const OfficialsLexicon& lex,
                      std::vector<TitledMention>& mentions);

// Adds the people a plural office names before a colon ("các Phó Thủ tướng:
// Trần Hồng Hà, Lê Thành Long"), each with that office (official_lists.cc).
void AddPluralTitleLists(const std::vector<NameToken>& tokens, size_t begin, size_t end, const OfficialsLexicon& lex,
                         std::vector<TitledMention>& mentions);

}  // namespace vnie::matcher
