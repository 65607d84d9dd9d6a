// The date grammar's line filter: with Vectorscan, the lines a rule runs on
// include every line the RE2 sets pick for it (the sets read each rule as
// RE2 does, so a line the scan missed could hold a date), over every
// examples text and every article in the repo, in both languages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extractors/dates/date_grammar.h"
#include "pipeline/decode/decoder.h"
#include "pipeline/text/multi_pattern.h"
#include "test_paths.h"

namespace vnie {
namespace {

namespace fs = std::filesystem;

// The "text" of each line of the examples files of dates, and every article
// (.txt, .html) under corpus/ and tests/*/{articles,pages,world}.
std::vector<std::string> Texts() {
  const fs::path root = testing_paths::SourceDir();
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(root / "corpus/examples")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("dates.", 0) != 0 || entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    }
  }
  std::vector<fs::path> folders = {root / "corpus"};
  for (const auto& entry : fs::directory_iterator(root / "tests")) {
    for (const char* sub : {"articles", "pages", "world"}) {
      if (fs::is_directory(entry.path() / sub)) folders.push_back(entry.path() / sub);
    }
  }
  for (const fs::path& folder : folders) {
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      const fs::path& p = entry.path();
      if (!entry.is_regular_file() || (p.extension() != ".txt" && p.extension() != ".html")) continue;
      if (p.string().find("/examples/") != std::string::npos) continue;
      texts.push_back(testing_paths::ReadFile(p.string()));
    }
  }
  return texts;
}

TEST(DateLineFilter, ScanPicksEveryLineTheSetsPick) {
  if (!MultiPattern::Available()) GTEST_SKIP() << "vnie is built without Vectorscan: RE2 sets alone pick the lines";
  const auto& grammar = dates::DateGrammar::Get();
  size_t read = 0, pairs = 0, missed = 0;
  for (const std::string& text : Texts()) {
    if (!IsValidUtf8(text)) continue;  // the scan reads UTF-8 only (other text: every rule on every line)
    ++read;
    for (const char* lang : {"en", "vi"}) {
      const auto scanned = grammar.RuleLines(text, lang);
      const auto sets = grammar.RuleLines(text, lang, /*sets_only=*/true);
      ASSERT_EQ(scanned.size(), sets.size());
      for (size_t rule = 0; rule < sets.size(); ++rule) {
        for (const auto& line : sets[rule]) {
          ++pairs;
          if (std::find(scanned[rule].begin(), scanned[rule].end(), line) != scanned[rule].end()) continue;
          if (++missed <= 10) {
            ADD_FAILURE() << lang << " rule " << rule << " not run on the line: "
                          << text.substr(line.first, std::min<size_t>(line.second - line.first, 200));
          }
        }
      }
    }
  }
  RecordProperty("texts", static_cast<int>(read));
  RecordProperty("pairs", static_cast<int>(pairs));
  EXPECT_EQ(missed, 0u);
  // Not vacuous: the examples alone are well over a thousand texts.
  EXPECT_GT(read, 1000u);
  EXPECT_GT(pairs, 1000u);
}

}  // namespace
}  // namespace vnie
