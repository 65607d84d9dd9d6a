#include "pipeline/text/tone_placement.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "pipeline/text/byte_scan.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

using vietnamese::Letter;

constexpr int kMaxLetters = 12;

// A Latin letter outside the Vietnamese alphabet (ñ, ç, ö...): part of a word,
// but that word is not Vietnamese.
bool IsForeignLatin(char32_t cp) {
  return (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp < 0x1F00);
}

struct AsciiVowels {
  bool v[128] = {};
  constexpr AsciiVowels() {
    for (char c : std::string_view("aeiouyAEIOUY")) v[static_cast<unsigned char>(c)] = true;
  }
  bool operator[](unsigned char c) const { return c < 128 && v[c]; }
};
constexpr AsciiVowels kAsciiVowel;

// Rewrites WORD (letters and combining marks) when it is a Vietnamese syllable
// whose tone or marks need moving.  Returns false when the word stays as is.
bool RewriteWord(std::string_view word, TonePlacement placement, std::string& out) {
  Letter letters[kMaxLetters];
  int n = 0;
  bool marks_consumed = false;
  int stray_tone = 0;
  size_t i = 0;
  while (i < word.size()) {
    char32_t cp = vietnamese::NextUtf8(word, &i);
    Letter l;
    if (vietnamese::LookupLetter(cp, &l)) {
      if (n >= kMaxLetters) return false;
      letters[n++] = l;
      continue;
    }
    int tone = vietnamese::ToneOfMark(cp);
    if (tone <= 0 && vietnamese::SplitTonedConsonant(cp, &l, &tone)) {
      // A tone typed after a consonant and composed with it by NFC.
      if (n >= kMaxLetters) return false;
      letters[n++] = l;
    }
    if (tone > 0) {
      if (n == 0) return false;
      // The word's tone so far, from a letter or an earlier stray mark.
      int have = stray_tone;
      for (int k = 0; k < n; ++k) {
        if (letters[k].tone) have = letters[k].tone;
      }
      if (have && have != tone) return false;  // two different tones: ambiguous
      if (!have) stray_tone = tone;            // placed below
      marks_consumed = true;                   // a doubled mark is dropped
      continue;
    }
    int shape = vietnamese::ShapeOfMark(cp);
    if (shape > 0 && n > 0 && letters[n - 1].vowel) {
      Letter& prev = letters[n - 1];
      if (prev.shape == shape) {
        marks_consumed = true;
        continue;
      }
      bool allowed = (shape == vietnamese::kCircumflex && (prev.base == 'a' || prev.base == 'e' || prev.base == 'o')) ||
                     (shape == vietnamese::kBreve && prev.base == 'a') ||
                     (shape == vietnamese::kHorn && (prev.base == 'o' || prev.base == 'u'));
      if (prev.shape != vietnamese::kNoShape || !allowed) return false;
      prev.shape = static_cast<uint8_t>(shape);
      marks_consumed = true;
      continue;
    }
    return false;  // another mark or a letter outside the alphabet
  }
  if (!marks_consumed) {
    // The common case: one tone on a vowel with no vowel beside it, which is
    // where every placement puts it.
    int toned = -1;
    for (int k = 0; k < n; ++k) {
      if (letters[k].tone) toned = k;
    }
    if (toned < 0) return false;
    bool vowel_before = toned > 0 && letters[toned - 1].vowel;
    bool vowel_after = toned + 1 < n && letters[toned + 1].vowel;
    if (!vowel_before && !vowel_after) return false;
  }
  vietnamese::Syllable s;
  if (!vietnamese::ParseSyllable(letters, n, &s)) return false;
  int tone = s.tone_at >= 0 ? s.tone : stray_tone;
  if (tone == 0) {
    if (!marks_consumed) return false;
  } else {
    int target = placement == TonePlacement::kModern ? vietnamese::ModernToneIndex(letters, n, s)
                                                     : vietnamese::AlternateToneIndex(letters, n, s);
    if (target == s.tone_at && !marks_consumed) return false;
    if (s.tone_at >= 0) letters[s.tone_at].tone = 0;
    letters[target].tone = static_cast<uint8_t>(tone);
  }
  for (int k = 0; k < n; ++k) vietnamese::AppendUtf8(vietnamese::Compose(letters[k]), out);
  return true;
}

// A code point that belongs to a word: a letter of the alphabet, a
// combining mark or another Latin letter.
bool IsWordCodePoint(char32_t cp, const Letter* table) {
  return (cp < vietnamese::kLetterTableSize && table[cp].base != 0) || vietnamese::IsCombiningMark(cp) ||
         IsForeignLatin(cp);
}

// The code point that ends just before byte END of S (END > 0), and where it
// starts in *START; U+FFFD when the bytes there are not one code point.
inline char32_t PreviousCodePoint(std::string_view s, size_t end, size_t* start) {
  size_t b = end - 1;
  while (b > 0 && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t i = b;
  char32_t cp = vietnamese::NextUtf8(s, &i);
  *start = b;
  return i == end ? cp : 0xFFFD;
}

// Where PLACEMENT puts the tone of an open or closed syllable whose vowel
// nucleus is LETTERS[B, E), none with a shape mark (the rule of
// ModernToneIndex and AlternateToneIndex for that case).
int UnshapedToneIndex(const Letter* letters, int b, int e, bool closed, TonePlacement placement) {
  if (closed) return e - 1;
  if (e - b == 3) return b + 1;
  if (placement == TonePlacement::kAlternate && e - b == 2) {
    char v0 = letters[b].base, v1 = letters[e - 1].base;
    if ((v0 == 'o' && (v1 == 'a' || v1 == 'e')) || (v0 == 'u' && v1 == 'y')) return b + 1;
  }
  return b;
}

// The letter of the alphabet at S[*I] in *LETTER, advancing *I past it;
// false (and *I unmoved) for anything else or the end.
bool LetterAt(std::string_view s, size_t* i, const Letter* table, Letter* letter) {
  if (*i >= s.size()) return false;
  size_t j = *i;
  char32_t cp = vietnamese::NextUtf8(s, &j);
  if (cp >= vietnamese::kLetterTableSize || table[cp].base == 0) return false;
  *letter = table[cp];
  *i = j;
  return true;
}

// The same for the letter that ends at S[*END], moving *END to its start.
bool LetterBefore(std::string_view s, size_t* end, const Letter* table, Letter* letter) {
  if (*end == 0) return false;
  size_t start;
  char32_t cp = PreviousCodePoint(s, *end, &start);
  if (cp >= vietnamese::kLetterTableSize || table[cp].base == 0) return false;
  *letter = table[cp];
  *end = start;
  return true;
}

// True when the code point CP at S[AT, NEXT) may make its word change: a
// combining mark, a Latin letter outside the alphabet (a consonant NFC
// composed with a tone, or a foreign word the word scan passes by), or a
// tone on a vowel next to another vowel that is not where PLACEMENT puts it.
// That is read here for the common case, a syllable of plain letters with
// one tone: on the last vowel with a shape mark ("người", "tiếng", "quốc"),
// else by the rule for vowels without shape marks (the last of a closed
// syllable's nucleus, the middle of three, else the first), qu and gi being
// initials.  Anything less plain goes to the word scan.
bool MayChangeWord(std::string_view s, size_t at, size_t next, char32_t cp, const Letter* table,
                   TonePlacement placement) {
  if (cp >= vietnamese::kLetterTableSize) return false;
  const Letter& toned = table[cp];
  if (toned.base == 0) return vietnamese::IsCombiningMark(cp) || IsForeignLatin(cp);
  if (!toned.vowel || !toned.tone) return false;
  // The run of vowels around the tone, as far as plain letters go.
  constexpr int kMax = 4;
  Letter run[kMax + 1];
  int before = 0;
  size_t run_begin = at;
  Letter l;
  Letter back[kMax];
  while (before < kMax) {
    size_t p = run_begin;
    if (!LetterBefore(s, &p, table, &l) || !l.vowel) break;
    back[before++] = l;
    run_begin = p;
  }
  int n = 0;
  for (int k = before - 1; k >= 0; --k) run[n++] = back[k];
  const int tone_at = n;
  run[n++] = toned;
  size_t run_end = next;
  while (n <= kMax) {
    size_t p = run_end;
    if (!LetterAt(s, &p, table, &l) || !l.vowel) break;
    run[n++] = l;
    run_end = p;
  }
  if (n == 1) return false;  // no vowel beside it: every placement agrees
  if (n > 3) return true;
  int shaped = -1, tones = 0;
  for (int k = 0; k < n; ++k) {
    if (run[k].shape) shaped = k;
    tones += run[k].tone != 0;
  }
  if (tones > 1) return true;
  if (shaped >= 0) return shaped != tone_at;
  // The initial: plain consonants back to the word's start.
  char initial[4];
  int il = 0;
  size_t p = run_begin;
  while (LetterBefore(s, &p, table, &l)) {
    if (l.vowel || il == 3) return true;  // another syllable's vowels, or not one
    initial[il++] = l.d_stroke ? 'D' : l.base;
  }
  if (p > 0) {
    size_t q = p;
    char32_t c = PreviousCodePoint(s, q, &q);
    if (vietnamese::IsCombiningMark(c) || IsForeignLatin(c)) return true;
  }
  int b = 0;
  if (il == 1 && ((initial[0] == 'q' && run[0].base == 'u') || (initial[0] == 'g' && run[0].base == 'i'))) b = 1;
  if (tone_at < b) return true;  // a tone on the u of qu or the i of gi
  // Closed when letters follow the run; anything but a plain letter there
  // goes to the word scan.
  bool closed = false;
  if (run_end < s.size()) {
    size_t q = run_end;
    char32_t c = vietnamese::NextUtf8(s, &q);
    if (c < vietnamese::kLetterTableSize && table[c].base != 0) closed = true;
    else if (vietnamese::IsCombiningMark(c) || IsForeignLatin(c)) return true;
  }
  return UnshapedToneIndex(run, b, n, closed, placement) != tone_at;
}

}  // namespace

namespace {

// The rewritten text in *OUT when a word changed; false (OUT untouched) when
// none did.
bool PlaceTonesInto(std::string_view in, TonePlacement placement, std::string* out_text);

}  // namespace

std::string PlaceTones(std::string_view in, TonePlacement placement, bool* changed) {
  std::string out;
  bool any = PlaceTonesInto(in, placement, &out);
  if (changed) *changed = any;
  return any ? out : std::string(in);
}

bool PlaceTonesInPlace(std::string& text, TonePlacement placement) {
  std::string out;
  if (!PlaceTonesInto(text, placement, &out)) return false;
  text = std::move(out);
  return true;
}

namespace {

bool PlaceTonesInto(std::string_view in, TonePlacement placement, std::string* out_text) {
  std::string out;
  size_t copied = 0;  // in[0, copied) is in out (only once a word changed)
  bool any = false;
  size_t i = 0, n = in.size();
  std::string word_out;
  size_t word_floor = 0;  // the end of the last word scanned: no word starts before it
  const Letter* table = vietnamese::LetterTable();
  auto ascii_letter = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  while (i < n) {
    // Only a word with a byte outside ASCII can need a change: skip to the
    // next such byte, eight bytes at a time, then back to its word's start.
    const auto* bytes = reinterpret_cast<const unsigned char*>(in.data());
    if (!byte_scan::SkipBlocks(bytes, n, &i, byte_scan::HighBytes)) {
      while (i + 8 <= n) {
        uint64_t block;
        std::memcpy(&block, bytes + i, 8);
        if (block & 0x8080808080808080ULL) break;
        i += 8;
      }
    }
    while (i < n && bytes[i] < 0x80) ++i;
    if (i >= n) break;
    // Most code points outside ASCII cannot change their word: look at the
    // word only for one that may.
    size_t at = i;
    char32_t trigger = vietnamese::NextUtf8(in, &i);
    if (trigger < vietnamese::kLetterTableSize && table[trigger].base != 0) {
      // The usual letters, without a call: a consonant, a vowel without a
      // tone, or a tone between two ASCII letters that are not vowels.
      const Letter& l = table[trigger];
      if (!l.vowel || !l.tone) continue;
      auto before = static_cast<unsigned char>(at > 0 ? in[at - 1] : ' ');
      auto after = static_cast<unsigned char>(i < n ? in[i] : ' ');
      if (before < 0x80 && after < 0x80 && !kAsciiVowel[before] && !kAsciiVowel[after]) continue;
    }
    if (!MayChangeWord(in, at, i, trigger, table, placement)) continue;
    size_t begin = at;
    const size_t floor = std::max(copied, word_floor);
    while (begin > floor) {
      auto c = static_cast<unsigned char>(in[begin - 1]);
      if (c < 0x80) {
        if (!ascii_letter(c)) break;
        --begin;
        continue;
      }
      size_t start;
      char32_t cp = PreviousCodePoint(in, begin, &start);
      if (start < floor || !IsWordCodePoint(cp, table)) break;
      begin = start;
    }
    i = begin;
    // The whole word: it can change only with a mark NFC left alone, a
    // consonant NFC composed with a tone, or a tone on a vowel next to
    // another vowel; a word with a letter outside the alphabet stays.
    bool marked = false, foreign = false;
    bool prev_vowel = false, prev_toned = false, tone_next_to_vowel = false;
    while (i < n) {
      auto d = static_cast<unsigned char>(in[i]);
      if (d < 0x80) {
        if (!ascii_letter(d)) break;
        bool v = kAsciiVowel[d];
        if (v && prev_vowel && prev_toned) tone_next_to_vowel = true;
        prev_vowel = v;
        prev_toned = false;
        ++i;
        continue;
      }
      size_t at = i;
      char32_t cp = vietnamese::NextUtf8(in, &i);
      Letter l;
      if (cp < vietnamese::kLetterTableSize && table[cp].base != 0) {
        l = table[cp];
        if (l.vowel && prev_vowel && (l.tone || prev_toned)) tone_next_to_vowel = true;
        prev_vowel = l.vowel;
        prev_toned = l.tone != 0;
      } else if (vietnamese::IsCombiningMark(cp)) {
        marked = true;
      } else if (IsForeignLatin(cp)) {
        int tone;
        if (vietnamese::SplitTonedConsonant(cp, &l, &tone)) marked = true;
        else foreign = true;
      } else {
        i = at;
        break;
      }
    }
    bool needs = marked || tone_next_to_vowel;
    word_floor = i;
    if (i == begin) {  // a non-letter code point
      vietnamese::NextUtf8(in, &i);
      word_floor = i;
      continue;
    }
    if (!needs || foreign) continue;
    word_out.clear();
    if (!RewriteWord(in.substr(begin, i - begin), placement, word_out)) continue;
    if (!any) out.reserve(in.size() + 16);
    any = true;
    out.append(in.substr(copied, begin - copied));
    out.append(word_out);
    copied = i;
  }
  if (!any) return false;
  out.append(in.substr(copied));
  *out_text = std::move(out);
  return true;
}

}  // namespace

}  // namespace vnie
