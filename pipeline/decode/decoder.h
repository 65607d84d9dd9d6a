// Decoding raw article bytes to UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vnie {

struct DecodeResult {
  std::string text;      // UTF-8; invalid input sequences become U+FFFD
  std::string encoding;  // canonical name: UTF-8, UTF-16LE, UTF-16BE, windows-1258, ...
  int64_t invalid_sequences = 0;
  std::optional<std::string> error;  // set when the bytes are not text
};

// Detects the encoding of BYTES and decodes them: a BOM first, then strict
// UTF-8, then the legacy candidates scored by how Vietnamese the result reads.
// Sets `error` for binary data and for bytes that are mostly invalid.
DecodeResult DecodeDetect(std::string_view bytes);

// Decodes BYTES as ENCODING (any name ICU knows, or VISCII, TCVN3, VNI).
// Sets `error` for an unknown encoding name.
DecodeResult DecodeAs(std::string_view bytes, std::string_view encoding);

// True when BYTES is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

}  // namespace vnie
