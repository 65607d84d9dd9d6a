// --metrics-file: written on every exit path, whole or not at all.
#include <gtest/gtest.h>

#include <string>

#include "batch/batch_helpers.h"
#include "test_paths.h"

namespace vnie {
namespace {

using batch_testing::MakeArticles;
using batch_testing::Shell;
using testing_paths::ReadFile;
using testing_paths::RunVnie;
using testing_paths::TempDir;
using testing_paths::VnieBinary;

std::string Metric(const std::string& metrics, const std::string& name) {
  size_t at = metrics.find("\n" + name + " ");
  if (at == std::string::npos) return "(none)";
  size_t value = at + name.size() + 2;
  return metrics.substr(value, metrics.find('\n', value) - value);
}

TEST(Metrics, ARunThatFailsAtStartSaysSoAndKeepsTheLastSuccessTime) {
  TempDir dir;
  MakeArticles(dir / "in", 3);
  std::string prom = dir / "vnie.prom";
  auto r = RunVnie("run " + (dir / "in") + " --out " + (dir / "o.jsonl") + " --metrics-file " + prom);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string good = ReadFile(prom);
  ASSERT_EQ(Metric(good, "vnie_last_run_success"), "1") << good;
  std::string last_success = Metric(good, "vnie_last_success_timestamp_seconds");

  const std::string failures[] = {
      "run " + (dir / "in") + " --out /no/such/folder/o.jsonl",         // the target cannot be written: 3
      "run " + (dir / "in") + " --out " + (dir / "o.jsonl") + " --state /no/such/folder/s.state",  // 3
      "run " + (dir / "missing") + " --out " + (dir / "o.jsonl"),      // no input: 2
      "run " + (dir / "in") + " --out " + (dir / "o.jsonl") + " --shard 5/2",  // bad usage: 2
      "run " + (dir / "in") + " --out " + (dir / "o.jsonl") + " --stages decode,sentiment",  // 2
  };
  for (const std::string& args : failures) {
    r = RunVnie(args + " --metrics-file " + prom);
    EXPECT_TRUE(r.status == 2 || r.status == 3) << args << "\n" << r.err;
    std::string m = ReadFile(prom);
    EXPECT_EQ(Metric(m, "vnie_last_run_success"), "0") << args << "\n" << m;
    EXPECT_EQ(Metric(m, "vnie_last_success_timestamp_seconds"), last_success) << args;
  }
}

TEST(Metrics, AMetricsFileThatCannotBeWrittenLeavesTheOldOneAndSaysSo) {
  TempDir dir;
  MakeArticles(dir / "in", 3);
  std::string prom = dir / "vnie.prom";
  auto r = RunVnie("run " + (dir / "in") + " --out - --metrics-file " + prom);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string before = ReadFile(prom);
  ASSERT_NE(before.find("vnie_last_run_success 1"), std::string::npos);
  // A file size limit below the metrics' size stands in for a full disk;
  // the records go to stdout, which the limit does not touch.
  int status = Shell("(trap '' XFSZ; ulimit -f 1; exec " + VnieBinary() + " run " + (dir / "in") +
                     " --out - --metrics-file " + prom + " >/dev/null) 2>&1 | cat >" + (dir / "err"));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(ReadFile(prom), before);
  std::string err = ReadFile(dir / "err");
  EXPECT_NE(err.find("--metrics-file"), std::string::npos) << err;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace vnie
