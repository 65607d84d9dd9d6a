#include "extractors/officials/officials_lexicon.h"

#include <algorithm>
#include <stdexcept>

#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

constexpr std::string_view kDir = "extractors/officials/";

std::vector<std::vector<std::string_view>> Rows(std::string_view file) {
  return ParseTsv(EmbeddedData(std::string(kDir) + std::string(file)));
}

std::string_view Field(const std::vector<std::string_view>& row, size_t i) {
  return i < row.size() ? row[i] : std::string_view();
}

TitleKind KindOf(std::string_view s) {
  if (s == "ministry") return TitleKind::kMinistry;
  if (s == "needs_org") return TitleKind::kNeedsOrg;
  if (s == "counterpart") return TitleKind::kCounterpart;
  if (s == "before_name") return TitleKind::kBeforeName;
  if (s == "office" || s == "shared" || s.empty()) return TitleKind::kOffice;
  throw std::runtime_error("extractors/officials/titles.tsv: unknown kind '" + std::string(s) +
                           "' (use office, shared, ministry, needs_org, counterpart or before_name)");
}

uint32_t RoleOf(std::string_view s) {
  static const std::pair<std::string_view, uint32_t> kRoles[] = {
      {"connector", kConnector}, {"modifier", kModifier},   {"host", kHost},
      {"org_head", kOrgHead},    {"state", kStateBody},     {"business", kBusiness},
      {"not_name", kNotName},    {"block_before", kBlockBefore}, {"block_after", kBlockAfter},
      {"stop", kStop}, {"name_suffix", kNameSuffix},
      {"name_particle", kNameParticle}, {"speech", kSpeech}, {"list_join", kListJoin},
      {"body_kind", kBodyKind}, {"state_kind", kStateKind}, {"kind_adjective", kKindAdjective},
      {"unit_province", kUnitProvince}, {"unit_city", kUnitCity}, {"unit_district", kUnitDistrict},
      {"rank", kRank}, {"governor", kGovernor}, {"party_chief", kPartyChief},
      {"plural", kPlural}, {"place_prep", kPlacePrep}, {"speech_adverb", kSpeechAdverb}};
  for (const auto& [name, role] : kRoles) {
    if (name == s) return role;
  }
  throw std::runtime_error("extractors/officials/function_words.tsv: unknown role '" + std::string(s) + "'");
}

uint32_t CultureOf(std::string_view s) {
  if (s == "vi") return kVietnamese;
  if (s == "ko") return kKorean;
  if (s == "zh") return kChinese;
  if (s == "ja") return kJapanese;
  throw std::runtime_error("extractors/officials/family_names.tsv: unknown culture '" + std::string(s) +
                           "' (use vi, ko, zh or ja)");
}

struct Vocabulary {
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> ids;
};

Vocabulary& Vocab() {
  static Vocabulary v;
  return v;
}

uint32_t IdOf(const NameToken& t) { return t.id != NameToken::kNotInterned ? t.id : VocabularyId(t.key); }

}  // namespace

uint32_t VocabularyId(std::string_view key) {
  const auto& ids = Vocab().ids;
  auto it = ids.find(key);
  return it == ids.end() ? 0 : it->second;
}

uint32_t VocabularyAdd(std::string_view key) {
  auto& ids = Vocab().ids;
  auto it = ids.find(key);
  if (it != ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(ids.size() + 1);
  ids.emplace(std::string(key), id);
  return id;
}

std::string JoinFolds(const std::vector<NameToken>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    if (tokens[i].fold.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += tokens[i].fold;
  }
  return out;
}

bool FoldsJoinTo(const std::vector<NameToken>& tokens, size_t begin, size_t end, std::string_view key) {
  size_t at = 0;
  bool first = true;
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    const std::string& fold = tokens[i].fold;
    if (fold.empty()) continue;
    if (!first) {
      if (at >= key.size() || key[at] != ' ') return false;
      ++at;
    }
    first = false;
    if (at + fold.size() > key.size() || key.compare(at, fold.size(), fold) != 0) return false;
    at += fold.size();
  }
  return at == key.size();
}

std::string JoinKeys(const std::vector<NameToken>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    if (tokens[i].key.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += tokens[i].key;
  }
  return out;
}

void PhraseTable::Add(std::string_view phrase, int value) {
  std::vector<NameToken> tokens = TokenizePhrase(phrase);
  if (tokens.empty()) return;
  Entry e;
  e.value = value;
  e.first_capitalized = tokens[0].capitalized;
  bool any_exact = false;
  Node* node = &root_;
  uint32_t first = VocabularyAdd(tokens[0].key);
  if (first_.size() <= first) first_.resize(first + 1);
  first_[first] = true;
  for (const auto& t : tokens) {
    node = &node->next[VocabularyAdd(t.key)];
    e.exact.push_back(t.all_caps ? t.text : std::string());
    any_exact |= t.all_caps;
  }
  if (!any_exact) e.exact.clear();
  node->ends.push_back(std::move(e));
}

PhraseMatch PhraseTable::Walk(const std::vector<NameToken>& tokens, size_t i, size_t end) const {
  if (end > tokens.size()) end = tokens.size();
  PhraseMatch best;
  if (i >= end) return best;
  uint32_t first = IdOf(tokens[i]);
  if (first >= first_.size() || !first_[first]) return best;
  const Node* node = &root_;
  // The longest phrase wins; of phrases of one length, the first added.
  for (size_t k = i; k < end; ++k) {
    auto it = node->next.find(k == i ? first : IdOf(tokens[k]));
    if (it == node->next.end()) break;
    node = &it->second;
    size_t length = k - i + 1;
    for (const Entry& e : node->ends) {
      if (e.first_capitalized && !tokens[i].capitalized) continue;
      bool ok = true;
      for (size_t m = 0; m < e.exact.size() && ok; ++m) {
        ok = e.exact[m].empty() || tokens[i + m].text == e.exact[m];
      }
      if (ok) {
        best = {length, e.value};
        break;
      }
    }
  }
  return best;
}

OfficialsLexicon::OfficialsLexicon() {
  for (const auto& row : Rows("titles.tsv")) {
    TitleInfo info{std::string(Field(row, 1)), KindOf(Field(row, 2)), std::string(Field(row, 3)),
                   std::string(Field(row, 4))};
    if (info.organization == "-") info.organization.clear();
    if (info.organization == "{place}") info.organization.clear(), info.place_body = true;
    if (info.organization == "{legislature}") info.organization.clear(), info.legislature_body = true;
    if (info.organization == "{consulate}") info.organization.clear(), info.consulate_body = true;
    // "US KE PH": the title's state, then other states whose offices bear it.
    if (size_t space = info.country.find(' '); space != std::string::npos) {
      info.also_states = info.country.substr(space + 1);
      info.country.resize(space);
    }
    info.shared = Field(row, 2) == "shared";
    titles.Add(row[0], static_cast<int>(title_info.size()));
    title_info.push_back(std::move(info));
  }
  for (const auto& row : Rows("organizations.tsv")) {
    OrgInfo info{std::string(Field(row, 1)), std::string(Field(row, 2)), Field(row, 3) == "ministry"};
    info.legislature = Field(row, 3) == "legislature";
    if (info.country == "*") info.international = true, international_bodies.insert(info.english);
    if (info.country == "-" || info.country == "*") info.country.clear();
    organizations.Add(row[0], static_cast<int>(org_info.size()));
    org_info.push_back(std::move(info));
  }
  for (const auto& row : Rows("countries.tsv")) {
    countries.Add(row[0], static_cast<int>(country_code.size()));
    country_code.emplace_back(Field(row, 1));
  }
  for (const auto& row : Rows("places.tsv")) {
    places.Add(row[0], static_cast<int>(place_english.size()));
    place_english.emplace_back(Field(row, 1).empty() ? row[0] : Field(row, 1));
    place_country.emplace_back(Field(row, 2));
    place_province.push_back(Field(row, 3) == "province");
    place_state.push_back(Field(row, 3) == "state");
  }
  for (const auto& row : Rows("org_forms.tsv")) {
    org_forms.Add(row[0], static_cast<int>(org_template.size()));
    org_template.emplace_back(Field(row, 1));
  }
  for (const auto& row : Rows("honorifics.tsv")) honorifics.Add(row[0], 0);
  for (const auto& row : Rows("state_offices.tsv")) {
    std::string a(Field(row, 1)), b(Field(row, 2)), c(Field(row, 3));
    if (row[0] == "body") state_body[{a, b}] = c;
    else if (row[0] == "title") state_title[{a, b}] = c;
    else if (row[0] == "head") head_title[{a, b}] = {c, std::string(Field(row, 4))};
    else if (row[0] == "first_word") first_word_countries.insert(a);
    else if (row[0] == "name") state_name[a] = b;
    else if (row[0] == "mononym") mononym_countries.insert(a);
    else throw std::runtime_error("extractors/officials/state_offices.tsv: unknown kind '" + std::string(row[0]) +
                                  "' (use body, title, head, name, first_word or mononym)");
  }
  for (const auto& row : Rows("function_words.tsv")) {
    std::string key = JoinKeys(TokenizePhrase(row[0]), 0, SIZE_MAX);
    for (size_t i = 1; i < row.size(); ++i) roles_[key] |= RoleOf(row[i]);
    role_may_.set(RoleSlot(key));
    if (key.find(' ') == std::string::npos) {
      uint32_t id = VocabularyAdd(key);
      if (id_roles_.size() <= id) id_roles_.resize(id + 1);
      id_roles_[id] = roles_[key];
    }
  }
  for (const auto& row : Rows("syllables.tsv")) {
    std::string key = std::string(Field(row, 0)) + " " + std::string(Field(row, 1));
    std::vector<std::string>* parts = key == "vietnamese initial" ? &vietnamese_initials
                                      : key == "vietnamese final" ? &vietnamese_finals
                                      : key == "pinyin initial"   ? &pinyin_initials
                                      : key == "pinyin final"     ? &pinyin_finals
                                                                  : nullptr;
    if (!parts) throw std::runtime_error("extractors/officials/syllables.tsv: unknown row '" + key + "'");
    for (const NameToken& t : TokenizePhrase(Field(row, 2))) parts->push_back(t.fold);
  }
  for (const auto& row : Rows("family_names.tsv")) {
    std::string key = AsciiFold(row[0]);
    uint32_t cultures = 0;
    for (size_t i = 1; i < row.size(); ++i) cultures |= CultureOf(row[i]);
    bool marked = false;
    for (char c : row[0]) marked |= static_cast<unsigned char>(c) >= 0x80;
    // A spelling with diacritics matches only itself; list the plain spelling
    // too when text without diacritics should match ("Trần" and "Tran").
    if (marked) marked_families_[std::string(row[0])] |= cultures;
    else families_[key] |= cultures;
  }
}

const OfficialsLexicon& OfficialsLexicon::Get() {
  static const OfficialsLexicon lexicon;
  return lexicon;
}

uint32_t OfficialsLexicon::RolesOf(std::string_view folded) const {
  if (!role_may_[RoleSlot(folded)]) return 0;
  auto it = roles_.find(folded);
  return it == roles_.end() ? 0 : it->second;
}

void OfficialsLexicon::Intern(std::vector<NameToken>& tokens) const {
  for (NameToken& t : tokens) t.id = VocabularyId(t.key);
}

uint32_t OfficialsLexicon::FamilyCultures(const NameToken& token) const {
  if (token.marked) {
    auto it = marked_families_.find(token.text);
    return it == marked_families_.end() ? 0 : it->second;
  }
  auto it = families_.find(token.fold);
  return it == families_.end() ? 0 : it->second;
}

bool OfficialsLexicon::OrgTextHas(std::string_view org, WordRole role) const {
  // Words and two- or three-word phrases of the organization text.
  std::vector<std::string> words;
  for (const NameToken& t : TokenizePhrase(org)) words.push_back(t.key);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key;
    for (size_t n = 0; n < 3 && i + n < words.size(); ++n) {
      if (n) key.push_back(' ');
      key += words[i + n];
      if (RolesOf(key) & role) return true;
    }
  }
  return false;
}

}  // namespace vnie
