#include "extractors/officials/official_matcher.h"

#include <algorithm>
#include <cctype>

#include "extractors/officials/official_country.h"
#include "extractors/officials/official_matcher_parts.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {

using namespace matcher;  // the pattern families (official_matcher_parts.h)

ListedBodies FindListedBodies(const std::vector<NameToken>& tokens, const OfficialsLexicon& lex) {
  ListedBodies bodies;
  for (size_t q = 0; q < tokens.size();) {
    PhraseMatch o = lex.organizations.Match(tokens, q, tokens.size());
    if (o.length) {
      bodies.push_back({q, o.value});
      q += o.length;
    } else {
      ++q;
    }
  }
  return bodies;
}

std::vector<TitledMention> FindTitledMentions(std::string_view text, const std::vector<NameToken>& tokens,
                                              size_t begin, size_t end, const OfficialsLexicon& lex,
                                              const ListedBodies& doc_bodies) {
  std::vector<TitledMention> out;
  auto already = [&](size_t name_begin) {
    for (const auto& o : out) {
      if (o.name_begin == name_begin) return true;
    }
    return false;
  };
  size_t i = begin;
  while (i < end) {
    PhraseMatch tm = lex.titles.Match(tokens, i, end);
    if (!tm.length) {
      ++i;
      continue;
    }
    // "Chairman of the National Assembly's Economic Committee": the title
    // is "Chairman"; the possessive belongs to the body.
    while (tm.length > 1 && i + tm.length < end && IsPunct(tokens[i + tm.length], "'s")) {
      PhraseMatch shorter = lex.titles.Match(tokens, i, i + tm.length - 1);
      if (!shorter.length) break;
      tm = shorter;
    }
    const TitleInfo& info = lex.title_info[tm.value];
    size_t title_end = i + tm.length;

    Prefix pre = ScanPrefix(tokens, i, begin, lex);
    size_t prefix_begin = pre.begin;
    if (UnknownBodyBefore(tokens, prefix_begin, begin, lex, info.kind == TitleKind::kNeedsOrg || info.shared)) {
      i = title_end;
      continue;
    }

    Middle m = ScanMiddle(tokens, title_end, end, lex, info.title);
    if (info.kind == TitleKind::kBeforeName &&
        !(m.name.length && m.stop == title_end && m.name.shape == NameShape::kVietnamese)) {
      i = title_end;
      continue;
    }
    TitledMention mention;
    mention.title = info.title;
    mention.counterpart = info.kind == TitleKind::kCounterpart;
    bool backward = false;
    if (m.name.length) {
      mention.name_begin = m.stop;
      mention.name_end = m.stop + m.name.length;
      mention.shape = m.name.shape;
      // "Speaker Kim Jin-pyo of the National Assembly of Korea".
      size_t q = mention.name_end;
      while (q + 1 < end && tokens[q].word && (lex.RolesOf(tokens[q].key) & kConnector) &&
             tokens[q].key != "and" && m.org == -1 && m.form_pos == kNone) {
        ++q;
        if (q < end && tokens[q].key == "the") ++q;
        PhraseMatch org = lex.organizations.Match(tokens, q, end);
        PhraseMatch country = lex.countries.Match(tokens, q, end);
        if (org.length && m.raw_begin == kNone) {
          m.org = org.value;
          m.org_pos = q;
          q += org.length;
        } else if (country.length) {
          if (m.country.empty()) m.country = lex.country_code[country.value];
          q += country.length;
        } else {
          break;
        }
      }
    } else {
      // "Name, Title of Org": the name before the title.
      NameShape shape = NameShape::kWestern;
      size_t s = kNone;
      if (prefix_begin >= begin + 2) {
        const NameToken& sep = tokens[prefix_begin - 1];
        if (IsPunct(sep, ",") || IsPunct(sep, "-") || IsPunct(sep, "(")) {
          s = NameEndingAt(tokens, prefix_begin - 2, begin, lex, &shape);
          // A second appositive: "Đinh Tiến Dũng, Ủy viên Bộ Chính trị, Bí
          // thư Thành ủy Hà Nội" names the person of the first one.
          if (s == kNone && !out.empty() && out.back().last_token + 2 == prefix_begin &&
              out.back().name_end <= out.back().last_token) {
            s = out.back().name_begin;
            shape = out.back().shape;
          }
        }
      }
      // "Foreign Minister Wang Yi, US Secretary of State Antony Blinken": a
      // name its own title introduced is no appositive of this title when
      // a name follows this one.
      if (s != kNone) {
        for (const auto& o : out) {
          size_t unused = m.stop;
          if (o.name_begin == s && o.mention_begin < tokens[s].begin &&
              FallbackNameBefore(tokens, m.stop, title_end, end, m, lex, &unused) != kNone) {
            s = kNone;
            break;
          }
        }
      }
      if (s != kNone) {
        backward = true;
        mention.name_begin = s;
        mention.name_end = !out.empty() && s == out.back().name_begin && out.back().last_token + 2 == prefix_begin
                               ? out.back().name_end
                               : prefix_begin - 1;
        mention.shape = shape;
      } else {
        size_t fallback_end = m.stop;
        size_t a = FallbackNameBefore(tokens, m.stop, title_end, end, m, lex, &fallback_end);
        if (a == kNone) {
          i = title_end;
          continue;
        }
        mention.name_begin = a;
        mention.name_end = fallback_end;
        mention.shape = NameShape::kWestern;
        // The fallback name is not part of the body's name.
        if (m.raw_end != kNone && m.raw_end > a) m.raw_end = a;
        if (m.raw_begin != kNone && m.raw_begin >= a) m.raw_begin = m.raw_end = kNone;
      }
    }

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
         (lex.RolesOf(tokens[ana_end].key) & kStop) || (m.name.length && m.stop == ana_end))) {
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
                ((lex.RolesOf(tokens[b - 1].key) & kConnector) && b >= 2 && tokens[b - 2].capitalized &&
                 tokens[b - 2].word && !(lex.RolesOf(tokens[b - 1].key) & kModifier))))
          --b;
        while (b < q && (lex.RolesOf(tokens[b].key) & kModifier)) ++b;
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
        i = title_end;
        continue;
      }
      // "director of the bank" after "Vietcombank Joint Stock Commercial
      // Bank": a business's officer is no official.
      if (!org.empty() && !listed && lex.OrgTextHas(org, kBusiness) && !lex.OrgTextHas(org, kStateBody)) {
        i = title_end;
        continue;
      }
    }
    size_t raw_end = m.raw_end;
    while (raw_end != kNone && raw_end > m.raw_begin &&
           (!tokens[raw_end - 1].word || (lex.RolesOf(tokens[raw_end - 1].key) & kConnector)))
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
      if (info.kind == TitleKind::kMinistry && !(lex.RolesOf(tokens[m.raw_begin].key) & kOrgHead)) {
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
          uint32_t roles = lex.RolesOf(tokens[q].key);
          if ((roles & kBusiness) && first_business == kNone) first_business = q;
          if ((roles & (kStateBody | kOrgHead)) && first_state == kNone) first_state = q;
        }
        if (first_business != kNone && (first_state == kNone || first_business < first_state)) org_known = false;
        if (!org_known) {
          // "President of Vingroup": not a state body.  An office that
          // businesses do not use keeps its holder, without the body
          // ("Vice Mayor for Political Affairs").
          if (info.kind == TitleKind::kNeedsOrg || info.shared) {
            i = title_end;
            continue;
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
      if (!org_country.empty() && m.country_pos == m.org_end && m.country != org_country &&
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
        i = title_end;
        continue;
      }
      org = !m.place.empty() ? m.place : LocalBody(pre.place_name, pre.place_country, info.title, pre.province);
    }
    // "Ho Chi Minh City Party Chief": a place's party chief is its secretary.
    if (org.empty() && pre.place && info.title == "General Secretary" && (lex.RolesOf(tokens[title_end - 1].fold) & kPartyChief)) {
      mention.title = "Secretary";
      org = LocalBody(pre.place_name, pre.place_country, mention.title, pre.province);
    }
    if (org.empty() && pre.place) org = LocalBody(pre.place_name, pre.place_country, info.title, pre.province);
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
    if (backward) {
      size_t last = m.last_content != kNone ? m.last_content : title_end - 1;
      if (last < title_end - 1) last = title_end - 1;
      // Close a parenthesis the body opened: "Cục Xuất nhập khẩu (Bộ Công Thương)".
      int open = 0;
      for (size_t q = title_end; q <= last; ++q) open += IsPunct(tokens[q], "(") - IsPunct(tokens[q], ")");
      if (open > 0 && last + 1 < end && IsPunct(tokens[last + 1], ")")) ++last;
      mention.mention_begin = tokens[mention.name_begin].begin;
      mention.mention_end = tokens[last].end;
      mention.last_token = last;
    } else {
      mention.mention_begin = tokens[i].begin;
      mention.mention_end = tokens[mention.name_end - 1].end;
      mention.last_token = mention.name_end - 1;
    }
    if (!already(mention.name_begin)) {
      out.push_back(std::move(mention));
    } else if (backward && out.back().name_begin == mention.name_begin) {
      // The chained appositive: a later, more specific office replaces "other".
      TitledMention& first = out.back();
      if (first.title == "other") {
        first.title = mention.title;
        first.organization = mention.organization;
        if (first.country.empty()) first.country = mention.country;
        if (first.text_country.empty()) first.text_country = mention.text_country;
        if (first.title_country.empty()) first.title_country = mention.title_country, first.title_also = mention.title_also;
      }
      first.mention_end = mention.mention_end;
      first.last_token = mention.last_token;
    }
    i = title_end;
  }
  ShareListCountry(tokens, lex, out);
  AddPluralTitleLists(tokens, begin, end, lex, out);
  return out;
}

}  // namespace vnie
