#include "pipeline/html/page_metadata.h"


#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "pipeline/data/embedded_data.h"
#include "pipeline/html/dom.h"
#include "pipeline/metadata/published.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

struct DateMetaNames {
  std::map<std::string, int, std::less<>> rank;  // lower is better
  int first_weak = 0;
};

const DateMetaNames& DateMetas() {
  static const DateMetaNames names = [] {
    DateMetaNames n;
    int i = 0;
    n.first_weak = -1;
    for (const auto& row : ParseTsv(EmbeddedData("pipeline/html/date_metas.tsv"))) {
      if (row.size() < 2) continue;
      if (row[1] == "weak" && n.first_weak < 0) n.first_weak = i;
      n.rank.emplace(std::string(row[0]), i++);
    }
    if (n.first_weak < 0) n.first_weak = i;
    return n;
  }();
  return names;
}

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Num(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// The SPEC form of a day, and of its time when one is given (HH >= 0);
// nullopt for anything but a real calendar day and time.
std::optional<std::string> Format(int y, int m, int d, int hh = -1, int mm = -1) {
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) return std::nullopt;
  char buf[32];
  if (hh >= 0) {
    if (hh > 23 || mm < 0 || mm > 59) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mm);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  if (!IsSpecPublished(buf)) return std::nullopt;
  return std::string(buf);
}

// "Tue, 02 Jul 2024 17:14:00 GMT" (RFC 1123, as HTTP and RSS write dates).
std::optional<std::string> Rfc1123Date(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t comma = s.find(", ");
  if (comma != std::string_view::npos && comma <= 9) s.remove_prefix(comma + 2);
  // DD Mon YYYY[ hh:mm]
  size_t i = 0;
  size_t dn = Digits(s, 0, 2) ? 2 : Digits(s, 0, 1) ? 1 : 0;
  if (dn == 0 || i + dn >= s.size() || s[dn] != ' ') return std::nullopt;
  int d = Num(s, 0, dn);
  i = dn + 1;
  if (i + 4 > s.size()) return std::nullopt;
  std::string mon = LowerCase(s.substr(i, 3));
  int m = 0;
  for (size_t k = 0; k < kMonths.size(); ++k) {
    if (kMonths[k] == mon) m = static_cast<int>(k) + 1;
  }
  if (m == 0) return std::nullopt;
  i += 3;
  while (i < s.size() && s[i] != ' ') ++i;  // "July" as well as "Jul"
  ++i;
  if (!Digits(s, i, 4)) return std::nullopt;
  int y = Num(s, i, 4);
  i += 4;
  if (i + 6 <= s.size() && s[i] == ' ' && Digits(s, i + 1, 2) && s[i + 3] == ':' && Digits(s, i + 4, 2)) {
    return Format(y, m, d, Num(s, i + 1, 2), Num(s, i + 4, 2));
  }
  return Format(y, m, d);
}

}  // namespace

std::optional<std::string> SpecDateOf(std::string_view s) {
  s = dom::Trim(s);
  // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, then an optional time.
  if (Digits(s, 0, 4) && s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] &&
      Digits(s, 5, 2) && Digits(s, 8, 2)) {
    int y = Num(s, 0, 4), m = Num(s, 5, 2), d = Num(s, 8, 2);
    if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && Digits(s, 11, 2) && s[13] == ':' && Digits(s, 14, 2)) {
      return Format(y, m, d, Num(s, 11, 2), Num(s, 14, 2));
    }
    return Format(y, m, d);
  }
  // YYYYMMDD, alone or before a time (T or space).
  if (Digits(s, 0, 8) && (s.size() == 8 || s[8] == 'T' || s[8] == ' ')) {
    return Format(Num(s, 0, 4), Num(s, 4, 2), Num(s, 6, 2));
  }
  return Rfc1123Date(s);
}

namespace {

struct Collected {
  std::optional<std::string> title, og_title, h1, site_name;
  std::optional<std::string> ld_headline, ld_published, ld_lang, ld_site_name;
  std::optional<std::string> html_lang, og_locale, canonical, og_url;
  std::optional<std::string> time_published;  // the first <time datetime>, or one marked as the publication's
  bool time_marked = false;
  std::optional<std::string> meta_date;
  int meta_rank = 1 << 30;
};

bool IsArticleType(const nlohmann::json& type) {
  auto is = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting";
  };
  if (type.is_array()) {
    for (const auto& t : type) {
      if (is(t)) return true;
    }
    return false;
  }
  return is(type);
}

std::optional<std::string> JsonString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
  return std::nullopt;
}

// Visits every object of a JSON-LD value: the value itself, @graph members,
// array members.
void ReadJsonLd(const nlohmann::json& j, Collected& c, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& item : j) ReadJsonLd(item, c, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (auto graph = j.find("@graph"); graph != j.end()) ReadJsonLd(*graph, c, depth + 1);
  auto type = j.find("@type");
  if (type == j.end() || !IsArticleType(*type)) return;
  if (!c.ld_headline) c.ld_headline = JsonString(j, "headline");
  if (!c.ld_published) c.ld_published = JsonString(j, "datePublished");
  if (!c.ld_lang) c.ld_lang = JsonString(j, "inLanguage");
  if (auto pub = j.find("publisher"); pub != j.end() && pub->is_object() && !c.ld_site_name) {
    c.ld_site_name = JsonString(*pub, "name");
  }
}

void ReadMeta(const xmlNode* node, Collected& c) {
  std::string key = LowerCase(dom::Attr(node, "property"));
  if (key.empty()) key = LowerCase(dom::Attr(node, "name"));
  if (key.empty()) key = LowerCase(dom::Attr(node, "itemprop"));
  if (key.empty()) return;
  std::string content = dom::Attr(node, "content");
  if (content.empty()) content = dom::Attr(node, "datetime");
  if (content.empty()) return;
  if (key == "og:title" && !c.og_title) c.og_title = content;
  else if (key == "og:site_name" && !c.site_name) c.site_name = content;
  else if (key == "og:locale" && !c.og_locale) c.og_locale = content;
  else if (key == "og:url" && !c.og_url) c.og_url = content;
  const auto& metas = DateMetas();
  if (auto it = metas.rank.find(key); it != metas.rank.end() && it->second < c.meta_rank) {
    if (auto date = SpecDateOf(content)) {
      c.meta_date = date;
      c.meta_rank = it->second;
    }
  }
}

void Collect(const xmlNode* node, Collected& c) {
  for (; node != nullptr; node = node->next) {
    if (!dom::IsElement(node)) continue;
    std::string_view tag = dom::Tag(node);
    if (tag == "html" && !c.html_lang) {
      std::string lang = dom::Attr(node, "lang");
      if (lang.empty()) lang = dom::Attr(node, "xml:lang");
      if (!lang.empty()) c.html_lang = lang;
    } else if (tag == "title" && !c.title) {
      std::string text;
      dom::AppendCollapsedText(node, &text);
      if (!dom::Trim(text).empty()) c.title = std::string(dom::Trim(text));
    } else if (tag == "h1" && !c.h1) {
      std::string text;
      dom::AppendCollapsedText(node, &text);
      if (!dom::Trim(text).empty()) c.h1 = std::string(dom::Trim(text));
    } else if (tag == "meta") {
      ReadMeta(node, c);
    } else if (tag == "link" && !c.canonical && LowerCase(dom::Attr(node, "rel")) == "canonical") {
      std::string href = dom::Attr(node, "href");
      if (!href.empty()) c.canonical = href;
    } else if (tag == "time") {
      std::string datetime = dom::Attr(node, "datetime");
      bool marked = !dom::Attr(node, "pubdate").empty() || xmlHasProp(node, BAD_CAST "pubdate") != nullptr ||
                    LowerCase(dom::Attr(node, "itemprop")) == "datepublished";
      if (auto date = SpecDateOf(datetime); date && (!c.time_published || (marked && !c.time_marked))) {
        c.time_published = date;
        c.time_marked = marked;
      }
    } else if (tag == "script") {
      if (LowerCase(dom::Attr(node, "type")) == "application/ld+json") {
        std::string json;
        for (const xmlNode* t = node->children; t != nullptr; t = t->next) {
          if (t->content) json += reinterpret_cast<const char*>(t->content);
        }
        auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_discarded()) ReadJsonLd(parsed, c);
      }
      continue;
    }
    Collect(node->children, c);
  }
}

// What pages put between a headline and their site's name.
constexpr std::array<std::string_view, 6> kTitleSeparators = {" | ", " - ", " – ", " — ", " :: ", " » "};

// "Rates held - Example News" and "Example News | Rates held" -> "Rates held"
// when one of SITES is "Example News".
std::string DropSiteName(std::string title, const std::vector<std::string>& sites) {
  for (std::string_view sep : kTitleSeparators) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos && at > 0) {
      std::string_view tail = dom::Trim(std::string_view(title).substr(at + sep.size()));
      for (const auto& site : sites) {
        if (!site.empty() && LowerCase(tail) == LowerCase(site)) return title.substr(0, at);
      }
    }
    size_t first = title.find(sep);
    if (first != std::string::npos && first > 0) {
      std::string_view head = dom::Trim(std::string_view(title).substr(0, first));
      for (const auto& site : sites) {
        if (!site.empty() && LowerCase(head) == LowerCase(site)) return title.substr(first + sep.size());
      }
    }
  }
  return title;
}

// Some sites write HTML character references inside JSON-LD strings
// ("&#163;71.6m"): read them as the parser reads them in text.
std::string DecodeReferences(const std::string& text) {
  if (text.find('&') == std::string::npos) return text;
  std::string html = "<p>" + text + "</p>";
  xmlDoc* doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr) return text;
  std::string out;
  if (xmlNode* root = xmlDocGetRootElement(doc)) dom::AppendCollapsedText(root, &out);
  xmlFreeDoc(doc);
  return std::string(dom::Trim(out));
}

std::optional<std::string> LangOf(const std::optional<std::string>& declared) {
  if (!declared || declared->size() < 2) return std::nullopt;
  std::string code = LowerCase(declared->substr(0, 2));
  if ((code == "en" || code == "vi") && (declared->size() == 2 || (*declared)[2] == '-' || (*declared)[2] == '_')) {
    return code;
  }
  return std::nullopt;
}

}  // namespace

PageMetadata ReadPageMetadata(xmlDoc* doc) {
  Collected c;
  Collect(xmlDocGetRootElement(doc), c);
  PageMetadata page;

  std::vector<std::string> sites;
  for (const auto& s : {c.site_name, c.ld_site_name}) {
    if (s) sites.push_back(*s);
  }
  // <title> usually ends with the site's name after its last separator.
  if (c.title) {
    for (std::string_view sep : kTitleSeparators) {
      size_t at = c.title->rfind(sep);
      if (at != std::string::npos && c.title->size() - at - sep.size() <= 40) {
        std::string tail(dom::Trim(std::string_view(*c.title).substr(at + sep.size())));
        // A headline part shared with the h1 is not a site name.
        if (!c.h1 || c.h1->find(tail) == std::string::npos) sites.push_back(tail);
        break;
      }
    }
  }
  for (const auto& candidate : {c.ld_headline, c.og_title, c.h1, c.title}) {
    if (!candidate) continue;
    std::string headline(dom::Trim(DropSiteName(DecodeReferences(*candidate), sites)));
    if (!headline.empty()) {
      page.headline = headline;
      break;
    }
  }

  const int first_weak = DateMetas().first_weak;
  std::optional<std::string> ld_date = c.ld_published ? SpecDateOf(*c.ld_published) : std::nullopt;
  if (ld_date) page.published = ld_date;
  else if (c.meta_date && c.meta_rank < first_weak) page.published = c.meta_date;
  else if (c.time_published) page.published = c.time_published;
  else if (c.meta_date) page.published = c.meta_date;

  page.lang = LangOf(c.html_lang);
  if (!page.lang) page.lang = LangOf(c.og_locale);
  if (!page.lang) page.lang = LangOf(c.ld_lang);
  page.url = c.canonical ? c.canonical : c.og_url;
  return page;
}

}  // namespace vnie
