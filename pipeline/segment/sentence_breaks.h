// Sentence boundaries of one paragraph (a line with no line break), by the
// rules of Unicode's sentence segmentation (UAX #29), as ICU's sentence
// break iterator gives them.
#pragma once

#include <string_view>
#include <vector>

namespace vnie {

// The byte offsets in PARAGRAPH after which a sentence ends, ascending, the
// last one PARAGRAPH.size().  Reads the text once with the character
// classes ICU's rules use; returns false (and leaves the work to ICU) when
// the paragraph holds a character those rules treat specially here: a
// carriage return or other paragraph separator, a combining mark or format
// character (the rules attach them to the character before), or bytes that
// are not UTF-8.
bool FastSentenceBreaks(std::string_view paragraph, std::vector<size_t>* breaks);

}  // namespace vnie
