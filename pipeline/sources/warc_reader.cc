#include "pipeline/sources/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "pipeline/decode/gzip.h"
#include "pipeline/text/ascii.h"

namespace vnie {
namespace {

// A WARC header is a few hundred bytes; this only stops a damaged file from
// being read whole in search of a blank line.
constexpr size_t kMaxHeaderBytes = 1 << 20;
constexpr int kGzipWindow = 15 + 16;

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

bool SameName(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

// The index just past the first blank line at or after FROM (a header's
// end, with CRLF or bare LF line ends), or npos when S does not hold one yet.
size_t BlankLineEnd(std::string_view s, size_t from) {
  for (size_t i = s.find('\n', from); i != std::string_view::npos; i = s.find('\n', i + 1)) {
    if (i + 1 < s.size() && s[i + 1] == '\n') return i + 2;
    if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

struct HeaderField {
  std::string_view name;
  std::string value;
};

// The "Name: value" fields of HEAD's lines after the first; a line starting
// with a space or tab continues the field before it.
std::vector<HeaderField> HeaderFields(std::string_view head) {
  std::vector<HeaderField> fields;
  size_t p = head.find('\n');
  while (p != std::string_view::npos && p + 1 < head.size()) {
    size_t eol = std::min(head.find('\n', p + 1), head.size());
    std::string_view line = head.substr(p + 1, eol - p - 1);
    p = eol < head.size() ? eol : std::string_view::npos;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !fields.empty()) {
      fields.back().value += ' ';
      fields.back().value += Trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a field: nothing to learn from it
    fields.push_back({Trim(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1)))});
  }
  return fields;
}

std::optional<uint64_t> ParseLength(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A chunk-size line: 1 to 15 hex digits (no overflow), then optional ";extension".
std::optional<uint64_t> ChunkSize(std::string_view line) {
  line = Trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return std::nullopt;
  uint64_t n = 0;
  for (char c : line) {
    if (HexValue(c) < 0) return std::nullopt;
    n = n * 16 + static_cast<uint64_t>(HexValue(c));
  }
  return n;
}

std::string_view FirstLine(std::string_view s) { return s.substr(0, s.find('\n')); }

// Undoes Transfer-Encoding: chunked.  A body that stops after a whole chunk
// without the final zero-size chunk is kept: what came is whole.
bool Dechunk(std::string_view in, std::string* out, std::string* error) {
  size_t p = 0;
  while (p < in.size()) {
    size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) break;
    std::optional<uint64_t> size = ChunkSize(in.substr(p, eol - p));
    if (!size) {
      *error = "bad chunk size line at body byte " + std::to_string(p);
      return false;
    }
    p = eol + 1;
    if (*size == 0) return true;  // trailer fields after it carry nothing vnie uses
    if (in.size() - p < *size) {
      *error = "chunked body ends early";
      return false;
    }
    out->append(in.substr(p, *size));
    p += *size;
    if (p < in.size() && in[p] == '\r') ++p;
    if (p < in.size() && in[p] == '\n') ++p;
  }
  if (p < in.size()) {
    *error = "chunked body ends early";
    return false;
  }
  return true;
}

// "HTTP/1.1 200 OK": the code is the three digits after the first space.
std::optional<int> StatusCode(std::string_view status_line) {
  size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view code = Trim(status_line.substr(space + 1)).substr(0, 3);
  if (code.size() != 3) return std::nullopt;
  int n = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "text/html; charset=\"UTF-8\"" into the lowercased media type and the charset parameter.
void SplitContentType(std::string_view value, HttpResponse* response) {
  response->content_type = AsciiLower(Trim(value.substr(0, value.find(';'))));
  for (size_t semi = value.find(';'); semi != std::string_view::npos;) {
    size_t next = value.find(';', semi + 1);
    size_t length = next == std::string_view::npos ? next : next - semi - 1;
    std::string_view param = value.substr(semi + 1, length);
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && SameName(Trim(param.substr(0, eq)), "charset")) {
      std::string_view charset = Trim(param.substr(eq + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
        charset = charset.substr(1, charset.size() - 2);
      }
      response->charset = std::string(charset);
    }
    semi = next;
  }
}

}  // namespace

WarcReader::WarcReader(const std::string& path, size_t max_record_bytes, size_t chunk_bytes)
    : max_record_bytes_(max_record_bytes), chunk_bytes_(std::max<size_t>(chunk_bytes, 2)) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) {
    error_ = path + ": " + std::strerror(errno);
    done_ = true;
    return;
  }
  // Plain or gzip is told from the first two bytes, which stay the stream's
  // first bytes either way.
  char magic[2];
  size_t n = std::fread(magic, 1, 2, file_);
  std::string first(magic, n);
  gzip_ = LooksGzip(first);
  if (!gzip_) {
    buf_ = std::move(first);
    return;
  }
  in_ = std::move(first);
  if (inflateInit2(&zs_, kGzipWindow) != Z_OK) {
    error_ = path + ": zlib could not start (out of memory)";
    done_ = true;
    return;
  }
  zs_open_ = true;
}

WarcReader::~WarcReader() {
  if (zs_open_) inflateEnd(&zs_);
  if (file_) std::fclose(file_);
}

bool WarcReader::ReadMore() {
  if (eof_ || !stream_error_.empty()) return false;
  // What the reader has passed is dropped, so buf_ holds one record at most.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    base_ += pos_;
    pos_ = 0;
  }
  if (!gzip_) {
    size_t old = buf_.size();
    buf_.resize(old + chunk_bytes_);
    size_t n = std::fread(buf_.data() + old, 1, chunk_bytes_, file_);
    buf_.resize(old + n);
    if (n > 0) return true;
    if (std::ferror(file_)) stream_error_ = std::string("read error: ") + std::strerror(errno);
    eof_ = true;
    return false;
  }
  for (;;) {
    if (in_pos_ == in_.size()) {
      in_offset_ += in_.size();
      in_.resize(chunk_bytes_);
      in_.resize(std::fread(in_.data(), 1, chunk_bytes_, file_));
      in_pos_ = 0;
      if (in_.empty()) {
        if (std::ferror(file_)) {
          stream_error_ = std::string("read error: ") + std::strerror(errno);
        } else if (in_member_) {
          stream_error_ = "gzip data ends early";
        }
        eof_ = true;
        return false;
      }
    }
    if (!in_member_) {
      members_.emplace_back(base_ + buf_.size(), in_offset_ + in_pos_);
      inflateReset(&zs_);
      in_member_ = true;
    }
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
    size_t old = buf_.size();
    buf_.resize(old + chunk_bytes_);
    zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    zs_.avail_out = static_cast<uInt>(chunk_bytes_);
    int rc = inflate(&zs_, Z_NO_FLUSH);
    size_t produced = chunk_bytes_ - zs_.avail_out;
    buf_.resize(old + produced);
    in_pos_ = in_.size() - zs_.avail_in;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      // zlib says "incorrect header check" when a member does not start 1f 8b.
      bool header = zs_.msg && std::strcmp(zs_.msg, "incorrect header check") == 0;
      stream_error_ = header ? "not gzip data"
                             : std::string("gzip data is corrupt") + (zs_.msg ? ": " : "") +
                                   (zs_.msg ? zs_.msg : "");
      return false;
    }
    if (produced > 0) return true;
  }
}

bool WarcReader::Have(size_t n) {
  while (buf_.size() - pos_ < n) {
    if (!ReadMore()) return false;
  }
  return true;
}

uint64_t WarcReader::OffsetAt(uint64_t pos) const {
  if (!gzip_) return pos;
  // The last member that starts at or before POS holds it (an empty member
  // starts where the next one does, and the later one holds the bytes).
  uint64_t offset = 0;
  for (const auto& [start, file_offset] : members_) {
    if (start > pos) break;
    offset = file_offset;
  }
  return offset;
}

bool WarcReader::Fail(uint64_t offset, const std::string& what) {
  error_ = "WARC record at byte " + std::to_string(offset) + ": " + what;
  done_ = true;
  return false;
}

bool WarcReader::Next(WarcRecord* record) {
  if (done_) return false;
  // A record ends in two CRLFs; writers differ in blank lines, so skip them all.
  for (;;) {
    if (pos_ == buf_.size() && !ReadMore()) {
      if (!stream_error_.empty()) return Fail(OffsetAt(base_ + pos_), stream_error_);
      done_ = true;
      return false;
    }
    if (buf_[pos_] != '\r' && buf_[pos_] != '\n') break;
    ++pos_;
  }
  uint64_t start = base_ + pos_;
  uint64_t offset = OffsetAt(start);
  while (members_.size() > 1 && members_[1].first <= start) members_.erase(members_.begin());
  auto stream_failure = [&](const std::string& otherwise) {
    return Fail(offset, stream_error_.empty() ? otherwise : stream_error_);
  };

  if (!Have(5)) return stream_failure("no WARC header");
  if (buf_.compare(pos_, 5, "WARC/") != 0) return Fail(offset, "no WARC header");
  size_t end;
  for (size_t scanned = 0;;) {  // bytes past pos_ already searched
    end = BlankLineEnd(buf_, pos_ + scanned);
    if (end != std::string::npos) break;
    if (buf_.size() - pos_ > kMaxHeaderBytes) return Fail(offset, "WARC header has no end");
    // A blank line may straddle the buffer's end: search its last two bytes again.
    scanned = std::max<size_t>(buf_.size() - pos_, 2) - 2;
    if (!ReadMore()) return stream_failure("the WARC header ends early");
  }

  WarcRecord r;
  r.offset = offset;
  std::string length_text;
  const std::pair<std::string_view, std::string*> wanted[] = {
      {"WARC-Type", &r.type},          {"WARC-Target-URI", &r.target_uri},
      {"WARC-Date", &r.date},          {"Content-Type", &r.content_type},
      {"Content-Length", &length_text}};
  for (HeaderField& f : HeaderFields(std::string_view(buf_).substr(pos_, end - pos_))) {
    for (const auto& [name, value] : wanted) {
      if (SameName(f.name, name)) *value = std::move(f.value);
    }
  }
  // WARC 1.0 wrote the URI bare; some writers put it in <> as 1.1's grammar shows.
  if (r.target_uri.size() >= 2 && r.target_uri.front() == '<' && r.target_uri.back() == '>') {
    r.target_uri = r.target_uri.substr(1, r.target_uri.size() - 2);
  }
  if (length_text.empty()) return Fail(offset, "Content-Length missing");
  std::optional<uint64_t> length = ParseLength(length_text);
  if (!length) return Fail(offset, "Content-Length is not a number: " + length_text);
  pos_ = end;
  r.block_size = *length;

  if (*length > max_record_bytes_) {
    // Read past the block a buffer at a time: its size must not decide memory.
    r.block_skipped = true;
    uint64_t left = *length;
    while (left > 0) {
      if (pos_ == buf_.size() && !ReadMore()) {
        return stream_failure("the block ends early (" + std::to_string(*length - left) + " of " +
                              std::to_string(*length) + " bytes)");
      }
      size_t take = static_cast<size_t>(std::min<uint64_t>(left, buf_.size() - pos_));
      pos_ += take;
      left -= take;
    }
  } else {
    if (!Have(*length)) {
      return stream_failure("the block ends early (" + std::to_string(buf_.size() - pos_) + " of " +
                            std::to_string(*length) + " bytes)");
    }
    r.block.assign(buf_, pos_, *length);
    pos_ += *length;
  }
  *record = std::move(r);
  return true;
}

bool IsWarcPath(std::string_view path) {
  return EndsWithNoCase(path, ".warc") || EndsWithNoCase(path, ".warc.gz");
}

bool LooksWarc(std::string_view first_bytes) {
  constexpr std::string_view kStart = "WARC/1.";
  if (first_bytes.starts_with(kStart)) return true;
  return LooksGzip(first_bytes) && GunzipPrefix(first_bytes, kStart.size()) == kStart;
}

std::optional<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes,
                                              std::string* error) {
  auto fail = [&](std::string what) -> std::optional<HttpResponse> {
    if (error) *error = std::move(what);
    return std::nullopt;
  };
  if (!block.starts_with("HTTP/")) return fail("not an HTTP response (no status line)");
  size_t end = BlankLineEnd(block, 0);
  if (end == std::string_view::npos) return fail("the HTTP headers end early");
  std::string_view head = block.substr(0, end), body = block.substr(end);

  HttpResponse response;
  std::optional<int> status = StatusCode(FirstLine(head));
  if (!status) return fail("bad HTTP status line: " + std::string(Trim(FirstLine(head))));
  response.status = *status;
  std::string transfer_encoding, content_encoding;  // repeated fields make one list (RFC 9110)
  for (HeaderField& f : HeaderFields(head)) {
    if (SameName(f.name, "Content-Type")) {
      SplitContentType(f.value, &response);
    } else if (SameName(f.name, "Transfer-Encoding")) {
      transfer_encoding += (transfer_encoding.empty() ? "" : ", ") + AsciiLower(f.value);
    } else if (SameName(f.name, "Content-Encoding")) {
      content_encoding += (content_encoding.empty() ? "" : ", ") + f.value;
    }
  }

  std::string dechunked;
  if (transfer_encoding.find("chunked") != std::string::npos && ChunkSize(FirstLine(body))) {
    std::string why;
    if (!Dechunk(body, &dechunked, &why)) return fail(why);
    body = dechunked;
  }
  // A body stored already inflated under its original "gzip" header.
  std::string coding = AsciiLower(Trim(content_encoding));
  if ((coding == "gzip" || coding == "x-gzip") && !LooksGzip(body)) content_encoding.clear();
  InflateResult inflated = InflateHttpBody(body, content_encoding, max_body_bytes);
  if (inflated.error) return fail("HTTP body: " + *inflated.error);
  response.body = std::move(inflated.bytes);
  return response;
}

}  // namespace vnie
