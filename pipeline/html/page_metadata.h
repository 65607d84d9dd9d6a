// What a news page says of itself in its markup: headline, publication date,
// language and canonical address.
//
//   <script type="application/ld+json">{"@type": "NewsArticle",
//     "headline": "Rates held", "datePublished": "2024-07-02T17:14:00+07:00"}</script>
//       -> headline "Rates held", published "2024-07-02T17:14"
//   <meta property="og:title" content="Rates held - Example News">
//   <meta property="og:site_name" content="Example News">  -> headline "Rates held"
//   <time datetime="2024-07-02">                            -> published "2024-07-02"
//   <html lang="vi-VN">                                      -> lang "vi"
//   <link rel="canonical" href="https://example.com/a/1">  -> url
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>

namespace vnie {

struct PageMetadata {
  // JSON-LD headline, og:title, the first <h1>, then <title>; a site name
  // around it (" - Site", "Site | ") is dropped.
  std::optional<std::string> headline;
  // JSON-LD datePublished, article:published_time and its kin, a <time>
  // element's datetime, then date metas (pubdate, date, DC.date...), in
  // SPEC.md's form (YYYY-MM-DD or YYYY-MM-DDThh:mm, the wall time as written).
  std::optional<std::string> published;
  std::optional<std::string> lang;  // "en" or "vi" when the page declares one of them
  std::optional<std::string> url;   // <link rel="canonical">, then og:url
};

PageMetadata ReadPageMetadata(xmlDoc* doc);

// A machine date as pages write it ("2024-07-02T17:14:00+07:00",
// "2024/07/02 17:14", "20240702", "Tue, 02 Jul 2024 17:14:00 GMT") in SPEC.md's
// form, or nullopt when it is not a real day (and time) of the years 1000-2999.
std::optional<std::string> SpecDateOf(std::string_view machine_date);

}  // namespace vnie
