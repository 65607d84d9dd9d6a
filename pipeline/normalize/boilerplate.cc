#include "pipeline/normalize/boilerplate.h"

#include <re2/re2.h>

#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <string>
#include <unordered_set>
#include <vector>

#include "pipeline/data/embedded_data.h"
#include "pipeline/metadata/published.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

constexpr size_t kKeyBytes = 64;   // whole-line markers are shorter
constexpr size_t kLeadBytes = 28;  // lead and prefix markers fit in this

// A set of keys looked up by string_view without a copy.  Most lookups are
// for keys it lacks: a table of the lengths and first bytes its keys have
// turns most of those away before any hashing.
class KeySet {
 public:
  KeySet() = default;
  KeySet(std::initializer_list<std::string_view> keys) {
    for (std::string_view k : keys) insert(std::string(k));
  }
  void insert(const std::string& key) {
    keys_.insert(key);
    may_[Slot(key)] = true;
  }
  size_t count(std::string_view key) const { return may_[Slot(key)] && keys_.count(key) ? 1 : 0; }
  auto begin() const { return keys_.begin(); }
  auto end() const { return keys_.end(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static size_t Slot(std::string_view key) {
    return std::min<size_t>(key.size(), 63) * 256 + (key.empty() ? 0 : static_cast<unsigned char>(key[0]));
  }
  std::unordered_set<std::string, Hash, std::equal_to<>> keys_;
  std::bitset<64 * 256> may_;
};

// True when one of MARKERS leads KEY as whole words (KEY itself, or KEY up
// to one of its spaces); STRICT leaves KEY itself out.  The lists are short:
// a first-byte test passes most markers by.
bool HasLeadingMarker(const std::vector<std::string>& markers, std::string_view key, bool strict = false) {
  if (key.empty()) return false;
  for (const std::string& m : markers) {
    if (m[0] != key[0] || m.size() > key.size() || key.compare(0, m.size(), m) != 0) continue;
    if (m.size() == key.size() ? !strict : key[m.size()] == ' ') return true;
  }
  return false;
}

// True when WORDS occurs in KEY as whole words: at its start or after a
// space, and at its end or before a space.
bool HasWords(std::string_view key, std::string_view words) {
  for (size_t at = key.find(words); at != std::string_view::npos; at = key.find(words, at + 1)) {
    if ((at == 0 || key[at - 1] == ' ') && (at + words.size() == key.size() || key[at + words.size()] == ' '))
      return true;
  }
  return false;
}

// A row given twice in the data counts once.
void AddOnce(std::vector<std::string>& list, const std::string& key) {
  if (std::find(list.begin(), list.end(), key) == list.end()) list.push_back(key);
}

struct Rules {
  KeySet block, line, prefix, ui, section;  // looked up
  std::vector<std::string> lead, heading, cookie, consent, footer, imprint, follow, network;  // searched for
  size_t longest_section = 1;  // in words
  KeySet menu_first;  // first words of section names and ui words
  KeySet footer_first;  // first words of footer links
  bool lead_first[256] = {};
  bool follow_first[256] = {};
  Rules() {
    for (const auto& row : ParseTsv(EmbeddedData("pipeline/normalize/boilerplate.tsv"))) {
      if (row.size() < 2) continue;
      std::string key(row[1]);
      if (row[0] == "block") block.insert(key);
      else if (row[0] == "heading") AddOnce(heading, key);
      else if (row[0] == "line") line.insert(key);
      else if (row[0] == "prefix") prefix.insert(key);
      else if (row[0] == "lead") AddOnce(lead, key);
      else if (row[0] == "ui") ui.insert(key);
      else if (row[0] == "section") section.insert(key);
      else if (row[0] == "cookie") AddOnce(cookie, key);
      else if (row[0] == "consent") AddOnce(consent, key);
      else if (row[0] == "footer") AddOnce(footer, key);
      else if (row[0] == "imprint") AddOnce(imprint, key);
      else if (row[0] == "follow") AddOnce(follow, key);
      else if (row[0] == "network") AddOnce(network, key);
    }
    for (const std::string& s : section) {
      longest_section = std::max<size_t>(longest_section, 1 + std::count(s.begin(), s.end(), ' '));
      menu_first.insert(s.substr(0, s.find(' ')));
    }
    for (const std::string& u : ui) menu_first.insert(u);
    for (const std::string& f : footer) footer_first.insert(f.substr(0, f.find(' ')));
    for (const std::string& f : follow) {
      follow_first[static_cast<unsigned char>(f[0])] = true;
      follow_first[static_cast<unsigned char>(f[0] - 'a' + 'A')] = true;
    }
    follow_first[0xC4] = true;  // Đ, đ
    // First bytes a long line led by a `lead` or `follow` marker can start with: the
    // marker's first letter in either case, or any byte outside ASCII (a
    // letter with diacritics, the copyright sign).
    for (const auto* markers : {&lead, &follow}) {
      for (const std::string& l : *markers) {
        lead_first[static_cast<unsigned char>(l[0])] = true;
        lead_first[static_cast<unsigned char>(l[0] - 'a' + 'A')] = true;
      }
    }
    for (int b = 0x80; b < 0x100; ++b) lead_first[b] = true;
    lead_first[static_cast<unsigned char>('(')] = true;
  }
};

const Rules& TheRules() {
  static const Rules rules;
  return rules;
}

// A line that is a date and/or a time and nothing else (a teaser's stamp).
const RE2& TimestampLine() {
  static const RE2 re(
      R"(^[\(\[]?\s*(?:(?:\d{1,2}:\d{2}(?:\s*(?:AM|PM|am|pm))?\s*[,|-]?\s*)?(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|(?:[0-2]?\d|3[01])/(?:0?[1-9]|1[0-2]))(?:\s*[,|/-]?\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM|am|pm))?)?|\d{1,2}:\d{2})\s*(?:\(GMT[+-]\d+\))?\s*[\)\]]?$)");
  return re;
}

// A teaser: a short headline with its own date or time stamp after it
// ("Rates cut again, Oct 16, 2024", "Won falls 2024-12-02 15:30",
// "Giá vàng giảm (16/10/2024)", "Ports expand - 3 hours ago") or before it
// ("Oct 16, 2024 - Rates cut again").  A leading list number or bullet is
// not part of it.
constexpr const char* kStamp =
    R"((?:(?:\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?\s*[,|-]?\s*)?)"
    R"((?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|)"
    R"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|)"
    R"(\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}))"
    R"((?:\s*[,|-]?\s*\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*\(?GMT\s*[+-]\s*\d{1,2}\)?)?|)"
    R"(\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|)"
    R"(\d{1,3}\s+(?:phút|giờ|ngày|tuần)\s+trước))";

const RE2& TrailingStampTeaser() {
  static const RE2 re(std::string(R"((?i)^(?:\d{1,2}[.)]\s+|[-*•·]\s+)?(.+?)(\s*[,|•·-]\s*|\s*\(\s*|\s+))") +
                          kStamp + R"(\s*\)?$)");
  return re;
}

// The same shapes without captures, as a quick test most lines fail.
const RE2& StampAtAnEnd() {
  static const RE2 re(std::string(R"((?i)(?:^(?:\d{1,2}[.)]\s+|[-*•·]\s+)?[\(\[]?)") + kStamp +
                      R"(|(?:\s|[,|(•·-]))" + kStamp + R"(\s*\)?$))");
  return re;
}

const RE2& LeadingStampTeaser() {
  static const RE2 re(std::string(R"((?i)^(?:\d{1,2}[.)]\s+|[-*•·]\s+)?[\(\[]?)") + kStamp +
                          R"([\)\]]?\s*[,|:-]?\s+(.+)$)");
  return re;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool EndsSentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
  if (line.empty()) return false;
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++words;
    in = !space;
  }
  return words;
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  // Precomposed uppercase Vietnamese letters (Đ, Â, Ư, Ấ...): compare with
  // the lowercase fold of the first code point.
  if (c >= 0x80) {
    size_t i = 0;
    vietnamese::Letter l;
    return vietnamese::LookupLetter(vietnamese::NextUtf8(w, &i), &l) && l.upper;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool AllCapsWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

bool IsSeparator(std::string_view line) {
  if (line.size() < 3) return false;
  for (char c : line) {
    if (c != '-' && c != '_' && c != '*' && c != '=' && c != '~' && c != ' ' && c != '#' && c != '.')
      return false;
  }
  return true;
}

// "Home / Economy / Trade - Service", "Trang chủ > Kinh doanh > Quốc tế".
bool IsBreadcrumb(std::string_view line, const std::string& key) {
  if (line.size() > 160 || EndsSentence(line)) return false;
  // A separator ends in one of these bytes ('»' in BB, '›' in BA) with a
  // space after it and a space before its first byte.
  bool separated = false;
  for (size_t at = 1; at + 1 < line.size() && !separated; ++at) {
    char c = line[at];
    if (line[at + 1] != ' ') continue;
    if (c == '/' || c == '>' || c == '|') separated = line[at - 1] == ' ';
    else if (c == '\xBB') separated = at >= 2 && line[at - 1] == '\xC2' && line[at - 2] == ' ';
    else if (c == '\xBA') separated = at >= 3 && line.compare(at - 3, 3, " \xE2\x80") == 0;
  }
  if (!separated) return false;
  static constexpr std::string_view kSeparators[] = {" / ", " > ", " \xC2\xBB ", " \xE2\x80\xBA ", " | "};
  std::vector<std::string_view> parts;
  size_t begin = 0;
  for (size_t at = 0; at < line.size(); ++at) {
    if (line[at] != ' ') continue;
    for (std::string_view sep : kSeparators) {
      if (line.compare(at, sep.size(), sep) == 0) {
        parts.push_back(line.substr(begin, at - begin));
        begin = at + sep.size();
        at = begin - 1;
        break;
      }
    }
  }
  parts.push_back(line.substr(begin));
  bool home = key.rfind("home ", 0) == 0 || key.rfind("trang chu ", 0) == 0;
  // "Business > Companies": two parts joined by an arrow, which a headline
  // does not use ('/' and '|' it does).
  bool arrow = line.find(" > ") != std::string_view::npos || line.find(" \xC2\xBB ") != std::string_view::npos ||
               line.find(" \xE2\x80\xBA ") != std::string_view::npos;
  if (parts.size() < 3 && !((home || arrow) && parts.size() >= 2)) return false;
  for (std::string_view p : parts) {
    if (p.empty() || CountWords(p) > 5) return false;
    for (char c : p) {
      if (c >= '0' && c <= '9') return false;
    }
    if (!StartsUpper(p)) return false;
  }
  return true;
}

// A long run-on line of topic labels: no sentence punctuation, mostly
// capitalized words, or led by three or more ALL-CAPS words.
bool IsTopicStrip(std::string_view line) {
  if (line.size() < 100) return false;
  if (line.find(". ") != std::string_view::npos || EndsSentence(line)) return false;
  bool commas = line.find(", ") != std::string_view::npos;  // a list of names is not a strip
  std::vector<std::string_view> words = Words(line);
  size_t caps = 0, lead_caps = 0;
  bool leading = true;
  for (std::string_view w : words) {
    if (StartsUpper(w)) ++caps;
    if (leading && AllCapsWord(w) && w.size() > 1) ++lead_caps;
    else leading = false;
  }
  if (lead_caps >= 3 && !commas) return true;
  return !commas && line.size() >= 150 && caps * 2 >= words.size();
}

bool IsUiLine(std::string_view line, const std::string& key, const Rules& rules) {
  if (key.empty() || line.size() > 60) return false;
  std::vector<std::string_view> words = Words(key);
  for (std::string_view w : words) {
    if (!rules.ui.count(w)) return false;
  }
  return true;
}

// "cookie" in LINE, any case of its first letter; found from its rarer 'k'.
bool MentionsCookie(std::string_view line) {
  for (size_t k = line.find('k', 3); k != std::string_view::npos; k = line.find('k', k + 1)) {
    if (line.compare(k - 2, 2, "oo") == 0 && (line[k - 3] | 0x20) == 'c' && line.compare(k + 1, 2, "ie") == 0)
      return true;
  }
  return false;
}

// A licence number's "/GP" in LINE, found from its 'G'.
bool MentionsLicence(std::string_view line) {
  for (size_t g = line.find('G', 1); g != std::string_view::npos; g = line.find('G', g + 1)) {
    if (line[g - 1] == '/' && g + 1 < line.size() && line[g + 1] == 'P') return true;
  }
  return false;
}

// The key of the first word of LINE.
void FirstWordKey(std::string_view line, std::string* out) {
  size_t end = 0;
  bool ascii = true;
  while (end < line.size() && end < 24 && line[end] != ' ' && line[end] != '|' && line[end] != ':') {
    ascii = ascii && static_cast<unsigned char>(line[end]) < 0x80;
    ++end;
  }
  if (!ascii) {
    AsciiFoldInto(line.substr(0, end), out);
    return;
  }
  std::string& key = *out;
  key.assign(line.substr(0, end));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) c = ' ';
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
}

// True when a word of LINE whose key starts with KEY_WORD is capitalized.
bool CapitalizedIn(std::string_view line, std::string_view key_word) {
  for (std::string_view w : Words(line)) {
    if (StartsUpper(w) && AsciiFold(w).rfind(key_word, 0) == 0) return true;
  }
  return false;
}

// A site menu: a short line with no digits and no sentence end, made only of
// section names ("Thời sự", "Bất động sản", "Real Estate") and navigation
// words, longest name first.
bool IsSectionMenu(std::string_view line, const std::string& short_key, const std::string& first, const Rules& rules) {
  // The first word tells most lines apart first; Vietnamese menus pass the
  // whole-line key's length.
  if (line.size() > 160 || first.empty() || !rules.menu_first.count(first)) return false;
  for (char c : line) {
    if (c >= '0' && c <= '9') return false;
  }
  std::string long_key;
  if (line.size() > kKeyBytes) long_key = AsciiFold(line);
  const std::string& key = line.size() > kKeyBytes ? long_key : short_key;
  if (key.empty()) return false;
  std::vector<std::string_view> words = Words(key);
  std::vector<std::string_view> unknown;
  size_t names = 0, i = 0;
  while (i < words.size()) {
    size_t taken = 0;
    for (size_t n = std::min(rules.longest_section, words.size() - i); n >= 1 && !taken; --n) {
      // Words n apart in the key, with the single spaces between them.
      std::string_view name(words[i].data(), words[i + n - 1].data() + words[i + n - 1].size() - words[i].data());
      if (rules.section.count(name)) taken = n;
    }
    if (taken) ++names;
    if (!taken && rules.ui.count(words[i])) taken = 1;
    if (!taken) {
      // A long menu may name sections the data lacks ("Sustainability",
      // "Podcasts"): after two known names, at most a third of its words.
      if (names < 2 || 3 * (unknown.size() + 1) > words.size()) return false;
      unknown.push_back(words[i]);
      taken = 1;
    }
    i += taken;
  }
  if (unknown.empty()) return true;
  // Then four or more known names, twice the unknown words, which are
  // capitalized.
  if (names < 4 || unknown.size() * 2 > names) return false;
  for (std::string_view u : unknown) {
    if (!CapitalizedIn(line, u)) return false;
  }
  return true;
}

// "Print Email Comment", "Contact us | Advertise | Privacy Policy": a short
// line of share buttons or footer links.
bool IsFooterLinks(std::string_view line, const std::string& short_key, const std::string& first, const Rules& rules) {
  if (line.size() > 200 || line.size() < 8 || EndsSentence(line)) return false;
  if (!rules.footer_first.count(first)) return false;
  std::string key = line.size() > kKeyBytes ? AsciiFold(line) : short_key;
  int found = 0;
  for (const std::string& f : rules.footer) found += HasWords(key, f);
  return found >= 2;
}

// A cookie banner: "We use cookies ... By continuing ..., you agree".
bool IsCookieBanner(std::string_view line, const Rules& rules) {
  if (line.size() > 400) return false;
  if (!MentionsCookie(line)) return false;
  std::string key = AsciiFold(line);
  bool said = false, consent = false;
  for (const std::string& c : rules.cookie) said = said || key.find(c) != std::string::npos;
  for (const std::string& c : rules.consent) consent = consent || key.find(c) != std::string::npos;
  return said && consent;
}

// A site's imprint: a press licence number ("123/GP-BTTTT", "45/GPXB") with
// an address, a phone or an editor ("Address: ...", "Tổng biên tập: ...").
bool IsImprint(std::string_view line, const Rules& rules) {
  if (line.size() > 300 || !MentionsLicence(line)) return false;
  static const RE2 licence(R"(\d+/GP[A-Z-]*\b)");
  if (!RE2::PartialMatch(line, licence)) return false;
  std::string key = AsciiFold(line);
  for (const std::string& w : rules.imprint) {
    if (HasWords(key, w)) return true;
  }
  return false;
}

// "Theo dõi Báo X trên Google News", "Like us on Facebook or follow us on
// Twitter ...": a follow marker leads a short line naming a social network.
bool IsFollowLine(std::string_view line, const std::string& key, const Rules& rules) {
  // A sentence about following a story ("Theo dõi diễn biến trên Facebook,
  // cơ quan ... đã xác minh.") has a clause break or ends with a period.
  if (line.size() > 160 || line.size() < 8 || line.back() == '.' || line.find(',') != std::string_view::npos)
    return false;
  std::string head = key.empty() || key.size() < 12 ? AsciiFold(line.substr(0, 24)) : key;
  bool led = false;
  for (const std::string& f : rules.follow) {
    led = led || (head.rfind(f, 0) == 0 && (head.size() == f.size() || head[f.size()] == ' '));
  }
  if (!led) return false;
  std::string all = AsciiFold(line);
  for (const std::string& n : rules.network) {
    if (HasWords(all, n)) return true;
  }
  return false;
}

// The site's date of today in its header: "Hôm nay: Thứ năm, 27/06/2024",
// "Today is Thursday, June 27, 2024".
const RE2& TodayLine() {
  static const RE2 re(R"((?i)^(?:hôm nay|today(?:\s+is)?)\s*[:,|-]?\s*[^.!?]{0,30}\b(?:19|20)\d\d\b[^.!?]{0,14}$)");
  return re;
}

bool IsTagLine(std::string_view line, const std::string& key, const Rules& rules) {
  if (line.size() <= kKeyBytes && rules.line.count(key)) return true;
  // "Bình luận (0)", "Comments 12": a marker and its count.
  if (line.size() <= kKeyBytes) {
    std::string_view k = key;
    bool count = false;
    while (!k.empty() && (k.back() == ' ' || (k.back() >= '0' && k.back() <= '9'))) {
      count = count || k.back() != ' ';
      k.remove_suffix(1);
    }
    if (count && rules.line.count(k)) return true;
  }
  if (line.rfind("©", 0) == 0 || line.rfind("(c) ", 0) == 0 || line.rfind("(C) ", 0) == 0) return true;
  if (HasLeadingMarker(rules.lead, key)) return true;
  size_t colon = 0;
  size_t limit = std::min<size_t>(line.size(), 30);
  while (colon < limit && line[colon] != ':' && line[colon] != '|') ++colon;
  if (colon < limit) {
    std::string head = AsciiFold(line.substr(0, colon));
    if (rules.prefix.count(head)) return true;
  }
  return false;
}

bool IsBlockHeading(std::string_view line, const std::string& key, const Rules& rules) {
  if (line.size() > 60) return false;
  if (rules.block.count(key) > 0) return true;
  // "More from Reuters", "Latest in Business": a heading marker and a name.
  if (EndsSentence(line) || CountWords(line) > 7) return false;
  return HasLeadingMarker(rules.heading, key, /*strict=*/true);
}

// "Read more: <headline>", "Xem thêm: <headline>": a block marker before ':'
// leads a one-line link to another article.
bool IsInlineLink(std::string_view line, const Rules& rules) {
  if (line.size() > 300) return false;
  size_t colon = line.substr(0, 41).find(':');
  if (colon == std::string_view::npos || colon + 1 >= line.size()) return false;
  return rules.block.count(AsciiFold(line.substr(0, colon))) > 0;
}

// A quick test that LINE may have a stamp at an end, before the regex: a
// stamp opens with a digit or a month's name (after a list number, bullet or
// bracket) and closes with a digit, "am"/"a.m.", "ago" or "trước" (and a
// bracket).
bool MayHaveStampAtAnEnd(std::string_view line) {
  auto first = static_cast<unsigned char>(line[0]);
  if ((first >= '0' && first <= '9') || first == '-' || first == '*' || first == '(' || first == '[' ||
      first == 0xC2 || first == 0xE2)
    return true;
  if (line.size() >= 3) {
    static constexpr std::string_view kMonths = "jan feb mar apr may jun jul aug sep oct nov dec";
    const char head[3] = {static_cast<char>(line[0] | 0x20), static_cast<char>(line[1] | 0x20),
                          static_cast<char>(line[2] | 0x20)};
    for (size_t m = 0; m < kMonths.size(); m += 4) {
      if (kMonths.compare(m, 3, head, 3) == 0) return true;
    }
  }
  size_t end = line.size();
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == ')')) --end;
  if (end == 0) return false;
  char last = line[end - 1];
  if (last >= '0' && last <= '9') return true;
  char lower = static_cast<char>(last | 0x20);
  if (lower == 'm' || lower == 'o' || lower == 'c') return true;
  return last == '.' && end >= 2 && (line[end - 2] | 0x20) == 'm';
}

// A short line with a stamp after or before a headline of three or more
// words that does not end like a sentence (a question may).
bool IsStampedTeaser(std::string_view line) {
  if (line.size() > 220 || line.size() < 12) return false;
  if (!MayHaveStampAtAnEnd(line) || !RE2::PartialMatch(line, StampAtAnEnd())) return false;
  re2::StringPiece piece, separator;
  bool trailing = RE2::FullMatch(line, TrailingStampTeaser(), &piece, &separator);
  if (!trailing && !RE2::FullMatch(line, LeadingStampTeaser(), &piece)) return false;
  std::string_view title(piece.data(), piece.size());
  while (!title.empty() && (title.back() == ' ' || title.back() == ',')) title.remove_suffix(1);
  if (title.empty() || CountWords(title) < 3) return false;
  char c = title.back();
  if (c == '.' || c == ':' || c == ';') return false;
  // A title that runs into its date with a plain space and ends in a word
  // leading into it ("... ban hành ngày 28/01/2022", "... signed on May 5,
  // 2024") is a sentence about that date.
  bool spaced = true;
  for (char ch : std::string_view(separator.data(), separator.size())) spaced = spaced && ch == ' ';
  if (!trailing || !spaced) return true;
  static const KeySet kLeadIns = {
      "ngay", "thang", "nam", "tu", "den", "vao", "luc", "truoc", "sau", "hom", "toi", "tai",
      "on", "from", "to", "at", "since", "in", "by", "until", "till", "before", "after", "of", "dated", "and"};
  size_t space = title.rfind(' ');
  std::string last = AsciiFold(space == std::string_view::npos ? title : title.substr(space + 1));
  return !kLeadIns.count(last);
}

// A hashtag line: "#Vietnam #trade #minerals".
// A tag may be several words: "#Vietnam Japan #ODA #metro".
bool IsHashtagLine(std::string_view line) {
  if (line.size() > 200 || line.size() < 2 || line[0] != '#' || line[1] == ' ' || EndsSentence(line)) return false;
  int tags = 0;
  size_t words = 0;
  for (std::string_view w : Words(line)) {
    ++words;
    if (w.size() >= 2 && w[0] == '#') ++tags;
  }
  return tags >= 2 ? words <= static_cast<size_t>(tags) * 3 : words == 1;
}

// A heading of a teaser list that no rule names: a short line of a few words
// that does not end like a sentence ("Most Viewed", "Đừng bỏ lỡ").
bool IsShortHeading(std::string_view line) {
  size_t words = CountWords(line);
  return !line.empty() && line.size() <= 50 && words >= 1 && words <= 6 && !EndsSentence(line);
}

// A list number on a line of its own ("1", "2.") in a numbered teaser list.
bool IsListNumber(std::string_view line) {
  if (!line.empty() && line.back() == '.') line.remove_suffix(1);
  return !line.empty() && line.size() <= 2 && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A teaser headline: a short line that does not end a sentence.
bool IsHeadline(std::string_view line) {
  return !line.empty() && line.size() <= 200 && !EndsSentence(line) && CountWords(line) >= 2;
}

// A line that is a date and little else: a weekday or a label of up to
// three words with letters ("Tuesday, June 25, 2024 22:10", "Thứ Năm,
// 27-06-2024"); its date, or nullopt.
std::optional<std::string> StampLineDate(std::string_view line) {
  if (line.size() > 60 || line.size() < 6 || EndsSentence(line)) return std::nullopt;
  if (!HasDigit(line)) return std::nullopt;
  size_t lettered = 0;  // words with letters, but for time zones and am/pm
  for (std::string_view w : Words(line)) {
    bool letter = std::any_of(w.begin(), w.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
    std::string key = letter ? AsciiFold(w) : std::string();
    if (letter && key.rfind("gmt", 0) != 0 && key != "am" && key != "pm" && key != "sa" && key != "ch") ++lettered;
  }
  size_t at = 0;
  std::optional<std::string> date = FirstDateOf(line, &at);
  if (!date || at > 20 || lettered > 3 || date->rfind("XXXX", 0) == 0) return std::nullopt;
  return date;
}

// A site's clock in its header, above the article's own stamp: a stamp line
// led by a weekday before the body followed, still before the body, by a stamp line of an
// earlier day ("Tuesday, June 25, 2024 22:10" ... "June 24, 2024 | 09:15").
// The article is never dated after the day the page was saved.
void DropSiteClock(const std::vector<std::string_view>& lines, std::vector<bool>& drop) {
  std::optional<std::string> clock;
  size_t clock_at = 0;
  for (size_t k = 0; k < lines.size() && k < 20; ++k) {
    std::string_view line = lines[k];
    if (line.size() >= 200 || (EndsSentence(line) && CountWords(line) >= 8)) return;  // the body
    if (line.size() > 60) continue;
    if (!clock) {
      // A clock names the weekday first (a teaser's stamp does not): a
      // cheap test before reading the date.
      static const KeySet kWeekdays = {
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
          "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "chu"};
      size_t end = 0;
      while (end < line.size() && end < 12 && line[end] != ' ' && line[end] != ',') ++end;
      std::string first = AsciiFold(line.substr(0, end));
      if (!kWeekdays.count(first)) continue;
    }
    std::optional<std::string> date = StampLineDate(line);
    if (!date) continue;
    if (!clock) {
      clock = date;
      clock_at = k;
    } else if (date->compare(0, 10, *clock, 0, 10) < 0) {
      drop[clock_at] = true;
      return;
    }
  }
}

// True when the lines from K are one headline and a short dated line (the
// article's headline and stamp, not a list of others).
bool LabelsTheArticle(const std::vector<std::string_view>& lines, size_t k) {
  int headlines = 0;
  for (; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    if (line.empty()) continue;
    size_t at = 0;
    if (line.size() <= 100 && FirstDateOf(line, &at)) return headlines == 1;
    if (!IsHeadline(line) || ++headlines > 1) return false;
  }
  return false;
}

}  // namespace

std::string RemoveBoilerplate(std::string_view text, int* removed) {
  const Rules& rules = TheRules();
  std::vector<std::string_view> lines;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    lines.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  std::vector<bool> drop(lines.size(), false);
  auto is_stamp = [&](size_t k) {
    return k < lines.size() && lines[k].size() <= 48 && HasDigit(lines[k]) && RE2::FullMatch(lines[k], TimestampLine());
  };
  // Two or more headlines, each with a one-sentence summary on the next
  // line, running to the end of the page ("Thủ tướng tiếp Đại sứ" /
  // "VOV.VN - Ngày 20/6, ..."); a paragraph after a blank line is text.
  auto summarized_to_end = [&](size_t k) {
    bool headline = false;
    int summaries = 0;
    for (; k < lines.size(); ++k) {
      std::string_view l = lines[k];
      if (l.empty()) {
        headline = false;
        continue;
      }
      if (IsHeadline(l)) {
        headline = true;
      } else if (headline && EndsSentence(l) && l.size() <= 300) {
        headline = false;
        ++summaries;
      } else {
        return false;
      }
    }
    return summaries >= 2;
  };
  // Drops the teaser list starting at line K; returns the line after it.
  auto drop_teasers = [&](size_t k) {
    if (summarized_to_end(k)) {
      for (; k < lines.size(); ++k) drop[k] = true;
      return k;
    }
    while (k < lines.size()) {
      std::string_view l = lines[k];
      if (l.empty()) { ++k; continue; }
      if (is_stamp(k)) {
        drop[k++] = true;
        // The teaser's headline and its one-paragraph summary.
        int taken = 0;
        while (k < lines.size() && taken < 2 && !lines[k].empty() && !is_stamp(k) && lines[k].size() <= 400) {
          drop[k++] = true;
          ++taken;
        }
        continue;
      }
      if (IsHeadline(l) || IsListNumber(l)) {
        drop[k++] = true;
        continue;
      }
      break;
    }
    return k;
  };
  DropSiteClock(lines, drop);
  // The body has begun once a line reads like a paragraph; before that, a
  // byline with a stamp is not a teaser.
  bool body = false;
  std::string key, first;  // of the line at hand; their buffers serve every line
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    if (line.empty() || drop[k]) continue;
    if (IsSeparator(line)) { drop[k] = true; continue; }
    // Markers are short or lead their line: the key of the first bytes is
    // enough (a cut inside a UTF-8 sequence only ends the key early).
    key.clear();
    if (line.size() <= kKeyBytes) {
      AsciiFoldInto(line, &key);
    } else if (rules.lead_first[static_cast<unsigned char>(line[0])]) {
      AsciiFoldInto(line.substr(0, kLeadBytes), &key);
      key += " ...";  // never equal to a whole-line marker
    }
    // The first word's key, for the menu and footer rules.
    first.clear();
    if (line.size() <= 200 && !EndsSentence(line)) FirstWordKey(line, &first);
    if (IsBlockHeading(line, key, rules)) {
      drop[k] = true;
      // Before the body a marker may label the article's section ("Tiêu
      // điểm" above the headline and the article's stamp): only it goes.
      if (!body && LabelsTheArticle(lines, k + 1)) continue;
      k = drop_teasers(k + 1) - 1;
      continue;
    }
    if (IsTagLine(line, key, rules) || IsUiLine(line, key, rules) || IsSectionMenu(line, key, first, rules) ||
        IsBreadcrumb(line, key) || IsTopicStrip(line) || IsHashtagLine(line) || IsInlineLink(line, rules) ||
        IsFooterLinks(line, key, first, rules) || IsCookieBanner(line, rules) || IsImprint(line, rules) ||
        (rules.follow_first[static_cast<unsigned char>(line[0])] && IsFollowLine(line, key, rules)) ||
        (line.size() <= 60 && ((line[0] | 0x20) == 'h' || (line[0] | 0x20) == 't') &&
         HasDigit(line) && RE2::FullMatch(line, TodayLine()))) {
      drop[k] = true;
      continue;
    }
    // A teaser list by its shape: two or more short headlines, each with its
    // own stamp, and the short heading right before them, whatever it says.
    if (body && IsStampedTeaser(line)) {
      std::vector<size_t> run;
      size_t m = k;
      for (; m < lines.size(); ++m) {
        if (lines[m].empty()) continue;
        if (!IsStampedTeaser(lines[m])) break;
        run.push_back(m);
      }
      if (run.size() >= 2) {
        for (size_t r : run) drop[r] = true;
        size_t h = k;
        while (h > 0 && lines[h - 1].empty()) --h;
        if (h > 0 && !drop[h - 1] && IsShortHeading(lines[h - 1])) drop[h - 1] = true;
        k = m - 1;
        continue;
      }
    }
    if (!body && (line.size() >= 200 || (EndsSentence(line) && CountWords(line) >= 8))) body = true;
    // A teaser list with no heading: two or more stamps, each with a headline.
    if (is_stamp(k) && k + 1 < lines.size() && IsHeadline(lines[k + 1])) {
      int stamps = 0;
      for (size_t m = k; m < lines.size() && m < k + 8; ++m) stamps += is_stamp(m);
      if (stamps >= 2) {
        // Its heading, or a first headline printed above its stamp.
        size_t h = k;
        while (h > 0 && lines[h - 1].empty()) --h;
        if (h > 0 && !drop[h - 1] && (IsShortHeading(lines[h - 1]) || IsHeadline(lines[h - 1]))) drop[h - 1] = true;
        k = drop_teasers(k) - 1;
      }
    }
  }
  std::string out;
  out.reserve(text.size());
  int count = 0;
  bool blank = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (drop[k]) { ++count; continue; }
    if (lines[k].empty()) { blank = !out.empty(); continue; }
    if (!out.empty()) out.append(blank ? "\n\n" : "\n");
    blank = false;
    out.append(lines[k]);
  }
  if (removed) *removed = count;
  return out;
}

}  // namespace vnie
