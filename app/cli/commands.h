// The `vnie` subcommands.  Each returns the process exit status (SPEC.md §2):
// 0 every document done, 1 some rejected, 2 bad usage or configuration,
// 3 fatal (the output could not be written).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/sinks/sink_registry.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/stage.h"

namespace vnie {

enum ExitStatus : int { kExitOk = 0, kExitRejected = 1, kExitUsage = 2, kExitFatal = 3 };

struct CommonOptions {
  std::string stages;  // comma-separated stage names; "" for the full chain
  PipelineOptions pipeline;
  uint64_t max_bytes = kDefaultMaxBytes;  // --max-bytes: bigger documents are rejected unread
};

struct RunOptions {
  std::vector<std::string> paths;
  std::string out;     // "" = the default sink's default target (vnie.db), or --format's
  std::string format;  // a sink name (sqlite, csv, jsonl); "" = by the form of out
  std::string state;   // state store path; "" = OUT.state for SQLite, none otherwise
  bool reprocess = false;
  int64_t settle_seconds = 0;  // interactive runs take files at once; cron-ingest passes 10
  int jobs = 0;        // 0 = the core count
  std::string quarantine;
  bool wait = false;
  std::string metrics_file;
  std::string pg_schema;  // --pg-schema: schema for a postgresql:// --out
  std::string shard;      // --shard K/N: take only this share of the files ("" for all)
  bool follow_symlinks = false;  // follow links to files outside the folders walked
};

// SINKS picks the sink for --out (BuiltinSinks() for the command).
int RunCommand(const CommonOptions& common, const RunOptions& options, const SinkRegistry& sinks);
int ExtractCommand(const CommonOptions& common);
int NormalizeCommand(const CommonOptions& common, const std::string& file, bool fold);

// Builds the chain named by COMMON.stages (default: every built-in stage).
// Logs and returns nullptr on an unknown name.
std::unique_ptr<StageChain> BuildChain(const CommonOptions& common);

// Sets up spdlog on stderr: LEVEL is trace|debug|info|warn|error|off, FORMAT
// is text|json.  Returns false (after printing why) on an unknown value.
bool ConfigureLogging(const std::string& level, const std::string& format);

}  // namespace vnie
