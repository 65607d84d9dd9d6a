// Vietnamese tone placement: one place for the tone mark of every syllable.
//
// Vietnamese writes `hòa` and `hoà`, `thủy` and `thuỷ`, `khỏe` and `khoẻ` for
// the same words; vnie keeps the placement most news uses (SPEC.md §4): the
// tone on the first vowel of an open oa, oe, uy (hòa, thủy, khỏe).  With a
// final consonant both conventions agree (hoàng, thuyết).  `qu` and `gi` are
// initials (quý, giữa).  Words that do not parse as Vietnamese syllables
// (Café, José, English words) are left alone.
//
// Combining tone and shape marks that NFC could not attach (a mark after a
// final consonant, a mark typed twice) are attached to the letter the
// placement rules give, when the word is a Vietnamese syllable and the mark
// does not contradict a tone it already has.
#pragma once

#include <string>
#include <string_view>

namespace vnie {

enum class TonePlacement {
  kModern,     // hòa, thủy, khỏe (vnie's output)
  kAlternate,  // hoà, thuỷ, khoẻ (the other convention; tests write it)
};

// Returns UTF8 (NFC) with every Vietnamese syllable's tone at PLACEMENT's
// position and stray marks attached.  *CHANGED (optional) says whether any
// word was rewritten; when none was the result is a copy of the input.
std::string PlaceTones(std::string_view utf8, TonePlacement placement = TonePlacement::kModern,
                       bool* changed = nullptr);

}  // namespace vnie
