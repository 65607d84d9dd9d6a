// The Vietnamese alphabet as data: each precomposed vowel letter split into
// its base, its shape mark (circumflex, breve, horn) and its tone, and the
// syllable structure (initial consonant, vowel nucleus, final consonant) that
// tone placement and encoding detection read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vnie::vietnamese {

enum Shape : uint8_t { kNoShape = 0, kCircumflex = 1, kBreve = 2, kHorn = 3 };
// Tone numbering follows the combining marks: grave, acute, hook, tilde, dot.
enum Tone : uint8_t { kLevel = 0, kGrave = 1, kAcute = 2, kHook = 3, kTilde = 4, kDot = 5 };

struct Letter {
  char base = 0;        // lowercase ASCII base: a e i o u y for vowels, 'd' for đ, else a consonant
  uint8_t shape = 0;    // Shape
  uint8_t tone = 0;     // Tone
  bool upper = false;
  bool vowel = false;
  bool d_stroke = false;  // đ / Đ
};

// Looks up CP (ASCII letters, every precomposed Vietnamese vowel, đ/Đ).
// Returns false for anything else.
bool LookupLetter(char32_t cp, Letter* out);

// The code point of L (a vowel with its shape and tone, or a consonant).
char32_t Compose(const Letter& l);

// A consonant that NFC composed with a tone mark typed after it (ǹ, ḿ, ń):
// the consonant in *LETTER and the tone in *TONE.  False for anything else.
bool SplitTonedConsonant(char32_t cp, Letter* letter, int* tone);

// Tone of a combining mark (U+0300 grave ... U+0323 dot), or -1.
int ToneOfMark(char32_t cp);
// Shape of a combining mark (U+0302, U+0306, U+031B), or -1.
int ShapeOfMark(char32_t cp);
inline bool IsCombiningMark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

// The parts of one syllable written as letters, lowercase, without tone.
struct Syllable {
  int initial_end = 0;  // letters [0, initial_end) are the initial (qu, gi included)
  int nucleus_end = 0;  // letters [initial_end, nucleus_end) are the vowel nucleus
  int tone_at = -1;     // index of the letter carrying the tone, -1 if level
  int tone = 0;
};

// Parses LETTERS[0..n) as a Vietnamese syllable.  False when it is not one:
// an unknown initial or final consonant, a vowel sequence Vietnamese does not
// have, or more than one tone.
bool ParseSyllable(const Letter* letters, int n, Syllable* out);

// Where the tone of syllable S belongs in the modern placement (the tone on
// the first vowel of an open oa, oe, uy: hòa, thủy, khỏe), as a letter index.
int ModernToneIndex(const Letter* letters, int n, const Syllable& s);
// The other placement (hoà, thuỷ, khoẻ): differs only for open oa, oe, uy.
int AlternateToneIndex(const Letter* letters, int n, const Syllable& s);

// True when WORD (UTF-8, NFC) reads as a Vietnamese syllable with at least
// one letter outside ASCII.  Used to score candidate decodings.
bool IsMarkedVietnameseSyllable(std::string_view word);

// Appends the UTF-8 form of CP to OUT.
void AppendUtf8(char32_t cp, std::string& out);
// Decodes one code point at S[*i], advancing *i; U+FFFD for a bad sequence.
char32_t NextUtf8(std::string_view s, size_t* i);

}  // namespace vnie::vietnamese
