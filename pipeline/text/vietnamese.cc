#include "pipeline/text/vietnamese.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace vnie::vietnamese {
namespace {

constexpr char32_t kToneMarks[6] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
constexpr char32_t kShapeMarks[4] = {0, 0x0302, 0x0306, 0x031B};
constexpr std::string_view kVowels = "aeiouy";

// Which shapes each base vowel takes.
bool ShapeAllowed(char base, int shape) {
  switch (shape) {
    case kNoShape: return true;
    case kCircumflex: return base == 'a' || base == 'e' || base == 'o';
    case kBreve: return base == 'a';
    case kHorn: return base == 'o' || base == 'u';
  }
  return false;
}

// Every vowel letter (6 bases x 4 shapes x 6 tones x 2 cases) composed once
// with ICU, and the reverse map for lookups.  Code points below U+2000 are
// looked up in a flat array.
struct Tables {
  // index: ((base * 4 + shape) * 6 + tone) * 2 + upper
  std::array<char32_t, 6 * 4 * 6 * 2> compose{};
  std::array<Letter, 0x2000> lookup{};

  Tables() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data unavailable");
    for (int b = 0; b < 6; ++b) {
      char base = kVowels[b];
      for (int shape = 0; shape < 4; ++shape) {
        if (!ShapeAllowed(base, shape)) continue;
        for (int tone = 0; tone < 6; ++tone) {
          for (int upper = 0; upper < 2; ++upper) {
            icu::UnicodeString s(static_cast<UChar32>(upper ? base - 'a' + 'A' : base));
            if (shape) s.append(static_cast<UChar32>(kShapeMarks[shape]));
            if (tone) s.append(static_cast<UChar32>(kToneMarks[tone]));
            UErrorCode st = U_ZERO_ERROR;
            icu::UnicodeString c = nfc->normalize(s, st);
            if (U_FAILURE(st) || c.countChar32() != 1) continue;
            char32_t cp = static_cast<char32_t>(c.char32At(0));
            compose[((b * 4 + shape) * 6 + tone) * 2 + upper] = cp;
            if (cp < lookup.size()) {
              Letter& l = lookup[cp];
              l.base = base;
              l.shape = static_cast<uint8_t>(shape);
              l.tone = static_cast<uint8_t>(tone);
              l.upper = upper;
              l.vowel = true;
            }
          }
        }
      }
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      if (kVowels.find(c) != std::string_view::npos) continue;
      lookup[static_cast<unsigned char>(c)] = Letter{c, 0, 0, false, false, false};
      lookup[static_cast<unsigned char>(c - 'a' + 'A')] = Letter{c, 0, 0, true, false, false};
    }
    lookup[0x0111] = Letter{'d', 0, 0, false, false, true};
    lookup[0x0110] = Letter{'d', 0, 0, true, false, true};
  }
};

const Tables& T() {
  static const Tables tables;
  return tables;
}

int BaseIndex(char base) {
  size_t p = kVowels.find(base);
  return p == std::string_view::npos ? -1 : static_cast<int>(p);
}

// Lowercase spellings without tone, shapes written as: a^ -> 'A' etc. are
// awkward, so nuclei are matched on (base, shape) pairs encoded as one char:
// the base letter, uppercased when it carries a shape (â ê ô -> A E O with
// circumflex, ă -> B, ơ -> P, ư -> W).
char NucleusCode(const Letter& l) {
  switch (l.shape) {
    case kCircumflex: return static_cast<char>(l.base - 'a' + 'A');
    case kBreve: return 'B';
    case kHorn: return l.base == 'o' ? 'P' : 'W';
  }
  return l.base;
}

// Spellings packed into an integer (up to 4 chars, 8 bits each) so that the
// lists are searched with integer compares.
constexpr uint32_t Pack(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) v = (v << 8) | static_cast<unsigned char>(c);
  return v | (static_cast<uint32_t>(s.size()) << 28);
}

template <size_t N>
constexpr bool InList(const uint32_t (&list)[N], uint32_t key) {
  for (uint32_t v : list) {
    if (v == key) return true;
  }
  return false;
}

// a ă â e ê i o ô ơ u ư y and the vowel sequences Vietnamese spells.
constexpr uint32_t kNuclei[] = {
    Pack("a"), Pack("B"), Pack("A"), Pack("e"), Pack("E"), Pack("i"), Pack("o"), Pack("O"), Pack("P"),
    Pack("u"), Pack("W"), Pack("y"), Pack("ai"), Pack("ao"), Pack("au"), Pack("ay"), Pack("Au"),
    Pack("Ay"), Pack("eo"), Pack("Eu"), Pack("ia"), Pack("iE"), Pack("iu"), Pack("oa"), Pack("oB"),
    Pack("oe"), Pack("oi"), Pack("Oi"), Pack("Pi"), Pack("oo"), Pack("ua"), Pack("uA"), Pack("uE"),
    Pack("ui"), Pack("uO"), Pack("uP"), Pack("uy"), Pack("Wa"), Pack("Wi"), Pack("WP"), Pack("Wu"),
    Pack("yE"), Pack("iEu"), Pack("yEu"), Pack("oai"), Pack("oay"), Pack("oeo"), Pack("uAy"),
    Pack("uOi"), Pack("uya"), Pack("uyE"), Pack("uyu"), Pack("WPi"), Pack("WPu")};

// 'D' stands for đ.
constexpr uint32_t kInitials[] = {
    Pack(""), Pack("b"), Pack("c"), Pack("ch"), Pack("d"), Pack("D"), Pack("g"), Pack("gh"),
    Pack("gi"), Pack("h"), Pack("k"), Pack("kh"), Pack("l"), Pack("m"), Pack("n"), Pack("ng"),
    Pack("ngh"), Pack("nh"), Pack("p"), Pack("ph"), Pack("qu"), Pack("r"), Pack("s"), Pack("t"),
    Pack("th"), Pack("tr"), Pack("v"), Pack("x")};

constexpr uint32_t kFinals[] = {Pack(""), Pack("c"), Pack("ch"), Pack("m"), Pack("n"),
                                Pack("ng"), Pack("nh"), Pack("p"), Pack("t")};

// The nuclei as a table indexed by their codes, one digit base 13 per
// letter: a lookup instead of a search, as every word with a tone next to
// another vowel asks.
constexpr int NucleusDigit(char c) {
  constexpr std::string_view kCodes = "aBAeEioOPuWy";
  size_t p = kCodes.find(c);
  return p == std::string_view::npos ? -1 : static_cast<int>(p) + 1;
}

struct NucleusTable {
  bool known[13 * 13 * 13] = {};
  constexpr NucleusTable() {
    for (uint32_t v : kNuclei) {
      int index = 0;
      for (int shift = 16; shift >= 0; shift -= 8) {
        char c = static_cast<char>((v >> shift) & 0xFF);
        if (c) index = index * 13 + NucleusDigit(c);
      }
      known[index] = true;
    }
  }
};
constexpr NucleusTable kNucleusTable;

bool KnownNucleus(std::string_view code) {
  if (code.empty() || code.size() > 3) return false;
  int index = 0;
  for (char c : code) {
    int digit = NucleusDigit(c);
    if (digit < 0) return false;
    index = index * 13 + digit;
  }
  return kNucleusTable.known[index];
}
bool KnownInitial(std::string_view s) { return InList(kInitials, Pack(s)); }
bool KnownFinal(std::string_view s) { return InList(kFinals, Pack(s)); }

}  // namespace

bool LookupLetter(char32_t cp, Letter* out) {
  if (cp >= 0x2000) return false;
  const Letter& l = T().lookup[cp];
  if (l.base == 0) return false;
  *out = l;
  return true;
}

const Letter* LetterTable() { return T().lookup.data(); }

char32_t Compose(const Letter& l) {
  if (l.d_stroke) return l.upper ? 0x0110 : 0x0111;
  if (!l.vowel) return static_cast<char32_t>(l.upper ? l.base - 'a' + 'A' : l.base);
  int b = BaseIndex(l.base);
  return T().compose[((b * 4 + l.shape) * 6 + l.tone) * 2 + (l.upper ? 1 : 0)];
}

bool SplitTonedConsonant(char32_t cp, Letter* letter, int* tone) {
  if (cp < 0xC0 || cp >= 0x2000) return false;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString d;
  if (!nfd->getDecomposition(static_cast<UChar32>(cp), d) || d.length() != 2) return false;
  Letter l;
  int t = ToneOfMark(static_cast<char32_t>(d.charAt(1)));
  if (t <= 0 || !LookupLetter(static_cast<char32_t>(d.charAt(0)), &l) || l.vowel) return false;
  *letter = l;
  *tone = t;
  return true;
}

int ToneOfMark(char32_t cp) {
  for (int t = 1; t < 6; ++t) {
    if (kToneMarks[t] == cp) return t;
  }
  // U+0340/U+0341 are deprecated grave/acute tone marks.
  if (cp == 0x0340) return kGrave;
  if (cp == 0x0341) return kAcute;
  return -1;
}

int ShapeOfMark(char32_t cp) {
  for (int s = 1; s < 4; ++s) {
    if (kShapeMarks[s] == cp) return s;
  }
  return -1;
}

bool ParseSyllable(const Letter* letters, int n, Syllable* out) {
  if (n <= 0 || n > 10) return false;
  int i = 0;
  char initial[8];
  int il = 0;
  while (i < n && !letters[i].vowel) {
    if (il >= 3) return false;
    initial[il++] = letters[i].d_stroke ? 'D' : letters[i].base;
    ++i;
  }
  if (i == n) return false;  // no vowel
  std::string_view init(initial, il);
  // qu: the u belongs to the initial; gi: the i does when a vowel follows.
  if (init == "q") {
    if (letters[i].base != 'u' || letters[i].shape != kNoShape || i + 1 >= n || !letters[i + 1].vowel)
      return false;
    initial[il++] = 'u';
    ++i;
  } else if (init == "g" && letters[i].base == 'i' && i + 1 < n && letters[i + 1].vowel) {
    initial[il++] = 'i';
    ++i;
  }
  if (!KnownInitial(std::string_view(initial, il))) return false;
  int nucleus_begin = i;
  char code[4];
  int cl = 0;
  while (i < n && letters[i].vowel) {
    if (cl >= 3) return false;
    code[cl++] = NucleusCode(letters[i]);
    ++i;
  }
  if (!KnownNucleus(std::string_view(code, cl))) return false;
  int nucleus_end = i;
  char fin[3];
  int fl = 0;
  while (i < n) {
    if (letters[i].vowel || letters[i].d_stroke || fl >= 2) return false;
    fin[fl++] = letters[i].base;
    ++i;
  }
  if (!KnownFinal(std::string_view(fin, fl))) return false;
  int tone_at = -1, tone = 0;
  for (int k = 0; k < n; ++k) {
    if (letters[k].tone) {
      if (tone_at >= 0) return false;
      tone_at = k;
      tone = letters[k].tone;
    }
  }
  // A tone on a letter of qu/gi is read as the syllable's tone (gịa).
  out->initial_end = nucleus_begin;
  out->nucleus_end = nucleus_end;
  out->tone_at = tone_at;
  out->tone = tone;
  return true;
}

int ModernToneIndex(const Letter* letters, int n, const Syllable& s) {
  int b = s.initial_end, e = s.nucleus_end;
  int len = e - b;
  // A vowel with a shape mark carries the tone (the last one: ươ -> ơ).
  for (int k = e - 1; k >= b; --k) {
    if (letters[k].shape != kNoShape) return k;
  }
  if (e < n) return e - 1;         // closed syllable: the last vowel (hoàng, huỳnh)
  if (len == 3) return b + 1;      // open triple: the middle (ngoài, khuỷu)
  return b;                        // open pair or single: the first (hòa, của, mía)
}

int AlternateToneIndex(const Letter* letters, int n, const Syllable& s) {
  int b = s.initial_end, e = s.nucleus_end;
  if (e == n && e - b == 2 && letters[b].shape == kNoShape && letters[b + 1].shape == kNoShape) {
    char v0 = letters[b].base, v1 = letters[b + 1].base;
    if ((v0 == 'o' && (v1 == 'a' || v1 == 'e')) || (v0 == 'u' && v1 == 'y')) return b + 1;
  }
  return ModernToneIndex(letters, n, s);
}

bool IsMarkedVietnameseSyllable(std::string_view word) {
  Letter letters[12];
  int n = 0;
  bool marked = false;
  size_t i = 0;
  while (i < word.size()) {
    char32_t cp = NextUtf8(word, &i);
    if (n >= 12 || !LookupLetter(cp, &letters[n])) return false;
    if (cp >= 0x80) marked = true;
    ++n;
  }
  Syllable s;
  return marked && ParseSyllable(letters, n, &s);
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace vnie::vietnamese
