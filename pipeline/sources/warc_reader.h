// Reading web archives (WARC 1.0 and 1.1, ISO 28500) record by record, and
// the HTTP responses they hold.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnie {

struct WarcRecord {
  // Where the record starts in the file, as CDX indexes give it: in a
  // .warc.gz, the byte offset of the gzip member that holds the record's
  // first byte (0 for every record of a file compressed as one stream); in a
  // plain .warc, the byte offset of its "WARC/".
  uint64_t offset = 0;
  std::string type;          // WARC-Type: response, request, warcinfo, resource, revisit...
  std::string target_uri;    // WARC-Target-URI, without the <> some writers add
  std::string date;          // WARC-Date as written
  std::string content_type;  // the WARC header's: "application/http; msgtype=response", ...
  uint64_t block_size = 0;   // Content-Length: the block's size as declared
  // True when block_size passed the reader's max_record_bytes: the block was
  // read past (never held in memory) and `block` is empty.  The headers above
  // are still right, so the caller can report the record by offset and URI.
  bool block_skipped = false;
  std::string block;         // the block's bytes (for a response: HTTP headers and body)
};

// Streams the records of a WARC file, plain or gzip-compressed (told from the
// file's first bytes, not its name): one gzip member per record as the WARC
// standard recommends, several records per member, or the whole file as one
// stream.  The file is read CHUNK_BYTES at a time, so memory is one chunk
// plus the current record's header and block, never the archive.
//
// Header names are case-insensitive; lines may end in CRLF or a bare LF;
// blank lines between records are skipped.  A damaged archive gives every
// record before the damage; then Next() returns false and error() names the
// offset (the offset of the record being read, as above) and what went
// wrong: "WARC record at byte 12345: gzip data ends early", "...: no WARC
// header", "...: Content-Length missing", "...: the block ends early (80 of
// 1200 bytes)", "...: not gzip data".
class WarcReader {
 public:
  WarcReader(const std::string& path, size_t max_record_bytes, size_t chunk_bytes = 64 * 1024);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Sets *RECORD to the next record and returns true; false at the end of
  // the archive or at damage (then error() is set).
  bool Next(WarcRecord* record);

  // Set once Next() returned false because of damage or a read error.
  const std::optional<std::string>& error() const { return error_; }

 private:
  // Appends the next inflated (or plain) bytes to buf_.  False at the end of
  // the input or on an error, kept in stream_error_.
  bool ReadMore();
  // Makes N bytes available at pos_ unless the input ends first.
  bool Have(size_t n);
  // The file offset that a record starting at stream position POS gets.
  uint64_t OffsetAt(uint64_t pos) const;
  bool Fail(uint64_t offset, const std::string& what);

  std::FILE* file_ = nullptr;
  size_t max_record_bytes_;
  size_t chunk_bytes_;
  bool gzip_ = false;
  z_stream zs_{};
  bool zs_open_ = false;     // inflateInit2 succeeded
  bool in_member_ = false;   // inside a gzip member (its end not reached yet)
  std::string in_;           // compressed bytes read and not yet inflated
  size_t in_pos_ = 0;
  uint64_t in_offset_ = 0;   // file offset of in_[0]
  std::string buf_;          // the inflated stream, from stream position base_
  size_t pos_ = 0;           // the reader's place in buf_
  uint64_t base_ = 0;
  // (stream position, file offset) of each gzip member's start; those wholly
  // behind the reader are dropped.
  std::vector<std::pair<uint64_t, uint64_t>> members_;
  bool eof_ = false;
  bool done_ = false;
  std::string stream_error_;
  std::optional<std::string> error_;
};

// True for a name ending in .warc or .warc.gz, in any case.
bool IsWarcPath(std::string_view path);

// True when FIRST_BYTES starts "WARC/1.", plainly or as the start of what a
// gzip member inflates to.  A few hundred bytes of the file are enough.
bool LooksWarc(std::string_view first_bytes);

struct HttpResponse {
  int status = 0;            // 200, 404, ...
  std::string content_type;  // the media type, lowercased, without parameters: "text/html"
  std::string charset;       // the Content-Type charset parameter as written, unquoted; "" if none
  std::string body;          // de-chunked and inflated
};

// Parses an HTTP/1.x response as a WARC response record's block holds it:
// status line, headers (case-insensitive names, CRLF or LF), body.  The body
// is de-chunked (Transfer-Encoding: chunked) and inflated (Content-Encoding,
// through InflateHttpBody).  Some writers store a body already decoded while
// keeping the original headers, so a body that does not start like a chunk
// size (chunked) or a gzip member (gzip) is taken as it stands.  Returns
// nullopt with *ERROR set when the block is not an HTTP response, a chunk is
// cut short, or the body cannot be inflated or passes MAX_BODY_BYTES.
std::optional<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes,
                                              std::string* error);

}  // namespace vnie
