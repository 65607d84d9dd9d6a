// Output that cannot be written, whatever the sink: the run ends with exit
// status 3 and the state store learns of none of its files, so the next run
// processes them again.
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

constexpr int kFiles = 200;  // records well past a pipe's buffer with --emit-text

class OutputErrors : public ::testing::Test {
 protected:
  void SetUp() override { MakeArticles(dir_ / "in", kFiles); }

  // `vnie run in ARGS --state s.state --settle 0 --emit-text`, as a shell word list.
  std::string Run(const std::string& args) const {
    return VnieBinary() + " run " + (dir_ / "in") + " " + args + " --state " + (dir_ / "s.state") +
           " --settle 0 --emit-text";
  }

  // The state store holds none of the files: a run into a good target takes
  // every one of them as new.
  void ExpectStateUnmarked() const {
    auto r = RunVnie("run " + (dir_ / "in") + " --out " + (dir_ / "good.jsonl") + " --state " + (dir_ / "s.state") +
                     " --settle 0");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find(std::to_string(kFiles) + " new, 0 changed, 0 unchanged"), std::string::npos) << r.err;
  }

  TempDir dir_;
};

TEST_F(OutputErrors, StdoutOnAFullDeviceIsFatal) {
  EXPECT_EQ(Shell(Run("--out -") + " >/dev/full 2>" + (dir_ / "err")), 3);
  std::string err = ReadFile(dir_ / "err");
  EXPECT_NE(err.find("stdout"), std::string::npos) << err;
  EXPECT_EQ(err.find("written to"), std::string::npos) << err;
  ExpectStateUnmarked();
}

TEST_F(OutputErrors, BrokenPipeWithSigpipeIgnoredIsFatal) {
  // As under systemd, which ignores SIGPIPE: writes fail with EPIPE instead.
  EXPECT_EQ(Shell("trap '' PIPE; { " + Run("--out -") + " 2>" + (dir_ / "err") + "; echo $? >" + (dir_ / "rc") +
                  "; } | head -c 100 >/dev/null"),
            0);
  EXPECT_EQ(ReadFile(dir_ / "rc"), "3\n") << ReadFile(dir_ / "err");
  ExpectStateUnmarked();
}

TEST_F(OutputErrors, FileTargetsPastTheFileSizeLimitAreFatal) {
  // A file size limit stands in for a full disk (EFBIG instead of ENOSPC).
  // Each limit is below what the target needs and above what the state needs.
  for (auto [target, blocks] : {std::pair{"out.jsonl", 200}, {"out.csv", 20}, {"out.db", 200}}) {
    SCOPED_TRACE(target);
    EXPECT_EQ(Shell("trap '' XFSZ; ulimit -f " + std::to_string(blocks) + "; " + Run("--out " + (dir_ / target)) +
                    " 2>" + (dir_ / "err")),
              3)
        << ReadFile(dir_ / "err");
    ExpectStateUnmarked();
    std::filesystem::remove(dir_ / "s.state");
  }
}

}  // namespace
}  // namespace vnie
