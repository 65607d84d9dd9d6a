// The normalize stage reads most text in blocks (sixteen or eight bytes at a
// time) and looks closely only where a block says so.  These tests check that
// the fast paths give what a plain reading of every code point gives, on
// generated text that puts the awkward characters at every offset of a block.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/text/char_cleanup.h"
#include "pipeline/text/tone_placement.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

// Pieces of text: letters in one, two, three and four bytes, every kind of
// space, line end, invisible character, quote and dash cleanup rewrites,
// combining marks, the Ogham space, a control and a byte UTF-8 never uses.
// (The decode stage hands over valid UTF-8; a lead byte without its
// continuation bytes never reaches cleanup.)
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "a", "Z", "7", ".", "Việt", "người", "hoà", "đ", "ế", "ạ", "é", "ñ", "€", "…", "😀", "한", "中",
      " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u2003", "\u3000", "\u1680", "\u2028",
      "\u00ad", "\u200b", "\ufeff", "\u0085", "\u201c", "\u201d", "\u2019", "\u2013", "\u2014", "\u00ab",
      "\u0301", "\u0300", "\u0323", "\u0302", "\u031b", "\x01", "\x7f", "\xff", "o\u0301a",
      "\u1e9b", "\u0340", "\u2122", "\u00e0\u0303"};
  return pieces;
}

std::string RandomText(std::mt19937& rng, int pieces) {
  std::uniform_int_distribution<size_t> pick(0, Pieces().size() - 1);
  std::uniform_int_distribution<int> plain(0, 3);
  std::string s;
  for (int k = 0; k < pieces; ++k) {
    // Mostly letters and single spaces, as in prose, so that blocks pass
    // whole between the awkward pieces.
    if (plain(rng) != 0) s += (k % 2 ? " " : "word");
    else s += Pieces()[pick(rng)];
  }
  return s;
}

// Character cleanup read one code point at a time, as its contract says.
std::string CleanOneByOne(const std::string& in) {
  std::string out;
  bool space = false;
  int newlines = 0;
  auto flush = [&]() {
    if (newlines > 0) {
      if (!out.empty()) out.append(newlines >= 2 ? "\n\n" : "\n");
      newlines = 0;
      space = false;
    } else if (space) {
      if (!out.empty() && out.back() != '\n') out.push_back(' ');
      space = false;
    }
  };
  size_t i = 0;
  while (i < in.size()) {
    size_t at = i;
    char32_t cp = vietnamese::NextUtf8(in, &i);
    if (cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x1680 || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A)) {
      space = true;
    } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      ++newlines;
    } else if (cp == '\r') {
      if (i < in.size() && in[i] == '\n') ++i;
      ++newlines;
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD || cp == 0x200B ||
               cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF) {
      // dropped
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032 || cp == 0x2035) {
      flush();
      out += "'";
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0x2033 || cp == 0xAB ||
               cp == 0xBB) {
      flush();
      out += "\"";
    } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D) {
      flush();
      out += "-";
    } else if (cp == 0x2026) {
      flush();
      out += "...";
    } else {
      if (vietnamese::IsCombiningMark(cp) && newlines == 0) space = false;  // joins the letter before it
      else flush();
      if (cp == 0xFFFD && i - at == 1) out += "\xEF\xBF\xBD";
      else out.append(in, at, i - at);
    }
  }
  return out;
}

std::string IcuNfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  nfc->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(FastPaths, CharacterCleanupMatchesAReadingOfEveryCodePoint) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 3000; ++round) {
    std::string text = RandomText(rng, 1 + round % 90);
    ASSERT_EQ(CleanCharacters(text), CleanOneByOne(text)) << "text: " << text;
  }
}

TEST(FastPaths, NfcCheckPassesOnlyTextIcuLeavesAlone) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    // Cleaned first, as the stage does, so that every string is valid UTF-8.
    std::string text = CleanCharacters(RandomText(rng, 1 + round % 90));
    ASSERT_EQ(ToNfc(text), IcuNfc(text)) << "text: " << text;
  }
}

TEST(FastPaths, TonePlacementTreatsEachWordAlone) {
  // A word changes or stays whatever stands around it: the text's result is
  // its words' results, put back between the same separators.
  const std::vector<std::string> words = {"hoà",  "Người", "của", "thuỷ", "KHOẺ", "mứơn", "quốc", "gịa",
                                          "ngoài", "tiếng", "hòa", "Huế", "ñandú", "café", "oà",   "o\u0300a"};
  const std::vector<std::string> separators = {" ", ", ", "\n", "-", "", "  ", "1", "\u201c"};
  std::mt19937 rng(3);
  std::uniform_int_distribution<size_t> word(0, words.size() - 1), sep(0, separators.size() - 1);
  for (int round = 0; round < 500; ++round) {
    std::string text, expected;
    for (int k = 0; k < 12; ++k) {
      const std::string& w = words[word(rng)];
      const std::string& s = separators[sep(rng)];
      text.append(w).append(" ").append(s).append(" ");
      expected.append(PlaceTones(w)).append(" ").append(s).append(" ");
    }
    ASSERT_EQ(PlaceTones(text), expected) << "text: " << text;
  }
}

TEST(FastPaths, LowerCaseIsIcusFullLowerCasing) {
  // Every code point of the ranges LowerCase lowers itself, alone and in a
  // word, then text it hands to ICU.
  auto icu_lower = [](const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
    return out;
  };
  for (UChar32 c = 0x20; c < 0x1F00; ++c) {
    if (c == 0x7F || (c >= 0x250 && c < 0x1E00)) continue;
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    ASSERT_EQ(LowerCase(s), icu_lower(s)) << "U+" << std::hex << c;
    ASSERT_EQ(LowerCase("Ab" + s + "Z"), icu_lower("Ab" + s + "Z")) << "U+" << std::hex << c;
  }
  for (const char* s : {"ĐẶNG Thị NGỌC", "İstanbul", "ΟΔΟΣ Σ", "Straße STRASSE", "ǅemal", "Hà Nội 2024"}) {
    EXPECT_EQ(LowerCase(s), icu_lower(s)) << s;
  }
}

TEST(FastPaths, AsciiFoldOfLongAndMixedText) {
  EXPECT_EQ(AsciiFold("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên, Thứ trưởng Trần Quốc Khánh"),
            "bo truong bo cong thuong nguyen hong dien thu truong tran quoc khanh");
  // A letter kept in UTF-8 (Hangul) or a stray byte anywhere sends the whole
  // text down the careful path, with the same result as a piece at a time.
  EXPECT_EQ(AsciiFold("Bộ trưởng Ahn Duk-geun 안덕근 và Việt Nam"), "bo truong ahn duk geun 안덕근 va viet nam");
  EXPECT_EQ(AsciiFold("Việt\xffNam"), "viet nam");
  std::string reused = "a long key left from the line before this one";
  AsciiFoldInto("Đà Nẵng", &reused);
  EXPECT_EQ(reused, "da nang");
}

}  // namespace
}  // namespace vnie
