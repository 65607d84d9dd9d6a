// The article's own date, read from the forms outlets print in the head of
// an article: bylines, datelines and "updated" lines.
//
//   11:03, 2020/02/24                  -> 2020-02-24T11:03
//   Jul 02, 2024 / 17:14               -> 2024-07-02T17:14
//   date 2023-06-13                    -> 2023-06-13
//   03:17 - 11/10/2023                 -> 2023-10-11T03:17 (day first)
//   Thứ Hai, 4/11/2024 08:30 (GMT+7)   -> 2024-11-04T08:30
//   Cập nhật: 15/03/2024               -> 2024-03-15
//   Hà Nội, ngày 03 tháng 04 năm 2024  -> 2024-04-03
//   VIETNAM, August 3 -                -> XXXX-08-03 (a dateline with no year)
//   SEOUL, July 21 (Yonhap) --         -> XXXX-07-21
//   HÀ NỘI, 5/8 -                      -> XXXX-08-05 (day first, no year)
//   November 5, 2024 | 07:32 pm GMT+7  -> 2024-11-05T19:32 (12 am is 00, 12 pm is 12)
//   10:15 SA, 03/06/2024               -> 2024-06-03T10:15 (SA/CH: the vi-VN am/pm)
//
// A dateline without a year gives way to a later head line that dates the
// same day with its year.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnie {

// The published date of TEXT (normalized), or nullopt.  Looks at the first
// lines only; a date inside a long body line counts only near its start.
std::optional<std::string> FindPublished(std::string_view text);
// The same, skipping the line that is TITLE (a headline's own dates).
std::optional<std::string> FindPublished(std::string_view text, const std::optional<std::string>& title);

// True when VALUE is a published date in one of SPEC.md's forms (YYYY,
// YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm) with a year from 1000 to 2999, a
// day its month has and a time of day that exists.
bool IsSpecPublished(std::string_view value);

// The first date LINE prints in the forms above, with its byte offset in *AT.
std::optional<std::string> FirstDateOf(std::string_view line, size_t* at);

// The headline: the first short line of the head that is not a dateline,
// byline or timestamp and does not end like a sentence; a site name in
// capitals, a "Name | Section" line or a byline only when nothing else is.
std::optional<std::string> FindTitle(std::string_view text);

}  // namespace vnie
