#include "extractors/officials/official_coreference.h"

#include <algorithm>
#include <set>

#include "extractors/officials/official_country.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

bool IsMarked(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// A dollar sign right after a country's letters makes a currency ("US$",
// "A$", "S$").
bool IsCurrencySign(const NameToken& t) { return !t.word && t.fold == "$"; }

// Speech verb right after token I ("Thuấn cho biết", "Thuấn cũng nói").
bool SpeechAfter(const std::vector<NameToken>& tokens, size_t i, size_t end, const OfficialsLexicon& lex) {
  size_t k = i + 1;
  if (k < end && tokens[k].word && (lex.RolesOf(tokens[k]) & kSpeechAdverb)) ++k;
  if (k >= end || !tokens[k].word || tokens[k].capitalized) return false;
  if (lex.RolesOf(tokens[k]) & kSpeech) return true;
  return k + 1 < end && tokens[k + 1].word && (lex.RolesOf(tokens[k].key + " " + tokens[k + 1].key) & kSpeech);
}

}  // namespace

std::vector<OfficialEntity> ResolveOfficials(std::string_view text, const std::vector<NameToken>& tokens,
                                             const TokenRanges& paragraphs, std::vector<TitledMention> titled,
                                             const OfficialsLexicon& lex, bool vietnamese_text) {
  // Every person is found by a titled mention first; later mentions only
  // add to them.
  if (titled.empty()) return {};
  std::sort(titled.begin(), titled.end(),
            [](const TitledMention& a, const TitledMention& b) { return a.mention_begin < b.mention_begin; });

  // Lexicon phrases (titles, bodies, places, countries) over the whole text,
  // and where each title ends.
  std::vector<char> in_phrase(tokens.size(), 0);
  std::vector<size_t> title_before(tokens.size() + 1, static_cast<size_t>(-1));
  std::vector<size_t> honorific_before(tokens.size() + 1, static_cast<size_t>(-1));
  std::vector<std::pair<size_t, std::string>> cues;  // token, country code of a country or place
  for (const auto& [pb, pe] : paragraphs) {
    for (size_t i = pb; i < pe;) {
      PhraseMatch t = lex.titles.Match(tokens, i, pe);
      PhraseMatch o = lex.organizations.Match(tokens, i, pe);
      PhraseMatch p = lex.places.Match(tokens, i, pe);
      PhraseMatch c = lex.countries.Match(tokens, i, pe);
      PhraseMatch h = lex.honorifics.Match(tokens, i, pe);
      size_t len = std::max({t.length, o.length, p.length, c.length});
      // "US$" names a currency, not the state.
      bool currency = c.length && i + c.length < pe && IsCurrencySign(tokens[i + c.length]) &&
                      tokens[i + c.length].begin == tokens[i + c.length - 1].end;
      if (c.length && !currency) {
        cues.push_back({i, lex.country_code[c.value]});
      }
      if (p.length && !lex.place_country[p.value].empty()) {
        if (!c.length) cues.push_back({i, lex.place_country[p.value]});
      }
      if (h.length && h.length >= len) {
        size_t e = i + h.length;
        if (e < pe && !tokens[e].word && tokens[e].fold == ".") ++e;
        honorific_before[e] = i;
        i += h.length;
        continue;
      }
      if (!len) {
        ++i;
        continue;
      }
      if (t.length == len) {
        title_before[i + len] = i;
        // A country written inside a title ("Đại diện Thương mại Hoa Kỳ").
        for (size_t k = i + 1; k < i + len; ++k) {
          PhraseMatch inner = lex.countries.Match(tokens, k, i + len);
          if (inner.length) cues.push_back({k, lex.country_code[inner.value]});
        }
      }
      // 1: a title or a body; 2: only a country or a place ("Đức", "Nam").
      char kind = (t.length == len || o.length == len) ? 1 : 2;
      for (size_t k = i; k < i + len; ++k) in_phrase[k] = kind;
      i += len;
    }
  }

  std::vector<OfficialEntity> people;
  std::vector<char> used(tokens.size(), 0);
  auto token_at = [&](size_t byte) {
    return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), byte,
                                                [](const NameToken& t, size_t b) { return t.begin < b; }) -
                               tokens.begin());
  };
  std::string last_title;
  for (const TitledMention& m : titled) {
    std::string name(text.substr(tokens[m.name_begin].begin, tokens[m.name_end - 1].end - tokens[m.name_begin].begin));
    std::string key = AsciiFold(name);
    std::string title = m.title;
    if (m.counterpart) title = last_title.empty() ? "other" : last_title;
    else last_title = title;
    auto it = std::find_if(people.begin(), people.end(), [&](const OfficialEntity& e) { return e.name_key == key; });
    if (it == people.end()) {
      OfficialEntity e;
      e.name = name;
      e.name_key = key;
      e.shape = m.shape;
      for (size_t k = m.name_begin; k < m.name_end; ++k) e.words.push_back(tokens[k].fold);
      e.short_key = ShortFormKey(e.shape, e.words);
      // "Ferdinand Marcos Jr." is called Marcos.
      if (e.words.size() >= 2 && (lex.RolesOf(e.short_key) & kNameSuffix) && e.short_key == e.words.back())
        e.short_key = e.words[e.words.size() - 2];
      // "Abdel Fattah al-Sisi" is called Sisi too.
      if (size_t dash = e.short_key.find_first_of("- ");
          dash != std::string::npos && (lex.RolesOf(e.short_key.substr(0, dash)) & kNameParticle))
        e.alt_short_key = e.short_key.substr(dash + 1);
      e.title = title;
      e.organization = m.organization;
      e.text_country = m.text_country;
      e.title_country = m.title_country;
      e.title_also = m.title_also;
      e.first_token = m.name_begin;
      people.push_back(std::move(e));
      it = people.end() - 1;
    } else {
      if (IsMarked(name) && !IsMarked(it->name)) it->name = name;
      // "X, a member of the Politburo" ... "President X": the specific
      // office replaces "other" with its own body.
      if ((it->title.empty() || it->title == "other") && !title.empty() && title != "other") {
        it->title = title;
        it->organization = m.organization;
      }
      if (it->organization.empty()) it->organization = m.organization;
      if (it->text_country.empty()) it->text_country = m.text_country;
      if (it->title_country.empty()) it->title_country = m.title_country, it->title_also = m.title_also;
    }
    it->mentions.push_back({m.mention_begin, m.mention_end});
    for (size_t k = token_at(m.mention_begin); k < tokens.size() && tokens[k].begin < m.mention_end; ++k) used[k] = 1;
  }
  // A one-word name ("Indonesian President Prabowo") of a person the article
  // also names in full is that person.
  for (size_t s = 0; s < people.size();) {
    const OfficialEntity& one = people[s];
    auto full = std::find_if(people.begin(), people.end(), [&](const OfficialEntity& e) {
      return e.words.size() >= 2 && one.words.size() == 1 &&
             (e.words.front() == one.words[0] || e.words.back() == one.words[0]);
    });
    if (full == people.end()) {
      ++s;
      continue;
    }
    full->mentions.insert(full->mentions.end(), one.mentions.begin(), one.mentions.end());
    std::sort(full->mentions.begin(), full->mentions.end());
    if (full->text_country.empty()) full->text_country = one.text_country;
    full->first_token = std::min(full->first_token, one.first_token);
    people.erase(people.begin() + static_cast<std::ptrdiff_t>(s));
  }
  // "Claudia Sheinbaum" ... "Claudia Sheinbaum Pardo": a Western name whose
  // words open a longer titled Western name is that person, named in full by
  // the longer (a Vietnamese name is called by its last word: "Nguyễn Văn
  // An" is not "Nguyễn Văn An Bình").
  for (size_t s = 0; s < people.size();) {
    const OfficialEntity& part = people[s];
    auto full = std::find_if(people.begin(), people.end(), [&](const OfficialEntity& e) {
      return &e != &part && part.shape == NameShape::kWestern && e.shape == NameShape::kWestern &&
             part.words.size() >= 2 && e.words.size() > part.words.size() &&
             std::equal(part.words.begin(), part.words.end(), e.words.begin());
    });
    if (full == people.end()) {
      ++s;
      continue;
    }
    full->mentions.insert(full->mentions.end(), part.mentions.begin(), part.mentions.end());
    std::sort(full->mentions.begin(), full->mentions.end());
    if (full->text_country.empty()) full->text_country = part.text_country;
    if ((full->title.empty() || full->title == "other") && !part.title.empty() && part.title != "other")
      full->title = part.title, full->organization = part.organization;
    if (full->organization.empty()) full->organization = part.organization;
    full->first_token = std::min(full->first_token, part.first_token);
    people.erase(people.begin() + static_cast<std::ptrdiff_t>(s));
  }
  std::stable_sort(people.begin(), people.end(), [](const OfficialEntity& a, const OfficialEntity& b) {
    return a.mentions.front().first < b.mentions.front().first;
  });
  std::vector<std::string> stated;
  for (const auto& e : people) stated.push_back(!e.text_country.empty() ? e.text_country : e.title_country);
  const ArticleCountries article = CountArticleCountries(std::move(cues), stated);
  for (auto& e : people) {
    size_t para_begin = 0;
    for (const auto& [pb, pe] : paragraphs) {
      if (e.first_token >= pb && e.first_token < pe) para_begin = pb;
    }
    bool international = lex.international_bodies.count(e.organization) > 0;
    e.country = OfficialCountry(
        {e.text_country, e.title_country, e.title_also, e.shape, international, e.first_token, para_begin}, article);
    ApplyStateOffices(e.title, e.organization, e.country, e.title_country, lex);
    // Called by the given name ("Prabowo"), though the press also writes
    // the family name ("Widodo").
    if (e.shape == NameShape::kWestern && e.words.size() >= 2 && CalledByFirstWord(e.country, lex)) {
      e.alt_short_key = e.short_key;
      e.short_key = e.words.front();
      e.short_first = true;
    }
    // A Chinese official in Vietnamese transliteration is called by the
    // family name ("ông Tập", "Ngoại trưởng Vương").
    if (e.shape == NameShape::kVietnamese && e.words.size() >= 2 && e.country != "VN" &&
        CalledByFirstWord(e.country, lex)) {
      e.short_key = e.words.front();
      e.short_first = true;
    }
  }

  // Every Vietnamese-shaped name in the text, official or not, by its first
  // token: a short form goes to the person named last before it ("Economist
  // Tran Manh Hung ... Hung said" is not Deputy Director Nguyen Van Hung).
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> named;  // token, (short key, name key)
  for (const auto& [pb, pe] : paragraphs) {
    for (size_t i = pb; i < pe; ++i) {
      if (!tokens[i].word || !tokens[i].capitalized || in_phrase[i]) continue;
      PersonName n = MatchPersonName(tokens, i, pe, lex);
      if (n.length < 2 || n.shape != NameShape::kVietnamese) continue;
      named.push_back({i, {tokens[i + n.length - 1].fold, JoinFolds(tokens, i, i + n.length)}});
      i += n.length - 1;
    }
  }
  auto named_last_before = [&](size_t i, const std::string& short_key) -> const std::string* {
    const std::string* out = nullptr;
    for (const auto& [at, keys] : named) {
      if (at >= i) break;
      if (keys.first == short_key) out = &keys.second;
    }
    return out;
  };

  // Later mentions: the full name again, or its short form.
  for (const auto& [pb, pe] : paragraphs) {
    for (size_t i = pb; i < pe; ++i) {
      if (used[i] || !tokens[i].word || !tokens[i].capitalized) continue;
      size_t start = i;
      if (title_before[i] != static_cast<size_t>(-1) && !used[i - 1]) start = title_before[i];
      bool full = false;
      for (auto& e : people) {
        size_t n = e.words.size();
        if (i + n > pe || !FoldsJoinTo(tokens, i, i + n, e.name_key)) continue;
        // Inside a longer place: "Ho Chi Minh City", "TP Hồ Chí Minh".
        if ((i > pb && in_phrase[i - 1] == 2 && in_phrase[i] == 2) ||
            (i + n < pe && in_phrase[i + n] == 2 && in_phrase[i + n - 1] == 2))
          continue;
        bool free = true;
        for (size_t k = i; k < i + n; ++k) free = free && !used[k];
        if (!free) continue;
        e.mentions.push_back({tokens[start].begin, tokens[i + n - 1].end});
        std::string_view spelled = text.substr(tokens[i].begin, tokens[i + n - 1].end - tokens[i].begin);
        if (IsMarked(spelled) && !IsMarked(e.name)) e.name = std::string(spelled);
        for (size_t k = start; k < i + n; ++k) used[k] = 1;
        i += n - 1;
        full = true;
        break;
      }
      if (full || in_phrase[i] == 1 || tokens[i].all_caps) continue;
      // A country or place word is a person only after an honorific: "ông Đức".
      if (in_phrase[i] == 2 && honorific_before[i] == static_cast<size_t>(-1)) continue;
      OfficialEntity* hit = nullptr;
      int hits = 0;
      for (auto& e : people) {
        if (e.short_key != tokens[i].fold && (e.alt_short_key.empty() || e.alt_short_key != tokens[i].fold)) continue;
        if (tokens[i].marked && IsMarked(e.name) && e.short_key == tokens[i].fold) {
          // Both spelled with diacritics: they must agree ("Diên" is not "Điện").
          std::vector<NameToken> words = TokenizePhrase(e.name);
          size_t idx = e.short_first ? 0 : ShortFormIndex(e.shape, words.size());
          if (idx >= words.size() || words[idx].text != tokens[i].text) continue;
        }
        hit = &e;
        ++hits;
      }
      if (hits != 1) continue;
      bool titled_before = start != i;
      bool honored = honorific_before[i] != static_cast<size_t>(-1);
      if (i + 1 < pe && tokens[i + 1].word && tokens[i + 1].capitalized) continue;
      if (i > pb && tokens[i - 1].word && tokens[i - 1].capitalized && !titled_before && !honored) continue;
      if (vietnamese_text && !titled_before && !honored && !SpeechAfter(tokens, i, pe, lex)) continue;
      // A short form that is also a common capitalized word ("He" of He
      // Lifeng) is the person only after a title or an honorific.
      if (!titled_before && !honored && (lex.RolesOf(tokens[i]) & kNotName)) continue;
      // "Investors in Vinh said": after a preposition of place a bare short
      // form is a town.
      if (!titled_before && !honored && i > pb && tokens[i - 1].word && (lex.RolesOf(tokens[i - 1]) & kPlacePrep))
        continue;
      if (!titled_before) {
        const std::string* last = named_last_before(i, hit->short_key);
        if (last && *last != hit->name_key) continue;
      }
      hit->mentions.push_back({tokens[start].begin, tokens[i].end});
      for (size_t k = start; k <= i; ++k) used[k] = 1;
    }
  }
  for (auto& e : people) std::sort(e.mentions.begin(), e.mentions.end());
  std::sort(people.begin(), people.end(), [](const OfficialEntity& a, const OfficialEntity& b) {
    return a.mentions.front().first < b.mentions.front().first;
  });
  return people;
}

}  // namespace vnie
