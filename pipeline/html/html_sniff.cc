#include "pipeline/html/html_sniff.h"

#include <algorithm>
#include <cctype>

namespace vnie {
namespace {

// The bytes are not decoded yet: only ASCII letters are lowered.
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && StartsWithNoCase(s.substr(s.size() - suffix.size()), suffix);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

// Reads the attributes of the tag whose name ends at POS, up to its '>'.
// Sets *END past the tag.  Attribute names lowercased, values as written.
template <typename Fn>
void ForEachAttribute(std::string_view s, size_t pos, size_t* end, Fn&& fn) {
  size_t i = pos;
  while (i < s.size() && s[i] != '>') {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
    size_t name_start = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string name = LowerCopy(s.substr(name_start, i - name_start));
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        size_t v = i;
        while (i < s.size() && s[i] != quote) ++i;
        value = s.substr(v, i - v);
        if (i < s.size()) ++i;
      } else {
        size_t v = i;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
        value = s.substr(v, i - v);
      }
    }
    if (!name.empty()) fn(name, value);
    else if (i < s.size() && s[i] != '>') ++i;
  }
  *end = i;
}

}  // namespace

bool LooksHtml(std::string_view bytes, std::string_view path) {
  if (EndsWithNoCase(path, ".html") || EndsWithNoCase(path, ".htm") || EndsWithNoCase(path, ".xhtml")) return true;
  std::string_view s = bytes.substr(0, 4096);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  for (;;) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    if (s.starts_with("<!--")) {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 3);
      continue;
    }
    if (StartsWithNoCase(s, "<?xml")) {
      size_t end = s.find("?>");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 2);
      continue;
    }
    break;
  }
  for (std::string_view start : {"<!doctype html", "<html", "<head", "<body"}) {
    if (StartsWithNoCase(s, start)) return true;
  }
  return false;
}

std::optional<std::string> CharsetParameter(std::string_view content_type) {
  std::string lower = LowerCopy(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + 7;
  while (i < lower.size() && IsSpace(lower[i])) ++i;
  if (i >= lower.size() || lower[i] != '=') return std::nullopt;
  ++i;
  while (i < lower.size() && (IsSpace(lower[i]) || lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t start = i;
  while (i < lower.size() && !IsSpace(lower[i]) && lower[i] != ';' && lower[i] != '"' && lower[i] != '\'') ++i;
  if (i == start) return std::nullopt;
  return lower.substr(start, i - start);
}

std::optional<std::string> DeclaredCharset(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 4096);
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (s.substr(pos).starts_with("<!--")) {
      size_t end = s.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    if (!StartsWithNoCase(s.substr(pos + 1), "meta") || pos + 5 >= s.size() || !IsSpace(s[pos + 5])) {
      ++pos;
      continue;
    }
    std::optional<std::string> charset, content;
    bool http_equiv = false;
    size_t end = pos;
    ForEachAttribute(s, pos + 5, &end, [&](const std::string& name, std::string_view value) {
      if (name == "charset" && !charset) charset = LowerCopy(value);
      if (name == "http-equiv" && LowerCopy(value) == "content-type") http_equiv = true;
      if (name == "content" && !content) content = std::string(value);
    });
    if (charset && !charset->empty()) return charset;
    if (http_equiv && content) {
      if (auto c = CharsetParameter(*content)) return c;
    }
    pos = end;
  }
  return std::nullopt;
}

}  // namespace vnie
