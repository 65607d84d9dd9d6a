// Whole saved pages in site layouts nobody tuned for (tests/normalize/pages,
// expectations in tests/normalize/pages_expected.jsonl): `published` and
// `title` are right, the listed chrome lines are gone and the listed article
// text (paragraphs, photo captions) stays.
#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/sinks/record.h"
#include "run_chain.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::SourceDir;

TEST(SavedPages, PublishedTitleChromeAndText) {
  std::ifstream in(SourceDir() + "/tests/normalize/pages_expected.jsonl");
  std::string row;
  int pages = 0;
  while (std::getline(in, row)) {
    if (row.empty()) continue;
    auto e = nlohmann::json::parse(row);
    std::string file = e["file"];
    Document doc = RunChain(SourceDir() + "/tests/normalize/pages/" + file);
    ++pages;
    ASSERT_FALSE(doc.rejected) << file;
    EXPECT_EQ(doc.published.value_or("null"), e["published"].get<std::string>()) << file;
    EXPECT_EQ(doc.title.value_or("null"), e["title"].get<std::string>()) << file;
    std::string text = doc.text + "\n";
    for (const auto& d : e["drop"]) {
      EXPECT_EQ(text.find(d.get<std::string>()), std::string::npos) << file << ": chrome left: " << d;
    }
    for (const auto& k : e["keep"]) {
      EXPECT_NE(text.find(k.get<std::string>()), std::string::npos) << file << ": text lost: " << k;
    }
  }
  EXPECT_GE(pages, 16);
}

}  // namespace
}  // namespace vnie
