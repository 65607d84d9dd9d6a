#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/record.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::ReadFile;
using testing_paths::TempDir;

Document SampleDocument() {
  Document doc;
  doc.doc_id = "0123456789abcdef0123456789abcdef";
  doc.source.path = "corpus/articles/a.txt";
  doc.source.bytes = 42;
  doc.encoding = "UTF-8";
  doc.lang = "vi";
  doc.title = "Tiêu đề";
  doc.text = "Ngày 2/7, Bộ trưởng Diên";
  DateMention d;
  d.span = {"2/7", 5, 8};
  d.value = "2024-07-02";
  d.grain = "day";
  doc.dates.push_back(d);
  MoneyMention m;
  m.span = {"gần 80 tỷ USD", 0, 13};
  m.amount = "80000000000";
  m.currency = "USD";
  m.qualifier = "about";
  doc.money.push_back(m);
  Official o;
  o.entity = 1;
  o.name = "Nguyễn Hồng Diên";
  o.name_key = "nguyen hong dien";
  o.title = "Minister";
  o.country = "VN";
  o.mentions.push_back({"Bộ trưởng Diên", 10, 24});
  doc.officials.push_back(o);
  return doc;
}

TEST(Record, FollowsTheSpecShapeAndOrder) {
  auto r = ToRecord(SampleDocument(), RecordOptions{});
  std::vector<std::string> keys;
  for (const auto& [k, v] : r.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "doc_id", "source", "encoding", "lang", "title", "published",
                                            "dates", "money", "officials", "rejected"}));
  EXPECT_EQ(r["schema"], 1);
  EXPECT_EQ(r["source"]["bytes"], 42);
  EXPECT_TRUE(r["published"].is_null());
  EXPECT_EQ(r["dates"][0]["value"], "2024-07-02");
  EXPECT_EQ(r["dates"][0]["start"], 5);
  EXPECT_FALSE(r["dates"][0].contains("mod"));
  EXPECT_EQ(r["money"][0]["amount"], "80000000000");
  EXPECT_EQ(r["money"][0]["qualifier"], "about");
  EXPECT_TRUE(r["officials"][0]["organization"].is_null());
  EXPECT_EQ(r["officials"][0]["mentions"][0]["text"], "Bộ trưởng Diên");
  EXPECT_TRUE(r["rejected"].is_null());
}

TEST(Record, EmitTextAndRejection) {
  Document doc = SampleDocument();
  doc.rejected = "decode: binary file";
  auto r = ToRecord(doc, RecordOptions{.emit_text = true});
  EXPECT_EQ(r["text"], doc.text);
  EXPECT_EQ(r["rejected"]["reason"], "decode: binary file");
}

TEST(JsonlSink, WritesWholeFileOnlyAtFinish) {
  TempDir dir;
  std::string path = dir / "out.jsonl";
  {
    JsonlSink sink(path, RecordOptions{});
    sink.Write(SampleDocument());
    EXPECT_FALSE(std::filesystem::exists(path)) << "visible before Finish";
    sink.Write(SampleDocument());
    sink.Finish();
  }
  std::string content = ReadFile(path);
  ASSERT_EQ(std::count(content.begin(), content.end(), '\n'), 2);
  auto first = nlohmann::json::parse(content.substr(0, content.find('\n')));
  EXPECT_EQ(first["officials"][0]["name"], "Nguyễn Hồng Diên");
}

TEST(JsonlSink, AbandonedRunLeavesPreviousOutput) {
  TempDir dir;
  std::string path = dir / "out.jsonl";
  testing_paths::WriteFile(path, "old\n");
  {
    JsonlSink sink(path, RecordOptions{});
    sink.Write(SampleDocument());
  }
  EXPECT_EQ(ReadFile(path), "old\n");
  size_t files = std::distance(std::filesystem::directory_iterator(dir.path()), {});
  EXPECT_EQ(files, 1u) << "temporary file left behind";
}

TEST(JsonlSink, TemporaryOfAKilledRunIsRemovedOthersKept) {
  TempDir dir;
  std::string path = dir / "out.jsonl";
  // A process that has ended: a child that exits at once, reaped.
  pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  ASSERT_GT(gone, 0);
  ::waitpid(gone, nullptr, 0);
  std::string stale = path + ".tmp." + std::to_string(gone);
  std::string running = path + ".tmp." + std::to_string(::getppid());
  std::string other = dir / "other.jsonl.tmp.1";
  for (const auto& f : {stale, running, other}) testing_paths::WriteFile(f, "half a line");
  {
    JsonlSink sink(path, RecordOptions{});
    sink.Write(SampleDocument());
    sink.Finish();
  }
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(running)) << "a running process's temporary was removed";
  EXPECT_TRUE(std::filesystem::exists(other)) << "another target's temporary was removed";
}

TEST(JsonlSink, UnwritableTargetIsASinkError) {
  EXPECT_THROW(JsonlSink("/nonexistent-folder/out.jsonl", RecordOptions{}), SinkError);
}

TEST(JsonlSink, InvalidUtf8InPathIsReplacedNotThrown) {
  Document doc = SampleDocument();
  doc.source.path = "bad\xff.txt";
  std::string line = RecordLine(doc, RecordOptions{});
  EXPECT_NE(line.find("bad\xEF\xBF\xBD.txt"), std::string::npos);
}

}  // namespace
}  // namespace vnie
