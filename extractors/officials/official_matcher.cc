#include "extractors/officials/official_matcher.h"

#include "extractors/officials/official_country.h"

#include <algorithm>
#include <cctype>

#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxMiddle = 18;
constexpr size_t kMaxPrefix = 8;

// The length L of the longest TABLE phrase that ends at token K and starts
// at or after LO; 0 for none.
size_t MatchEndingAt(const PhraseTable& table, const std::vector<NameToken>& tokens, size_t k, size_t lo,
                     int* value) {
  for (size_t len = 6; len >= 1; --len) {
    if (k + 1 < len || k + 1 - len < lo) continue;
    PhraseMatch m = table.Match(tokens, k + 1 - len, k + 1);
    if (m.length == len) {
      if (value) *value = m.value;
      return len;
    }
  }
  return 0;
}

bool IsPunct(const NameToken& t, std::string_view p) { return !t.word && t.fold == p; }

// A lowercase word that names a body by its kind ("the authority", "the
// ministry's": kBodyKind in function_words.tsv).
bool IsAnaphorKind(const NameToken& t, const OfficialsLexicon& lex) {
  return t.word && !t.capitalized && (lex.RolesOf(t.fold) & kBodyKind);
}

// "the ministry", "the central bank", "the same department" at token K:
// the number of tokens, 0 for none.
size_t AnaphorAt(const std::vector<NameToken>& tokens, size_t k, size_t end, const OfficialsLexicon& lex) {
  if (k + 1 >= end || !tokens[k].word || tokens[k].fold != "the") return 0;
  size_t q = k + 1;
  if (q + 1 < end && tokens[q].word && !tokens[q].capitalized && (lex.RolesOf(tokens[q].fold) & kKindAdjective)) ++q;
  return IsAnaphorKind(tokens[q], lex) ? q + 1 - k : 0;
}

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
  std::string country;
  size_t country_pos = kNone, country_end = kNone;  // the first country cue
  size_t org_end = kNone;                           // end of the lexicon body
  size_t raw_begin = kNone, raw_end = kNone;  // unlisted organization words
  size_t last_content = kNone;                // last token that belongs to the middle
  std::vector<std::pair<size_t, size_t>> claimed;  // lexicon matches
  size_t second_title = kNone;  // a second title of the same person
  int second_title_value = -1;  // its titles.tsv entry
};

// The kind of place a local body form names: 'p' for a province ("UBND
// tỉnh", "Tỉnh ủy"), 'c' for a city ("UBND TP", "Thành ủy"), 'd' for a
// district or town ("Huyện ủy", "UBND quận"), 0 for none.
char FormUnit(const std::vector<NameToken>& tokens, size_t b, size_t e, const OfficialsLexicon& lex) {
  for (size_t q = b; q < e; ++q) {
    if (!tokens[q].word) continue;
    uint32_t roles = lex.RolesOf(tokens[q].fold);
    if (roles & kUnitProvince) return 'p';
    if (roles & kUnitDistrict) return 'd';
    if (q + 1 < e && tokens[q + 1].word) roles |= lex.RolesOf(tokens[q].fold + " " + tokens[q + 1].fold);
    if (roles & kUnitCity) return 'c';
  }
  return 0;
}

// "Hoàng Mai Nguyễn Văn Nam" after a body: five or more syllables with a
// family name inside, followed by two more, are a place and a name.  The
// number of leading place syllables, 0 for none.
size_t PlaceBeforeName(const std::vector<NameToken>& tokens, size_t j, const PersonName& name,
                       const OfficialsLexicon& lex) {
  if (name.shape != NameShape::kVietnamese || name.length < 5) return 0;
  for (size_t p = j + 2; p + 2 < j + name.length; ++p) {
    if (lex.FamilyCultures(tokens[p]) & kVietnamese) return p - j;
  }
  return 0;
}

bool Claimed(const Middle& m, size_t k) {
  for (const auto& [b, e] : m.claimed) {
    if (k >= b && k < e) return true;
  }
  return false;
}

size_t SkipHonorifics(const std::vector<NameToken>& tokens, size_t j, size_t end, const OfficialsLexicon& lex) {
  while (j < end) {
    PhraseMatch h = lex.honorifics.Match(tokens, j, end);
    if (!h.length) break;
    j += h.length;
    while (j < end && (IsPunct(tokens[j], ".") || IsPunct(tokens[j], ","))) ++j;
  }
  return j;
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
      uint32_t roles = lex.RolesOf(t.key);
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
        bool joined = j == start + 1 && (lex.RolesOf(tokens[start].key) & kConnector);
        if (!joined && j > start + 1 && (tokens[j - 1].key == "and" || tokens[j - 1].key == "và")) {
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
          if (back > start && ((lex.RolesOf(tokens[back - 1].key) & kConnector) || IsPunct(tokens[back - 1], ",")))
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
      if ((roles & kHost) && (j == start || Claimed(m, j - 1) || (lex.RolesOf(tokens[j - 1].key) & kOrgHead))) {
        // "to South Korea", "tại Hàn Quốc": the host country of a mission.
        size_t k = j + 1;
        if (k < end && (lex.RolesOf(tokens[k].key) & kModifier)) ++k;
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
        size_t k = j + form.length;
        PhraseMatch place = lex.places.Match(tokens, k, end);
        // "Sở Y tế tỉnh Quảng Nam": the kind of unit before the place.
        if (!place.length && k + 1 < end && tokens[k].word) {
          size_t unit = (lex.RolesOf(tokens[k].key) & kBlockBefore) ? 1
                        : k + 2 < end && (lex.RolesOf(tokens[k].key + " " + tokens[k + 1].key) & kBlockBefore) ? 2
                                                                                                           : 0;
          PhraseMatch after = unit ? lex.places.Match(tokens, k + unit, end) : PhraseMatch{};
          if (after.length) {
            k += unit;
            place = after;
          }
        }
        if (place.length) {
          if (m.place_country.empty()) m.place_country = lex.place_country[place.value];
          if (m.form_pos == kNone && m.org_pos == kNone) {
            std::string tmpl = lex.org_template[form.value];
            size_t at = tmpl.find("{place}");
            if (at != std::string::npos) tmpl.replace(at, 7, lex.place_english[place.value]);
            m.form_org = tmpl;
            m.form_pos = j;
          }
          m.claimed.push_back({j, k + place.length});
          m.last_content = k + place.length - 1;
          j = k + place.length;
          raw_open = false;
          continue;
        }
        // "Tại TP Hồ Chí Minh, Giám đốc Sở Y tế Tăng Chí Thượng": the form
        // without a place names the place its sentence opened with, else
        // the place the same form named last ("Phó Chủ tịch UBND tỉnh Lê
        // Đức Giang" after "UBND tỉnh Thanh Hóa"); the name follows it.
        // "Sở Y tế tỉnh Nguyễn Văn Đề": the unit word with no place after it.
        if (k < end && tokens[k].word && !tokens[k].capitalized && tokens[k].fold == "tinh") {
          ++k;
        } else if (k + 1 < end && tokens[k].word && !tokens[k].capitalized && tokens[k].fold == "thanh" &&
                   tokens[k + 1].fold == "pho") {
          k += 2;
        } else if (k < end && tokens[k].word && tokens[k].text == "TP") {
          ++k;
        }
        bool earlier = false;
        auto adopt = [&](int place_value, PersonName name) {
          earlier = true;
          if (m.place_country.empty()) m.place_country = lex.place_country[place_value];
          if (m.form_pos == kNone && m.org_pos == kNone) {
            std::string tmpl = lex.org_template[form.value];
            size_t at = tmpl.find("{place}");
            if (at != std::string::npos) tmpl.replace(at, 7, lex.place_english[place_value]);
            m.form_org = tmpl;
            m.form_pos = j;
          }
          m.claimed.push_back({j, k});
          m.last_content = k - 1;
          m.name = name;
          m.stop = k;
        };
        for (size_t q = start; q-- > 0 && !earlier && !IsPunct(tokens[q], ".");) {
          if (q == 0 || !(lex.RolesOf(tokens[q - 1].key) & kHost) || !tokens[q - 1].word) continue;
          PhraseMatch host_place = lex.places.Match(tokens, q, start);
          if (!host_place.length || lex.place_country[host_place.value] != "VN") continue;
          PersonName name = MatchPersonName(tokens, k, end, lex, /*after_place_word=*/true);
          if (!name.length) break;
          adopt(host_place.value, name);
        }
        // ", Đại tá Đào Thanh Hải": a rank after a comma before the name.
        size_t name_at = k;
        if (k + 1 < end && IsPunct(tokens[k], ",")) {
          size_t h = SkipHonorifics(tokens, k + 1, end, lex);
          if (h > k + 1) name_at = h;
        }
        auto name_after = [&]() {
          if (name_at >= end || tokens[name_at].all_caps) return PersonName{};
          return MatchPersonName(tokens, name_at, end, lex, /*after_place_word=*/true);
        };
        // "ông Nguyễn Văn Quý, nguyên Giám đốc Sở Tài nguyên và Môi
        // trường, và ...": a form that ends the appositive takes the place
        // too; its name stands before the title.
        bool form_ends = name_at == k &&
                         (k >= end || (tokens[k].word && !tokens[k].capitalized) ||
                          IsPunct(tokens[k], ",") || IsPunct(tokens[k], ".") || IsPunct(tokens[k], ";"));
        auto adopt_at = [&](int place_value, PersonName name) {
          adopt(place_value, name);
          m.claimed.back().second = name_at;
          m.stop = name_at;
        };
        for (size_t q = j; q-- > 0 && !earlier;) {
          PhraseMatch prev = lex.org_forms.Match(tokens, q, j);
          if (!prev.length || lex.org_template[prev.value] != lex.org_template[form.value]) continue;
          PhraseMatch prev_place = lex.places.Match(tokens, q + prev.length, tokens.size());
          if (!prev_place.length) continue;
          PersonName name = name_after();
          if (!name.length) break;
          adopt_at(prev_place.value, name);
        }
        // "Phó Chủ tịch UBND tỉnh" after "HĐND tỉnh Nghệ An" or "Tỉnh ủy Nghệ
        // An": the province (or city) another local body named last; a form
        // with no unit ("Sở Y tế") takes the last local body's place.
        char unit = FormUnit(tokens, j, k, lex);
        // A district's body never takes a province's or a city's place.
        for (size_t q = j; q-- > 0 && !earlier && unit != 'd';) {
          PhraseMatch prev = lex.org_forms.Match(tokens, q, j);
          if (!prev.length || (unit && FormUnit(tokens, q, q + prev.length, lex) != unit)) continue;
          PhraseMatch prev_place = lex.places.Match(tokens, q + prev.length, tokens.size());
          if (!prev_place.length || lex.place_country[prev_place.value] != "VN") continue;
          PersonName name = name_after();
          if (!name.length && !form_ends) break;
          adopt_at(prev_place.value, name);
        }
        if (earlier) return m;
        // No place anywhere: the form as written, and the name after it
        // ("Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Đề").
        if (m.form_pos == kNone && m.org_pos == kNone && m.raw_begin == kNone) {
          PersonName name = name_after();
          // A place the lexicon does not list between the form and the name
          // ("Huyện ủy Đông Sơn Lê Văn Chiến", "UBND quận Hoàng Mai Nguyễn
          // Văn Nam") belongs to the body.
          size_t lead = PlaceBeforeName(tokens, name_at, name, lex);
          if (!name.length && name_at == k) {
            for (size_t q = k + 1; q < end && q <= k + 3; ++q) {
              if (!tokens[q - 1].word || !tokens[q - 1].capitalized ||
                  (lex.FamilyCultures(tokens[q - 1]) & kVietnamese) ||
                  (lex.RolesOf(tokens[q - 1].key) & (kNotName | kOrgHead | kStateBody | kBusiness)) ||
                  lex.titles.Match(tokens, q - 1, end).length || lex.organizations.Match(tokens, q - 1, end).length)
                break;
              PersonName later = MatchPersonName(tokens, q, end, lex);
              if (later.length >= 3 && later.shape == NameShape::kVietnamese) {
                name = later;
                lead = q - k;
                break;
              }
            }
          } else if (lead) {
            name.length -= lead;
          }
          if (name.length && name.shape == NameShape::kVietnamese) {
            name_at += lead;
            m.raw_begin = j;
            m.raw_end = k + lead;
            // With no place at all, the kind in English ("UBND tỉnh" ->
            // "Provincial People's Committee"); a district's form keeps its
            // place as written.
            const std::string& tmpl = lex.org_template[form.value];
            if (!lead && unit != 'd' && tmpl.rfind("{place} ", 0) == 0) m.raw_english = tmpl.substr(8);
            if (name_at > k) m.claimed.push_back({k, name_at});
            m.last_content = k - 1;
            m.name = name;
            m.stop = name_at;
            return m;
          }
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
        bool after_head_only = m.raw_begin != kNone && m.raw_begin + 1 == j && (lex.RolesOf(tokens[m.raw_begin].key) & kOrgHead);
        // "the National Assembly's Finance and Budget Committee": a portfolio
        // word that opens a longer body's name is part of that name.
        bool opens_longer = false;
        if (raw_open) {
          bool head_inside = false;
          for (size_t q = j; q < org_end; ++q) head_inside |= (lex.RolesOf(tokens[q].key) & kOrgHead) != 0;
          for (size_t q = org_end; !head_inside && q < end && q < org_end + 5 && tokens[q].word; ++q) {
            uint32_t r = lex.RolesOf(tokens[q].key);
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
            ((lex.RolesOf(tokens[j - 1].key) & kConnector) || after_head_only)) {
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
                 !(lex.RolesOf(tokens[q].key) & kStop) && !IsAnaphorKind(tokens[q], lex))
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
          (tokens[j - 1].capitalized || (lex.RolesOf(tokens[j - 1].key) & kNameParticle)) &&
          (tokens[j + 1].capitalized || (lex.RolesOf(tokens[j + 1].key) & kNameParticle))) {
        extend_raw(j);
        ++j;
        continue;
      }
      // A lowercase word: a connector inside a name ("of", "and", "và")
      // followed by more of the name, or a lowercase word of a Vietnamese
      // body's name after its head ("Cục Xuất nhập khẩu").
      bool next_continues = j + 1 < end && !(lex.RolesOf(tokens[j + 1].key) & kStop) &&
                            (tokens[j + 1].capitalized || (lex.RolesOf(tokens[j + 1].key) & kConnector) ||
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
    if (IsPunct(t, "'s") && m.raw_begin != kNone) {
      extend_raw(j);
      ++j;
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
        tokens[j + 1].word && !(lex.RolesOf(tokens[j + 1].key) & kStop)) {
      extend_raw(j);
      ++j;
      continue;
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

bool NamesACountry(const std::string& name, const OfficialsLexicon& lex) {
  std::vector<NameToken> words = TokenizePhrase(name);
  for (size_t k = 0; k < words.size(); ++k) {
    if (lex.countries.Match(words, k, words.size()).length) return true;
  }
  return false;
}

std::string Slice(std::string_view text, const std::vector<NameToken>& tokens, size_t b, size_t e) {
  return std::string(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin));
}

// The Western-shaped name right before STOP, when nothing else names the
// person: two capitalized words, a third before them when it cannot be
// anything else ("Francisco Tiu Laurel"), and a suffix ("Marcos Jr.").
// Returns the first token, or kNone.
size_t FallbackNameBefore(const std::vector<NameToken>& tokens, size_t stop, size_t lo, size_t end, const Middle& m,
                          const OfficialsLexicon& lex, size_t* name_end) {
  if (stop < end && tokens[stop].word && tokens[stop].capitalized) return kNone;
  if (stop < end && !tokens[stop].word && !IsPunct(tokens[stop], ",") && !IsPunct(tokens[stop], ".") &&
      !IsPunct(tokens[stop], "(") && !IsPunct(tokens[stop], "'s") && !IsPunct(tokens[stop], ";") &&
      !IsPunct(tokens[stop], ":"))
    return kNone;
  size_t last = stop;  // one past the given and family names
  // "Sok Chenda Sophea on the sidelines": connectors the middle ran into.
  while (last > lo && tokens[last - 1].word && !tokens[last - 1].capitalized &&
         (lex.RolesOf(tokens[last - 1].key) & kConnector))
    --last;
  *name_end = last;
  // "Abdel Fattah al-Sisi": a family name joined to its particle ends the name.
  if (last == stop && stop < end && tokens[stop].word && !tokens[stop].capitalized && tokens[stop].hyphenated) {
    const std::string& w = tokens[stop].text;
    size_t dash = w.find('-');
    if (dash != std::string::npos && dash + 1 < w.size() && std::isupper(static_cast<unsigned char>(w[dash + 1])) &&
        (lex.RolesOf(w.substr(0, dash)) & kNameParticle))
      *name_end = stop + 1;
  }
  if (last > lo && (lex.RolesOf(tokens[last - 1].key) & kNameSuffix)) --last;
  if (last < lo + 2) return kNone;
  // "Ursula von der Leyen": given name, particles, family name.
  if (CouldBeGivenOrSurname(tokens, last - 1, lex) && !Claimed(m, last - 1)) {
    size_t k = last - 1;
    while (k > lo && tokens[k - 1].word && !tokens[k - 1].capitalized && !tokens[k - 1].marked &&
           (lex.RolesOf(tokens[k - 1].key) & kNameParticle))
      --k;
    if (k < last - 1 && k > lo && CouldBeGivenOrSurname(tokens, k - 1, lex) && !Claimed(m, k - 1) &&
        !tokens[k - 1].marked) {
      // "Luiz Inacio Lula da Silva": more given names, when every
      // capitalized word from the title or its country on is the name's.
      size_t s = k - 1;
      while (s > lo && tokens[s - 1].word && tokens[s - 1].capitalized && !Claimed(m, s - 1) &&
             CouldBeGivenOrSurname(tokens, s - 1, lex))
        --s;
      bool from_title = s == lo || Claimed(m, s - 1);
      return from_title && k - 1 - s <= 2 ? s : k - 1;
    }
  }
  size_t a = last - 2;
  for (size_t k = a; k < last; ++k) {
    if (Claimed(m, k) || !CouldBeGivenOrSurname(tokens, k, lex)) return kNone;
  }
  // After a connector ("Secretary of State Antony Blinken") the run of
  // capitalized words must hold more than the name.
  size_t run = a;
  while (run > lo && tokens[run - 1].word && tokens[run - 1].capitalized && !Claimed(m, run - 1)) --run;
  if (run > lo && run == a && (lex.RolesOf(tokens[run - 1].key) & kConnector)) return kNone;
  if (run + 1 == a && CouldBeGivenOrSurname(tokens, run, lex) &&
      !(run > lo && (lex.RolesOf(tokens[run - 1].key) & kConnector)))
    a = run;
  // "Mohammed bin Abdulrahman Al Thani": given names joined by a particle.
  while (a >= lo + 2 && tokens[a - 1].word && !tokens[a - 1].capitalized &&
         (lex.RolesOf(tokens[a - 1].key) & kNameParticle) && CouldBeGivenOrSurname(tokens, a - 2, lex) &&
         !Claimed(m, a - 2) && !tokens[a - 2].marked)
    a -= 2;
  return a;
}

// What stands before a title: country, body, modifiers ("South Korea's
// National Assembly Speaker", "his South Korean counterpart", "visiting").
struct Prefix {
  size_t begin = 0;  // first token of the prefix (the title's when none)
  std::string country, org_name, org_country, place_country;
  bool place = false;  // a place stands before the title ("Hanoi Vice Chairman")
  std::string place_name;  // its English name
  bool province = false;  // a Vietnamese province ("Binh Thuan's Party Secretary")
};

// The local body a place names before a title: "Hanoi Chairman" heads the
// Hanoi People's Committee, "HCM City Party Secretary" the city's Party
// Committee.  "" when the title heads neither.
std::string LocalBody(const std::string& place, const std::string& country, const std::string& title, bool province) {
  if (place.empty()) return "";
  // A province's committees are "Provincial"; a city's are not.
  const std::string unit = province && country == "VN" ? " Provincial" : "";
  if (title.find("Secretary") != std::string::npos && title.find("General") == std::string::npos)
    return place + unit + " Party Committee";
  if (title.find("Chairman") != std::string::npos && country == "VN") return place + unit + " People's Committee";
  return "";
}

// Lowercase ASCII words of S.
std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool HasWord(std::string_view s, std::string_view word) {
  for (const auto& w : LowerWords(s)) {
    if (w == word) return true;
  }
  return false;
}

Prefix ScanPrefix(const std::vector<NameToken>& tokens, size_t title_begin, size_t begin, const OfficialsLexicon& lex) {
  Prefix pre;
  size_t k = title_begin;
  while (k > begin && k + kMaxPrefix > title_begin) {
    int value = -1;
    size_t len;
    const NameToken& t = tokens[k - 1];
    int org_value = -1;
    // A body whose name ends in a country ("Bank of Japan", "People's Bank
    // of China") is the body, not the country.
    size_t org_len = MatchEndingAt(lex.organizations, tokens, k - 1, begin, &org_value);
    if (IsPunct(t, "'s")) {
      --k;
    } else if ((len = MatchEndingAt(lex.countries, tokens, k - 1, begin, &value)) && len >= org_len) {
      if (pre.country.empty()) pre.country = lex.country_code[value];
      k -= len;
    } else if ((len = MatchEndingAt(lex.organizations, tokens, k - 1, begin, &value))) {
      if (pre.org_name.empty()) {
        pre.org_name = lex.org_info[value].english;
        pre.org_country = lex.org_info[value].country;
      }
      k -= len;
    } else if ((len = MatchEndingAt(lex.places, tokens, k - 1, begin, &value))) {
      if (pre.place_country.empty()) pre.place_country = lex.place_country[value];
      if (pre.place_name.empty()) {
        pre.place_name = lex.place_english[value];
        pre.province = lex.place_province[value];
      }
      pre.place = true;
      k -= len;
    } else if (t.word && (lex.RolesOf(t.key) & kModifier)) {
      --k;
    } else {
      break;
    }
  }
  pre.begin = k;
  return pre;
}

// Whether capitalized words right before PREFIX_BEGIN name a body the
// lexicons do not know that rules the title out: "Samsung Electronics Vice
// President", "Vingroup Chairman".  A business always does; a body with no
// state word does for a title businesses also use (BUSINESS_TITLE), so
// "Guangxi Party Secretary" stays.
bool UnknownBodyBefore(const std::vector<NameToken>& tokens, size_t prefix_begin, size_t begin,
                       const OfficialsLexicon& lex, bool business_title) {
  size_t r = prefix_begin;
  bool business = false, state = false, unknown = false;
  // "and" joins two people ("Khanh and his counterpart"), not a body's words.
  while (r > begin && r + 6 > prefix_begin && tokens[r - 1].word &&
         (tokens[r - 1].capitalized || ((lex.RolesOf(tokens[r - 1].key) & kConnector) &&
                                        tokens[r - 1].fold != "and" && tokens[r - 1].fold != "va"))) {
    uint32_t roles = lex.RolesOf(tokens[r - 1].key);
    if (tokens[r - 1].capitalized) {
      business |= (roles & kBusiness) != 0;
      state |= (roles & (kStateBody | kOrgHead)) != 0;
      unknown |= !(roles & kNotName) && !lex.honorifics.Match(tokens, r - 1, r).length;
    }
    --r;
  }
  return business || (unknown && !state && business_title);
}

// A name that ends at token LAST: the longest name recognized by family name,
// else two Western-shaped words.  Returns the first token, or kNone.
size_t NameEndingAt(const std::vector<NameToken>& tokens, size_t last, size_t lo, const OfficialsLexicon& lex,
                    NameShape* shape) {
  for (size_t s = last >= lo + 4 ? last - 4 : lo; s <= last; ++s) {
    PersonName n = MatchPersonName(tokens, s, last + 1, lex);
    if (n.length == last - s + 1) {
      *shape = n.shape;
      return s;
    }
  }
  if (last >= lo + 1 && CouldBeGivenOrSurname(tokens, last, lex) && CouldBeGivenOrSurname(tokens, last - 1, lex)) {
    size_t s = last - 1;
    // Not a country or place of two words ("Thái Lan"), nor a place after
    // "tại"/"in" ("tại Viêng Chăn, Tổng Bí thư ...").
    if (lex.countries.Match(tokens, s, last + 1).length || lex.places.Match(tokens, s, last + 1).length)
      return kNone;
    if (s > lo && tokens[s - 1].word && (lex.RolesOf(tokens[s - 1].key) & kHost)) return kNone;
    if (s > lo && tokens[s - 1].word && tokens[s - 1].capitalized && !lex.honorifics.Match(tokens, s - 1, s).length)
      return kNone;
    *shape = NameShape::kWestern;
    return s;
  }
  return kNone;
}

}  // namespace

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
  // A list of officials ("Brazil's President X, Finance Minister Y and
  // Foreign Minister Z") names the state once: a member whose own words and
  // title give none serves the previous member's, unless the name's shape
  // says otherwise.
  // "A and B" alone is no list (two states' officials meet): a member after
  // "and" joins only a list whose previous member a comma joined.
  bool comma_list = false;
  for (size_t k = 1; k < out.size(); ++k) {
    TitledMention& m = out[k];
    const TitledMention& prev = out[k - 1];
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
  return out;
}

}  // namespace vnie
