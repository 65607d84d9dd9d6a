// JSON Lines sink: one SPEC.md §3 record per line.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_registry.h"

namespace vnie {

// Writes to PATH, or to stdout when PATH is "-".  A file is written under a
// temporary name beside it and renamed into place by Finish(), so a reader
// never sees a half-written file and a killed run leaves the old one intact.
class JsonlSink : public Sink {
 public:
  JsonlSink(std::string path, RecordOptions options);
  ~JsonlSink() override;
  void Write(const Document& doc) override;
  void Finish() override;

 private:
  std::string Name() const;  // for messages: "stdout" or the target

  std::string path_;
  std::string temp_path_;
  RecordOptions options_;
  std::FILE* out_ = nullptr;
  bool finished_ = false;
};

// One record as a JSON line (with its '\n').  Invalid UTF-8 in any string is
// replaced, never thrown.
std::string RecordLine(const Document& doc, const RecordOptions& options);

// The sink for a *.jsonl TARGET or "-", for the registry.
std::unique_ptr<Sink> MakeJsonlSink(const std::string& target, const SinkOptions& options);

}  // namespace vnie
