// The articles of a web archive: one Document per HTML page a WARC file
// holds (a response record with status 200 and an HTML body).
//
//   WarcDocuments archive(file, kMaxRecordBytes);
//   Document doc;
//   while (archive.Next(&doc)) ...   // doc.raw: the page; doc.source.url, .offset
//   archive.skipped()                // requests, metadata, images, redirects...
//
// Each page's doc_id is the hash of its body, so the same page in two
// archives is one document; source.path is the archive, source.url the
// record's WARC-Target-URI, source.offset where the record starts.  WARC-Date
// is the page's date only when neither its markup nor its text gives one.  A
// damaged archive gives the pages before the damage, then one rejected
// Document whose reason names the offset.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/sources/folder_source.h"

namespace vnie {

class WarcReader;

class WarcDocuments {
 public:
  WarcDocuments(const SourceFile& file, size_t max_record_bytes);
  ~WarcDocuments();
  WarcDocuments(const WarcDocuments&) = delete;
  WarcDocuments& operator=(const WarcDocuments&) = delete;

  // Sets *DOC to the next page (or to the rejected record of the damage) and
  // returns true; false once the archive is done.
  bool Next(Document* doc);

  // Records that were not pages: other record types, other media types,
  // statuses other than 200, blocks over the size limit.
  uint64_t skipped() const { return skipped_; }

 private:
  SourceFile file_;
  size_t max_record_bytes_;
  std::unique_ptr<WarcReader> reader_;
  bool done_ = false;
  uint64_t skipped_ = 0;
};

// True when PATH names a WARC file (.warc, .warc.gz) or its first bytes are
// a WARC record's, plain or gzip-compressed.
bool IsWarcFile(const std::string& path);

}  // namespace vnie
