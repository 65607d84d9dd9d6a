// Done-when check on the articles with gold (corpus/gold.jsonl): `published`
// is right, no boilerplate reaches the extractors, and every gold mention is
// still in the normalized text (boilerplate removal took no article text).
#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/sinks/record.h"
#include "pipeline/text/unicode_text.h"
#include "run_chain.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::SourceDir;

std::vector<nlohmann::json> Gold() {
  std::vector<nlohmann::json> rows;
  std::ifstream in(SourceDir() + "/corpus/gold.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// Gold texts were written from the raw article; normalized text has plain
// quotes and dashes.
std::string Plain(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) { out += '\''; i += 2; }
    else if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) { out += '-'; i += 2; }
    else out += s[i];
  }
  return out;
}

TEST(GoldArticles, PublishedIsRight) {
  for (const auto& gold : Gold()) {
    std::string path = SourceDir() + "/corpus/articles/" + gold["source"].get<std::string>();
    Document doc = RunChain(path);
    ASSERT_FALSE(doc.rejected) << path;
    EXPECT_EQ(doc.published.value_or("null"), gold["published"].is_null() ? "null" : gold["published"].get<std::string>())
        << gold["source"];
    EXPECT_EQ(doc.lang, gold["lang"]) << gold["source"];
  }
}

TEST(GoldArticles, EveryGoldMentionSurvivesNormalization) {
  for (const auto& gold : Gold()) {
    std::string path = SourceDir() + "/corpus/articles/" + gold["source"].get<std::string>();
    Document doc = RunChain(path);
    for (const char* kind : {"dates", "money"}) {
      for (const auto& m : gold[kind]) {
        if (m.value("optional", false)) continue;
        EXPECT_NE(doc.text.find(Plain(m["text"])), std::string::npos) << gold["source"] << ": " << m["text"];
      }
    }
    for (const auto& o : gold["officials"]) {
      // The name as written may lack diacritics; compare keys.
      EXPECT_NE(AsciiFold(doc.text).find(o["name_key"].get<std::string>()), std::string::npos)
          << gold["source"] << ": " << o["name"];
    }
  }
}

TEST(GoldArticles, NoBoilerplateReachesTheExtractors) {
  // Lines that are site chrome in the dev articles, and what they carry.
  const std::vector<std::pair<std::string, std::vector<std::string>>> chrome = {
      {"seed-000.txt", {"WORDS ON THE STREET", "Home / Economy", "RELATED NEWS", "TAG:", "Other news",
                        "2024/10/31", "US$180 billion", "US$350 billion", "Hanoi unveils"}},
      {"seed-002.txt", {"WORDS ON THE STREET", "Smart City Summit"}},
      {"seed-004.txt", {"Underline menu"}},
      {"vi-001.txt", {"Tin liên quan", "Xuất khẩu cà phê", "Trang chủ"}},
      {"vi-002.txt", {"Đọc thêm", "430.000 tỷ đồng", "tháng 10/2024"}},
      {"vi-003.txt", {"Chia sẻ", "Bản quyền"}},
      {"vi-004.txt", {"Từ khóa", "Tin cùng chuyên mục", "20/06/2024", "20 tỷ USD", "Thời sự / Ngoại giao"}},
      {"vi-005.txt", {"Theo dõi chúng tôi"}},
  };
  for (const auto& [file, lines] : chrome) {
    Document doc = RunChain(SourceDir() + "/corpus/articles/" + file);
    for (const std::string& l : lines) EXPECT_EQ(doc.text.find(l), std::string::npos) << file << ": " << l;
    nlohmann::ordered_json rec = ToRecord(doc, RecordOptions{});
    for (const char* kind : {"dates", "money"}) {
      for (const auto& m : rec[kind]) {
        for (const std::string& l : lines) EXPECT_EQ(m["text"].get<std::string>().find(l), std::string::npos);
      }
    }
  }
  // Captions that describe the event stay.
  EXPECT_NE(RunChain(SourceDir() + "/corpus/articles/seed-000.txt").text.find("Overview of the meeting. Source: MoIT."),
            std::string::npos);
  EXPECT_NE(RunChain(SourceDir() + "/corpus/articles/seed-002.txt").text.find("Photos: Nhat Bac"), std::string::npos);
}

}  // namespace
}  // namespace vnie
