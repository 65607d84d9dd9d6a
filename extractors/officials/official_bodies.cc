// The body a titled mention names and the country its words give: a listed
// body, a local body form with its place, an unlisted body with a state word,
// a body named by its kind ("the authority"), a body the title implies, a
// portfolio ministry of the article or of the official's state.
#include <algorithm>

#include "extractors/officials/official_country.h"
#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {
namespace {

// The place of UNITS (lex.place_province or lex.place_state) the text
// names last before token LIMIT ("tỉnh Bình Thuận", "Missouri
// communities"), -1 for none.
int LastPlaceBefore(const std::vector<NameToken>& tokens, size_t limit, const std::vector<bool>& units,
                    const OfficialsLexicon& lex) {
  for (size_t q = limit; q-- > 0;) {
    if (!tokens[q].word || !tokens[q].capitalized) continue;
    PhraseMatch p = lex.places.Match(tokens, q, limit);
    if (p.length && units[p.value]) return p.value;
  }
  return -1;
}

// The English name of the Vietnamese province the text names last before
// token LIMIT, "" for none.
std::string LastProvinceBefore(const std::vector<NameToken>& tokens, size_t limit, const OfficialsLexicon& lex) {
  int p = LastPlaceBefore(tokens, limit, lex.place_province, lex);
  return p >= 0 && lex.place_country[p] == "VN" ? lex.place_english[p] : "";
}

// Whether the listed body at token POS belongs to a title right before or
// after it ("NA Chairman", "Chairman of the National Assembly").
bool BodyOfATitle(const std::vector<NameToken>& tokens, size_t pos, const OfficialsLexicon& lex) {
  size_t len = lex.organizations.Match(tokens, pos, tokens.size()).length;
  if (lex.titles.Match(tokens, pos + len, tokens.size()).length) return true;
  size_t k = pos;
  if (k > 0 && tokens[k - 1].key == "the") --k;
  if (k > 0 && (lex.RolesOf(tokens[k - 1]) & kConnector)) --k;
  for (size_t b = k >= 4 ? k - 4 : 0; b < k; ++b) {
    if (lex.titles.Match(tokens, b, k).length == k - b) return true;
  }
  return false;
}

}  // namespace

bool ResolveBody(std::string_view text, const std::vector<NameToken>& tokens, size_t i, size_t title_end, size_t end,
                 const TitleInfo& info, Middle& m, const Prefix& pre, const OfficialsLexicon& lex,
                 const ListedBodies& doc_bodies, TitledMention& mention) {
  // The body: the first one the middle names, else the one before the title.
  std::string org;
  std::string org_country;
  bool org_known = false;
  // "Pham Nguyen Hung, Director General of the authority": a body named
  // by its kind refers to the last body of that kind named before it.
  bool anaphor = false;
  size_t ana_len = title_end + 1 < end && tokens[title_end].key == "of" ? AnaphorAt(tokens, title_end + 1, end, lex) : 0;
  size_t ana_end = title_end + 1 + ana_len;
  if (ana_len &&
      (ana_end >= end || (!tokens[ana_end].word && !IsPunct(tokens[ana_end], "'s")) ||
       (lex.RolesOf(tokens[ana_end]) & kStop) || (m.name.length && m.stop == ana_end))) {
    anaphor = true;
    org_known = true;
    const std::string& kind = tokens[ana_end - 1].fold;
    bool central = ana_len == 3 && tokens[title_end + 2].fold == "central";
    bool listed = false;  // the body holds a lexicon body
    m.last_content = ana_end - 1;
    for (size_t q = std::min(i, mention.name_begin); q-- > 0;) {
      if (!tokens[q].word || !tokens[q].capitalized || tokens[q].fold != kind) continue;
      size_t b = q;
      while (b > 0 && tokens[b - 1].word &&
             text.substr(tokens[b - 1].end, tokens[b].begin - tokens[b - 1].end).find('\n') == std::string_view::npos &&
             (tokens[b - 1].capitalized ||
              ((lex.RolesOf(tokens[b - 1]) & kConnector) && b >= 2 && tokens[b - 2].capitalized &&
               tokens[b - 2].word && !(lex.RolesOf(tokens[b - 1]) & kModifier))))
        --b;
      while (b < q && (lex.RolesOf(tokens[b]) & kModifier)) ++b;
      size_t e = q + 1;  // "Civil Aviation Authority of Vietnam"
      if (e + 1 < tokens.size() && tokens[e].key == "of" && tokens[e + 1].word && tokens[e + 1].capitalized) {
        e += 2;
        while (e < tokens.size() && tokens[e].word && tokens[e].capitalized) ++e;
      }
      std::string found = b < q ? Slice(text, tokens, b, e) : "";
      bool in_lexicon = false;
      for (const auto& [pos, value] : doc_bodies) in_lexicon |= pos >= b && pos < e;
      // "the central bank" is no commercial bank the article named.
      if (central && !found.empty() && !in_lexicon && lex.OrgTextHas(found, kBusiness) &&
          !lex.OrgTextHas(found, kStateBody))
        continue;
      org = found;
      listed = in_lexicon;
      break;
    }
    // "chairman of the board" with no earlier Board: a title businesses
    // also use needs a kind only the state has.
    if (org.empty() && (info.kind == TitleKind::kNeedsOrg || info.shared) && !(lex.RolesOf(kind) & kStateKind)) {
      return false;
    }
    // "director of the bank" after "Vietcombank Joint Stock Commercial
    // Bank": a business's officer is no official.
    if (!org.empty() && !listed && lex.OrgTextHas(org, kBusiness) && !lex.OrgTextHas(org, kStateBody)) {
      return false;
    }
  }
  size_t raw_end = m.raw_end;
  while (raw_end != kNone && raw_end > m.raw_begin &&
         (!tokens[raw_end - 1].word || (lex.RolesOf(tokens[raw_end - 1]) & kConnector)))
    --raw_end;
  bool has_raw = m.raw_begin != kNone && raw_end != kNone && raw_end > m.raw_begin;
  if (has_raw) {
    bool only_claimed = true;
    for (size_t q = m.raw_begin; q < raw_end && only_claimed; ++q) only_claimed = Claimed(m, q);
    if (only_claimed) has_raw = false;  // "Mayor of Seoul": a place, not a body
  }
  // The body of a second, concurrent title ("Deputy Prime Minister and
  // Foreign Minister", "Phó Thủ tướng, Bộ trưởng Ngoại giao") is not the
  // reported title's: the person is reported with the first title alone.
  if (m.second_title != kNone) {
    if (m.org_pos != kNone && m.org_pos > m.second_title) m.org = -1, m.org_pos = kNone;
    if (m.form_pos != kNone && m.form_pos > m.second_title) m.form_pos = kNone;
    if (has_raw && m.raw_begin > m.second_title) has_raw = false;
  }
  size_t lex_pos = std::min(m.org_pos, m.form_pos);
  if (anaphor) {
    // resolved above
  } else if (has_raw && (lex_pos == kNone || m.raw_begin < lex_pos)) {
    std::string raw = !m.raw_english.empty() ? m.raw_english : Slice(text, tokens, m.raw_begin, raw_end);
    // "Chủ tịch UBND tỉnh." with no place and no name after it: a
    // province's body kind in English, as when a name follows (a
    // district's form stays as written).
    if (m.raw_english.empty()) {
      std::string english = EnglishLocalBody(tokens, m.raw_begin, raw_end, lex);
      if (!english.empty()) raw = english;
      PhraseMatch form = lex.org_forms.Match(tokens, m.raw_begin, raw_end);
      const std::string& tmpl = form.length ? lex.org_template[form.value] : raw;
      if (form.length == raw_end - m.raw_begin && tmpl.rfind("{place} Provincial ", 0) == 0) raw = tmpl.substr(8);
    }
    // "đến thăm tỉnh Bình Thuận ... Bí thư Tỉnh ủy X": a provincial body
    // written without its place is the province the text named last.
    if (raw.rfind("Provincial ", 0) == 0) {
      std::string province = LastProvinceBefore(tokens, std::min(i, mention.name_begin), lex);
      if (!province.empty()) raw = province + " " + raw;
    }
    if (info.kind == TitleKind::kMinistry && !(lex.RolesOf(tokens[m.raw_begin]) & kOrgHead)) {
      raw = "Ministry of " + raw;
      org_known = true;
    }
    org = raw;
    if (!org_known) {
      const std::string& folded = org;
      org_known = lex.OrgTextHas(folded, kStateBody) || lex.OrgTextHas(folded, kOrgHead);
      // A business word before the body's state word rules the body out
      // ("the ASEAN Business Advisory Council"); one after it is the
      // body's field ("Vụ Quản lý các doanh nghiệp nhỏ").
      size_t first_business = kNone, first_state = kNone;
      for (size_t q = m.raw_begin; q < raw_end; ++q) {
        uint32_t roles = lex.RolesOf(tokens[q]);
        if ((roles & kBusiness) && first_business == kNone) first_business = q;
        if ((roles & (kStateBody | kOrgHead)) && first_state == kNone) first_state = q;
      }
      if (first_business != kNone && (first_state == kNone || first_business < first_state)) org_known = false;
      if (!org_known) {
        // "President of Vingroup": not a state body.  An office that
        // businesses do not use keeps its holder, without the body
        // ("Vice Mayor for Political Affairs").
        if (info.kind == TitleKind::kNeedsOrg || info.shared) {
          return false;
        }
        // "European Commissioner for Economy": the title's own body.
        org = info.organization;
      }
    }
  } else if (m.form_pos != kNone && m.form_pos <= m.org_pos) {
    org = m.form_org;
    org_known = true;
  } else if (m.org != -1) {
    org = lex.org_info[m.org].english;
    org_country = lex.org_info[m.org].country;
    org_known = true;
    // "Tổng cục Hải quan Trung Quốc": another state's body whose English
    // name names its own state ("General Department of Vietnam Customs")
    // is reported as written; a generic name ("Ministry of Planning and
    // Investment") serves any state.
    if (!org_country.empty() && m.country_pos != kNone && m.country_pos == m.org_end && m.country != org_country &&
        NamesACountry(org, lex)) {
      org = Slice(text, tokens, m.org_pos, m.country_end);
      org_country.clear();
    }
  } else if (!pre.org_name.empty()) {
    org = pre.org_name;
    org_country = pre.org_country;
    org_known = true;
  } else if (!info.organization.empty()) {
    org = info.organization;
    org_known = true;
  }
  if (info.kind == TitleKind::kNeedsOrg && !org_known) {
    // A place names the body's seat: "Mayor of Seoul" keeps no body,
    // "Chairman of Hanoi" keeps the city, "Hanoi Vice Chairman" none.
    if (m.place.empty() && !pre.place) {
      return false;
    }
    org = !m.place.empty() ? m.place : LocalBody(pre.place_name, pre.place_country, info.title, pre.province);
  }
  // "Ho Chi Minh City Party Chief": a place's party chief is its secretary.
  if (org.empty() && pre.place && info.title == "General Secretary" && (lex.RolesOf(tokens[title_end - 1].fold) & kPartyChief)) {
    mention.title = "Secretary";
    org = LocalBody(pre.place_name, pre.place_country, mention.title, pre.province);
  }
  if (org.empty() && pre.place) org = LocalBody(pre.place_name, pre.place_country, info.title, pre.province);
  // "Mayor of London", "Virginia Gov.": the place a governor or mayor
  // governs is the body, by its English name.  A Vietnamese city's
  // government is its People's Committee, which its chairman heads.
  if (org.empty() && info.place_body) {
    bool middle = !m.place.empty();
    const std::string& place = middle ? m.place : pre.place_name;
    const std::string& country = middle ? m.place_country : pre.place_country;
    if (!place.empty()) org = country == "VN" ? LocalBody(place, country, info.title, middle ? false : pre.province) : place;
  }
  mention.organization = org;
  // The words around the title, then the title (official_country.h);
  // the article's say comes per person, in the coreference step.
  mention.text_country = !pre.country.empty() ? pre.country
                         : !m.country.empty() ? m.country
                         : !org_country.empty() ? org_country
                         : !m.place_country.empty() ? m.place_country
                                                    : pre.place_country;
  mention.title_country = !info.country.empty() ? info.country
                          : m.second_title_value >= 0 ? lex.title_info[m.second_title_value].country
                                                      : "";
  mention.title_also = info.also_states;
  // A title that names its state ("Chủ tịch Trung Quốc", "Đại diện Thương
  // mại Hoa Kỳ") gives it as the text does.
  if (mention.text_country.empty() && !info.country.empty()) {
    for (size_t q = i; q < title_end; ++q) {
      PhraseMatch c = lex.countries.Match(tokens, q, title_end);
      if (c.length && lex.country_code[c.value] == info.country) mention.text_country = info.country;
    }
  }
  mention.country = OfficialCountry({mention.text_country, mention.title_country, mention.title_also}, {});
  // "Korean Consul General in Ho Chi Minh City": the consulate of the state
  // the words name, in its host place, by the name the state's missions bear.
  if (mention.organization.empty() && info.consulate_body && !m.host_place.empty()) {
    auto name = lex.state_name.find(mention.text_country);
    if (name != lex.state_name.end())
      mention.organization = "Consulate General of " + name->second + " in " + m.host_place;
  }
  bool from_title = !org.empty() && org == info.organization && !mention.country.empty();
  if ((org.empty() || from_title) && !anaphor) {
    // "Trade Minister Ahn Duk-geun" in an article that names the Ministry
    // of Trade, Industry and Energy; "Deputy Governor" of a central bank
    // the article names.
    bool minister = info.title.find("Minister") != std::string::npos && info.title.find("Prime") == std::string::npos;
    bool governor = false;
    std::vector<std::string> portfolio;
    for (size_t q = i; q < title_end; ++q) {
      if (!tokens[q].word) continue;
      const std::string& f = tokens[q].fold;
      uint32_t roles = lex.RolesOf(f);
      if ((roles & kGovernor) || (q > i && (lex.RolesOf(tokens[q - 1].fold + " " + f) & kGovernor))) governor = true;
      if (!(roles & kRank)) portfolio.push_back(f);
    }
    // With no country in the text, the name's shape picks among bodies of
    // several states: "Trade Minister Ahn Duk-geun" is not the Vietnamese
    // Minister of Industry and Trade's.
    std::string shape_country = ShapeCountry(mention.shape);
    bool resolved = false;
    for (const auto& [pos, value] : doc_bodies) {
      const OrgInfo& body = lex.org_info[value];
      if (!mention.country.empty() && !body.country.empty() && body.country != mention.country) continue;
      if (mention.country.empty() && !shape_country.empty() && !body.country.empty() &&
          body.country != shape_country)
        continue;
      if (from_title && body.country != mention.country) continue;
      bool fits = false;
      if (minister && !portfolio.empty() && body.english.rfind("Ministry", 0) == 0) {
        fits = true;
        for (const auto& w : portfolio) fits &= HasWord(body.english, w);
      }
      if (governor && HasWord(body.english, "bank")) fits = true;
      // "the Speaker, Mr. X" in a story on the House of Representatives;
      // not a house another office names ("NA Chairman Vuong Dinh Hue and
      // Speaker Kim Jin-pyo").
      if (info.legislature_body && body.legislature && !BodyOfATitle(tokens, pos, lex)) fits = true;
      if (fits) {
        mention.organization = body.english;
        if (mention.country.empty()) mention.country = mention.text_country = body.country;
        resolved = true;
        break;
      }
    }
    // "South Korea's Finance Minister" in an article that names no
    // ministry: the one ministry of the official's state whose name holds
    // every portfolio word (Ministry of Economy and Finance).
    if (!resolved && minister && !portfolio.empty() && !mention.country.empty()) {
      std::string only;
      bool several = false;
      for (const OrgInfo& body : lex.org_info) {
        if (body.country != mention.country || body.english.rfind("Ministry", 0) != 0) continue;
        bool fits = true;
        for (const auto& w : portfolio) fits &= HasWord(body.english, w);
        if (!fits) continue;
        if (only.empty()) only = body.english;
        else if (only != body.english) several = true;
      }
      if (!only.empty() && !several) mention.organization = only;
    }
  }
  // "... more Missouri communities and farms," Gov. Mike Parson said: a
  // governor whose words name no place governs the state the text named
  // last before them (a Western-shaped name, of that state's country).
  if (mention.organization.empty() && info.place_body && info.title == "Governor" &&
      ShapeCountry(mention.shape).empty()) {
    int p = LastPlaceBefore(tokens, i, lex.place_state, lex);
    if (p >= 0 && (mention.text_country.empty() || mention.text_country == lex.place_country[p])) {
      mention.organization = lex.place_english[p];
      if (mention.text_country.empty()) mention.text_country = lex.place_country[p];
      mention.country = OfficialCountry({mention.text_country, mention.title_country, mention.title_also}, {});
    }
  }
  return true;
}

}  // namespace vnie::matcher
