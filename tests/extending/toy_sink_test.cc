// The sink checklist of docs/extending.md, the part a test can follow
// without wiring `vnie run --out`: a toy sink of the test's own receives
// every record of a batch, in input order, then Finish().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/runner.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/stage.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
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

}  // namespace
}  // namespace vnie
