// The legacy Vietnamese encodings ICU lacks: VISCII, TCVN3 (ABC) and VNI
// (VNI-Windows), read from their code charts kept as data
// (pipeline/decode/viscii.tsv, tcvn3.tsv, vni.tsv), both ways.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/decode/decoder.h"

namespace vnie {

class LegacyCodec {
 public:
  // The codec for NAME (VISCII; TCVN3, TCVN, ABC, TCVN5712; VNI, VNI-Windows;
  // any case, '-' and '_' ignored), or nullptr.
  static const LegacyCodec* Find(std::string_view name);

  virtual ~LegacyCodec() = default;
  virtual const std::string& name() const = 0;
  // Decodes BYTES; a byte (sequence) the chart lacks becomes U+FFFD, counted.
  virtual DecodeResult Decode(std::string_view bytes) const = 0;
  // Encodes UTF8 text.  A character the encoding cannot write becomes '?',
  // counted in *UNENCODABLE when given.  Typographic quotes and dashes are
  // written as their ASCII forms.
  virtual std::string Encode(std::string_view utf8, int64_t* unencodable = nullptr) const = 0;
};

// Encodes UTF8 as ENCODING: VISCII, TCVN3 or VNI (the charts), or any ICU
// encoding; windows-1258 is written the way that code page writes
// Vietnamese: letters with circumflex, breve or horn precomposed, tone marks
// as combining characters.  std::nullopt for an unknown encoding.
std::optional<std::string> EncodeAs(std::string_view utf8, std::string_view encoding,
                                    int64_t* unencodable = nullptr);

}  // namespace vnie
