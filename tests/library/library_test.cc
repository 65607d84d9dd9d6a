// The public API (include/vnie/vnie.h): the record as structs and as JSON,
// one Pipeline shared by threads, and the errors a caller can make.
#include <gtest/gtest.h>
#include <vnie/vnie.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

using vnie::api::Article;
using vnie::api::Pipeline;

const char* kText =
    "Vice Minister of Industry and Trade Tran Quoc Khanh said on Wednesday that trade reached "
    "US$100 billion last year. Khanh added that 2,000 billion dong would go to ports.";

TEST(Library, TheStructAndTheJsonAreOneRecord) {
  Pipeline pipeline;
  Article article;
  article.published = "2024-07-03";
  article.id = "a-1";
  auto r = pipeline.ExtractText(kText, article);
  ASSERT_FALSE(r.rejected) << *r.rejected;
  auto j = nlohmann::json::parse(r.json);
  EXPECT_EQ(j["doc_id"], "a-1");
  EXPECT_EQ(r.lang, "en");
  EXPECT_EQ(j["published"], "2024-07-03");
  ASSERT_EQ(r.money.size(), j["money"].size());
  ASSERT_EQ(r.money.size(), 2u);
  EXPECT_EQ(r.money[0].amount, "100000000000");
  EXPECT_EQ(r.money[1].currency, "VND");
  ASSERT_EQ(r.dates.size(), j["dates"].size());
  for (size_t i = 0; i < r.dates.size(); ++i) EXPECT_EQ(r.dates[i].value.value_or(""), j["dates"][i]["value"]);
  ASSERT_EQ(r.officials.size(), 1u);
  EXPECT_EQ(r.officials[0].name_key, "tran quoc khanh");
  EXPECT_EQ(r.officials[0].mentions.size(), j["officials"][0]["mentions"].size());
  // Offsets count code points in the body text.
  const auto& m = r.officials[0].mentions.back();
  EXPECT_EQ(m.text, "Khanh");
  EXPECT_EQ(r.text.substr(m.start, m.end - m.start), "Khanh");  // ASCII text: bytes are code points
}

TEST(Library, BytesInALegacyEncodingAreDecoded) {
  Pipeline pipeline;
  // "Hà Nội" in windows-1258 (a combining grave accent after 'a', then 'ộ' as ô + dot below).
  std::string bytes = "H\x61\xcc N\xf4\xf2i, ng\xe0y 2/9/2024.";
  Article article;
  vnie::api::Options options;
  options.encoding = "windows-1258";
  auto r = Pipeline(options).Extract(bytes, article);
  ASSERT_FALSE(r.rejected) << *r.rejected;
  EXPECT_EQ(r.encoding, "windows-1258");
  EXPECT_NE(r.text.find("Hà Nội"), std::string::npos) << r.text;
}

TEST(Library, OnePipelineServesManyThreads) {
  Pipeline pipeline;
  const std::string want = pipeline.ExtractText(kText).json;
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) same[t] += pipeline.ExtractText(kText).json == want;
    });
  }
  for (auto& t : threads) t.join();
  for (int n : same) EXPECT_EQ(n, 20);
}

TEST(Library, ACallersMistakesAreExceptions) {
  EXPECT_THROW(Pipeline(vnie::api::Options{{"decode", "nosuchstage"}, false, std::nullopt}), std::invalid_argument);
  Pipeline pipeline;
  Article bad_date;
  bad_date.published = "yesterday";
  EXPECT_THROW(pipeline.ExtractText(kText, bad_date), std::invalid_argument);
  Article bad_lang;
  bad_lang.lang = "fr";
  EXPECT_THROW(pipeline.ExtractText(kText, bad_lang), std::invalid_argument);
  Article machine;
  machine.published = "2024-07-02T11:03:00+07:00";
  machine.lang = "EN";
  auto r = pipeline.ExtractText(kText, machine);
  EXPECT_EQ(r.published.value_or(""), "2024-07-02T11:03");
  EXPECT_EQ(r.lang, "en");
  // An empty text is a rejected record, not an exception.
  EXPECT_TRUE(pipeline.ExtractText("").rejected);
}

TEST(Library, NormalizeAndFold) {
  EXPECT_EQ(vnie::api::Normalize("Thuỷ điện Hoà Bình"), "Thủy điện Hòa Bình");
  EXPECT_EQ(vnie::api::Normalize("Nguyễn Hồng Diên\nBộ Công Thương", true), "nguyen hong dien\nbo cong thuong");
  EXPECT_EQ(vnie::api::Normalize(""), "");
  auto stages = Pipeline::AllStages();
  EXPECT_EQ(stages.front(), "decode");
  EXPECT_EQ(Pipeline(vnie::api::Options{{"decode", "normalize"}, false, std::nullopt}).stages().size(), 2u);
}

}  // namespace
