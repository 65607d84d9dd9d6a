// Site chrome in article text: what it is and how it goes.
//
// Rules are data (pipeline/normalize/boilerplate.tsv: block headings such as
// "RELATED NEWS", "Other news", "Tin liên quan", "Đọc thêm"; tag, share and
// copyright lines; the words menus are made of) plus signals that hold across
// sites:
//   - breadcrumbs: two or more short label parts joined by '/', '>', '»', '|'
//     ("Home / Economy / Trade - Service");
//   - topic strips: long lines with no sentence punctuation, made mostly of
//     capitalized words or led by an ALL-CAPS run ("WORDS ON THE STREET ...");
//   - teaser lists: after a block heading, or a run of two or more
//     timestamp lines each followed by a headline, the timestamps, headlines
//     and one-line summaries of other articles;
//   - teaser lists by shape, whatever their heading: two or more short
//     headlines each with its own stamp ("Won falls 2024-12-02 15:30",
//     "Rates cut again, Oct 16, 2024", "Giá cà phê tăng (14/06/2024)",
//     "... - 3 giờ trước"), with the short line heading them;
//   - one-line links ("Read more: ...", "Xem thêm: ...") and hashtag lines;
//   - separator lines ("-----", "* * *").
// Photo captions, bylines and datelines stay: metadata reads them.
#pragma once

#include <string>
#include <string_view>

namespace vnie {

// Returns TEXT (normalized: '\n' line ends, trimmed lines) without its
// boilerplate lines.  *REMOVED (optional) counts the lines dropped.
std::string RemoveBoilerplate(std::string_view text, int* removed = nullptr);

}  // namespace vnie
