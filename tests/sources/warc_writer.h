// Writing small gzip streams and WARC records for the reader's tests.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vnie::testing_warc {

// DATA deflated with a zlib wrapper (WINDOW_BITS 15), raw (-15) or as a gzip
// member (15 + 16).
inline std::string Deflate(std::string_view data, int window_bits) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One gzip member holding DATA, as gzip(1) or a WARC writer makes it.
inline std::string GzipMember(std::string_view data) { return Deflate(data, 15 + 16); }

// N letters that compress poorly, so that a cut stream holds only a part.
inline std::string NoisyText(size_t n) {
  std::string out;
  uint32_t x = 12345;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    out += static_cast<char>('a' + (x >> 16) % 26);
  }
  return out;
}

// A whole WARC/1.1 record: header, BLOCK, and the two CRLFs that end it.
inline std::string WarcRecordText(std::string_view type, std::string_view uri,
                                  std::string_view content_type, std::string_view block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2024-07-02T08:30:00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

}  // namespace vnie::testing_warc
