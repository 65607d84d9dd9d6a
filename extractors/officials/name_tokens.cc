#include "extractors/officials/name_tokens.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

bool IsLetterOrDigit(UChar32 c) {
  if (c >= 0 && c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

// ICU's space, letter and upper-case properties, read directly for ASCII.
bool IsSpace(UChar32 c) {
  if (c >= 0 && c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return u_isspace(c);
}
bool IsAlpha(UChar32 c) {
  if (c >= 0 && c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(c);
}
bool IsUpper(UChar32 c) {
  if (c >= 0 && c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c);
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Decodes the code point at byte I of TEXT (bounded by END), advancing NEXT.
// Called for every character of the text: ASCII is read inline.
inline UChar32 At(std::string_view text, size_t i, size_t end, size_t* next) {
  if (i < end && static_cast<unsigned char>(text[i]) < 0x80) {
    *next = i + 1;
    return static_cast<unsigned char>(text[i]);
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(end), c);
  *next = static_cast<size_t>(pos);
  return c;
}

std::string FoldPunctuation(UChar32 c, std::string_view raw) {
  switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x2013: case 0x2014: case 0x2010: case 0x2011: return "-";
    default: return std::string(raw);
  }
}

void FinishWord(NameToken& t, std::string_view text) {
  const std::string_view w = text.substr(t.begin, t.end - t.begin);
  t.text.assign(w);
  t.word = true;
  // Most words are ASCII letters and digits: their fold is their lowercase,
  // with no table and no second reading.
  int letters = 0, upper = 0;
  bool plain = true;
  for (char ch : w) {
    if (ch >= 'A' && ch <= 'Z') {
      ++letters;
      ++upper;
    } else if (ch >= 'a' && ch <= 'z') {
      ++letters;
    } else if (ch < '0' || ch > '9') {
      plain = false;
      break;
    }
  }
  if (plain) {
    t.fold.resize(w.size());
    for (size_t k = 0; k < w.size(); ++k) t.fold[k] = static_cast<char>(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
    t.capitalized = w[0] >= 'A' && w[0] <= 'Z';
    t.all_caps = letters >= 2 && letters == upper;
    t.key = t.fold;
    return;
  }
  AsciiFoldInto(t.text, &t.fold);
  size_t next = 0;
  UChar32 first = At(text, t.begin, t.end, &next);
  t.capitalized = IsUpper(first) || (first >= 0x80 && u_istitle(first));
  letters = upper = 0;
  for (size_t i = t.begin; i < t.end;) {
    UChar32 c = At(text, i, t.end, &i);
    if (c >= 0x80) t.marked = true;
    if (IsHyphen(c)) t.hyphenated = true;
    if (IsAlpha(c)) {
      ++letters;
      upper += IsUpper(c) ? 1 : 0;
    }
  }
  t.all_caps = letters >= 2 && letters == upper;
  if (t.marked) {
    t.key = LowerCase(t.text);
  } else {
    t.key = t.fold;
  }
}

}  // namespace

std::vector<NameToken> TokenizeForNames(std::string_view text, size_t begin, size_t end) {
  std::vector<NameToken> out;
  if (end > begin) out.reserve((end - begin) / 5 + 1);  // about one token per five bytes of news text
  size_t i = begin;
  while (i < end) {
    size_t next = i;
    UChar32 c = At(text, i, end, &next);
    if (IsSpace(c) || c == 0xA0 || c == 0xFEFF) {
      i = next;
      continue;
    }
    if (!IsLetterOrDigit(c)) {
      // A possessive "'s" after a word is one token.
      if (IsApostrophe(c) && !out.empty() && out.back().word && out.back().end == i && next < end &&
          (text[next] == 's' || text[next] == 'S')) {
        size_t after = next + 1;
        size_t after_next = after;
        if (after >= end || !IsLetterOrDigit(At(text, after, end, &after_next))) {
          NameToken& t = out.emplace_back();
          t.begin = i;
          t.end = after;
          t.text.assign(text.substr(i, after - i));
          t.fold = "'s";
          t.key = t.fold;
          i = after;
          continue;
        }
      }
      // Each token is built where it is kept: no copy of its strings.
      NameToken& t = out.emplace_back();
      t.begin = i;
      t.end = next;
      t.text.assign(text.substr(i, next - i));
      t.fold = FoldPunctuation(c, t.text);
      t.key = t.fold;
      i = next;
      continue;
    }
    size_t j = next;
    while (j < end) {
      size_t after = j;
      UChar32 d = At(text, j, end, &after);
      if (IsLetterOrDigit(d)) {
        j = after;
        continue;
      }
      // An inner hyphen or apostrophe joins two letters ("Won-shik", "O'Brien").
      if ((IsHyphen(d) || IsApostrophe(d)) && after < end) {
        size_t after2 = after;
        UChar32 e = At(text, after, end, &after2);
        bool possessive = IsApostrophe(d) && (e == 's' || e == 'S');
        if (possessive) {
          size_t after3 = after2;
          possessive = after2 >= end || !IsLetterOrDigit(At(text, after2, end, &after3));
        }
        if (IsAlpha(e) && !possessive) {
          j = after2;
          continue;
        }
      }
      break;
    }
    NameToken& t = out.emplace_back();
    t.begin = i;
    t.end = j;
    FinishWord(t, text);
    i = j;
  }
  return out;
}

std::vector<NameToken> TokenizePhrase(std::string_view phrase) { return TokenizeForNames(phrase, 0, phrase.size()); }

}  // namespace vnie
