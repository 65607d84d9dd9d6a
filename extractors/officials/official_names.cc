// What stands before a title ("South Korea's", "the Ministry of X's",
// "Hanoi"), and the names found by their shape around a title: Western names
// with particles and suffixes, a name before an appositive title.
#include <algorithm>
#include <cctype>

#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {
namespace {

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

}  // namespace

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
      !IsPunct(tokens[stop], ":") && !IsPunct(tokens[stop], "&"))
    return kNone;
  size_t last = stop;  // one past the given and family names
  // "Sok Chenda Sophea on the sidelines": connectors the middle ran into.
  while (last > lo && tokens[last - 1].word && !tokens[last - 1].capitalized &&
         (lex.RolesOf(tokens[last - 1]) & kConnector))
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
  if (last > lo && (lex.RolesOf(tokens[last - 1]) & kNameSuffix)) --last;
  // "Mohammed al-Jadaan": one given name before a family name joined to its
  // particle is a whole name.
  if (*name_end == stop + 1 && last == lo + 1 && CouldBeGivenOrSurname(tokens, lo, lex) && !Claimed(m, lo)) return lo;
  if (last < lo + 2) return kNone;
  // "Ursula von der Leyen": given name, particles, family name.
  if (CouldBeGivenOrSurname(tokens, last - 1, lex) && !Claimed(m, last - 1)) {
    size_t k = last - 1;
    while (k > lo && tokens[k - 1].word && !tokens[k - 1].capitalized && !tokens[k - 1].marked &&
           (lex.RolesOf(tokens[k - 1]) & kNameParticle))
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
  if (run > lo && run == a && (lex.RolesOf(tokens[run - 1]) & kConnector)) return kNone;
  if (run + 1 == a && CouldBeGivenOrSurname(tokens, run, lex) &&
      !(run > lo && (lex.RolesOf(tokens[run - 1]) & kConnector)))
    a = run;
  // "Mohammed bin Abdulrahman Al Thani": given names joined by a particle.
  while (a >= lo + 2 && tokens[a - 1].word && !tokens[a - 1].capitalized &&
         (lex.RolesOf(tokens[a - 1]) & kNameParticle) && CouldBeGivenOrSurname(tokens, a - 2, lex) &&
         !Claimed(m, a - 2) && !tokens[a - 2].marked)
    a -= 2;
  return a;
}

size_t NameWithInitials(const std::vector<NameToken>& tokens, size_t j, size_t end, const OfficialsLexicon& lex) {
  auto initial = [&](size_t k) {
    return k + 1 < end && tokens[k].word && tokens[k].capitalized && tokens[k].text.size() == 1 &&
           IsPunct(tokens[k + 1], ".");
  };
  auto word = [&](size_t k) {
    return k < end && tokens[k].text.size() > 1 && CouldBeGivenOrSurname(tokens, k, lex);
  };
  size_t k = j;
  bool initials = false;
  if (word(k)) ++k;
  // Initials, each with its period ("R.", "S. K.", "S.K."), between given
  // names and the family name.
  while (initial(k)) k += 2, initials = true;
  if (!initials || !word(k)) return 0;
  return k + 1 - j;
}

// The local body a place names before a title: "Hanoi Chairman" heads the
// Hanoi People's Committee, "HCM City Party Secretary" the city's Party
// Committee.  "" when the title heads neither.
std::string LocalBody(const std::string& place, const std::string& country, const std::string& title, bool province) {
  if (place.empty()) return "";
  // A province's committees are "Provincial"; a city's are not.
  const std::string unit = province && country == "VN" ? " Provincial" : "";
  if (title.find("Secretary") != std::string::npos && title.find("General") == std::string::npos)
    return place + unit + " Party Committee";
  // A Vietnamese city's "mayor" in English news chairs its People's Committee.
  if ((title.find("Chairman") != std::string::npos || title == "Mayor") && country == "VN")
    return place + unit + " People's Committee";
  return "";
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
      size_t b = k - len;
      if (pre.org_name.empty() && b >= begin + 2 && tokens[b - 1].key == "of" && tokens[b - 2].capitalized &&
          (lex.RolesOf(tokens[b - 2]) & kOrgHead)) {
        // "Hanoi Department of Construction Director": a portfolio after
        // "Department of" is a local department's name, kept whole with its
        // place, not the ministry of that portfolio.
        std::string name;
        for (size_t q = b - 2; q < k; ++q) name += (name.empty() ? "" : " ") + tokens[q].text;
        size_t head = b - 2;
        int place = -1;
        size_t place_len = head > begin ? MatchEndingAt(lex.places, tokens, head - 1, begin, &place) : 0;
        if (place_len) {
          name = lex.place_english[place] + " " + name;
          pre.place_country = pre.org_country = lex.place_country[place];
        }
        pre.org_name = name;
        k = head - place_len;
        continue;
      }
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
    } else if (t.word && (lex.RolesOf(t) & kModifier)) {
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
         (tokens[r - 1].capitalized || ((lex.RolesOf(tokens[r - 1]) & kConnector) &&
                                        !(lex.RolesOf(tokens[r - 1]) & kListJoin)))) {
    uint32_t roles = lex.RolesOf(tokens[r - 1]);
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
    if (s > lo && tokens[s - 1].word && (lex.RolesOf(tokens[s - 1]) & kHost)) return kNone;
    if (s > lo && tokens[s - 1].word && tokens[s - 1].capitalized && !lex.honorifics.Match(tokens, s - 1, s).length)
      return kNone;
    *shape = NameShape::kWestern;
    return s;
  }
  // "Rogelio Ramírez de la O": up to four names, lowercase particles, and
  // the family name that ends the name.
  if (last >= lo + 2 && CouldBeGivenOrSurname(tokens, last, lex)) {
    size_t k = last;
    while (k > lo && tokens[k - 1].word && !tokens[k - 1].capitalized && !tokens[k - 1].marked &&
           (lex.RolesOf(tokens[k - 1]) & kNameParticle))
      --k;
    size_t s = k;
    while (s > lo && k - s < 4 && CouldBeGivenOrSurname(tokens, s - 1, lex)) --s;
    if (k < last && s < k &&
        (s == lo || !tokens[s - 1].word || !tokens[s - 1].capitalized ||
         lex.honorifics.Match(tokens, s - 1, s).length)) {
      *shape = NameShape::kWestern;
      return s;
    }
  }
  // "Junichi KAWAUE": a family name in capitals after one given name, as
  // Japanese and some Western styles write it; no abbreviation a lexicon
  // knows ("Bộ Công Thương MOIT").
  if (last >= lo + 1 && tokens[last].word && tokens[last].all_caps && !tokens[last].marked &&
      tokens[last].fold.size() >= 4 && !lex.RolesOf(tokens[last]) && CouldBeGivenOrSurname(tokens, last - 1, lex) &&
      !tokens[last - 1].marked && !(lex.FamilyCultures(tokens[last - 1]) & kVietnamese) &&
      (last - 1 == lo || !tokens[last - 2].word || !tokens[last - 2].capitalized ||
       lex.honorifics.Match(tokens, last - 2, last - 1).length)) {
    for (const PhraseTable* table : {&lex.organizations, &lex.countries, &lex.places, &lex.titles, &lex.org_forms}) {
      if (table->Match(tokens, last, last + 1).length) return kNone;
    }
    *shape = NameShape::kWestern;
    return last - 1;
  }
  return kNone;
}

size_t AsideBefore(const std::vector<NameToken>& tokens, size_t sep, size_t lo) {
  auto is_number = [&](size_t k) { return tokens[k].word && std::isdigit(static_cast<unsigned char>(tokens[k].text[0])); };
  size_t k = sep;
  bool closed = k > lo && IsPunct(tokens[k - 1], ")");
  if (closed) --k;
  // At most four words or numbers inside, one of them a number.
  bool number = false;
  for (size_t n = 0; k > lo && n < 5; ++n) {
    const NameToken& t = tokens[k - 1];
    if (IsPunct(t, "(")) return number ? k - 1 : kNone;
    if (!t.word) return kNone;
    number |= is_number(k - 1);
    --k;
  }
  return kNone;
}

size_t MononymBefore(const std::vector<NameToken>& tokens, size_t stop, size_t lo, size_t end, const Middle& m,
                     const std::string& country, const OfficialsLexicon& lex) {
  if (stop >= end || stop <= lo || (tokens[stop].word && tokens[stop].capitalized)) return kNone;
  size_t w = stop - 1;
  if (!tokens[w].word || !tokens[w].capitalized || tokens[w].marked || Claimed(m, w) ||
      !CouldBeGivenOrSurname(tokens, w, lex))
    return kNone;
  // Right after the title or what the middle claimed ("Foreign Minister
  // Sugiono", "Bộ trưởng Ngoại giao Indonesia Sugiono").
  if (!country.empty() && lex.mononym_countries.count(country)) return w == lo || Claimed(m, w - 1) ? w : kNone;
  // Anyone else by the family name alone right after the title, as the
  // press writes a leader known to its readers ("US President Trump said",
  // "Tổng thống Mỹ Trump"), when the mention's own words name the state
  // (the article's subject is no guide to a foreign leader named so): a
  // word with no diacritics that is no Vietnamese family name.  Not of a
  // state whose officials the press calls by the given name ("Thai Foreign
  // Minister Maris"): that word alone is no name to report.
  if (country.empty() || !(w == lo || Claimed(m, w - 1)) || (lex.FamilyCultures(tokens[w]) & kVietnamese) ||
      lex.first_word_countries.count(country))
    return kNone;
  return w;
}

}  // namespace vnie::matcher
