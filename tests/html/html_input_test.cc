// Crawl outputs as `vnie run` and `vnie extract` inputs: compressed pages,
// web archives (WARC) and crawlers' JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "pipeline/sqlite/sqlite_db.h"
#include "test_paths.h"
#include "warc_writer.h"

namespace vnie {
namespace {

using testing_paths::ReadFile;
using testing_paths::RunVnie;
using testing_paths::SourceDir;
using testing_paths::TempDir;
using testing_paths::WriteFile;
using testing_warc::GzipMember;
using testing_warc::WarcRecordText;

std::string Page(const std::string& name) { return ReadFile(SourceDir() + "/tests/html/pages/" + name); }

std::vector<nlohmann::json> Records(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::string HttpResponse(const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

TEST(HtmlInput, AGzippedPageGivesThePagesRecord) {
  TempDir dir;
  WriteFile(dir / "page.html", Page("en-jsonld.html"));
  WriteFile(dir / "saved.gz", GzipMember(Page("en-jsonld.html")));
  auto plain = RunVnie("run " + (dir / "page.html") + " --out - --settle 0");
  auto packed = RunVnie("run " + (dir / "saved.gz") + " --out - --settle 0");
  ASSERT_EQ(packed.status, 0) << packed.err;
  auto a = Records(plain.out), b = Records(packed.out);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  for (const char* field : {"title", "published", "lang", "dates", "money", "officials"}) {
    EXPECT_EQ(a[0][field], b[0][field]) << field;
  }
  EXPECT_NE(a[0]["doc_id"], b[0]["doc_id"]);  // the hash of the bytes as stored
}

// A compressed file is held to --max-bytes by what it inflates to, so a
// small file that inflates to gigabytes stops at the limit.
TEST(HtmlInput, AGzippedFileInflatingPastMaxBytesIsRejected) {
  TempDir dir;
  std::string page = Page("en-jsonld.html");
  WriteFile(dir / "saved.gz", GzipMember(page + std::string(400000, ' ')));
  auto small = RunVnie("run " + (dir / "saved.gz") + " --out - --settle 0 --max-bytes 100000");
  EXPECT_EQ(small.status, 1) << small.err;
  auto rejected = Records(small.out);
  ASSERT_EQ(rejected.size(), 1u);
  ASSERT_FALSE(rejected[0]["rejected"].is_null()) << rejected[0].dump();
  EXPECT_NE(rejected[0]["rejected"]["reason"].get<std::string>().find("passes the limit of 100000 bytes"),
            std::string::npos)
      << rejected[0].dump();
  auto roomy = RunVnie("run " + (dir / "saved.gz") + " --out - --settle 0 --max-bytes 1000000");
  ASSERT_EQ(roomy.status, 0) << roomy.err;
  auto read = Records(roomy.out);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_FALSE(read[0]["dates"].empty());
}

// An archive as crawlers write it: a warcinfo record, then for each page a
// request and its response, one gzip member per record.
struct Archive {
  std::string bytes;
  std::vector<uint64_t> page_offsets;
};

Archive MakeArchive() {
  Archive a;
  auto add = [&](const std::string& record) { a.bytes += GzipMember(record); };
  add(WarcRecordText("warcinfo", "", "application/warc-fields", "software: test-crawler\r\n"));
  int i = 0;
  for (const char* name : {"en-jsonld.html", "vi-news.html"}) {
    std::string uri = "https://crawl.example.net/page/" + std::to_string(i++);
    add(WarcRecordText("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    a.page_offsets.push_back(a.bytes.size());
    add(WarcRecordText("response", uri, "application/http; msgtype=response",
                       HttpResponse("text/html; charset=utf-8", Page(name))));
  }
  add(WarcRecordText("response", "https://crawl.example.net/logo.png", "application/http; msgtype=response",
                     HttpResponse("image/png", "\x89PNG\r\n")));
  add(WarcRecordText("response", "https://crawl.example.net/old", "application/http; msgtype=response",
                     "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"));
  return a;
}

TEST(WarcInput, EachHtmlResponseIsOneDocument) {
  TempDir dir;
  Archive archive = MakeArchive();
  WriteFile(dir / "crawl.warc.gz", archive.bytes);
  auto r = RunVnie("run " + (dir / "crawl.warc.gz") + " --out - --settle 0");
  ASSERT_EQ(r.status, 0) << r.err;
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["title"], "Finance ministry to issue $2 billion in bonds");
  EXPECT_EQ(records[0]["source"]["path"], dir / "crawl.warc.gz");
  EXPECT_EQ(records[0]["source"]["url"], "https://crawl.example.net/page/0");
  EXPECT_EQ(records[0]["source"]["offset"], archive.page_offsets[0]);
  EXPECT_EQ(records[1]["lang"], "vi");
  EXPECT_EQ(records[1]["source"]["offset"], archive.page_offsets[1]);
  EXPECT_EQ(records[1]["published"], "2024-05-20T08:15");  // the page's own date, not WARC-Date
  EXPECT_NE(r.err.find("5 web archive records were not pages"), std::string::npos) << r.err;
}

TEST(WarcInput, WarcDateIsTheLastResortDate) {
  TempDir dir;
  std::string page = "<html><body><article><p>The council met and agreed on the budget for the coming year, the "
                     "chairman said after a long debate.</p></article></body></html>";
  WriteFile(dir / "a.warc", WarcRecordText("response", "https://x.example/1", "application/http; msgtype=response",
                                           HttpResponse("text/html", page)));
  auto records = Records(RunVnie("run " + (dir / "a.warc") + " --out - --settle 0").out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["published"], "2024-07-02T08:30");
  EXPECT_EQ(records[0]["source"]["offset"], 0);
}

TEST(WarcInput, ATruncatedArchiveGivesThePagesBeforeTheDamageAndOneRejectedRecord) {
  TempDir dir;
  Archive archive = MakeArchive();
  // Cut inside the second page's response record.
  size_t cut = archive.page_offsets[1] + 40;
  WriteFile(dir / "cut.warc.gz", archive.bytes.substr(0, cut));
  auto r = RunVnie("run " + (dir / "cut.warc.gz") + " --out - --settle 0");
  EXPECT_EQ(r.status, 1) << r.err;
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0]["rejected"].is_null());
  ASSERT_FALSE(records[1]["rejected"].is_null());
  std::string reason = records[1]["rejected"]["reason"];
  EXPECT_NE(reason.find("at byte " + std::to_string(archive.page_offsets[1])), std::string::npos) << reason;
}

TEST(WarcInput, AnArchivesDocumentsAllStayInSqliteAndAreNotReadTwice) {
  TempDir dir;
  WriteFile(dir / "in/crawl.warc.gz", MakeArchive().bytes);
  WriteFile(dir / "in/page.html", Page("en-time.html"));
  std::string db = dir / "out.db";
  auto first = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  ASSERT_EQ(first.status, 0) << first.err;
  {
    sql::Db conn(db);
    sql::Stmt count(conn, "SELECT count(*), count(source_url), count(source_offset) FROM documents");
    ASSERT_TRUE(count.Step());
    EXPECT_EQ(count.Int(0), 3);  // two pages of the archive (one path) and the page file
    EXPECT_EQ(count.Int(1), 2);  // the HTML file has no canonical link
    EXPECT_EQ(count.Int(2), 2);
  }
  auto second = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("2 unchanged"), std::string::npos) << second.err;
}

TEST(CrawlerJson, NewsPleaseTrafilaturaAndHtmlFields) {
  std::string input =
      R"({"id": "np", "title": "Budget passed", "maintext": "The finance minister said on Monday that the budget of $4 billion had passed.", "date_publish": "2024-03-11 09:15:00", "language": "en", "url": "https://a.example/np"})"
      "\n"
      R"({"id": "tf", "title": "Budget passed", "text": "The finance minister said on Monday that the budget of $4 billion had passed.", "date": "2024-03-11", "url": "https://a.example/tf"})"
      "\n" +
      nlohmann::json({{"id", "page"}, {"html", Page("en-time.html")}}).dump() + "\n";
  auto r = RunVnie("extract", input);
  ASSERT_EQ(r.status, 0) << r.err;
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["published"], "2024-03-11T09:15");
  EXPECT_EQ(records[0]["source"]["url"], "https://a.example/np");
  EXPECT_EQ(records[0]["money"][0]["amount"], "4000000000");
  EXPECT_EQ(records[1]["published"], "2024-03-11");
  EXPECT_EQ(records[2]["title"], "City council approves new bus depot");
  EXPECT_EQ(records[2]["published"], "2023-11-21T18:05");
  EXPECT_EQ(records[2]["money"].size(), 1u);
}


TEST(CrawlerJson, RunReadsEachArticleFileAsItsArticle) {
  // A crawler's output folder: one JSON file per article (news-please's
  // layout), some gzip-compressed, a damaged one and a file that is no article.
  TempDir dir;
  const std::string np =
      R"({"title": "Budget passed", "maintext": "The finance minister said on Monday that the budget of $4 billion had passed.", "date_publish": "2024-03-11 09:15:00", "language": "en", "url": "https://a.example/np"})";
  WriteFile(dir / "in/2024/a.json", np);
  WriteFile(dir / "in/2024/b.json.gz", GzipMember(nlohmann::json({{"html", Page("en-time.html")}}).dump()));
  std::string packed = GzipMember(np);
  WriteFile(dir / "in/2024/c.json.gz", packed.substr(0, packed.size() - 12));
  WriteFile(dir / "in/2024/d.json", R"({"theme": "dark"})");
  auto r = RunVnie("run " + (dir / "in") + " --out - --settle 0");
  EXPECT_EQ(r.status, 1) << r.err;  // two files rejected, the rest written
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 4u) << r.out;
  EXPECT_EQ(records[0]["source"]["path"], dir / "in/2024/a.json");
  EXPECT_EQ(records[0]["source"]["bytes"], np.size());
  EXPECT_EQ(records[0]["source"]["url"], "https://a.example/np");
  EXPECT_EQ(records[0]["title"], "Budget passed");
  EXPECT_EQ(records[0]["published"], "2024-03-11T09:15");
  EXPECT_EQ(records[0]["money"][0]["amount"], "4000000000");
  EXPECT_EQ(records[1]["title"], "City council approves new bus depot");
  EXPECT_EQ(records[1]["published"], "2023-11-21T18:05");
  EXPECT_EQ(records[2]["source"]["path"], dir / "in/2024/c.json.gz");
  EXPECT_NE(records[2]["rejected"]["reason"].get<std::string>().find("gzip data ends early"), std::string::npos);
  EXPECT_NE(records[3]["rejected"]["reason"].get<std::string>().find("no \"text\""), std::string::npos);
}

}  // namespace
}  // namespace vnie
