#include "pipeline/normalize/boilerplate.h"

#include <re2/re2.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

constexpr size_t kKeyBytes = 64;   // whole-line markers are shorter
constexpr size_t kLeadBytes = 28;  // lead and prefix markers fit in this

struct Rules {
  std::set<std::string, std::less<>> block, line, prefix, lead, ui;
  Rules() {
    for (const auto& row : ParseTsv(EmbeddedData("pipeline/normalize/boilerplate.tsv"))) {
      if (row.size() < 2) continue;
      std::string key(row[1]);
      if (row[0] == "block") block.insert(key);
      else if (row[0] == "line") line.insert(key);
      else if (row[0] == "prefix") prefix.insert(key);
      else if (row[0] == "lead") lead.insert(key);
      else if (row[0] == "ui") ui.insert(key);
    }
  }
};

const Rules& TheRules() {
  static const Rules rules;
  return rules;
}

// A line that is a date and/or a time and nothing else (a teaser's stamp).
const RE2& TimestampLine() {
  static const RE2 re(
      R"(^[\(\[]?\s*(?:(?:\d{1,2}:\d{2}(?:\s*(?:AM|PM|am|pm))?\s*[,|-]?\s*)?(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})(?:\s*[,|/-]?\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM|am|pm))?)?|\d{1,2}:\d{2})\s*(?:\(GMT[+-]\d+\))?\s*[\)\]]?$)");
  return re;
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
  if (parts.size() < 3 && !(home && parts.size() >= 2)) return false;
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
  if (line.find(", ") != std::string_view::npos && line.size() < 200) return false;
  std::vector<std::string_view> words = Words(line);
  size_t caps = 0, lead_caps = 0;
  bool leading = true;
  for (std::string_view w : words) {
    if (StartsUpper(w)) ++caps;
    if (leading && AllCapsWord(w) && w.size() > 1) ++lead_caps;
    else leading = false;
  }
  if (lead_caps >= 3) return true;
  return line.size() >= 150 && caps * 2 >= words.size();
}

bool IsUiLine(const std::string& key, const Rules& rules) {
  if (key.empty() || key.size() > 60) return false;
  std::vector<std::string_view> words = Words(key);
  for (std::string_view w : words) {
    if (!rules.ui.count(w)) return false;
  }
  return true;
}

bool IsTagLine(std::string_view line, const std::string& key, const Rules& rules) {
  if (rules.line.count(key)) return true;
  if (line.rfind("©", 0) == 0 || line.rfind("(c) ", 0) == 0 || line.rfind("(C) ", 0) == 0) return true;
  for (const std::string& lead : rules.lead) {
    if (key.rfind(lead, 0) == 0 && (key.size() == lead.size() || key[lead.size()] == ' ')) return true;
  }
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
  return rules.block.count(key) > 0;
}

// A teaser headline: a short line that does not end a sentence.
bool IsHeadline(std::string_view line) {
  return !line.empty() && line.size() <= 200 && !EndsSentence(line) && CountWords(line) >= 2;
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
    return k < lines.size() && lines[k].size() <= 48 && RE2::FullMatch(lines[k], TimestampLine());
  };
  // Drops the teaser list starting at line K; returns the line after it.
  auto drop_teasers = [&](size_t k) {
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
      if (IsHeadline(l)) {
        drop[k++] = true;
        continue;
      }
      break;
    }
    return k;
  };
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    if (line.empty() || drop[k]) continue;
    if (IsSeparator(line)) { drop[k] = true; continue; }
    // Markers are short or lead their line: the key of the first bytes is
    // enough (a cut inside a UTF-8 sequence only ends the key early).
    std::string key = AsciiFold(line.substr(0, line.size() <= kKeyBytes ? line.size() : kLeadBytes));
    if (line.size() > kKeyBytes) key.append(" ...");  // never equal to a whole-line marker
    if (IsBlockHeading(line, key, rules)) {
      drop[k] = true;
      k = drop_teasers(k + 1) - 1;
      continue;
    }
    if (IsTagLine(line, key, rules) || IsUiLine(key, rules) || IsBreadcrumb(line, key) ||
        IsTopicStrip(line)) {
      drop[k] = true;
      continue;
    }
    // A teaser list with no heading: two or more stamps, each with a headline.
    if (is_stamp(k) && k + 1 < lines.size() && IsHeadline(lines[k + 1])) {
      int stamps = 0;
      for (size_t m = k; m < lines.size() && m < k + 8; ++m) stamps += is_stamp(m);
      if (stamps >= 2) k = drop_teasers(k) - 1;
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
