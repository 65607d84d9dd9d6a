// Vietnamese local body forms after a title: "UBND tỉnh Quảng Nam", "Sở Y
// tế tỉnh X", "Tỉnh ủy X", with their place, with the place an earlier form
// or the sentence named, or with none ("UBND tỉnh" -> "Provincial People's
// Committee").
#include <cctype>

#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {
namespace {

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

}  // namespace

std::string EnglishLocalBody(const std::vector<NameToken>& tokens, size_t b, size_t e, const OfficialsLexicon& lex) {
  PhraseMatch form = lex.org_forms.Match(tokens, b, e);
  const std::string& tmpl = form.length ? lex.org_template[form.value] : std::string();
  size_t k = b + form.length;
  if (!form.length || k >= e || tmpl.rfind("{place} ", 0) != 0) return "";
  // The place as English writes Vietnamese places: its syllables without
  // diacritics, each capitalized ("Đông Sơn" -> "Dong Son").
  std::string place;
  for (size_t q = k; q < e; ++q) {
    // Lowercase words after the place's own are no part of it ("UBND xã
    // Sơn Giang lãnh án").
    if (!place.empty() && tokens[q].word && !tokens[q].capitalized) break;
    if (!tokens[q].word || !tokens[q].capitalized || tokens[q].all_caps) return "";
    std::string word = tokens[q].fold;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    place += (place.empty() ? "" : " ") + word;
    if (q - k >= 3) return "";  // a place of at most three syllables
  }
  return place + tmpl.substr(7);
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

size_t SkipHonorifics(const std::vector<NameToken>& tokens, size_t j, size_t end, const OfficialsLexicon& lex) {
  while (j < end) {
    PhraseMatch h = lex.honorifics.Match(tokens, j, end);
    if (!h.length) break;
    j += h.length;
    while (j < end && (IsPunct(tokens[j], ".") || IsPunct(tokens[j], ","))) ++j;
  }
  return j;
}

// What a local body form at J ("UBND tỉnh Quảng Nam", "Sở Y tế") does to the
// middle M: it names its place and J moves past it (kAdvanced); it names
// the place of an earlier form or none, and the name follows (kDone); or
// neither (kNone).
FormStep ScanLocalForm(const std::vector<NameToken>& tokens, size_t& j, size_t start, size_t end, PhraseMatch form,
                       const OfficialsLexicon& lex, Middle& m) {
  size_t k = j + form.length;
  PhraseMatch place = lex.places.Match(tokens, k, end);
  // "Sở Y tế tỉnh Quảng Nam": the kind of unit before the place.
  if (!place.length && k + 1 < end && tokens[k].word) {
    size_t unit = (lex.RolesOf(tokens[k]) & kBlockBefore) ? 1
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
    return FormStep::kAdvanced;
  }
  // "Tại TP Hồ Chí Minh, Giám đốc Sở Y tế Tăng Chí Thượng": the form
  // without a place names the place its sentence opened with, else
  // the place the same form named last ("Phó Chủ tịch UBND tỉnh Lê
  // Đức Giang" after "UBND tỉnh Thanh Hóa"); the name follows it.
  // "Sở Y tế tỉnh Nguyễn Văn Đề": the unit word with no place after it.
  // The unit words are function_words.tsv's unit_province and unit_city
  // (lowercase "tỉnh", "thành phố"; "TP" in capitals).
  if (k < end && tokens[k].word) {
    uint32_t one = lex.RolesOf(tokens[k].fold);
    uint32_t two = k + 1 < end && tokens[k + 1].word ? lex.RolesOf(tokens[k].fold + " " + tokens[k + 1].fold) : 0;
    if (!tokens[k].capitalized && (one & kUnitProvince)) {
      ++k;
    } else if (!tokens[k].capitalized && (two & kUnitCity)) {
      k += 2;
    } else if (tokens[k].all_caps && (one & kUnitCity)) {
      ++k;
    }
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
    if (q == 0 || !(lex.RolesOf(tokens[q - 1]) & kHost) || !tokens[q - 1].word) continue;
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
  if (earlier) return FormStep::kDone;
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
            (lex.RolesOf(tokens[q - 1]) & (kNotName | kOrgHead | kStateBody | kBusiness)) ||
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
      // "UBND huyện Đông Sơn": a place no table lists, in English spelling.
      if (lead) m.raw_english = EnglishLocalBody(tokens, j, k + lead, lex);
      if (name_at > k) m.claimed.push_back({k, name_at});
      m.last_content = k - 1;
      m.name = name;
      m.stop = name_at;
      return FormStep::kDone;
    }
  }
  return FormStep::kNone;
}

}  // namespace vnie::matcher
