#include "pipeline/sinks/csv_sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/sinks/tables.h"
#include "pipeline/sinks/temp_output.h"

namespace fs = std::filesystem;

namespace vnie {

namespace {

// A number such as "-12" or "-0.5": a spreadsheet reads it as the number it is.
bool IsPlainNumber(std::string_view s) {
  size_t i = s.starts_with('-') ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') ++digits;
    else if (s[i] == '.' && dots++ == 0) continue;
    else return false;
  }
  return digits > 0;
}

}  // namespace

std::string CsvField(std::string_view raw) {
  // A cell that starts like a formula (= + - @, or a tab or carriage return
  // before one) would be run by a spreadsheet that opens the file: a leading
  // apostrophe makes it text.  Plain numbers are left alone.
  std::string neutralised;
  std::string_view field = raw;
  if (!raw.empty() && std::string_view("=+-@\t\r").find(raw[0]) != std::string_view::npos && !IsPlainNumber(raw)) {
    neutralised = "'";
    neutralised += raw;
    field = neutralised;
  }
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

namespace {
std::string CsvLine(const Row& row) {
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) line.push_back(',');
    if (row[i]) line += CsvField(*row[i]);
  }
  line += "\r\n";
  return line;
}
}  // namespace

CsvSink::CsvSink(std::string dir) : dir_(std::move(dir)) {
  temp_dir_ = TempOutputPath(dir_);
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  if (!fs::create_directory(temp_dir_, ec) || ec) {
    throw SinkError("cannot create " + temp_dir_ + ": " + (ec ? ec.message() : "exists") +
                    " (check that the folder exists and is writable)");
  }
  const auto& tables = OutputTables();
  for (size_t t = 0; t < tables.size(); ++t) {
    std::string path = temp_dir_ + "/" + std::string(tables[t].name) + ".csv";
    files_[t] = std::fopen(path.c_str(), "wb");
    if (files_[t] == nullptr) throw SinkError("cannot write " + path + ": " + std::strerror(errno));
    Row header;
    for (auto c : tables[t].columns) header.emplace_back(std::string(c));
    std::string line = CsvLine(header);
    std::fwrite(line.data(), 1, line.size(), files_[t]);
  }
}

CsvSink::~CsvSink() {
  for (auto*& f : files_) {
    if (f) std::fclose(f);
    f = nullptr;
  }
  if (!finished_) {
    std::error_code ec;
    fs::remove_all(temp_dir_, ec);
  }
}

void CsvSink::Write(const Document& doc) {
  auto rows = TableRows(doc);
  for (size_t t = 0; t < rows.size(); ++t) {
    std::string chunk;
    for (const Row& row : rows[t]) chunk += CsvLine(row);
    if (!chunk.empty() && std::fwrite(chunk.data(), 1, chunk.size(), files_[t]) != chunk.size()) {
      throw SinkError("cannot write to " + temp_dir_ + ": " + std::strerror(errno));
    }
  }
}

void CsvSink::Finish() {
  for (auto*& f : files_) {
    // ferror: the header line's write, or a buffered one, may have failed
    // before the last flush.
    bool ok = std::fflush(f) == 0 && !std::ferror(f) && ::fsync(::fileno(f)) == 0;
    ok = (std::fclose(f) == 0) && ok;
    f = nullptr;
    if (!ok) throw SinkError("cannot write " + temp_dir_ + ": " + std::strerror(errno));
  }
  std::error_code ec;
  std::string old = dir_ + ".old." + std::to_string(::getpid());
  if (fs::exists(dir_, ec)) {
    fs::rename(dir_, old, ec);
    if (ec) throw SinkError("cannot move " + dir_ + " aside: " + ec.message());
  }
  fs::rename(temp_dir_, dir_, ec);
  if (ec) throw SinkError("cannot move " + temp_dir_ + " to " + dir_ + ": " + ec.message());
  fs::remove_all(old, ec);
  finished_ = true;
}

std::unique_ptr<Sink> MakeCsvSink(const std::string& target, const SinkOptions&) {
  std::string dir = target;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return std::make_unique<CsvSink>(dir);
}

}  // namespace vnie
