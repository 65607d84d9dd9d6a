#include "pipeline/decode/decoder.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "pipeline/decode/legacy_codec.h"
#include "pipeline/text/unicode_text.h"
#include "pipeline/text/vietnamese.h"

namespace vnie {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Share of invalid sequences above which a file is rejected rather than kept
// with replacement characters.
constexpr double kMaxInvalidShare = 0.2;

// Vietnamese in a legacy 8-bit encoding has some bytes above 0x7F in most
// words; Western text in windows-125x has few.  A sample that is mostly high
// bytes and still reads as no Vietnamese in any candidate is in an encoding
// vnie does not support (Cyrillic, CJK, ...) or not text at all.
constexpr double kMaxForeignHighByteShare = 0.3;

// Bytes that are not valid UTF-8 are read as UTF-8 all the same (with
// replacement characters) when they hold at least this many well-formed
// multi-byte sequences for each invalid byte.
constexpr int64_t kMinUtf8Lead = 2;

// A legacy reading must find letters above 0x7F in at least this many words.
constexpr int64_t kMinLegacyLetteredWords = 2;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

DecodeResult DecodeWithIcu(std::string_view bytes, const char* icu_name, std::string canonical) {
  DecodeResult result;
  result.encoding = std::move(canonical);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    result.error = "unknown encoding '" + std::string(icu_name) + "'";
    return result;
  }
  // Count substitutions through a callback-free route: convert, then count U+FFFD
  // that were not in the input as text.
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) {
    result.error = std::string("cannot decode as ") + icu_name + ": " + u_errorName(status);
    return result;
  }
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u.charAt(i) == 0xFFFD) ++result.invalid_sequences;
  }
  u.toUTF8String(result.text);
  return result;
}

bool LooksBinary(std::string_view bytes) {
  size_t probe = std::min<size_t>(bytes.size(), 8192);
  size_t controls = 0;
  for (size_t i = 0; i < probe; ++i) {
    // Eight bytes at a time while none is below 0x20 (a byte below N is
    // there exactly when (w - N*0x01..01) & ~w & 0x80..80 is not zero).
    uint64_t word;
    while (i + 8 <= probe &&
           (std::memcpy(&word, bytes.data() + i, 8), ((word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL) == 0))
      i += 8;
    if (i >= probe) break;
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return probe > 0 && controls * 10 > probe;
}

}  // namespace

namespace {

// The length of the well-formed UTF-8 sequence at S[I] (1 for ASCII), or 0
// when none starts there: overlong forms, surrogates, values past U+10FFFF
// and sequences cut short are invalid.
size_t Utf8SequenceAt(const unsigned char* s, size_t n, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
  else return 0;
  if (i + len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return len;
}

// BYTES read as UTF-8: its well-formed multi-byte sequences and its invalid
// ones (a lead byte with the continuation bytes that follow it counts once,
// as a decoder replaces it).
struct Utf8Shape {
  int64_t multibyte = 0;
  int64_t invalid = 0;
};

Utf8Shape ShapeAsUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  Utf8Shape shape;
  for (size_t i = 0, n = bytes.size(); i < n;) {
    size_t len = Utf8SequenceAt(s, n, i);
    if (len == 0) {
      ++shape.invalid;
      unsigned char c = s[i++];
      size_t more = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
      for (; more > 0 && i < n && (s[i] & 0xC0) == 0x80; --more) ++i;
      continue;
    }
    shape.multibyte += len > 1;
    i += len;
  }
  return shape;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0, n = bytes.size(); i < n;) {
    // Runs of ASCII, most of an English page, eight bytes at a time.
    uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, s + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
    if (i >= n) break;
    // Two- and three-byte letters (Vietnamese, punctuation) checked here;
    // the rest by Utf8SequenceAt.
    const unsigned char c = s[i];
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    size_t len = Utf8SequenceAt(s, n, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

namespace {

// How a decoding reads, word by word.  Plain ASCII words say nothing (every
// candidate decodes them alike).
struct Reading {
  int64_t syllables = 0;  // words with a letter outside ASCII that are Vietnamese syllables
  int64_t foreign = 0;    // words with a letter outside ASCII that are not
  int64_t bad = 0;        // words with a replacement or control character
  // How Vietnamese it reads: +1 a syllable, -1 a foreign word, -3 a bad one.
  int64_t Score() const { return syllables - foreign - 3 * bad; }
  // Words whose bytes above 0x7F read as letters.
  int64_t Lettered() const { return syllables + foreign; }
};

Reading ReadWords(std::string_view utf8) {
  std::string nfc = ToNfc(utf8);
  Reading reading;
  size_t i = 0, n = nfc.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(nfc[i]);
    if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      ++i;
      continue;
    }
    size_t begin = i;
    bool marked = false, bad = false;
    while (i < n) {
      auto d = static_cast<unsigned char>(nfc[i]);
      if (d < 0x80) {
        if (!((d | 0x20) >= 'a' && (d | 0x20) <= 'z')) break;
        ++i;
        continue;
      }
      size_t at = i;
      char32_t cp = vietnamese::NextUtf8(nfc, &i);
      if (cp == 0xFFFD || cp < 0xA0) {
        bad = true;
        continue;
      }
      vietnamese::Letter l;
      if (!vietnamese::LookupLetter(cp, &l) && !vietnamese::IsCombiningMark(cp) &&
          !(cp >= 0xC0 && cp < 0x250)) {
        i = at == begin ? i : at;
        break;
      }
      marked = true;
    }
    if (bad) {
      ++reading.bad;
    } else if (marked) {
      ++(vietnamese::IsMarkedVietnameseSyllable(nfc.substr(begin, i - begin)) ? reading.syllables : reading.foreign);
    }
    if (i == begin) ++i;
  }
  return reading;
}

double HighByteShare(std::string_view bytes) {
  if (bytes.empty()) return 0;
  size_t high = 0;
  for (char c : bytes) high += static_cast<unsigned char>(c) >= 0x80;
  return static_cast<double>(high) / static_cast<double>(bytes.size());
}

void RejectMostlyInvalid(DecodeResult& result, size_t bytes) {
  if (!result.error && result.invalid_sequences > kMaxInvalidShare * static_cast<double>(bytes)) {
    result.error = "mostly invalid bytes: " + std::to_string(result.invalid_sequences) + " of " +
                   std::to_string(bytes) + " bytes are not text in " + result.encoding;
  }
}

DecodeResult DecodeCandidate(std::string_view bytes, std::string_view name) {
  if (const LegacyCodec* codec = LegacyCodec::Find(name)) return codec->Decode(bytes);
  return DecodeWithIcu(bytes, "windows-1258", "windows-1258");
}

}  // namespace

DecodeResult DecodeDetect(std::string_view bytes) {
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return DecodeWithIcu(bytes.substr(2), "UTF-16LE", "UTF-16LE");
    if (b0 == 0xFE && b1 == 0xFF) return DecodeWithIcu(bytes.substr(2), "UTF-16BE", "UTF-16BE");
  }
  if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
  DecodeResult result;
  if (LooksBinary(bytes)) {
    result.error = "binary file: not text in any supported encoding";
    return result;
  }
  if (IsValidUtf8(bytes)) {
    result.text.assign(bytes);
    result.encoding = "UTF-8";
    return result;
  }
  // UTF-8 with a few bad bytes (a stray byte, a file cut inside a character)
  // is still UTF-8: legacy text almost never forms well-formed multi-byte
  // sequences (at most one for every seven invalid ones in the four legacy
  // encodings of vnie's Vietnamese articles).
  std::string_view sample = bytes.substr(0, 64 * 1024);
  Utf8Shape shape = ShapeAsUtf8(sample);
  if (shape.multibyte < kMinUtf8Lead * shape.invalid) {
    // Score each legacy candidate on the sample; decode the whole file with
    // the best (ties keep the earlier, more common encoding).
    static constexpr std::string_view kCandidates[] = {"windows-1258", "VNI", "TCVN3", "VISCII"};
    std::string_view best = kCandidates[0];
    int64_t best_score = INT64_MIN;
    Reading best_reading;
    for (std::string_view name : kCandidates) {
      DecodeResult trial = DecodeCandidate(sample, name);
      if (trial.error) continue;
      Reading reading = ReadWords(trial.text);
      int64_t score = reading.Score() - 3 * trial.invalid_sequences;
      if (score > best_score) {
        best_score = score;
        best = name;
        best_reading = reading;
      }
    }
    if (best_score < 0 && HighByteShare(sample) > kMaxForeignHighByteShare) {
      result.error = "undecodable: not text in any supported encoding (no reading of its bytes "
                     "gives Vietnamese or English text)";
      return result;
    }
    // A legacy encoding needs strong evidence: a reading better than UTF-8
    // with replacement characters, with letters in more than one word (a
    // stray byte in English text reads as a letter in some chart too).
    DecodeResult as_utf8 = DecodeWithIcu(sample, "UTF-8", "UTF-8");
    int64_t utf8_score = ReadWords(as_utf8.text).Score() - 3 * as_utf8.invalid_sequences;
    if (best_score > utf8_score && best_reading.Lettered() >= kMinLegacyLetteredWords) {
      DecodeResult chosen = DecodeCandidate(bytes, best);
      RejectMostlyInvalid(chosen, bytes.size());
      return chosen;
    }
  }
  // UTF-8, its bad bytes replaced by U+FFFD and counted.
  DecodeResult chosen = DecodeWithIcu(bytes, "UTF-8", "UTF-8");
  RejectMostlyInvalid(chosen, bytes.size());
  return chosen;
}

DecodeResult DecodeAs(std::string_view bytes, std::string_view encoding) {
  DecodeResult result;
  if (const LegacyCodec* codec = LegacyCodec::Find(encoding)) {
    result = codec->Decode(bytes);
  } else {
    std::string key;
    for (char c : encoding) {
      if (c != '-' && c != '_') key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    if (key == "utf8") {
      if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
      result = DecodeWithIcu(bytes, "UTF-8", "UTF-8");
    } else if (key == "utf16" && bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
               static_cast<unsigned char>(bytes[1]) == 0xFE) {
      result = DecodeWithIcu(bytes.substr(2), "UTF-16LE", "UTF-16LE");
    } else if (key == "utf16" && bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
               static_cast<unsigned char>(bytes[1]) == 0xFF) {
      result = DecodeWithIcu(bytes.substr(2), "UTF-16BE", "UTF-16BE");
    } else if (key == "windows1258" || key == "cp1258") {
      result = DecodeWithIcu(bytes, "windows-1258", "windows-1258");
    } else {
      std::string name(encoding);
      result = DecodeWithIcu(bytes, name.c_str(), name);
    }
  }
  RejectMostlyInvalid(result, bytes.size());
  return result;
}

}  // namespace vnie
