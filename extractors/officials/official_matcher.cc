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
      while (q + 1 < end && tokens[q].word && (lex.RolesOf(tokens[q]) & kConnector) &&
             !(lex.RolesOf(tokens[q]) & kListJoin) && m.org == -1 && m.form_pos == kNone) {
        ++q;
        if (q < end && tokens[q].key == "the") ++q;
        PhraseMatch org = lex.organizations.Match(tokens, q, end);
        PhraseMatch country = lex.countries.Match(tokens, q, end);
        if (org.length && m.raw_begin == kNone) {
          m.org = org.value;
          m.org_pos = q;
          q += org.length;
          m.org_end = q;
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
      size_t name_end = prefix_begin - 1;
      if (prefix_begin >= begin + 2) {
        const NameToken& sep = tokens[prefix_begin - 1];
        if (IsPunct(sep, ",") || IsPunct(sep, "-") || IsPunct(sep, "(")) {
          s = NameEndingAt(tokens, prefix_begin - 2, begin, lex, &shape);
          // "Nguyễn Văn A (sinh năm 1962, cựu Phó Giám đốc ...)", "X (SN
          // 1979), cựu Chủ tịch ...": a bracketed aside with a year between.
          size_t open = s == kNone ? AsideBefore(tokens, prefix_begin - 1, begin) : kNone;
          if (open != kNone && open >= begin + 1) {
            s = NameEndingAt(tokens, open - 1, begin, lex, &shape);
            if (s != kNone) name_end = open;
          }
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
                               : name_end;
        mention.shape = shape;
      } else {
        size_t fallback_end = m.stop;
        size_t a = FallbackNameBefore(tokens, m.stop, title_end, end, m, lex, &fallback_end);
        if (a == kNone) {
          a = MononymBefore(tokens, m.stop, title_end, end, m, !pre.country.empty() ? pre.country : m.country, lex);
          fallback_end = a + 1;
        }
        if (a == kNone) {
          i = title_end;
          continue;
        }
        mention.name_begin = a;
        mention.name_end = fallback_end;
        mention.shape = NameShape::kWestern;
        // The fallback name is not part of the body's name.
        if (m.raw_end != kNone && m.raw_end > a) m.raw_end = a;
        // "President of the Chamber, Jean Dupont,": not the comma before the name.
        while (m.raw_end != kNone && m.raw_begin != kNone && m.raw_end > m.raw_begin && !tokens[m.raw_end - 1].word)
          --m.raw_end;
        if (m.raw_begin != kNone && m.raw_begin >= a) m.raw_begin = m.raw_end = kNone;
      }
    }

    if (!ResolveBody(text, tokens, i, title_end, end, info, m, pre, lex, doc_bodies, mention)) {
      i = title_end;
      continue;
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
