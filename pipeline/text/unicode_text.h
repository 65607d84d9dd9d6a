// Unicode operations on UTF-8 text used across stages.
#pragma once

#include <string>
#include <string_view>

namespace vnie {

// NFC of UTF8.  Returns the input unchanged (no copy into ICU) when a quick
// check says it is already NFC.
std::string ToNfc(std::string_view utf8);
// Makes TEXT NFC in place; returns whether it changed.  No copy when the
// quick check passes.
bool ToNfcInPlace(std::string& text);

// The ASCII key form: diacritics removed, đ/Đ -> d, lowercase, every run of
// characters that are not letters or digits (hyphens, punctuation, spaces)
// made one space, trimmed.  "Nguyễn Hồng Diên" -> "nguyen hong dien",
// "Park Ki-young" -> "park ki young".
std::string AsciiFold(std::string_view utf8);
// The same into *OUT, whose buffer is reused: for loops over many lines.
void AsciiFoldInto(std::string_view utf8, std::string* out);

// UTF8 in lower case, as ICU's full lower-casing gives it ("ĐẶNG" ->
// "đặng").  ASCII, Latin and Vietnamese letters are lowered one code point
// at a time without building an ICU string: the extractors ask this of many
// words and sentences.
std::string LowerCase(std::string_view utf8);

}  // namespace vnie
