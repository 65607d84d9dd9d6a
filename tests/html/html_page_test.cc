// HTML pages through the whole chain: the article's text only, and the
// page's own headline, date, language and address.
#include <gtest/gtest.h>

#include <algorithm>

#include "../normalize/run_chain.h"
#include "pipeline/html/html_sniff.h"
#include "pipeline/html/page_metadata.h"
#include "test_paths.h"

namespace vnie {
namespace {

std::string Page(const std::string& name) { return testing_paths::SourceDir() + "/tests/html/pages/" + name; }

bool HasDate(const Document& doc, const std::string& value) {
  return std::any_of(doc.dates.begin(), doc.dates.end(), [&](const DateMention& d) { return d.value == value; });
}

size_t CountMoney(const Document& doc, const std::string& amount) {
  return std::count_if(doc.money.begin(), doc.money.end(), [&](const MoneyMention& m) { return m.amount == amount; });
}

TEST(HtmlSniff, TellsPagesFromText) {
  EXPECT_TRUE(LooksHtml("\xEF\xBB\xBF  <!-- saved --> <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksHtml("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
  EXPECT_TRUE(LooksHtml("anything", "saved/page.HTM"));
  EXPECT_FALSE(LooksHtml("Hà Nội, ngày 5/8 - the <b> tag is rare in plain text"));
  EXPECT_FALSE(LooksHtml("<p>a fragment is not a page</p>"));
}

TEST(HtmlSniff, ReadsTheDeclaredCharset) {
  EXPECT_EQ(DeclaredCharset("<head><meta charset=\"Windows-1258\">"), "windows-1258");
  EXPECT_EQ(DeclaredCharset("<meta http-equiv='Content-Type' content='text/html; charset=UTF-8'>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<meta content=\"text/html;charset=iso-8859-1\" http-equiv=content-type>"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset("<!-- <meta charset=\"koi8-r\"> --><meta name=x content=y>"), std::nullopt);
  EXPECT_EQ(DeclaredCharset("<html><body>no declaration</body></html>"), std::nullopt);
}

TEST(PageMetadata, MachineDatesInSpecForm) {
  EXPECT_EQ(SpecDateOf("2024-07-02T17:14:00+07:00"), "2024-07-02T17:14");
  EXPECT_EQ(SpecDateOf(" 2024/07/02 17:14 "), "2024-07-02T17:14");
  EXPECT_EQ(SpecDateOf("2024-07-02"), "2024-07-02");
  EXPECT_EQ(SpecDateOf("20240702"), "2024-07-02");
  EXPECT_EQ(SpecDateOf("Tue, 02 Jul 2024 17:14:00 GMT"), "2024-07-02T17:14");
  EXPECT_EQ(SpecDateOf("2024-13-02"), std::nullopt);
  EXPECT_EQ(SpecDateOf("yesterday"), std::nullopt);
}

TEST(HtmlPage, EnglishPageWithJsonLd) {
  Document doc = RunChain(Page("en-jsonld.html"));
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.encoding, "UTF-8");
  EXPECT_EQ(doc.lang, "en");
  EXPECT_EQ(doc.title, "Finance ministry to issue $2 billion in bonds");  // no tags, no site name
  EXPECT_EQ(doc.published, "2024-03-14T09:30");  // JSON-LD outranks the generic date meta
  EXPECT_EQ(doc.source.url, "https://news.example.org/economy/bonds-2-billion");
  // The headline once and the lead: not again from <title>, og:title or JSON-LD.
  EXPECT_EQ(CountMoney(doc, "2000000000"), 2u);
  EXPECT_EQ(CountMoney(doc, "800000000"), 2u);  // the lead and the table
  // Nothing from the script, cookie notice, ad slot, hidden note, related
  // list, comments or footer.
  for (const char* amount : {"50", "10000", "5000000000", "3000000000"}) {
    EXPECT_EQ(CountMoney(doc, amount), 0u) << amount;
  }
  for (const char* value : {"2025-03-31", "2024-06-01", "2024-08-15", "2024-05-05", "2024-01-09", "2024-02-02", "1998"}) {
    EXPECT_FALSE(HasDate(doc, value)) << value;
  }
  EXPECT_TRUE(HasDate(doc, "2024-03-13"));  // "on Wednesday" against the page's date
  EXPECT_TRUE(HasDate(doc, "2023-01"));     // the figure caption is article text
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].name, "Maria Lopez");
  EXPECT_EQ(doc.officials[0].title, "Minister");
  // Sub-headings and tables stay as text, in page order.
  EXPECT_NE(doc.text.find("Demand from abroad"), std::string::npos);
  EXPECT_NE(doc.text.find("First | $800 million"), std::string::npos);
  for (const char* furniture : {"<", "Harbour Post", "Related news", "Comments", "Share", "cookies", "Economy"}) {
    EXPECT_EQ(doc.text.find(furniture), std::string::npos) << furniture;
  }
}

TEST(HtmlPage, DateOnlyInATimeElement) {
  Document doc = RunChain(Page("en-time.html"));
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.title, "City council approves new bus depot");
  EXPECT_EQ(doc.published, "2023-11-21T18:05");
  EXPECT_TRUE(HasDate(doc, "2023-12"));  // "next month"
  EXPECT_FALSE(HasDate(doc, "2023-11-03"));  // the sidebar's "Most read"
  EXPECT_EQ(CountMoney(doc, "45000000"), 1u);
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].title, "Mayor");
}

TEST(HtmlPage, VietnamesePageWithMenusRelatedNewsAndComments) {
  Document doc = RunChain(Page("vi-news.html"));
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.lang, "vi");
  EXPECT_EQ(doc.title, "Hà Nội chi 1.200 tỷ đồng cải tạo hồ điều hòa");
  EXPECT_EQ(doc.published, "2024-05-20T08:15");
  EXPECT_TRUE(HasDate(doc, "2024-05-19"));
  EXPECT_TRUE(HasDate(doc, "2024-07"));
  EXPECT_EQ(CountMoney(doc, "450000000000"), 1u);
  for (const char* amount : {"300000000000", "2000000000000", "500000000"}) {
    EXPECT_EQ(CountMoney(doc, amount), 0u) << amount;
  }
  for (const char* value : {"2024-03-02", "2026-12-30", "2020-08-15", "2024-06-01"}) {
    EXPECT_FALSE(HasDate(doc, value)) << value;
  }
  ASSERT_EQ(doc.officials.size(), 1u);
  EXPECT_EQ(doc.officials[0].name, "Trần Sỹ Thanh");
  for (const char* furniture : {"Trang chủ", "Tin liên quan", "Ý kiến bạn đọc", "Chia sẻ", "Giấy phép"}) {
    EXPECT_EQ(doc.text.find(furniture), std::string::npos) << furniture;
  }
}

TEST(HtmlPage, Windows1258DeclaredByMetaGivesTheSameRecord) {
  Document utf8 = RunChain(Page("vi-news.html"));
  Document legacy = RunChain(Page("vi-windows-1258.html"));
  ASSERT_FALSE(legacy.rejected) << *legacy.rejected;
  EXPECT_EQ(legacy.encoding, "windows-1258");
  EXPECT_EQ(legacy.text, utf8.text);
  EXPECT_EQ(legacy.title, utf8.title);
  EXPECT_EQ(legacy.published, utf8.published);
  EXPECT_EQ(legacy.dates.size(), utf8.dates.size());
  EXPECT_EQ(legacy.money.size(), utf8.money.size());
  EXPECT_EQ(legacy.officials.size(), utf8.officials.size());
}

TEST(HtmlPage, CharacterReferencesInJsonLdAreRead) {
  testing_paths::TempDir dir;
  testing_paths::WriteFile(
      dir / "page.html",
      "<!DOCTYPE html><html><head><title>Fee paid | Sport Daily</title><script type=\"application/ld+json\">"
      "{\"@type\": \"NewsArticle\", \"headline\": \"Club pays &#163;71.6m &amp; more\"}</script></head>"
      "<body><div><p>The club paid the fee to the league this morning, the chairman said, ending weeks of talks "
      "over the transfer.</p></div></body></html>");
  Document doc = RunChain(dir / "page.html");
  ASSERT_FALSE(doc.rejected) << *doc.rejected;
  EXPECT_EQ(doc.title, "Club pays £71.6m & more");
}

TEST(HtmlPage, APageWithNoArticleTextIsRejectedWithItsReason) {
  testing_paths::TempDir dir;
  testing_paths::WriteFile(dir / "empty.html", "<html><head><title>x</title><script>var a = 1;</script></head><body>"
                                               "<nav><a href=/>Home</a></nav></body></html>");
  Document doc = RunChain(dir / "empty.html");
  ASSERT_TRUE(doc.rejected);
  EXPECT_NE(doc.rejected->find("no article text"), std::string::npos) << *doc.rejected;
}

}  // namespace
}  // namespace vnie
