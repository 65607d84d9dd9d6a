// What stands between a title and the name that follows it: a body ("of the
// Ministry of Industry and Trade", "Bộ Công Thương"; local forms such as
// "UBND tỉnh Quảng Nam" are read in official_local_forms.cc),
// a country or host ("Hàn Quốc", "to Vietnam", "tại Việt Nam"), honorifics,
// a second title of the same person, and the name after them.
#include <algorithm>
#include <cctype>

#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {
namespace {

constexpr size_t kMaxMiddle = 18;

// A lowercase word that names a body by its kind ("the authority", "the
// ministry's": kBodyKind in function_words.tsv).
bool IsAnaphorKind(const NameToken& t, const OfficialsLexicon& lex) {
  return t.word && !t.capitalized && (lex.RolesOf(t.fold) & kBodyKind);
}

}  // namespace

// "the ministry", "the central bank", "the same department" at token K:
// the number of tokens, 0 for none.
size_t AnaphorAt(const std::vector<NameToken>& tokens, size_t k, size_t end, const OfficialsLexicon& lex) {
  if (k + 1 >= end || !tokens[k].word || tokens[k].fold != "the") return 0;
  size_t q = k + 1;
  if (q + 1 < end && tokens[q].word && !tokens[q].capitalized && (lex.RolesOf(tokens[q].fold) & kKindAdjective)) ++q;
  return IsAnaphorKind(tokens[q], lex) ? q + 1 - k : 0;
}

Middle ScanMiddle(const std::vector<NameToken>& tokens, size_t start, size_t end, const OfficialsLexicon& lex,
                  const std::string& first_title) {
  Middle m;
  bool raw_open = true, org_head_since_punct = false;
  int lowercase_run = 0;
  size_t j = start;
  auto extend_raw = [&](size_t k) {
    if (!raw_open) return;
    if (m.raw_begin == kNone) m.raw_begin = k;
    m.raw_end = k + 1;
  };
  while (j < end && j < start + kMaxMiddle) {
    const NameToken& t = tokens[j];
    size_t lexicon_len = std::max<size_t>({lex.organizations.Match(tokens, j, end).length,
                                   lex.countries.Match(tokens, j, end).length, lex.places.Match(tokens, j, end).length});
    size_t h = lexicon_len > lex.honorifics.Match(tokens, j, end).length ? j : SkipHonorifics(tokens, j, end, lex);
    if (h > j) {
      j = h;
      raw_open = false;
      continue;
    }
    if (t.word) {
      uint32_t roles = lex.RolesOf(t);
      // "Deputy Governor of the central bank Dang Thanh Binh": a body named
      // by its kind, then the name.
      if (j == start + 1 && tokens[start].key == "of") {
        size_t len = AnaphorAt(tokens, j, end, lex);
        PersonName name = len ? MatchPersonName(tokens, j + len, end, lex) : PersonName{};
        if (name.length && name.shape != NameShape::kWestern) {
          m.last_content = j + len - 1;
          m.name = name;
          m.stop = j + len;
          return m;
        }
      }
      // A second title of the same person ("Deputy Prime Minister and
      // Foreign Minister Bui Thanh Son"): the first one is reported.
      PhraseMatch other_title = lex.titles.Match(tokens, j, end);
      if (other_title.length && lexicon_len < other_title.length && j > start) {
        // Only a title joined right to the first by "and" belongs to the same
        // person; otherwise it starts the next mention ("... Marc Knapper và
        // Thứ trưởng ...").
        // A comma joins a Deputy Prime Minister's concurrent cabinet post
        // ("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn"); before
        // another office it lists the next person ("Phó Thủ tướng, Chủ tịch
        // UBND TP Cần Thơ Trần Việt Trường").
        // The same holds for a party leader who is also head of state
        // ("Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith").
        const std::string& second = lex.title_info[other_title.value].title;
        bool concurrent = j == start + 1 && IsPunct(tokens[start], ",") &&
                          ((first_title.find("Prime Minister") != std::string::npos &&
                            second.find("Minister") != std::string::npos && second.find("Prime") == std::string::npos) ||
                           (first_title == "General Secretary" && (second == "President" || second == "Prime Minister")));
        // "Ambassador to Belgium and head of the Vietnamese Mission to the
        // EU Nguyen Van Thao": "and" after the first title's host or body.
        bool joined = j == start + 1 && (lex.RolesOf(tokens[start]) & kConnector);
        if (!joined && j > start + 1 && (lex.RolesOf(tokens[j - 1]) & kListJoin)) {
          joined = true;
          for (size_t q = start; q + 1 < j && joined; ++q) joined = Claimed(m, q);
        }
        if (!concurrent && !joined) {
          // Back to the connector before it, over its country ("Meynardo
          // Montealegre and Vietnamese Deputy Foreign Minister ...").
          // So does a comma in a list ("Vivian Balakrishnan, Japanese
          // Foreign Minister ..."); a country or body after it is the next
          // person's.
          size_t back = j;
          while (back > start && Claimed(m, back - 1)) --back;
          if (back > start && ((lex.RolesOf(tokens[back - 1]) & kConnector) || IsPunct(tokens[back - 1], ",")))
            j = back - 1;
          if (m.country_pos != kNone && m.country_pos >= j) m.country.clear(), m.country_pos = m.country_end = kNone;
          if (m.org_pos != kNone && m.org_pos >= j) m.org = -1, m.org_pos = m.org_end = kNone;
          break;
        }
        m.claimed.push_back({j, j + other_title.length});
        if (m.second_title == kNone) {
          m.second_title = j;
          m.second_title_value = other_title.value;
        }
        if (m.raw_begin != kNone) raw_open = false;
        j += other_title.length;
        continue;
      }
      // The host right after the title or a country: "Ambassador to South
      // Korea", "Consul General in Busan"; not "Sar Sokha in Phnom Penh".
      if ((roles & kHost) && (j == start || Claimed(m, j - 1) || (lex.RolesOf(tokens[j - 1]) & kOrgHead))) {
        // "to South Korea", "tại Hàn Quốc": the host country of a mission.
        size_t k = j + 1;
        if (k < end && (lex.RolesOf(tokens[k]) & kModifier)) ++k;
        size_t len = std::max(lex.countries.Match(tokens, k, end).length, lex.places.Match(tokens, k, end).length);
        if (len) {
          m.claimed.push_back({j, k + len});
          m.last_content = k + len - 1;
          j = k + len;
          raw_open = false;
          continue;
        }
        if (!t.capitalized) break;
      }
      // "Country Director for Vietnam": the country a post covers, right
      // after the title, is not the one the official serves; "Minister for
      // Foreign Affairs" names a body.
      if (t.key == "for" && j == start) {
        size_t len = lex.countries.Match(tokens, j + 1, end).length;
        if (len && len >= lex.organizations.Match(tokens, j + 1, end).length) {
          m.claimed.push_back({j, j + 1 + len});
          m.last_content = j + len;
          j += 1 + len;
          raw_open = false;
          continue;
        }
      }
      PhraseMatch form = lex.org_forms.Match(tokens, j, end);
      // "UBND TP.HCM": when no place follows the longest form ("UBND TP."),
      // a shorter one may be followed by a place that holds the rest.
      for (size_t len = form.length; len > 1; --len) {
        if (lex.places.Match(tokens, j + len, end).length) break;
        PhraseMatch shorter = lex.org_forms.Match(tokens, j, j + len - 1);
        if (shorter.length && lex.places.Match(tokens, j + shorter.length, end).length) {
          form = shorter;
          break;
        }
      }
      if (form.length) {
        FormStep step = ScanLocalForm(tokens, j, start, end, form, lex, m);
        if (step == FormStep::kDone) return m;
        if (step == FormStep::kAdvanced) {
          raw_open = false;
          continue;
        }
      }
      PhraseMatch org = lex.organizations.Match(tokens, j, end);
      PhraseMatch country = lex.countries.Match(tokens, j, end);
      PhraseMatch place = lex.places.Match(tokens, j, end);
      if (org.length && org.length >= country.length && org.length >= place.length) {
        size_t org_end = j + org.length;
        m.claimed.push_back({j, org_end});
        m.last_content = org_end - 1;
        // A listed body is complete: lowercase words after it are not its
        // name ("Bộ trưởng Ngoại giao Australia Penny Wong vào tuần tới").
        bool after_head_only = m.raw_begin != kNone && m.raw_begin + 1 == j && (lex.RolesOf(tokens[m.raw_begin]) & kOrgHead);
        // "the National Assembly's Finance and Budget Committee": a portfolio
        // word that opens a longer body's name is part of that name.
        bool opens_longer = false;
        if (raw_open) {
          bool head_inside = false;
          for (size_t q = j; q < org_end; ++q) head_inside |= (lex.RolesOf(tokens[q]) & kOrgHead) != 0;
          for (size_t q = org_end; !head_inside && q < end && q < org_end + 5 && tokens[q].word; ++q) {
            uint32_t r = lex.RolesOf(tokens[q]);
            if (tokens[q].capitalized && (r & kOrgHead)) {
              opens_longer = true;
              break;
            }
            if (!tokens[q].capitalized && !(r & kConnector)) break;
            if (MatchPersonName(tokens, q, end, lex).length) break;
          }
        }
        // "the Soc Trang Department of Agriculture": a Vietnamese place
        // before a listed department names the province's own department.
        if (!opens_longer && raw_open && m.raw_begin != kNone && m.raw_end == j && j > start && Claimed(m, j - 1) &&
            m.place_country == "VN" && lex.org_info[org.value].english.rfind("Department", 0) == 0) {
          opens_longer = true;
          m.claimed.pop_back();  // the words are the body's name as written
        }
        if (opens_longer) {
          if (m.raw_begin == kNone) m.raw_begin = j;
          m.raw_end = org_end;
          m.last_content = org_end - 1;
          j = org_end;
          continue;
        }
        if (m.raw_begin != kNone && raw_open && j > start &&
            ((lex.RolesOf(tokens[j - 1]) & kConnector) || after_head_only)) {
          // "Hanoi Department of Industry and Trade", "Sở Y tế", "Cục Y tế dự
          // phòng": part of a longer name.
          extend_raw(j);
          extend_raw(org_end - 1);
        } else if (m.raw_begin == kNone && org_end < end && IsPunct(tokens[org_end], "'s")) {
          // "the Ministry of Industry and Trade's Asia-Africa Market
          // Department": the body after the possessive is the one.  A unit
          // named in lowercase ("the State Bank of Vietnam's second
          // inspection department") leaves the listed body.
          size_t q = org_end + 1;
          while (q < end && q < org_end + 6 && tokens[q].word && !tokens[q].capitalized &&
                 !(lex.RolesOf(tokens[q]) & kStop) && !IsAnaphorKind(tokens[q], lex))
            ++q;
          if (q > org_end + 1 && q < end && IsAnaphorKind(tokens[q], lex)) {
            if (m.org_pos == kNone) {
              m.org = org.value;
              m.org_pos = j;
              m.org_end = org_end;
            }
            m.claimed.push_back({org_end, q + 1});
            m.last_content = q;
            j = q + 1;
            continue;
          }
          ++org_end;
        } else {
          if (m.org_pos == kNone) {
            m.org = org.value;
            m.org_pos = j;
            m.org_end = org_end;
          }
          if (m.raw_begin != kNone) raw_open = false;
        }
        j = org_end;
        continue;
      }
      if (country.length && country.length >= place.length) {
        if (m.country.empty()) {
          m.country = lex.country_code[country.value];
          m.country_pos = j;
          m.country_end = j + country.length;
        }
        m.claimed.push_back({j, j + country.length});
        m.last_content = j + country.length - 1;
        // "the Vietnamese Mission to the EU": a country may open a body's
        // name; after one it ends it ("Bộ Ngoại giao Nhật Bản").
        if (m.raw_begin == kNone && raw_open) {
          extend_raw(j);
          extend_raw(j + country.length - 1);
        } else {
          raw_open = false;
        }
        j += country.length;
        continue;
      }
      if (place.length) {
        if (m.place.empty()) {
          m.place = lex.place_english[place.value];
          m.place_country = lex.place_country[place.value];
        }
        m.claimed.push_back({j, j + place.length});
        extend_raw(j);
        extend_raw(j + place.length - 1);
        m.last_content = j + place.length - 1;
        j += place.length;
        continue;
      }
      // Right after the title or its body, or after a comma that follows them.
      bool after_office = j == start || Claimed(m, j - 1) ||
                          (j >= start + 2 && IsPunct(tokens[j - 1], ",") && Claimed(m, j - 2));
      if (m.raw_begin == kNone && after_office) {
        if (size_t len = NameWithInitials(tokens, j, end, lex)) {
          m.name = {len, NameShape::kWestern};
          m.stop = j;
          return m;
        }
      }
      PersonName name = MatchPersonName(tokens, j, end, lex);
      if (name.length) {
        // "Secretary-General Kao Kim Hourn": one unknown capitalized word
        // right after the title (or its country or body) opens the name
        // whose later words an East Asian family name would start.
        if (name.shape != NameShape::kVietnamese && name.shape != NameShape::kJapanese && raw_open && m.raw_begin != kNone &&
            m.raw_begin + 1 == j && (j - 1 == start || Claimed(m, j - 2)) && CouldBeGivenOrSurname(tokens, j - 1, lex) &&
            !tokens[j - 1].marked && !lex.FamilyCultures(tokens[j - 1])) {
          m.name = {name.length + 1, NameShape::kWestern};
          m.stop = j - 1;
          m.raw_begin = m.raw_end = kNone;
          return m;
        }
        if (size_t lead = PlaceBeforeName(tokens, j, name, lex)) {
          extend_raw(j);
          extend_raw(j + lead - 1);
          m.last_content = j + lead - 1;
          name.length -= lead;
          j += lead;
        }
        m.name = name;
        m.stop = j;
        return m;
      }
      if (t.capitalized) {
        if (roles & kOrgHead) org_head_since_punct = true;
        lowercase_run = 0;
        extend_raw(j);
        m.last_content = j;
        ++j;
        continue;
      }
      // "head of the ministry's Medical Services Administration": the body
      // after the possessive is the one.
      if (t.key == "the" && j + 3 < end && IsAnaphorKind(tokens[j + 1], lex) && IsPunct(tokens[j + 2], "'s") &&
          tokens[j + 3].capitalized && m.raw_begin == kNone) {
        m.claimed.push_back({j, j + 3});
        j += 3;
        continue;
      }
      // "Ursula von der Leyen": a lowercase particle between the words of a
      // Western name.
      if ((roles & kNameParticle) && !t.marked && j > start && tokens[j - 1].word && j + 1 < end &&
          tokens[j + 1].word && !tokens[j + 1].marked &&
          (tokens[j - 1].capitalized || (lex.RolesOf(tokens[j - 1]) & kNameParticle)) &&
          (tokens[j + 1].capitalized || (lex.RolesOf(tokens[j + 1]) & kNameParticle))) {
        extend_raw(j);
        ++j;
        continue;
      }
      // A lowercase word: a connector inside a name ("of", "and", "và")
      // followed by more of the name, or a lowercase word of a Vietnamese
      // body's name after its head ("Cục Xuất nhập khẩu").
      bool next_continues = j + 1 < end && !(lex.RolesOf(tokens[j + 1]) & kStop) &&
                            (tokens[j + 1].capitalized || (lex.RolesOf(tokens[j + 1]) & kConnector) ||
                             lex.titles.Match(tokens, j + 1, end).length);
      if ((roles & kConnector) && next_continues && !(roles & kStop)) {
        if (m.raw_begin != kNone) extend_raw(j);
        ++j;
        continue;
      }
      if (org_head_since_punct && !(roles & (kStop | kConnector)) && lowercase_run < 5 && m.raw_begin != kNone) {
        ++lowercase_run;
        extend_raw(j);
        m.last_content = j;
        ++j;
        continue;
      }
      break;
    }
    // Punctuation.
    bool next_cap = j + 1 < end && (tokens[j + 1].capitalized || lex.honorifics.Match(tokens, j + 1, end).length);
    // "President Uhuru Kenyatta's last budget": a possessive before a
    // lowercase word ends a name, not a body's words.
    if (IsPunct(t, "'s") && m.raw_begin != kNone && j + 1 < end && tokens[j + 1].word &&
        !tokens[j + 1].capitalized && !IsAnaphorKind(tokens[j + 1], lex))
      break;
    if (IsPunct(t, "'s") && m.raw_begin != kNone) {
      extend_raw(j);
      ++j;
      continue;
    }
    // "Managing Director (MD) of the IMF": the title's abbreviation.
    if (IsPunct(t, "(") && j == start && j + 2 < end && tokens[j + 1].all_caps && IsPunct(tokens[j + 2], ")") &&
        !lex.organizations.Match(tokens, j + 1, j + 2).length && !lex.countries.Match(tokens, j + 1, j + 2).length) {
      m.claimed.push_back({j, j + 3});
      j += 3;
      continue;
    }
    if (IsPunct(t, "(") || IsPunct(t, ")")) {
      if (m.raw_begin != kNone) raw_open = false;
      org_head_since_punct = false;
      ++j;
      continue;
    }
    // "Vụ Thị trường châu Á - châu Phi": a dash inside a Vietnamese body's name.
    if (IsPunct(t, "-") && org_head_since_punct && m.raw_begin != kNone && raw_open && j + 1 < end &&
        tokens[j + 1].word && !(lex.RolesOf(tokens[j + 1]) & kStop)) {
      extend_raw(j);
      ++j;
      continue;
    }
    // "the head of the European Commission, Jean Dupont, and ...": a name
    // set off by commas after the office ends at its closing comma.
    if (IsPunct(t, ",") && m.raw_begin != kNone && raw_open && m.raw_end == j) {
      size_t q = j;
      while (q > m.raw_begin && j - q < 3 && tokens[q - 1].word && CouldBeGivenOrSurname(tokens, q - 1, lex)) --q;
      if (j - q >= 2 && q > start + 1 && IsPunct(tokens[q - 1], ",")) break;
    }
    // "Commerce Minister Pichai Naripthaphan, Indonesia's Trade Minister":
    // a country's possessive after a comma opens the next official.
    if (IsPunct(t, ",") && j > start && next_cap) {
      size_t c = lex.countries.Match(tokens, j + 1, end).length;
      if (c && j + 1 + c < end && IsPunct(tokens[j + 1 + c], "'s")) break;
    }
    if ((IsPunct(t, ",") || IsPunct(t, "-") || IsPunct(t, "&")) && next_cap) {
      if (IsPunct(t, "-")) raw_open = m.raw_begin == kNone;
      org_head_since_punct = false;
      if (m.raw_begin != kNone && IsPunct(t, "&")) extend_raw(j);
      ++j;
      continue;
    }
    break;
  }
  m.stop = j;
  return m;
}

}  // namespace vnie::matcher
