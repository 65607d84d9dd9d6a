// Inflating gzip and HTTP-compressed bytes with zlib, within a size limit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vnie {

// True when BYTES starts with the gzip magic number (1f 8b).
bool LooksGzip(std::string_view bytes);

struct InflateResult {
  std::string bytes;                 // what was inflated (partial when `error` is set)
  std::optional<std::string> error;  // why the input could not be inflated whole
};

// Inflates every gzip member of BYTES in turn (a multi-member file is the
// concatenation of its members, as gzip(1) gives it).  Zero bytes after the
// last member (tape or block padding) are ignored; anything else is an error,
// as is truncated or corrupt data and output that would pass MAX_BYTES.  The
// output never holds more than MAX_BYTES + 1 bytes, so a small bomb costs no
// more memory than the limit.  Errors read "gzip data ends early at byte N",
// "gzip data is corrupt at byte N: ...", "not gzip data at byte N",
// "inflated size passes the limit of N bytes".
InflateResult Gunzip(std::string_view bytes, size_t max_bytes);

// Undoes an HTTP Content-Encoding: "gzip" and "x-gzip" (Gunzip), "deflate"
// (zlib-wrapped as RFC 9110 says, or raw deflate as some servers send it),
// "identity" or empty (BODY as is).  A list ("gzip, identity") is undone
// last-applied first.  Any other coding (br, zstd, compress) is an error
// naming it.  Case-insensitive.
InflateResult InflateHttpBody(std::string_view body, std::string_view content_encoding,
                              size_t max_bytes);

// The first (up to) N inflated bytes of a gzip stream, for sniffing what a
// compressed file holds from its first bytes: truncated input is fine, and
// anything that is not gzip gives "".
std::string GunzipPrefix(std::string_view bytes, size_t n);

}  // namespace vnie
