// The `vnie` command: parses the command line and hands over to a subcommand.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/builtin.h"
#include "app/cli/commands.h"
#include "pipeline/version.h"

int main(int argc, char** argv) {
  using namespace vnie;
  // The help text is also the source of the man page vnie(1) (help2man at
  // build time), so the exit statuses and examples live here.
  CLI::App app{"vnie: extracts dates, monetary amounts and named officials from English and "
               "Vietnamese news articles into database records",
               "vnie"};
  app.footer(
      "Exit status:\n"
      "  0  every document done\n"
      "  1  some documents rejected (each logged, and written as a record with its reason)\n"
      "  2  bad usage or configuration\n"
      "  3  fatal: the output could not be written\n"
      "\n"
      "Examples:\n"
      "  vnie run articles/                      # into vnie.db (SQLite), incremental\n"
      "  vnie run articles/ crawl.warc.gz --out news.jsonl\n"
      "  vnie run /srv/landing --out postgresql://vnie@localhost/news --shard 0/4\n"
      "  vnie extract < articles.jsonl > records.jsonl\n"
      "  vnie normalize article.txt --fold\n"
      "\n"
      "Each command has its own options: vnie run --help, vnie extract --help, vnie normalize --help.");
  app.set_version_flag("--version", std::string("vnie ") + kVersion);
  app.require_subcommand(1);

  CommonOptions common;
  std::string log_level = "info", log_format = "text";
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--stages", common.stages,
                    "Comma-separated stages to run (default: decode,html,normalize,metadata,segment,dates,money,officials)");
    cmd->add_flag("--emit-text", common.pipeline.emit_text, "Add the normalized body text to each record");
    cmd->add_option("--encoding", common.pipeline.encoding, "Input encoding; skips detection (e.g. windows-1258, VISCII)");
    cmd->add_option("--max-bytes", common.max_bytes,
                    "Reject a document bigger than this unread (a file, a WARC record, an extract line); "
                    "a number of bytes or with a unit: 64MB, 1GB")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    cmd->add_option("--log-level", log_level, "trace, debug, info, warn, error or off")->capture_default_str();
    cmd->add_option("--log-format", log_format, "text or json")->capture_default_str();
  };

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Extract records from article files and folders");
  run_cmd->add_option("paths", run.paths, "Files and folders, walked recursively")->required();
  const SinkRegistry sinks = BuiltinSinks();
  run_cmd->add_option("--out,-o", run.out, "Target: " + sinks.TargetHelp());
  run_cmd->add_option("--format", run.format, "Sink format, overriding the target's form: " + sinks.FormatHelp())
      ->check(CLI::IsMember(sinks.FormatNames()));
  std::string stateful;
  for (const auto& s : sinks.sinks()) {
    if (s.keeps_state) stateful += (stateful.empty() ? "" : ", ") + s.name;
  }
  run_cmd->add_option("--state", run.state,
                      "State store of files seen (default: TARGET.state for a " + stateful +
                          " target; none for the other sinks)");
  run_cmd->add_flag("--reprocess", run.reprocess, "Process every file, even those recorded unchanged");
  run_cmd->add_option("--settle", run.settle_seconds,
                      "With a state store: leave files modified less than SECONDS ago for the next run "
                      "(scripts/cron-ingest passes 10)")
      ->capture_default_str()
      ->take_last()
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_option("--jobs,-j", run.jobs, "Documents processed in parallel (default: the core count)")
      ->take_last()
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_option("--quarantine", run.quarantine, "Copy rejected files here, each with a .reason file");
  run_cmd->add_flag("--wait", run.wait, "Wait for another run on the same state instead of exiting");
  run_cmd->add_option("--metrics-file", run.metrics_file, "Write Prometheus text-format metrics here at the end");
  run_cmd->add_option("--pg-schema", run.pg_schema, "PostgreSQL schema for a postgresql:// --out (default: vnie)");
  run_cmd->add_option("--shard", run.shard, "K/N: take only shard K (0 to N-1) of N, by a hash of each file's path");
  run_cmd->add_flag("--follow-symlinks", run.follow_symlinks,
                    "Follow links to files outside the folders walked (by default they are left out, with a warning)");
  add_common(run_cmd);

  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Read JSON Lines articles on stdin ({\"id\",\"text\",\"published\",\"lang\",\"title\"}), "
                 "write one record per line to stdout in input order");
  add_common(extract_cmd);

  std::string normalize_file;
  bool fold = false;
  CLI::App* normalize_cmd = app.add_subcommand("normalize", "Print the normalized text of FILE (or stdin)");
  normalize_cmd->add_option("file", normalize_file, "Article file; stdin when absent or '-'");
  normalize_cmd->add_flag("--fold", fold, "Print the ASCII key form instead");
  add_common(normalize_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!ConfigureLogging(log_level, log_format)) return kExitUsage;

  if (*run_cmd) return RunCommand(common, run, sinks);
  if (*extract_cmd) return ExtractCommand(common);
  if (*normalize_cmd) return NormalizeCommand(common, normalize_file, fold);
  return kExitUsage;
}
