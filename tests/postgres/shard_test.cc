// Sharded runs: K/N parsing, the stable key, and N runs covering a folder once.
#include "pipeline/sources/shard.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::VnieBinary;
using testing_paths::WriteFile;

TEST(ShardTest, ParsesKOverN) {
  auto s = ParseShard("3/8");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 3u);
  EXPECT_EQ(s->count, 8u);
  EXPECT_TRUE(ParseShard("0/1"));
  for (const char* bad : {"", "3", "8/8", "9/8", "-1/4", "1/0", "a/4", "1/4x", " 1/4", "1//4"}) {
    std::string error;
    EXPECT_FALSE(ParseShard(bad, &error)) << bad;
    EXPECT_NE(error.find("K/N"), std::string::npos) << error;
  }
}

TEST(ShardTest, KeyIsThePathBelowTheRoot) {
  EXPECT_EQ(ShardKey({"data/in/2024/a.txt", "data/in"}), "2024/a.txt");
  EXPECT_EQ(ShardKey({"data/in/2024/a.txt", "data/in/"}), "2024/a.txt");
  EXPECT_EQ(ShardKey({"/mnt/x/in/2024/a.txt", "/mnt/x/in"}), "2024/a.txt");
  EXPECT_EQ(ShardKey({"./in//2024/a.txt", "in"}), "2024/a.txt");
  // A file named on the command line: its name.
  EXPECT_EQ(ShardKey({"data/in/a.txt", "data/in/a.txt"}), "a.txt");
}

TEST(ShardTest, ShardIsTheHashOfTheKeyWhereverTheCorpusIsMounted) {
  std::string key = "2024/07/a.txt";
  uint32_t expected = static_cast<uint32_t>(XXH3_64bits(key.data(), key.size()) % 7);
  EXPECT_EQ(ShardOf({"/srv/news/2024/07/a.txt", "/srv/news"}, 7), expected);
  EXPECT_EQ(ShardOf({"news/2024/07/a.txt", "news"}, 7), expected);
}

TEST(ShardTest, ShardsPartitionTheFiles) {
  std::vector<SourceFile> files;
  for (int i = 0; i < 1000; ++i) files.push_back({"in/" + std::to_string(i) + ".txt", "in"});
  std::multiset<std::string> seen;
  for (uint32_t k = 0; k < 5; ++k) {
    auto part = SelectShard(files, {k, 5});
    EXPECT_GT(part.size(), 120u);
    EXPECT_LT(part.size(), 280u);
    for (const auto& f : part) seen.insert(f.path);
  }
  EXPECT_EQ(seen.size(), files.size());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), files.size());
  EXPECT_EQ(SelectShard(files, {0, 1}).size(), files.size());
}

TEST(ShardTest, RunsOverShardsCoverTheFolderOnce) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    WriteFile(dir / ("in/" + std::to_string(i % 4) + "/" + std::to_string(i) + ".txt"),
              "Article " + std::to_string(i) + "\n\nHanoi officials met on Monday to discuss project " +
                  std::to_string(i) + ".\n");
  }
  std::multiset<std::string> paths;
  for (int k = 0; k < 3; ++k) {
    std::string out = dir / ("out" + std::to_string(k) + ".jsonl");
    std::string cmd = VnieBinary() + " run " + (dir / "in") + " --shard " + std::to_string(k) + "/3 --out " + out +
                      " --log-level error";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(out);
    std::string line;
    while (std::getline(in, line)) paths.insert(nlohmann::json::parse(line)["source"]["path"].get<std::string>());
  }
  EXPECT_EQ(paths.size(), 40u);
  EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()).size(), 40u);
}

}  // namespace
}  // namespace vnie
