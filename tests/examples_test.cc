// Runs one examples file of corpus/examples as a test.
//
// The file name says what it tests: <stage>.<lang>[.<anything>].jsonl, e.g.
// dates.en.jsonl, money.vi.near-misses.jsonl.  Each line is one case:
//   {"text": "...", "published": "2020-02-24"?, "lang": "en"?,
//    "expect": [ {field: value, ...}, ... ]}
// The text goes through decode, normalize, metadata, segment and the named
// stage.  The case passes when the stage finds exactly as many mentions as
// `expect` lists and each expected item matches a distinct found one on every
// field it gives.  Fields: dates text/value/grain/mod/relative; money
// text/amount/currency/qualifier/amount_min/amount_max; officials
// name/name_key/title/organization/country and "mentions" (the texts of all
// mentions, in order).  An empty `expect` is a near miss: nothing may be found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/builtin.h"
#include "pipeline/sinks/record.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

using Json = nlohmann::json;

std::string g_file;

std::string StageOfFile(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.substr(0, name.find('.'));
}

std::string LangOfFile(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  size_t first = name.find('.');
  size_t second = name.find('.', first + 1);
  return name.substr(first + 1, second - first - 1);
}

// The found items of STAGE in DOC, as record JSON.
Json FoundItems(const Document& doc, const std::string& stage) {
  Json record = ToRecord(doc, RecordOptions{});
  Json items = record.at(stage);
  if (stage == "officials") {
    for (auto& o : items) {
      Json texts = Json::array();
      for (const auto& m : o["mentions"]) texts.push_back(m["text"]);
      o["mentions"] = texts;
    }
  }
  return items;
}

bool Matches(const Json& expected, const Json& found) {
  for (const auto& [key, value] : expected.items()) {
    if (key == "optional") continue;
    auto it = found.find(key);
    Json actual = it == found.end() ? Json(nullptr) : *it;
    if (actual != value) return false;
  }
  return true;
}

TEST(Examples, File) {
  ASSERT_FALSE(g_file.empty()) << "usage: examples_test FILE.jsonl";
  std::ifstream in(g_file);
  ASSERT_TRUE(in) << "cannot open " << g_file;
  const std::string stage = StageOfFile(g_file);
  const std::string lang = LangOfFile(g_file);
  std::string error;
  auto chain = BuiltinStages().Build({"decode", "normalize", "metadata", "segment", stage}, PipelineOptions{}, &error);
  ASSERT_TRUE(chain) << error;

  std::string line;
  int line_number = 0, cases = 0, passed = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    Json example;
    try {
      example = Json::parse(line);
    } catch (const std::exception& e) {
      ADD_FAILURE() << g_file << ":" << line_number << ": not JSON: " << e.what();
      continue;
    }
    ++cases;
    Document doc;
    doc.raw = example.at("text").get<std::string>();
    doc.encoding_hint = "UTF-8";
    doc.lang_hint = example.value("lang", lang);
    if (example.contains("published") && !example["published"].is_null())
      doc.published_hint = example["published"].get<std::string>();
    chain->Process(doc);
    if (doc.rejected) {
      ADD_FAILURE() << g_file << ":" << line_number << ": rejected: " << *doc.rejected;
      continue;
    }
    Json found = FoundItems(doc, stage);
    const Json& expect = example.at("expect");
    std::vector<bool> used(found.size(), false);
    std::vector<std::string> missing;
    for (const auto& e : expect) {
      bool hit = false;
      for (size_t i = 0; i < found.size() && !hit; ++i) {
        if (!used[i] && Matches(e, found[i])) used[i] = hit = true;
      }
      if (!hit) missing.push_back(e.dump());
    }
    std::vector<std::string> extra;
    for (size_t i = 0; i < found.size(); ++i) {
      if (!used[i]) extra.push_back(found[i].dump());
    }
    if (missing.empty() && extra.empty()) {
      ++passed;
      continue;
    }
    std::string message = g_file + ":" + std::to_string(line_number) + ": " + example["text"].get<std::string>();
    for (const auto& m : missing) message += "\n  missing: " + m;
    for (const auto& x : extra) message += "\n  unexpected: " + x;
    ADD_FAILURE() << message;
  }
  std::cout << g_file << ": " << passed << "/" << cases << " examples pass\n";
  EXPECT_GT(cases, 0) << "no examples in " << g_file;
}

}  // namespace
}  // namespace vnie

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (argc > 1) vnie::g_file = argv[1];
  return RUN_ALL_TESTS();
}
