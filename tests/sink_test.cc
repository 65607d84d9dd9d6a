#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pipeline/sinks/json_writer.h"
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

// The record line is written without a JSON tree; it must read as the tree
// nlohmann::json would have written, every optional key included.
TEST(Record, LineIsWhatTheJsonTreeDumps) {
  Document doc = SampleDocument();
  doc.source.url = "https://example.org/a?x=\"1\"";
  doc.source.offset = 18446744073709551615ULL;
  doc.published = "2024-07-01";
  doc.dates[0].mod = "early";
  DateMention relative;
  relative.span = {"tuần trước", 30, 40};
  relative.grain = "day";
  relative.relative = "tuần trước";
  doc.dates.push_back(relative);
  doc.money[0].amount_min = "1";
  doc.money[0].amount_max = "2";
  doc.officials[0].organization = "Ministry of Industry and Trade";
  doc.rejected = "too big\t\x01";
  nlohmann::ordered_json tree;
  tree["schema"] = 1;
  tree["doc_id"] = doc.doc_id;
  tree["source"] = {{"path", doc.source.path}, {"bytes", 42}, {"url", *doc.source.url}, {"offset", *doc.source.offset}};
  tree["encoding"] = "UTF-8";
  tree["lang"] = "vi";
  tree["title"] = "Tiêu đề";
  tree["published"] = "2024-07-01";
  tree["dates"] = {{{"text", "2/7"}, {"start", 5}, {"end", 8}, {"value", "2024-07-02"}, {"grain", "day"}, {"mod", "early"}},
                   {{"text", "tuần trước"}, {"start", 30}, {"end", 40}, {"value", nullptr}, {"grain", "day"},
                    {"relative", "tuần trước"}}};
  tree["money"] = nlohmann::ordered_json::array({{{"text", "gần 80 tỷ USD"}, {"start", 0}, {"end", 13},
                                                   {"amount", "80000000000"}, {"currency", "USD"}, {"qualifier", "about"},
                                                   {"amount_min", "1"}, {"amount_max", "2"}}});
  tree["officials"] = nlohmann::ordered_json::array(
      {{{"entity", 1}, {"name", "Nguyễn Hồng Diên"}, {"name_key", "nguyen hong dien"}, {"title", "Minister"},
        {"organization", "Ministry of Industry and Trade"}, {"country", "VN"},
        {"mentions", nlohmann::ordered_json::array({{{"text", "Bộ trưởng Diên"}, {"start", 10}, {"end", 24}}})}}});
  tree["text"] = doc.text;
  tree["rejected"] = {{"reason", *doc.rejected}};
  EXPECT_EQ(RecordJson(doc, RecordOptions{.emit_text = true}), tree.dump());
  tree.erase("text");
  EXPECT_EQ(RecordJson(doc, RecordOptions{}), tree.dump());
  Document empty;
  EXPECT_EQ(RecordJson(empty, RecordOptions{}),
            R"({"schema":1,"doc_id":"","source":{"path":"","bytes":0},"encoding":null,"lang":null,"title":null,)"
            R"("published":null,"dates":[],"money":[],"officials":[],"rejected":null})");
}

// Strings of every kind of byte (controls, quotes, backslashes, letters of
// two to four bytes, and broken, overlong, surrogate and out-of-range
// sequences) come out as nlohmann::json's dump() with the replace handler
// writes them.
TEST(JsonWriter, WritesAnyBytesAsTheJsonLibraryDoes) {
  const std::vector<std::string> pieces = {
      "a", " ", "\"", "\\", "/", "\x7f", "\x00", "\x01", "\b", "\t", "\n", "\f", "\r", "\x1f",
      "\xc3\xa9", "\xe1\xba\xbf", "\xf0\x9f\x98\x80", "\xef\xbf\xbd", "\xed\x9f\xbf",  // é ế 😀 U+FFFD U+D7FF
      "\x80", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xa0", "\xed", "\xef", "\xf0", "\x90",
      "\xf4", "\x8f", "\xf5", "\xff", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(random() % 9);
    for (int i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
    std::string written;
    JsonWriter w(&written);
    w.BeginArray();
    w.String(s);
    w.EndArray();
    const std::string expected = nlohmann::json::array({s}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    ASSERT_EQ(written, expected) << "round " << round;
  }
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
