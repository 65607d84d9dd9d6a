// The building blocks the matcher's files share (money_matcher_internal.h).
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "extractors/money/money_matcher_internal.h"
#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace money_internal {

namespace {
constexpr std::string_view kDataDir = "extractors/money/";
}  // namespace

std::string_view Data(std::string_view file) {
  static thread_local std::string path;
  path = std::string(kDataDir) + std::string(file);
  return EmbeddedData(path);
}

// Lowercase, with every run of spacing made one ' ': the key of a form.
std::string Key(std::string_view text) {
  const std::string lower = LowerCase(text);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < lower.size();) {
    UChar32 c;
    size_t at = i;
    U8_NEXT(lower.data(), i, lower.size(), c);
    if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(lower, at, i - at);
  }
  return out;
}

// A regex alternation of FORMS, longest first, each quoted; a space in a
// form matches a run of spacing.
std::string Alternation(std::vector<std::string> forms) {
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  // Patterns ignore case: one alternative per key (a smaller pattern to
  // compile; "$" and "USD" are listed by more than one row).
  std::unordered_set<std::string> seen;
  std::vector<std::string> unique;
  for (const auto& f : forms) {
    if (seen.insert(Key(f)).second) unique.push_back(f);
  }
  forms = std::move(unique);
  std::string out = "(?:";
  for (size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) out += "|";
    std::string quoted = RE2::QuoteMeta(forms[i]);
    std::string spaced;
    for (size_t j = 0; j < quoted.size(); ++j) {
      if (quoted[j] == '\\' && j + 1 < quoted.size() && quoted[j + 1] == ' ') {
        spaced += std::string(kSpace) + "+";
        ++j;
      } else {
        spaced += quoted[j];
      }
    }
    out += spaced;
  }
  return out + ")";
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw std::runtime_error("money: bad pattern built from " + std::string(kDataDir) + ": " + re->error());
  return re;
}

// The code point at byte AT of TEXT, or 0 at the end.
UChar32 CodePointAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  UChar32 c;
  size_t i = at;
  U8_NEXT(text.data(), i, text.size(), c);
  return c;
}

// The code point ending just before byte AT, or 0 at the start.
UChar32 CodePointBefore(std::string_view text, size_t at) {
  if (at == 0) return 0;
  UChar32 c;
  int32_t i = static_cast<int32_t>(at);
  U8_PREV(text.data(), 0, i, c);
  return c;
}

namespace {
// A letter, digit or mark: what a word's last token is made of.
bool IsTokenChar(UChar32 c) { return c > 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)); }
// C case folded as the patterns compare it, appended to OUT.
void AppendFolded(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UChar32 f = c < 0 ? c : u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (f < 0) f = 0xFFFD;
  U8_APPEND_UNSAFE(buf, len, f);
  out->append(buf, static_cast<size_t>(len));
}
// The lead characters: kSpace, kDash and '['.
bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F; }
bool IsDash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2011; }
}  // namespace

LeadFilter::LeadFilter(const std::vector<std::string>& words, int lead) : lead_(lead), exact_(true) {
  auto is_lead = [&](UChar32 c) {
    return c <= 0 || IsSpace(c) || ((lead & kDashes) && IsDash(c)) || ((lead & kBracket) && c == '[');
  };
  // Every case of a character that is ASCII (a 'K' sign still matches
  // "k"); other bytes are always let through.
  auto add = [](UChar32 c, std::bitset<128>* set) {
    for (UChar32 v : {c, u_tolower(c), u_toupper(c), u_totitle(c), u_foldCase(c, U_FOLD_CASE_DEFAULT)}) {
      if (v >= 0 && v < 0x80) {
        set->set(static_cast<size_t>(v));
        if (v >= 'a' && v <= 'z') set->set(static_cast<size_t>(v - 'a' + 'A'));
        if (v >= 'A' && v <= 'Z') set->set(static_cast<size_t>(v - 'A' + 'a'));
      }
    }
  };
  for (const std::string& w : words) {
    UChar32 first = CodePointAt(w, 0), last = CodePointBefore(w, w.size());
    if (is_lead(first)) {
      exact_ = false;
      first_.set();
    }
    if (IsSpace(last) || last <= 0) last_.set();
    if (!IsTokenChar(first) || IsSpace(last) || last <= 0) edged_ = false;
    add(first, &first_);
    add(last, &last_);
    size_t space = w.find_last_of(' ');
    std::string_view token = std::string_view(w).substr(space == std::string::npos ? 0 : space + 1);
    std::string folded;
    for (size_t i = 0; i < token.size();) {
      UChar32 c;
      U8_NEXT(token.data(), i, token.size(), c);
      if (!IsTokenChar(c)) tokens_ = false;
      AppendFolded(c, &folded);
    }
    if (folded.empty()) tokens_ = false;
    last_tokens_.insert(folded);
  }
}

bool LeadFilter::MayEnd(std::string_view text, bool spaced, bool whole) const {
  size_t end = text.size();
  while (end > 0 && IsSpace(CodePointBefore(text, end))) end -= U8_LENGTH(CodePointBefore(text, end));
  if (end == 0 || (spaced && end == text.size())) return false;
  auto c = static_cast<unsigned char>(text[end - 1]);
  if (c < 0x80 && !last_[c]) return false;
  if (!whole || !tokens_) return true;
  auto ascii_token = [](unsigned char b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  };
  size_t begin = end;
  while (begin > 0) {
    auto b = static_cast<unsigned char>(text[begin - 1]);
    if (b < 0x80) {
      if (!ascii_token(b)) break;
      --begin;
    } else {
      UChar32 cp = CodePointBefore(text, begin);
      if (!IsTokenChar(cp)) break;
      begin -= U8_LENGTH(cp);
    }
  }
  // (A token longer than any word's is let through unread.)
  char folded[64];
  size_t n = 0;
  for (size_t i = begin; i < end;) {
    auto b = static_cast<unsigned char>(text[i]);
    if (n + U8_MAX_LENGTH > sizeof(folded)) return true;
    if (b < 0x80) {
      folded[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    UChar32 cp;
    U8_NEXT(text.data(), i, end, cp);
    UChar32 f = cp < 0 ? 0xFFFD : u_foldCase(cp, U_FOLD_CASE_DEFAULT);
    U8_APPEND_UNSAFE(folded, n, f);
  }
  return last_tokens_.find(std::string_view(folded, n)) != last_tokens_.end();
}

size_t LeadFilter::LeadEnd(std::string_view text, size_t at) const {
  while (at < text.size()) {
    UChar32 c = static_cast<unsigned char>(text[at]);
    size_t next = at + 1;
    if (c >= 0x80) {
      next = at;
      U8_NEXT(text.data(), next, text.size(), c);
    }
    if (!(IsSpace(c) || ((lead_ & kDashes) && IsDash(c)) || ((lead_ & kBracket) && c == '['))) break;
    at = next;
  }
  return at;
}

size_t LeadFilter::WordAt(std::string_view text, size_t at) const {
  size_t end = LeadEnd(text, at);
  if (end >= text.size()) return std::string_view::npos;
  auto c = static_cast<unsigned char>(text[end]);
  return c < 0x80 && !first_[c] ? std::string_view::npos : end;
}

bool MatchEdgedWord(const RE2& re, const LeadFilter& words, std::string_view line, re2::StringPiece* word) {
  if (!words.MayEnd(line, true, true)) return false;
  if (!words.edged()) return RE2::PartialMatch(line, re, word);
  re2::StringPiece whole;
  if (!re.Match(line, 0, line.size(), RE2::UNANCHORED, &whole, 1)) return false;
  size_t begin = static_cast<size_t>(whole.data() - line.data()), end = begin + whole.size();
  while (end > begin && IsSpace(CodePointBefore(line, end))) end -= U8_LENGTH(CodePointBefore(line, end));
  UChar32 c = CodePointAt(line, begin);
  if (c <= 0) return RE2::PartialMatch(line, re, word);
  if (!(begin == 0 && IsTokenChar(c))) begin += U8_LENGTH(c);
  if (begin >= end) return RE2::PartialMatch(line, re, word);
  *word = re2::StringPiece(line.data() + begin, end - begin);
  return true;
}

bool MatchAt(const RE2& re, const LeadFilter& lead, std::string_view text, size_t at) {
  return lead.WordAt(text, at) != std::string_view::npos &&
         re.Match(text, at, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

bool MatchWordAt(const RE2& re, const LeadFilter& lead, std::string_view text, size_t at, re2::StringPiece* g, int n) {
  size_t word = lead.WordAt(text, at);
  if (word == std::string_view::npos) return false;
  if (!lead.exact()) return re.Match(text, at, text.size(), RE2::ANCHOR_START, g, n + 1);
  if (!re.Match(text, at, text.size(), RE2::ANCHOR_START, g, 1)) return false;
  const size_t end = at + g[0].size();
  if (word >= end) return re.Match(text, at, text.size(), RE2::ANCHOR_START, g, n + 1);
  if (n == 2) g[1] = re2::StringPiece(text.data() + at, word - at);
  g[n] = re2::StringPiece(text.data() + word, end - word);
  return true;
}

bool IsWordChar(UChar32 c) { return c > 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC)); }

// True when the match TEXT[begin, end) ends a word: it ends in a non-letter,
// or the character after it is not a letter or digit.
bool EndsWord(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return true;
  if (!IsWordChar(CodePointBefore(text, end))) return true;
  return !IsWordChar(CodePointAt(text, end));
}

std::string Field(const std::vector<std::string_view>& row, size_t i) {
  return i < row.size() ? std::string(row[i]) : std::string();
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= s.size()) {
    size_t bar = s.find('|', begin);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > begin) out.emplace_back(s.substr(begin, bar - begin));
    begin = bar + 1;
  }
  return out;
}

// True when the currency word TEXT[begin, end) is capitalized, not written
// all in capitals, and the next word is capitalized too: a proper name such
// as "5 Đồng Khởi", "72 Dong Da", not "10 billion Won".
bool StartsProperName(std::string_view text, size_t begin, size_t end) {
  UChar32 first = CodePointAt(text, begin);
  if (!u_isupper(first)) return false;
  bool all_upper = true;
  for (size_t i = begin; i < end;) {
    UChar32 c;
    U8_NEXT(text.data(), i, end, c);
    if (u_isalpha(c) && !u_isupper(c)) all_upper = false;
  }
  if (all_upper) return false;
  size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i > end && u_isupper(CodePointAt(text, i));
}

}  // namespace money_internal
}  // namespace vnie
