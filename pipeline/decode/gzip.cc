#include "pipeline/decode/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace vnie {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr int kGzipWindow = 15 + 16;  // zlib's code for "expect a gzip header and trailer"
constexpr int kZlibWindow = 15;
constexpr int kRawWindow = -15;

std::string AtByte(std::string_view what, size_t at) {
  return std::string(what) + " at byte " + std::to_string(at);
}

bool AllZero(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; });
}

// Inflates BYTES as one stream of WINDOW_BITS' kind or, with MEMBERS, as
// gzip members one after another.  KIND names the data in errors.
InflateResult Inflate(std::string_view bytes, int window_bits, bool members, size_t max_bytes,
                      std::string_view kind) {
  InflateResult result;
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    result.error = "zlib could not start (out of memory)";
    return result;
  }
  size_t pos = 0;  // input bytes consumed
  for (;;) {
    // zlib counts in 32-bit uInt: feed a huge input in pieces.
    size_t fed = std::min<size_t>(bytes.size() - pos, size_t{1} << 30);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + pos));
    zs.avail_in = static_cast<uInt>(fed);
    // One byte of room past the limit tells "exactly the limit" from "more".
    size_t left = max_bytes - result.bytes.size();
    size_t room = left >= kChunk ? kChunk : left + 1;
    size_t old = result.bytes.size();
    result.bytes.resize(old + room);
    zs.next_out = reinterpret_cast<Bytef*>(result.bytes.data() + old);
    zs.avail_out = static_cast<uInt>(room);
    int rc = inflate(&zs, Z_NO_FLUSH);
    result.bytes.resize(old + room - zs.avail_out);
    pos += fed - zs.avail_in;
    if (result.bytes.size() > max_bytes) {
      result.bytes.resize(max_bytes);
      result.error = "inflated size passes the limit of " + std::to_string(max_bytes) + " bytes";
      break;
    }
    if (rc == Z_STREAM_END) {
      std::string_view rest = bytes.substr(pos);
      if (!members || AllZero(rest)) break;
      if (!LooksGzip(rest)) {
        result.error = AtByte("not gzip data", pos);
        break;
      }
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_OK) continue;
    // Z_BUF_ERROR: no progress was possible, and there is always output room,
    // so the input ran out before the stream's end.
    if (rc == Z_BUF_ERROR) {
      result.error = AtByte(std::string(kind) + " ends early", pos);
    } else {
      result.error = AtByte(std::string(kind) + " is corrupt", pos);
      if (zs.msg) *result.error += std::string(": ") + zs.msg;
    }
    break;
  }
  inflateEnd(&zs);
  return result;
}

// RFC 1950: CM = 8 (deflate) in the low nibble, and the first two bytes
// taken as a big-endian number are a multiple of 31.
bool LooksZlib(std::string_view bytes) {
  if (bytes.size() < 2) return false;
  unsigned b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
  return (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
}

std::string LowerTrimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  if (b == std::string_view::npos) return "";
  std::string out(s.substr(b, e - b + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool LooksGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

InflateResult Gunzip(std::string_view bytes, size_t max_bytes) {
  if (!LooksGzip(bytes)) return {"", AtByte("not gzip data", 0)};
  return Inflate(bytes, kGzipWindow, /*members=*/true, max_bytes, "gzip data");
}

InflateResult InflateHttpBody(std::string_view body, std::string_view content_encoding,
                              size_t max_bytes) {
  std::vector<std::string> codings;
  for (size_t start = 0; start <= content_encoding.size();) {
    size_t comma = std::min(content_encoding.find(',', start), content_encoding.size());
    std::string coding = LowerTrimmed(content_encoding.substr(start, comma - start));
    if (!coding.empty() && coding != "identity") codings.push_back(coding);
    start = comma + 1;
  }
  InflateResult result{std::string(body), std::nullopt};
  // The codings were applied in the order listed, so the last comes off first.
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    if (*it == "gzip" || *it == "x-gzip") {
      result = Gunzip(result.bytes, max_bytes);
    } else if (*it == "deflate") {
      bool wrapped = LooksZlib(result.bytes);
      result = Inflate(result.bytes, wrapped ? kZlibWindow : kRawWindow, false, max_bytes,
                       "deflate data");
    } else {
      return {"", "unsupported Content-Encoding: " + *it};
    }
    if (result.error) return result;
  }
  if (result.bytes.size() > max_bytes) {
    result.error = "body of " + std::to_string(result.bytes.size()) +
                   " bytes passes the limit of " + std::to_string(max_bytes) + " bytes";
  }
  return result;
}

std::string GunzipPrefix(std::string_view bytes, size_t n) {
  if (!LooksGzip(bytes) || n == 0) return "";
  z_stream zs{};
  if (inflateInit2(&zs, kGzipWindow) != Z_OK) return "";
  std::string out(n, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size(), size_t{1} << 30));
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(n);
  inflate(&zs, Z_SYNC_FLUSH);  // whatever came out before an end or an error is the prefix
  out.resize(n - zs.avail_out);
  inflateEnd(&zs);
  return out;
}

}  // namespace vnie
