// Lists of officials: those that name their state once ("Brazil's President
// X, Finance Minister Y and Foreign Minister Z", "Bộ trưởng Ngoại giao A, Bộ
// trưởng Công an B và ..."), and those that name the office once for several
// people ("các Phó Thủ tướng: Trần Hồng Hà, Lê Thành Long").
#include "extractors/officials/official_country.h"
#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {

void ShareListCountry(const std::vector<NameToken>& tokens, const OfficialsLexicon& lex,
                      std::vector<TitledMention>& mentions) {
  // A list of officials ("Brazil's President X, Finance Minister Y and
  // Foreign Minister Z") names the state once: a member whose own words and
  // title give none serves the previous member's, unless the name's shape
  // says otherwise.
  // "A and B" alone is no list (two states' officials meet): a member after
  // "and" joins only a list whose previous member a comma joined.
  bool comma_list = false;
  for (size_t k = 1; k < mentions.size(); ++k) {
    TitledMention& m = mentions[k];
    const TitledMention& prev = mentions[k - 1];
    bool joined = prev.mention_end <= m.mention_begin, comma = false;
    size_t q = prev.last_token + 1;
    for (; joined && q < tokens.size() && tokens[q].begin < m.mention_begin; ++q) {
      comma |= IsPunct(tokens[q], ",");
      joined = IsPunct(tokens[q], ",") || (lex.RolesOf(tokens[q]) & kListJoin);
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
}

void AddPluralTitleLists(const std::vector<NameToken>& tokens, size_t begin, size_t end, const OfficialsLexicon& lex,
                         std::vector<TitledMention>& mentions) {
  auto taken = [&](size_t k) {
    for (const TitledMention& m : mentions) {
      if (k >= m.name_begin && k < m.name_end) return true;
    }
    return false;
  };
  std::vector<TitledMention> found;
  for (size_t i = begin; i + 3 < end; ++i) {
    // "các" + an office + ":" (kPlural in function_words.tsv).
    if (!tokens[i].word || !(lex.RolesOf(tokens[i]) & kPlural)) continue;
    PhraseMatch t = lex.titles.Match(tokens, i + 1, end);
    size_t k = i + 1 + t.length;
    if (!t.length || k >= end || !IsPunct(tokens[k], ":")) continue;
    const TitleInfo& info = lex.title_info[t.value];
    if (info.kind != TitleKind::kOffice && info.kind != TitleKind::kMinistry) continue;
    // Names read by their family name only, each after "," or "và"/"and";
    // a portfolio in brackets after a name is skipped.
    for (++k; k < end;) {
      PersonName name = MatchPersonName(tokens, k, end, lex);
      if (!name.length || name.shape == NameShape::kWestern || taken(k)) break;
      TitledMention m;
      m.name_begin = k;
      m.name_end = k + name.length;
      m.shape = name.shape;
      m.mention_begin = tokens[k].begin;
      m.mention_end = tokens[m.name_end - 1].end;
      m.last_token = m.name_end - 1;
      m.title = info.title;
      m.organization = info.organization;
      m.title_country = info.country;
      m.title_also = info.also_states;
      m.country = OfficialCountry({m.text_country, m.title_country, m.title_also}, {});
      found.push_back(std::move(m));
      k += name.length;
      if (k < end && IsPunct(tokens[k], "(")) {
        while (k < end && !IsPunct(tokens[k], ")")) ++k;
        ++k;
      }
      if (k < end && (IsPunct(tokens[k], ",") || (tokens[k].word && (lex.RolesOf(tokens[k]) & kListJoin)))) {
        ++k;
        continue;
      }
      break;
    }
  }
  mentions.insert(mentions.end(), found.begin(), found.end());
}

}  // namespace vnie::matcher
