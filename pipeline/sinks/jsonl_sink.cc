#include "pipeline/sinks/jsonl_sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/sinks/temp_output.h"

namespace vnie {

std::string RecordLine(const Document& doc, const RecordOptions& options) {
  std::string line = RecordJson(doc, options);
  line.push_back('\n');
  return line;
}

JsonlSink::JsonlSink(std::string path, RecordOptions options)
    : path_(std::move(path)), options_(options) {
  if (path_ == "-") {
    out_ = stdout;
    return;
  }
  temp_path_ = TempOutputPath(path_);
  out_ = std::fopen(temp_path_.c_str(), "wb");
  if (out_ == nullptr) {
    throw SinkError("cannot write " + temp_path_ + ": " + std::strerror(errno) +
                    " (check that the folder exists and is writable)");
  }
}

JsonlSink::~JsonlSink() {
  if (out_ != nullptr && out_ != stdout) {
    std::fclose(out_);
    // Not finished: an error or a crash; leave any previous output in place.
    if (!finished_) std::remove(temp_path_.c_str());
  }
}

void JsonlSink::Write(const Document& doc) {
  std::string line = RecordLine(doc, options_);
  // Whole lines only on stdout: downstream filters see each record at once.
  // A failed flush (a full disk behind a redirect, a closed pipe with
  // SIGPIPE ignored) is an output error like any other.
  if (std::fwrite(line.data(), 1, line.size(), out_) != line.size() || (out_ == stdout && std::fflush(out_) != 0)) {
    throw SinkError("cannot write to " + Name() + ": " + std::strerror(errno));
  }
}

std::string JsonlSink::Name() const { return out_ == stdout ? "stdout" : path_; }

void JsonlSink::Finish() {
  // ferror: a write that failed inside an earlier buffered fwrite or flush
  // leaves nothing for the last flush to fail on.
  if (out_ == stdout) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      throw SinkError(std::string("cannot write to stdout: ") + std::strerror(errno));
    }
    return;
  }
  bool ok = std::fflush(out_) == 0 && !std::ferror(out_) && ::fsync(::fileno(out_)) == 0;
  int error = errno;
  if (std::fclose(out_) != 0 && ok) {
    ok = false;
    error = errno;
  }
  out_ = nullptr;
  if (!ok) {
    std::remove(temp_path_.c_str());
    throw SinkError("cannot write " + temp_path_ + ": " + std::strerror(error));
  }
  std::error_code ec;
  std::filesystem::rename(temp_path_, path_, ec);
  if (ec) throw SinkError("cannot move " + temp_path_ + " to " + path_ + ": " + ec.message());
  finished_ = true;
}

std::unique_ptr<Sink> MakeJsonlSink(const std::string& target, const SinkOptions& options) {
  return std::make_unique<JsonlSink>(target, options.record);
}

}  // namespace vnie
