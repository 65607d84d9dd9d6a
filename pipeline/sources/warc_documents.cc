#include "pipeline/sources/warc_documents.h"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "pipeline/html/html_sniff.h"
#include "pipeline/html/page_metadata.h"
#include "pipeline/sources/warc_reader.h"

namespace vnie {

WarcDocuments::WarcDocuments(const SourceFile& file, size_t max_record_bytes)
    : file_(file), max_record_bytes_(max_record_bytes),
      reader_(std::make_unique<WarcReader>(file.path, max_record_bytes)) {}

WarcDocuments::~WarcDocuments() = default;

bool WarcDocuments::Next(Document* doc) {
  if (done_) return false;
  WarcRecord record;
  while (reader_->Next(&record)) {
    const bool response = record.type == "response";
    if ((!response && record.type != "resource") || record.block_skipped) {
      if (record.block_skipped) {
        spdlog::warn("{}: WARC record at byte {} ({}) is {} bytes, over the limit of {}; skipped", PathText(file_.path),
                     record.offset, record.target_uri, record.block_size, max_record_bytes_);
      }
      ++skipped_;
      continue;
    }
    std::string body;
    bool html = false;
    if (response) {
      std::string error;
      auto http = ParseHttpResponse(record.block, max_record_bytes_, &error);
      if (!http) {
        spdlog::warn("{}: WARC record at byte {} ({}): {}; skipped", PathText(file_.path), record.offset, record.target_uri,
                     error);
        ++skipped_;
        continue;
      }
      if (http->status != 200) {
        ++skipped_;
        continue;
      }
      html = http->content_type == "text/html" || http->content_type == "application/xhtml+xml" ||
             (http->content_type.empty() && LooksHtml(http->body));
      body = std::move(http->body);
    } else {
      // A resource record holds the page itself, typed by the WARC header.
      html = record.content_type.starts_with("text/html") ||
             record.content_type.starts_with("application/xhtml+xml");
      body = std::move(record.block);
    }
    if (!html || body.empty()) {
      ++skipped_;
      continue;
    }
    *doc = Document{};
    doc->raw = std::move(body);
    doc->is_html = true;
    doc->source.path = PathText(file_.path);
    doc->source.bytes = doc->raw.size();
    if (!record.target_uri.empty()) doc->source.url = record.target_uri;
    doc->source.offset = record.offset;
    doc->doc_id = ContentId(doc->raw);
    doc->published_fallback = SpecDateOf(record.date);
    return true;
  }
  done_ = true;
  if (!reader_->error()) return false;
  *doc = Document{};
  doc->source.path = PathText(file_.path);
  doc->rejected = *reader_->error();
  doc->doc_id = ContentId(file_.path + ": " + *doc->rejected);
  return true;
}

bool IsWarcFile(const std::string& path) {
  if (IsWarcPath(path)) return true;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[512];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  return LooksWarc(std::string_view(buf, n));
}

}  // namespace vnie
