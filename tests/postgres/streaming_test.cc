// `vnie extract` as a streaming filter (Spark RDD.pipe, Hadoop Streaming):
// one output line per input line, in input order, bad lines included.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/sources/folder_source.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::VnieBinary;

std::string IdOf(int i) {
  std::string id = std::to_string(i);
  id.insert(id.begin(), 'L');
  return id;
}

// Line I of the input: mostly short articles, every 50th a bad line of some kind.
std::string InputLine(int i) {
  const std::string id = IdOf(i);
  if (i % 50 == 7) {
    switch ((i / 50) % 8) {
      case 0: return "not json {";
      case 1: return "";
      case 2: return "[1, 2, 3]";
      case 3: return R"({"id": ")" + id + R"("})";                         // no text
      case 4: return R"({"id": ")" + id + R"(", "text": 42})";             // text not a string
      case 5: return R"({"id": ")" + id + "\", \"text\": \"bad \xff\xfe bytes\"}";  // invalid UTF-8
      case 6: return R"({"id": ")" + id + R"(", "text": ""})";             // empty article
      default: return R"({"id": ")" + id + R"(", "text": "cut off)";       // truncated line
    }
  }
  nlohmann::json j;
  j["id"] = id;
  if (i % 3 == 0) {
    j["text"] = "Bộ trưởng Nguyễn Văn An cho biết ngày " + std::to_string(i % 28 + 1) + "/3/2023 tỉnh chi " +
                std::to_string(i % 900 + 1) + " tỷ đồng.";
    j["lang"] = "vi";
  } else {
    j["text"] = "Minister Tran Van Binh said on March " + std::to_string(i % 28 + 1) +
                ", 2023 the plan costs $" + std::to_string(i % 900 + 1) + " million.";
    j["published"] = "2023-03-30";
  }
  std::string line = j.dump();
  if (i % 1000 == 11) line += "\r";  // a CRLF line is still one line
  return line;
}

// The release build runs the full chain (about 10 s of CPU for 100,000 lines).
// Under AddressSanitizer, which makes the extractors several times slower,
// decode and normalize are enough: one record per line is the command's
// promise, whatever stages run.
#if defined(__SANITIZE_ADDRESS__)
constexpr const char* kStages = " --stages decode,normalize";
#else
constexpr const char* kStages = "";
#endif

TEST(StreamingTest, OneRecordPerInputLineInOrder) {
  constexpr int kLines = 100000;
  TempDir dir;
  {
    std::ofstream in(dir / "in.jsonl", std::ios::binary);
    for (int i = 0; i < kLines; ++i) in << InputLine(i) << '\n';
  }
  auto start = std::chrono::steady_clock::now();
  std::string cmd = VnieBinary() + " extract --log-level off" + kStages + " < " + (dir / "in.jsonl") + " > " + (dir / "out.jsonl");
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << cmd;
  EXPECT_EQ(WEXITSTATUS(status), 1) << "bad lines are reported with status 1";
  std::cerr << "vnie extract: " << kLines << " lines in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";

  std::ifstream out(dir / "out.jsonl", std::ios::binary);
  std::string line;
  int n = 0, rejected = 0;
  while (std::getline(out, line)) {
    ASSERT_LT(n, kLines) << "more output lines than input lines";
    std::string input = InputLine(n);
    nlohmann::json r = nlohmann::json::parse(line);
    bool bad = n % 50 == 7;
    if (!input.empty() && input.back() == '\r') input.pop_back();
    // A line that is a JSON object keeps its id; any other line is named by its hash.
    if (nlohmann::json::accept(input) && input.starts_with("{\"id\"")) {
      ASSERT_EQ(r["doc_id"], IdOf(n)) << "output line " << n + 1 << " is out of order: " << line;
    } else {
      ASSERT_EQ(r["doc_id"], ContentId(input)) << "output line " << n + 1 << ": " << line;
    }
    if (bad) {
      ASSERT_TRUE(r["rejected"].is_object()) << "input line " << n + 1 << " is bad but not rejected: " << line;
      ++rejected;
    } else {
      ASSERT_TRUE(r["rejected"].is_null()) << "input line " << n + 1 << " rejected: " << line;
    }
    ++n;
  }
  EXPECT_EQ(n, kLines);
  EXPECT_EQ(rejected, kLines / 50);
}

}  // namespace
}  // namespace vnie
