// ASCII case for names and protocol words (file suffixes, HTTP header
// values): letters outside ASCII are left as they are.
#pragma once

#include <string>
#include <string_view>

namespace vnie {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Whether S ends with SUFFIX (lower case) in any ASCII case: "a.JSON".
inline bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && AsciiLower(s.substr(s.size() - suffix.size())) == suffix;
}

}  // namespace vnie
