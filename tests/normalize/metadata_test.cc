// Published dates and titles from the forms outlets print.
#include <gtest/gtest.h>

#include "pipeline/metadata/published.h"

namespace vnie {
namespace {

std::string P(std::string_view text) { return FindPublished(text).value_or("null"); }

TEST(Published, MonthOrYearLine) {
  // A line that is only a month or a year dates the article at that grain.
  EXPECT_EQ(P("date 2022-08\nExports rose in March."), "2022-08");
  EXPECT_EQ(P("Ngày đăng: 08/2022\nXuất khẩu tăng."), "2022-08");
  EXPECT_EQ(P("Published: 2019\nExports rose in March."), "2019");
  EXPECT_EQ(P("Published: August 2022\nExports rose in March."), "2022-08");
  EXPECT_EQ(P("Ngày đăng: tháng 8/2022\nXuất khẩu tăng."), "2022-08");
  EXPECT_EQ(P("Tháng 8 năm 2022\nXuất khẩu tăng."), "2022-08");
  // A bare year, or a year-month inside a sentence, is not a stamp.
  EXPECT_EQ(P("2019\nExports rose in March."), "null");
  EXPECT_EQ(P("Exports rose in 2022-08 by a fifth.\nBody."), "null");
}

TEST(Published, EnglishForms) {
  EXPECT_EQ(P("Headline here\nNguyen Tung 11:03, 2020/02/24\nBody."), "2020-02-24T11:03");
  EXPECT_EQ(P("Jul 02, 2024 / 17:14\n\nHeadline"), "2024-07-02T17:14");
  EXPECT_EQ(P("date 2023-06-13 The ministry said on Tuesday that trade grew."), "2023-06-13");
  EXPECT_EQ(P("Headline\n03:17 - 11/10/2023\nBody"), "2023-10-11T03:17");
  EXPECT_EQ(P("VIETNAM, August 3 -\n\nSEOUL - The Republic of Korea ..."), "XXXX-08-03");
  EXPECT_EQ(P("SEOUL, July 21 (Yonhap) -- South Korea's exports rose in June."), "XXXX-07-21");
  EXPECT_EQ(P("HANOI, March 5, 2024 - Officials met."), "2024-03-05");
  EXPECT_EQ(P("Updated: September 9, 2024 8:05"), "2024-09-09T08:05");
  EXPECT_EQ(P("Posted 12 May 2023"), "2023-05-12");
  // No space after the comma, a time after the year.
  EXPECT_EQ(P("Headline\n07 March,2016 09:12 AM IST | Agencies\nBody."), "2016-03-07T09:12");
}

TEST(Published, VietnameseForms) {
  EXPECT_EQ(P("Thứ Hai, 4/11/2024 08:30 (GMT+7)\nTiêu đề"), "2024-11-04T08:30");
  EXPECT_EQ(P("Cập nhật: 15/03/2024\nTiêu đề"), "2024-03-15");
  EXPECT_EQ(P("Hà Nội, ngày 03 tháng 04 năm 2024\nTiêu đề"), "2024-04-03");
  EXPECT_EQ(P("21/06/2024 14:05 GMT+7\nTiêu đề"), "2024-06-21T14:05");
  EXPECT_EQ(P("Thứ Sáu, 12/07/2024 - 10:20"), "2024-07-12T10:20");
}

TEST(Published, MonthFirstOnlyWhenCertain) {
  EXPECT_EQ(P("Posted 03/25/2024"), "2024-03-25");
  EXPECT_EQ(P("Posted 05/03/2024"), "2024-03-05");
}

TEST(Published, DatesDeepInBodyLinesDoNotCount) {
  std::string body(200, 'x');
  EXPECT_EQ(P("Headline of the story\n" + body + " relations were established on December 22, 1992."), "null");
  EXPECT_EQ(P("No date at all here.\nJust text."), "null");
}

TEST(Published, TwelveHourClocks) {
  EXPECT_EQ(P("Port traffic rises\nBy Staff  March 14, 2024 | 09:05 pm GMT+7\nBody."), "2024-03-14T21:05");
  EXPECT_EQ(P("Updated: June 30, 2023, 4:10 PM\nBody."), "2023-06-30T16:10");
  EXPECT_EQ(P("Posted Feb 2, 2025 at 6:45 a.m.\nBody."), "2025-02-02T06:45");
  EXPECT_EQ(P("Feb 2, 2025 6:45 a.m. ET\nBody."), "2025-02-02T06:45");
  EXPECT_EQ(P("Feb 2, 2025 6:45 p.m.\nBody."), "2025-02-02T18:45");
  EXPECT_EQ(P("Jan 9, 2024 12:20 am\nBody."), "2024-01-09T00:20");
  EXPECT_EQ(P("Jan 9, 2024 12:20 pm\nBody."), "2024-01-09T12:20");
  EXPECT_EQ(P("Jan 9, 2024 12:20\nBody."), "2024-01-09T12:20");
  EXPECT_EQ(P("11:40 PM, 2022/08/19\nBody."), "2022-08-19T23:40");
  EXPECT_EQ(P("Last updated 08:02 pm, December 1, 2024\nBody."), "2024-12-01T20:02");
  EXPECT_EQ(P("2021-07-04 03:30 PM\nBody."), "2021-07-04T15:30");
  // The Vietnamese locale's markers: SA (sáng, morning), CH (chiều, afternoon).
  EXPECT_EQ(P("Thứ Ba, 03/06/2024 10:15 SA\nTiêu đề"), "2024-06-03T10:15");
  EXPECT_EQ(P("Thứ Ba, 03/06/2024 02:40 CH\nTiêu đề"), "2024-06-03T14:40");
  EXPECT_EQ(P("03/06/2024 12:05 SA\nTiêu đề"), "2024-06-03T00:05");
  // A 24-hour time with a stray marker keeps its hour.
  EXPECT_EQ(P("Jan 9, 2024 19:20 pm\nBody."), "2024-01-09T19:20");
}

TEST(Published, VietnameseDatelinesWithoutYear) {
  EXPECT_EQ(P("Tiêu đề bài viết\n\nĐÀ NẴNG, 9/7 - Thành phố khai trương tuyến xe buýt mới."), "XXXX-07-09");
  EXPECT_EQ(P("Cần Thơ, 21/11 (TTXVN) - Sở Công Thương cho biết..."), "XXXX-11-21");
  EXPECT_EQ(P("TP.HCM, 4/2 (PLO) -- Giá vàng giảm."), "XXXX-02-04");
  EXPECT_EQ(P("DA NANG, 9 July (VNA) - The city opened a new bus line."), "XXXX-07-09");
  // The head dates the same day with its year: that date is published.
  EXPECT_EQ(P("ĐÀ NẴNG, 9/7 - Thành phố khai trương tuyến xe buýt.\nCập nhật: 09/07/2024 15:00"),
            "2024-07-09T15:00");
  // Not datelines: a sentence, a ratio, a lower-case start.
  EXPECT_EQ(P("Sáng 14/8, hội nghị khai mạc tại Hà Nội."), "null");
  EXPECT_EQ(P("Tỷ lệ đạt 3/4 - cao nhất từ trước đến nay.\nhà nội, 5/8 - mưa lớn."), "null");
}

TEST(Title, TheHeadlineLine) {
  EXPECT_EQ(FindTitle("Jul 02, 2024 / 17:14\n\nPM urges partners to open markets\n\nBody text here."),
            "PM urges partners to open markets");
  EXPECT_EQ(FindTitle("Cập nhật: 15/03/2024\nHà Nội công bố kế hoạch đầu tư công\n\nChiều 15/3, ..."),
            "Hà Nội công bố kế hoạch đầu tư công");
  EXPECT_FALSE(FindTitle("VIETNAM, August 3 -\n\nSEOUL - A long body sentence that ends like one.").has_value());
}

TEST(Published, MoreHeadForms) {
  EXPECT_EQ(P("Headline here\nJune 24, 2024 at 9:15 AM GMT+7\nBody."), "2024-06-24T09:15");
  EXPECT_EQ(P("Cập nhật lúc 09:15, Thứ hai, 24/06/2024 (GMT+7)\nBody."), "2024-06-24T09:15");
  EXPECT_EQ(P("VNA Monday, June 24, 2024 - 08:30\nBody."), "2024-06-24T08:30");
  EXPECT_EQ(P("Published on 2024-06-24\nBody."), "2024-06-24");
  EXPECT_EQ(P("Thứ hai, 24/6/2024 - 09:15\nBody."), "2024-06-24T09:15");
}

TEST(Published, TheHeadlinesOwnDateIsNotTheStamp) {
  std::string page = "Tăng lương tối thiểu vùng 6% từ ngày 1/7/2024\n24/06/2024 08:30 GMT+7\nLương tăng.";
  EXPECT_EQ(FindTitle(page).value_or("null"), "Tăng lương tối thiểu vùng 6% từ ngày 1/7/2024");
  EXPECT_EQ(FindPublished(page, FindTitle(page)).value_or("null"), "2024-06-24T08:30");
}

TEST(Title, SiteNamesAndBylinesGiveWayToTheHeadline) {
  EXPECT_EQ(FindTitle("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\n24/06/2024\nThủ tướng chủ trì phiên họp Chính phủ\nBody."),
            "Thủ tướng chủ trì phiên họp Chính phủ");
  EXPECT_EQ(FindTitle("Saigon Post | English\nHCMC to spend more on flood control\nBody."),
            "HCMC to spend more on flood control");
  EXPECT_EQ(FindTitle("By Tran Minh Hieu Le\nExports jump on electronics demand\nBody."),
            "Exports jump on electronics demand");
  // Only a weak line: it is still the best there is.
  EXPECT_EQ(FindTitle("VIETNAM TRADE NEWS TODAY\n\nA long body sentence that ends like one."),
            "VIETNAM TRADE NEWS TODAY");
}

TEST(Published, TheSiteClockInTheHeaderGivesWayToTheArticleStamp) {
  EXPECT_EQ(P("Tuesday, June 25, 2024 22:10\nHanoi approves ring road\nJune 24, 2024 | 09:15\nThe city approved it on Monday, officials said in a statement."),
            "2024-06-24T09:15");
  EXPECT_EQ(P("Thứ Năm, 27-06-2024\nThứ Hai, 24-06-2024, 09:15\nQuốc hội thông qua luật\nNgày 23/6, Quốc hội đã thông qua luật sửa đổi với đa số tán thành."),
            "2024-06-24T09:15");
  // An "Updated" stamp after the published one is later: published stays.
  EXPECT_EQ(P("Posted : 2024-06-24 17:42\nUpdated : 2024-06-25 09:10\nBody."), "2024-06-24T17:42");
  EXPECT_EQ(P("Published: 9:15am, 24 Jun 2024\nUpdated: 11:02am, 24 Jun 2024\nBody."), "2024-06-24T09:15");
}

TEST(Title, TitleCaseSiteNamesGiveWay) {
  EXPECT_EQ(FindTitle("South China Morning Post\nFarmers turn to durian as rice margins shrink\nBody."),
            "Farmers turn to durian as rice margins shrink");
  EXPECT_EQ(FindTitle("VIR - Vietnam Investment Review\nHanoi approves $2.8 billion ring road project\nBody."),
            "Hanoi approves $2.8 billion ring road project");
}

TEST(Title, TheHeadlineABylineFollowsOverATagline) {
  EXPECT_EQ(FindTitle("Exclusive news, data and analytics for market professionals\nAsia Pacific\n"
                      "VinFast posts bigger first-quarter loss\nBy Phuong Nguyen\nJune 24, 2024\nBody."),
            "VinFast posts bigger first-quarter loss");
  // With no byline the first candidate stays.
  EXPECT_EQ(FindTitle("Mekong farmers turn to durian as margins shrink\nFarmers are converting paddy fields\n"
                      "Why you can trust us\nPublished: 9:15am, 24 Jun 2024\nBody."),
            "Mekong farmers turn to durian as margins shrink");
}

TEST(Title, PaperNamesGiveWay) {
  EXPECT_EQ(FindTitle("Báo Quân đội Nhân dân\nThủ tướng dự Hội nghị giải ngân vốn đầu tư công\nBody."),
            "Thủ tướng dự Hội nghị giải ngân vốn đầu tư công");
  EXPECT_EQ(FindTitle("Kinh tế & Đô thị\nGiá nhà chung cư tăng 20% trong 6 tháng\nBody."),
            "Giá nhà chung cư tăng 20% trong 6 tháng");
  EXPECT_EQ(FindTitle("Báo động tình trạng ô nhiễm không khí ở Hà Nội\nBody."),
            "Báo động tình trạng ô nhiễm không khí ở Hà Nội");
}

}  // namespace
}  // namespace vnie
