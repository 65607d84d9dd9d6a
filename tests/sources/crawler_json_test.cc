// Crawlers' article files (`.json`, `.json.gz`) as `vnie run` reads them,
// and the field names `vnie extract` shares with them.
#include "pipeline/sources/crawler_json.h"

#include <gtest/gtest.h>

#include <string>

#include "warc_writer.h"

namespace vnie {
namespace {

using testing_warc::GzipMember;

const char* kNewsPlease =
    R"({"title": "Budget passed", "maintext": "The budget of $4 billion passed on Monday.",)"
    R"( "date_publish": "2024-03-11 09:15:00", "language": "en", "url": "https://a.example/np"})";

Document FileDocument(const std::string& path, std::string bytes) {
  Document doc;
  doc.source.path = path;
  doc.source.bytes = bytes.size();
  doc.doc_id = "file-hash";
  doc.raw = std::move(bytes);
  return doc;
}

TEST(CrawlerJsonFile, TheNamesTellIt) {
  EXPECT_TRUE(IsCrawlerJsonFile("news/2024/03/a1b2.json"));
  EXPECT_TRUE(IsCrawlerJsonFile("a.JSON"));
  EXPECT_TRUE(IsCrawlerJsonFile("a.json.gz"));
  EXPECT_FALSE(IsCrawlerJsonFile("a.jsonl"));
  EXPECT_FALSE(IsCrawlerJsonFile("a.txt.gz"));
  EXPECT_FALSE(IsCrawlerJsonFile("json"));
}

TEST(CrawlerJsonFile, NewsPleaseFieldsBecomeTheDocumentsHints) {
  Document doc = FileDocument("in/a.json", kNewsPlease);
  ReadCrawlerJson(doc, 1 << 20);
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.raw, "The budget of $4 billion passed on Monday.");
  EXPECT_EQ(doc.title_hint, "Budget passed");
  EXPECT_EQ(doc.published_hint, "2024-03-11T09:15");
  EXPECT_EQ(doc.lang_hint, "en");
  EXPECT_EQ(doc.source.url, "https://a.example/np");
  EXPECT_EQ(doc.encoding_hint, "UTF-8");
  EXPECT_FALSE(doc.is_html);
  // The file stays the source: its path, size and hash.
  EXPECT_EQ(doc.source.path, "in/a.json");
  EXPECT_EQ(doc.source.bytes, std::string(kNewsPlease).size());
  EXPECT_EQ(doc.doc_id, "file-hash");
}

TEST(CrawlerJsonFile, AGzippedFileIsReadAsWhatItInflatesTo) {
  Document doc = FileDocument("in/a.json.gz", GzipMember(kNewsPlease));
  ReadCrawlerJson(doc, 1 << 20);
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.raw, "The budget of $4 billion passed on Monday.");
  EXPECT_EQ(doc.published_hint, "2024-03-11T09:15");
}

TEST(CrawlerJsonFile, AnHtmlFieldIsReadAsAPage) {
  Document doc = FileDocument("a.json", R"({"html": "<html><body><p>Hi</p></body></html>", "date": "2024-03-11"})");
  ReadCrawlerJson(doc, 1 << 20);
  ASSERT_FALSE(doc.rejected);
  EXPECT_TRUE(doc.is_html);
  EXPECT_EQ(doc.published_hint, "2024-03-11");
}

TEST(CrawlerJsonFile, TheLimitHoldsForTheInflatedSize) {
  // 8 MiB of spaces inflate from a few KiB: rejected at 1 MiB, not inflated whole.
  std::string big = R"({"text": ")" + std::string(8 << 20, ' ') + R"("})";
  std::string packed = GzipMember(big);
  ASSERT_LT(packed.size(), size_t{1} << 20);
  Document doc = FileDocument("bomb.json.gz", packed);
  ReadCrawlerJson(doc, 1 << 20);
  ASSERT_TRUE(doc.rejected);
  EXPECT_EQ(*doc.rejected, "gzip: inflated size passes the limit of 1048576 bytes (--max-bytes)");
  EXPECT_LE(doc.raw.size(), packed.size());  // raw still the file: nothing was kept
}

TEST(CrawlerJsonFile, DamagedOrForeignFilesAreRejectedWithAReason) {
  std::string packed = GzipMember(kNewsPlease);
  Document cut = FileDocument("cut.json.gz", packed.substr(0, packed.size() / 2));
  ReadCrawlerJson(cut, 1 << 20);
  ASSERT_TRUE(cut.rejected);
  EXPECT_TRUE(cut.rejected->starts_with("gzip: gzip data ends early at byte")) << *cut.rejected;

  Document config = FileDocument("settings.json", R"({"theme": "dark"})");
  ReadCrawlerJson(config, 1 << 20);
  ASSERT_TRUE(config.rejected);
  EXPECT_EQ(*config.rejected, R"(not a crawler's article (JSON): no "text", "maintext" or "html" field)");

  Document list = FileDocument("list.json", "[1, 2]");
  ReadCrawlerJson(list, 1 << 20);
  ASSERT_TRUE(list.rejected);
  EXPECT_EQ(*list.rejected, "not a crawler's article (JSON): not a JSON object");

  Document broken = FileDocument("broken.json", R"({"text": "cut)");
  ReadCrawlerJson(broken, 1 << 20);
  EXPECT_TRUE(broken.rejected);
}

TEST(CrawlerJsonFile, FieldsNotUnderstoodAreLeftWithAWarning) {
  CrawlerArticle a;
  ASSERT_FALSE(ParseCrawlerArticle(R"({"id": 7, "text": "x", "date": "soon", "language": "de"})", &a));
  EXPECT_EQ(a.id, "7");
  EXPECT_FALSE(a.published);
  EXPECT_FALSE(a.lang);
  EXPECT_EQ(a.warnings.size(), 2u);
  // vnie's own fields come first.
  CrawlerArticle b;
  ASSERT_FALSE(ParseCrawlerArticle(R"({"text": "t", "maintext": "m", "published": "2024-03", "date": "2023-01-01"})", &b));
  EXPECT_EQ(b.body, "t");
  EXPECT_EQ(b.published, "2024-03");
  CrawlerArticle c;
  EXPECT_EQ(ParseCrawlerArticle(R"({"text": 5})", &c), std::optional<std::string>(R"("text" is not a string)"));
}

}  // namespace
}  // namespace vnie
