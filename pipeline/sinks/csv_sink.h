// CSV sink: a folder (TARGET, e.g. out.csv/) holding one file per output
// table (documents.csv, dates.csv, money.csv, officials.csv,
// official_mentions.csv) with the SQLite tables' columns and a header line.
// RFC 4180: fields quoted when they hold a comma, quote, CR or LF, quotes
// doubled, lines ended by CRLF; UTF-8 without a byte order mark; NULL is an
// empty field.  The files are written in a temporary folder beside TARGET and
// moved into place by Finish(), so a killed run leaves the previous folder.
#pragma once

#include <cstdio>
#include <string>

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_registry.h"

namespace vnie {

class CsvSink : public Sink {
 public:
  explicit CsvSink(std::string dir);
  ~CsvSink() override;
  void Write(const Document& doc) override;
  void Finish() override;

 private:
  std::string dir_;
  std::string temp_dir_;
  std::FILE* files_[5] = {};
  bool finished_ = false;
};

// FIELD quoted for CSV when it needs to be (RFC 4180), with an apostrophe
// before a leading = + - @ (or tab, carriage return) unless it is a plain
// number, so that spreadsheets do not run it as a formula.
std::string CsvField(std::string_view field);

// The sink for a *.csv TARGET (trailing slashes dropped), for the registry.
std::unique_ptr<Sink> MakeCsvSink(const std::string& target, const SinkOptions& options);

}  // namespace vnie
