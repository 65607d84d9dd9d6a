#include "pipeline/text/char_cleanup.h"

#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

enum class Kind { kKeep, kSpace, kNewline, kDrop, kReplace };

// What to do with a code point outside ASCII; REPLACEMENT is set for kReplace.
Kind Classify(char32_t cp, const char** replacement) {
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return Kind::kSpace;
    case 0x2028: case 0x2029: case 0x0085:
      return Kind::kNewline;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return Kind::kDrop;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
      *replacement = "'";
      return Kind::kReplace;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      *replacement = "\"";
      return Kind::kReplace;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      *replacement = "-";
      return Kind::kReplace;
    case 0x2026:
      *replacement = "...";
      return Kind::kReplace;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Kind::kSpace;
  if (cp >= 0x80 && cp < 0xA0) return Kind::kDrop;  // C1 controls
  return Kind::kKeep;
}

}  // namespace

std::string CleanCharacters(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;   // a space is pending (emitted before the next visible character)
  int newlines = 0;     // line ends pending
  auto flush = [&]() {
    if (newlines > 0) {
      if (!out.empty()) out.append(newlines >= 2 ? "\n\n" : "\n");
      newlines = 0;
      space = false;
    } else if (space) {
      if (!out.empty() && out.back() != '\n') out.push_back(' ');
      space = false;
    }
  };
  size_t i = 0, n = in.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c >= 0x20 && c < 0x7F && c != ' ') {
      // Copy a run of plain visible ASCII at once.
      flush();
      size_t j = i + 1;
      while (j < n) {
        auto d = static_cast<unsigned char>(in[j]);
        if (d <= 0x20 || d >= 0x7F) break;
        ++j;
      }
      out.append(in.data() + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
        space = true;
      } else if (c == '\n') {
        ++newlines;
      } else if (c == '\r') {
        if (i < n && in[i] == '\n') ++i;
        ++newlines;
      }  // other controls and DEL are dropped
      continue;
    }
    size_t at = i;
    char32_t cp = vietnamese::NextUtf8(in, &i);
    const char* replacement = nullptr;
    switch (Classify(cp, &replacement)) {
      case Kind::kSpace:
        space = true;
        break;
      case Kind::kNewline:
        ++newlines;
        break;
      case Kind::kDrop:
        break;
      case Kind::kReplace:
        flush();
        out.append(replacement);
        break;
      case Kind::kKeep:
        if (vietnamese::IsCombiningMark(cp) && newlines == 0) {
          space = false;  // a detached mark joins the letter before it
        } else {
          flush();
        }
        if (cp == 0xFFFD && i - at == 1) out.append("\xEF\xBF\xBD");  // a stray byte
        else out.append(in.data() + at, i - at);
        break;
    }
  }
  return out;
}

}  // namespace vnie
