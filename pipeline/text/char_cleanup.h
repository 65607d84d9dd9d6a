// Plain characters and one shape of whitespace, before NFC and tone placement.
//
//   - line ends (CRLF, CR, U+2028/2029) become '\n'; each line is trimmed;
//     runs of blank lines become one blank line (a paragraph break);
//   - spaces of every kind (tab, no-break U+00A0/U+202F, U+2000..U+200A,
//     ideographic) become ' ', runs folded to one;
//   - zero-width characters (U+200B..U+200D, U+2060, U+FEFF), the soft
//     hyphen U+00AD and other control characters are removed;
//   - typographic quotes become ' and ", dashes and the minus sign '-',
//     the ellipsis "...";
//   - a combining mark separated from its letter by spaces is joined to it.
#pragma once

#include <string>
#include <string_view>

namespace vnie {

std::string CleanCharacters(std::string_view utf8);

}  // namespace vnie
