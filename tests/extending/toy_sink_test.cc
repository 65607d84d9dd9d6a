// The sink checklist of docs/extending.md: a toy sink of the test's own
// receives every record of a batch, in input order, then Finish(); once
// registered from this file it is chosen by its target form, by --format and
// for its state store, through the registry `vnie run` reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "app/builtin.h"
#include "app/cli/commands.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_registry.h"
#include "pipeline/stage.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::ReadFile;
using testing_paths::WriteFile;

// Keeps each record's source path and date values, as a sink for a
// downstream store would keep rows.
class ListSink : public Sink {
 public:
  void Write(const Document& doc) override {
    std::string row = doc.source.path + ":";
    for (const auto& d : doc.dates) {
      row += ' ';
      row += d.value.value_or("null");
    }
    if (doc.rejected) row += " rejected";
    rows.push_back(row);
  }
  void Finish() override { finished = true; }

  std::vector<std::string> rows;
  bool finished = false;
};

TEST(ExtendingSink, ReceivesEveryRecordInOrderThenFinish) {
  TempDir dir;
  WriteFile(dir / "a.txt", "Ha Noi, 2/7/2024 - The fair opened on 5 March 2023.\n");
  WriteFile(dir / "b.txt", "");
  WriteFile(dir / "c.txt", "Hội chợ mở cửa ngày 12 tháng Bẩy năm 2023.\n");
  std::vector<SourceFile> files = {{dir / "a.txt", dir.path().string()},
                                   {dir / "b.txt", dir.path().string()},
                                   {dir / "c.txt", dir.path().string()}};
  std::string error;
  auto chain = BuiltinStages().Build({"decode", "normalize", "metadata", "segment", "dates"}, PipelineOptions{},
                                     &error);
  ASSERT_TRUE(chain) << error;

  ListSink sink;
  BatchStats stats = RunBatch(files, *chain, sink);

  EXPECT_TRUE(sink.finished);
  EXPECT_EQ(stats.documents, 3u);
  EXPECT_EQ(stats.rejected, 1u);
  ASSERT_EQ(sink.rows.size(), 3u);
  EXPECT_NE(sink.rows[0].find("2023-03-05"), std::string::npos) << sink.rows[0];
  EXPECT_NE(sink.rows[1].find("rejected"), std::string::npos) << sink.rows[1];
  EXPECT_NE(sink.rows[2].find("2023-07-12"), std::string::npos) << sink.rows[2];
}

// A *.rows file: one line per record, its source file's name, written by
// Finish().
class RowsFileSink : public Sink {
 public:
  explicit RowsFileSink(std::string path) : path_(std::move(path)) {}
  void Write(const Document& doc) override {
    rows_ += std::filesystem::path(doc.source.path).filename().string() + "\n";
  }
  void Finish() override { std::ofstream(path_, std::ios::binary) << rows_; }

 private:
  std::string path_;
  std::string rows_;
};

// The whole of adding a sink, from outside vnie's sources: its registration.
SinkRegistry SinksWithRows() {
  SinkRegistry sinks = BuiltinSinks();
  sinks.Register({"rows", {".rows"}, "a list of source files", "vnie.rows", true,
                  [](const std::string& target, const SinkOptions&) { return std::make_unique<RowsFileSink>(target); }});
  return sinks;
}

TEST(ExtendingSink, RegisteredSinkIsChosenByItsTargetForm) {
  SinkRegistry sinks = SinksWithRows();
  std::string error;
  const SinkInfo* info = sinks.Choose("out.rows", "", &error);
  ASSERT_NE(info, nullptr) << error;
  EXPECT_EQ(info->name, "rows");
  ASSERT_NE(sinks.Choose("out.txt", "rows", &error), nullptr) << error;
  EXPECT_EQ(sinks.Choose("out.txt", "rows", &error)->name, "rows");
  // The built-in forms are as before.
  EXPECT_EQ(sinks.Choose("out.db", "", &error)->name, "sqlite");
  EXPECT_EQ(sinks.Choose("-", "", &error)->name, "jsonl");
  EXPECT_EQ(sinks.Choose("out.csv/", "", &error)->name, "csv");
  EXPECT_EQ(sinks.Choose("postgres://db/news", "jsonl", &error)->name, "postgresql");
  EXPECT_EQ(sinks.Choose("out.txt", "", &error), nullptr);
  EXPECT_NE(error.find("*.rows (a list of source files)"), std::string::npos) << error;
  EXPECT_NE(sinks.TargetHelp().find("*.rows"), std::string::npos);
  EXPECT_NE(sinks.FormatHelp().find("rows"), std::string::npos);
  EXPECT_EQ(sinks.DefaultTarget("rows"), "vnie.rows");
  EXPECT_EQ(sinks.DefaultTarget(""), "vnie.db");
}

TEST(ExtendingSink, RunWritesToARegisteredSinkWithItsStateStore) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  WriteFile(dir / "in/a.txt", "Ha Noi, 2/7/2024 - The fair opened on 5 March 2023.\n");
  WriteFile(dir / "in/b.txt", "Hội chợ mở cửa ngày 12 tháng Bẩy năm 2023.\n");
  CommonOptions common;
  RunOptions run;
  run.paths = {dir / "in"};
  run.out = dir / "out.rows";
  run.jobs = 1;
  ASSERT_EQ(RunCommand(common, run, SinksWithRows()), kExitOk);
  EXPECT_EQ(ReadFile(dir / "out.rows"), "a.txt\nb.txt\n");
  // The sink keeps a state store by default, as SQLite does.
  EXPECT_TRUE(std::filesystem::exists(dir / "out.rows.state"));
}

}  // namespace
}  // namespace vnie
