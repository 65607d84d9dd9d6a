// The officials extractor's lexicons: titles, organizations, countries,
// places, honorifics, family names and function words, loaded once from the
// data files beside this header (extractors/officials/*.tsv).  English and
// Vietnamese entries live in the same tables: the matcher has no language
// branches.
//
//   const OfficialsLexicon& lex = OfficialsLexicon::Get();
//   PhraseMatch m = lex.titles.Match(tokens, i, end);
//   if (m.length) { const TitleInfo& t = lex.title_info[m.value]; ... }
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/officials/name_tokens.h"

namespace vnie {

struct PhraseMatch {
  size_t length = 0;  // tokens matched; 0 for no match
  int value = -1;     // the entry's index in its info table
};

// Multi-token phrases matched on token keys (NameToken::key), longest first:
// a phrase word written with diacritics matches only that spelling, one
// written without matches by its ASCII fold.  A phrase
// token written in capitals (an abbreviation, "MOTIE", "US") matches only the
// same capitals; a phrase whose first token is capitalized ("Mỹ", "Bộ Công
// Thương") needs a capitalized first token in the text; lowercase phrase
// tokens match any case.
class PhraseTable {
 public:
  void Add(std::string_view phrase, int value);
  // Most tokens start no phrase: an interned one that does not is turned
  // away here, inline, before the trie is walked.
  [[gnu::always_inline]] PhraseMatch Match(const std::vector<NameToken>& tokens, size_t i, size_t end) const {
    if (i < end && i < tokens.size()) {
      const uint32_t id = tokens[i].id;
      if (id != NameToken::kNotInterned && (id >= first_.size() || !first_[id])) return {};
    }
    return Walk(tokens, i, end);
  }

 private:
  PhraseMatch Walk(const std::vector<NameToken>& tokens, size_t i, size_t end) const;

  // A phrase ending at a trie node.
  struct Entry {
    std::vector<std::string> exact;  // non-empty for all-caps phrase tokens
    bool first_capitalized = false;
    int value = -1;
  };
  // A trie on the keys' vocabulary numbers (NameToken::id): matching walks
  // it from the first token, so a lookup costs one step per token matched,
  // however many phrases share a first word ("Bộ", "Ministry"), and no
  // string is hashed once a text's tokens are interned.
  struct Node {
    std::unordered_map<uint32_t, Node> next;
    std::vector<Entry> ends;  // in the order added
  };
  Node root_;
  std::vector<bool> first_;  // by id: the key starts a phrase
};

// How a title phrase combines with what follows it.
enum class TitleKind {
  kOffice,       // an office by itself (Prime Minister, Ambassador); "shared"
                 // is an office that businesses also name (President)
  kMinistry,     // "Minister of X": X names a ministry
  kNeedsOrg,     // also used in business (Chairman, Director): needs a state body
  kCounterpart,  // "his counterpart": takes the other official's title
  kBeforeName,   // an office only right before a Vietnamese-shaped name
                 // ("Deputy Nguyen Thi Kim Thuy" is a National Assembly deputy)
};

struct TitleInfo {
  std::string title;         // SPEC.md canonical title
  TitleKind kind = TitleKind::kOffice;
  std::string organization;  // implied body, "" for none
  std::string country;       // implied country, "" for none
  std::string also_states = "";  // other states whose offices bear the title, space-separated
  bool shared = false;       // also a business title (President): see kind "shared"
  bool place_body = false;   // "{place}": the place the office governs is its body (a mayor's city)
  bool legislature_body = false;  // "{legislature}": the house the article names (a Speaker's)
  bool consulate_body = false;    // "{consulate}": the consulate of the mention's state in its host place
};

struct OrgInfo {
  std::string english;  // the name vnie reports
  std::string country;  // ISO code when the body belongs to one state, else ""
  bool ministry = false;
  bool international = false;  // an intergovernmental body: its officials serve no one state
  bool legislature = false;    // a house of a legislature (a Speaker's body)
};

// Roles of single words and short phrases (function_words.tsv).
enum WordRole : uint32_t {
  kConnector = 1u << 0,     // inside an organization name: of, and, for, và
  kModifier = 1u << 1,      // before a title: the, his, visiting, former, nguyên
  kHost = 1u << 2,          // "to"/"tại" before the host country of a mission
  kOrgHead = 1u << 3,       // Ministry, Department, Bộ, Cục, Sở, Ủy ban
  kStateBody = 1u << 4,     // marks a state body: Ministry, People's Committee
  kBusiness = 1u << 5,      // marks a business: Group, Corporation, Tập đoàn
  kNotName = 1u << 6,       // a capitalized word that never starts a name
  kBlockBefore = 1u << 7,   // before a name, makes it a place: đường, phố, TP
  kBlockAfter = 1u << 8,    // after a name, makes it a place: City, Street
  kStop = 1u << 9,          // ends an organization: at, in, said
  kNameSuffix = 1u << 10,   // after a Western name: Jr., Sr., III
  kNameParticle = 1u << 11, // lowercase inside a Western name: von, der, van, de
  kSpeech = 1u << 12,       // a speech verb after a bare Vietnamese short name: cho biết, nói
  kListJoin = 1u << 13,     // joins the members of a list of officials: and, và
  kBodyKind = 1u << 14,     // names a body by its kind, lowercase: "the authority", "the ministry's"
  kStateKind = 1u << 15,    // a body kind only the state has: ministry, agency (not board, bank)
  kKindAdjective = 1u << 16,  // between "the" and a body kind: same, central, provincial
  kUnitProvince = 1u << 17,   // in a local body form, the unit it names: tỉnh
  kUnitCity = 1u << 18,       // TP, thành phố, thành ủy
  kUnitDistrict = 1u << 19,   // huyện, quận, thị
  kRank = 1u << 20,         // a word of a title that is no portfolio: minister, deputy, vice, first
  kGovernor = 1u << 21,     // a central bank's head: governor, thống đốc
  kPartyChief = 1u << 22,   // a place's party chief is its Secretary: chief
  kPlural = 1u << 23,       // before an office named once for several people: các
  kPlacePrep = 1u << 24,    // before a place: a bare short form after it is a town ("in Vinh"): in, tại
  kSpeechAdverb = 1u << 25, // between a short name and its speech verb: cũng
};

enum NameCulture : uint32_t {
  kVietnamese = 1u << 0,
  kKorean = 1u << 1,
  kChinese = 1u << 2,
  kJapanese = 1u << 3,
};

class OfficialsLexicon {
 public:
  // The lexicon built from the embedded data files; built on first use.
  static const OfficialsLexicon& Get();

  PhraseTable titles;
  std::vector<TitleInfo> title_info;
  PhraseTable organizations;
  std::vector<OrgInfo> org_info;
  PhraseTable countries;
  std::vector<std::string> country_code;
  PhraseTable places;
  std::vector<std::string> place_english;
  std::vector<std::string> place_country;  // ISO code, "" when none
  std::vector<bool> place_province;  // a Vietnamese province (its committees are "Provincial")
  std::vector<bool> place_state;     // a federal state (a US state: its governor's body)
  PhraseTable org_forms;                  // "UBND tỉnh" + place -> template
  std::vector<std::string> org_template;  // "{place} Provincial People's Committee"
  PhraseTable honorifics;
  // state_offices.tsv: a state's own body for a generic one, (generic body,
  // country) -> body; its own title, (country, title) -> title; the title a
  // body gives its head, (body, title) -> title; states whose officials are
  // called by the first word of their name as written.
  std::map<std::pair<std::string, std::string>, std::string> state_body;
  std::map<std::pair<std::string, std::string>, std::string> state_title;
  // (body, title) -> (title, the one state whose body it is, "" for any)
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> head_title;
  std::map<std::string, std::string> state_name;  // ISO code -> the name a state's missions bear ("the Republic of Korea")
  std::set<std::string> first_word_countries;
  std::set<std::string> mononym_countries;   // states whose people often bear one name
  std::set<std::string> international_bodies;  // English names of intergovernmental bodies
  // syllables.tsv: the initials and finals of Vietnamese syllables written
  // without diacritics and of Pinyin syllables, in the file's order.
  std::vector<std::string> vietnamese_initials, vietnamese_finals, pinyin_initials, pinyin_finals;

  // Roles of the phrase given as space-joined token keys; 0 when none.
  uint32_t RolesOf(std::string_view key) const;
  // Roles of one token's key, by its vocabulary number once interned.
  uint32_t RolesOf(const NameToken& token) const {
    if (token.id == NameToken::kNotInterned) return RolesOf(token.key);
    return token.id < id_roles_.size() ? id_roles_[token.id] : 0;
  }
  // Numbers every token's key in the vocabulary of all the lexicons'
  // words, once per text: every later lookup of the token is by number.
  void Intern(std::vector<NameToken>& tokens) const;
  // Cultures whose family names include the word TOKEN; 0 when none.  A
  // word with diacritics must match an entry's spelling ("Trương" is a family
  // name, "Trường" is not); a plain word matches by its fold.
  uint32_t FamilyCultures(const NameToken& token) const;
  // Whether the organization text ORG contains a word or phrase with ROLE.
  bool OrgTextHas(std::string_view org, WordRole role) const;

 private:
  OfficialsLexicon();
  // Every token of a sentence asks for its roles and few have one: a key's
  // (length, first byte) is looked up in a bit set before any hashing, and
  // the map is searched with the view itself.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static size_t RoleSlot(std::string_view key) {
    return std::min<size_t>(key.size(), 63) * 256 + (key.empty() ? 0 : static_cast<unsigned char>(key[0]));
  }
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> roles_;
  std::bitset<64 * 256> role_may_;
  std::vector<uint32_t> id_roles_;  // roles of one-word keys, by vocabulary number
  std::unordered_map<std::string, uint32_t> families_;         // by fold
  std::unordered_map<std::string, uint32_t> marked_families_;  // by spelling
};

// The vocabulary: every token key of every phrase table and function word,
// numbered from 1 as the lexicons load (then read-only).
uint32_t VocabularyId(std::string_view key);  // 0 when absent
uint32_t VocabularyAdd(std::string_view key);

// Space-joined keys of TOKENS[begin, end).
std::string JoinKeys(const std::vector<NameToken>& tokens, size_t begin, size_t end);

// Space-joined folds of TOKENS[begin, end).
std::string JoinFolds(const std::vector<NameToken>& tokens, size_t begin, size_t end);
// Whether JoinFolds(TOKENS, BEGIN, END) is KEY, without building it.
bool FoldsJoinTo(const std::vector<NameToken>& tokens, size_t begin, size_t end, std::string_view key);

}  // namespace vnie
