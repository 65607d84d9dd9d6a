#include "pipeline/decode/legacy_codec.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <array>
#include <charconv>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "pipeline/data/embedded_data.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string Canonical(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ') continue;
    key.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  return key;
}

uint32_t ParseHex(std::string_view s) {
  uint32_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (r.ec != std::errc()) throw std::runtime_error("bad hex in code chart: " + std::string(s));
  return v;
}

// Windows-1252 for the bytes VNI documents use outside the letters (quotes,
// dashes, Latin-1 punctuation).
char32_t Windows1252(unsigned char b) {
  static constexpr char32_t k80[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  if (b >= 0x80 && b < 0xA0) return k80[b - 0x80];
  return b;
}

class TableCodec : public LegacyCodec {
 public:
  TableCodec(std::string name, std::string_view chart_path, bool latin1_fallback)
      : name_(std::move(name)), latin1_fallback_(latin1_fallback) {
    for (const auto& row : ParseTsv(EmbeddedData(chart_path))) {
      if (row.size() < 2) continue;
      std::string bytes;
      for (size_t i = 0; i + 1 < row[0].size(); i += 2)
        bytes.push_back(static_cast<char>(ParseHex(row[0].substr(i, 2))));
      std::string utf8;
      size_t i = 0;
      while (i < row[1].size()) {
        size_t j = row[1].find(' ', i);
        if (j == std::string_view::npos) j = row[1].size();
        vietnamese::AppendUtf8(ParseHex(row[1].substr(i, j - i)), utf8);
        i = j + 1;
      }
      if (bytes.size() == 1) {
        single_[static_cast<unsigned char>(bytes[0])] = utf8;
      } else if (bytes.size() == 2) {
        pairs_[Pair(bytes[0], bytes[1])] = utf8;
        first_of_pair_[static_cast<unsigned char>(bytes[0])] = true;
      } else {
        throw std::runtime_error("code chart rows hold one or two bytes: " + std::string(chart_path));
      }
      // The first row for a character is its encoding (one byte before two).
      encode_.emplace(utf8, bytes);
    }
  }

  const std::string& name() const override { return name_; }

  DecodeResult Decode(std::string_view bytes) const override {
    DecodeResult result;
    result.encoding = name_;
    result.text.reserve(bytes.size() + bytes.size() / 2);
    size_t n = bytes.size();
    for (size_t i = 0; i < n; ++i) {
      auto b = static_cast<unsigned char>(bytes[i]);
      if (first_of_pair_[b] && i + 1 < n) {
        auto it = pairs_.find(Pair(bytes[i], bytes[i + 1]));
        if (it != pairs_.end()) {
          result.text.append(it->second);
          ++i;
          continue;
        }
      }
      if (!single_[b].empty()) {
        result.text.append(single_[b]);
      } else if (b < 0x80) {
        result.text.push_back(static_cast<char>(b));
      } else if (latin1_fallback_ && Windows1252(b) != 0xFFFD) {
        vietnamese::AppendUtf8(Windows1252(b), result.text);
      } else {
        result.text.append(kReplacement);
        ++result.invalid_sequences;
      }
    }
    return result;
  }

  std::string Encode(std::string_view utf8, int64_t* unencodable) const override {
    std::string nfc = ToNfc(utf8);
    std::string out;
    out.reserve(nfc.size());
    size_t i = 0;
    while (i < nfc.size()) {
      size_t at = i;
      char32_t cp = vietnamese::NextUtf8(nfc, &i);
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
        continue;
      }
      std::string_view ch(nfc.data() + at, i - at);
      auto it = encode_.find(std::string(ch));
      if (it != encode_.end()) {
        out.append(it->second);
        continue;
      }
      if (EncodeDecomposed(cp, out)) continue;
      if (const char* plain = PlainForm(cp)) {
        out.append(plain);
        continue;
      }
      out.push_back('?');
      if (unencodable) ++*unencodable;
    }
    return out;
  }

 private:
  static uint16_t Pair(char a, char b) {
    return static_cast<uint16_t>((static_cast<unsigned char>(a) << 8) | static_cast<unsigned char>(b));
  }

  // A toned letter the chart lacks as one code, written as its untoned
  // letter and a combining tone mark when the chart has both (TCVN3).
  bool EncodeDecomposed(char32_t cp, std::string& out) const {
    vietnamese::Letter l;
    if (!vietnamese::LookupLetter(cp, &l) || !l.vowel || l.tone == 0) return false;
    static constexpr char32_t kMarks[6] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    vietnamese::Letter bare = l;
    bare.tone = 0;
    std::string base_utf8, mark_utf8;
    vietnamese::AppendUtf8(vietnamese::Compose(bare), base_utf8);
    vietnamese::AppendUtf8(kMarks[l.tone], mark_utf8);
    auto mark = encode_.find(mark_utf8);
    if (mark == encode_.end()) return false;
    if (base_utf8.size() == 1) {
      out.append(base_utf8);
    } else {
      auto base = encode_.find(base_utf8);
      if (base == encode_.end()) return false;
      out.append(base->second);
    }
    out.append(mark->second);
    return true;
  }

  static const char* PlainForm(char32_t cp) {
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: return "'";
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: return "\"";
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
      case 0x2026: return "...";
      case 0x00A9: return "(c)";
      case 0x00A0: case 0x202F: return " ";
    }
    return nullptr;
  }

  std::string name_;
  bool latin1_fallback_;
  std::array<std::string, 256> single_;
  std::array<bool, 256> first_of_pair_{};
  std::unordered_map<uint16_t, std::string> pairs_;
  std::unordered_map<std::string, std::string> encode_;
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// NFD, then the circumflex, breve and horn composed back onto their letters:
// how Windows-1258 spells Vietnamese.
icu::UnicodeString Cp1258Form(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalization data unavailable");
  icu::UnicodeString d = nfd->normalize(icu::UnicodeString::fromUTF8(
                                            icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
                                        status);
  icu::UnicodeString out;
  int32_t i = 0;
  while (i < d.length()) {
    UChar32 base = d.char32At(i);
    i += U16_LENGTH(base);
    icu::UnicodeString letter(base), tones;
    while (i < d.length()) {
      UChar32 m = d.char32At(i);
      if (!vietnamese::IsCombiningMark(static_cast<char32_t>(m))) break;
      if (vietnamese::ShapeOfMark(static_cast<char32_t>(m)) > 0) letter.append(m);
      else tones.append(m);
      i += U16_LENGTH(m);
    }
    UErrorCode st = U_ZERO_ERROR;
    out.append(nfc->normalize(letter, st)).append(tones);
  }
  return out;
}

}  // namespace

const LegacyCodec* LegacyCodec::Find(std::string_view name) {
  static const TableCodec viscii("VISCII", "pipeline/decode/viscii.tsv", false);
  static const TableCodec tcvn3("TCVN3", "pipeline/decode/tcvn3.tsv", false);
  static const TableCodec vni("VNI", "pipeline/decode/vni.tsv", true);
  std::string key = Canonical(name);
  if (key == "VISCII") return &viscii;
  if (key == "TCVN3" || key == "TCVN" || key == "ABC" || key == "TCVN5712" || key == "TCVN57121" ||
      key == "VN3")
    return &tcvn3;
  if (key == "VNI" || key == "VNIWINDOWS" || key == "VNIWIN") return &vni;
  return nullptr;
}

std::optional<std::string> EncodeAs(std::string_view utf8, std::string_view encoding, int64_t* unencodable) {
  if (const LegacyCodec* codec = LegacyCodec::Find(encoding)) return codec->Encode(utf8, unencodable);
  std::string key = Canonical(encoding);
  icu::UnicodeString text;
  if (key == "WINDOWS1258" || key == "CP1258") {
    text = Cp1258Form(utf8);
  } else {
    text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(std::string(encoding).c_str(), &status));
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(text.length()) * 4 + 16, '\0');
  int32_t len = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                text.length(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(len));
  return out;
}

}  // namespace vnie
