// Boilerplate removal on made-up pages (not the dev articles' lines).
#include <gtest/gtest.h>

#include "pipeline/normalize/boilerplate.h"

namespace vnie {
namespace {

TEST(Boilerplate, BreadcrumbsMenusTagsAndShareLinesGo) {
  std::string page =
      "Trang chủ > Thế giới > Châu Á\n"
      "Menu Search Close\n"
      "Ships dock at the new port\n"
      "The port opened on Monday after three years of work.\n"
      "Tags: ports, shipping, trade\n"
      "Share this article\n"
      "Copyright 2024 Example News. All rights reserved.";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Ships dock at the new port\nThe port opened on Monday after three years of work.");
}

TEST(Boilerplate, RelatedBlocksTakeTheirTeasers) {
  std::string page =
      "Giá điện tăng 4,8% từ hôm nay.\n"
      "Bộ Công Thương cho biết giá bán lẻ điện bình quân là 2.103 đồng một kWh.\n"
      "Tin liên quan\n"
      "Giá xăng giảm mạnh trong kỳ điều chỉnh mới\n"
      "Thu ngân sách đạt 1,5 triệu tỷ đồng";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Giá điện tăng 4,8% từ hôm nay.\n"
            "Bộ Công Thương cho biết giá bán lẻ điện bình quân là 2.103 đồng một kWh.");
}

TEST(Boilerplate, TeaserListsLedByTimestampsGoEvenWithoutHeading) {
  std::string page =
      "Exports rose in May.\n"
      "08:15, 2023/05/02\n"
      "Rice prices climb\n"
      "Prices rose by $20 a tonne.\n"
      "19:40, 2023/05/01\n"
      "Ports expand\n"
      "A new berth opens.";
  EXPECT_EQ(RemoveBoilerplate(page), "Exports rose in May.");
}

TEST(Boilerplate, TopicStripsGo) {
  std::string page =
      "HOT TOPICS TODAY Green Growth Forum 2024 Digital Transformation Week Mekong Delta Drought "
      "Southeast Asian Games 2025 Tet Holiday Travel Guide Smart Cities Summit\n"
      "Body text starts here.";
  EXPECT_EQ(RemoveBoilerplate(page), "Body text starts here.");
}

TEST(Boilerplate, BodyCaptionsDatelinesAndHeadlinesStay) {
  std::string page =
      "Jul 02, 2024 / 17:14\n"
      "PM meets investors in Seoul\n"
      "Prime Minister speaks at the meeting. Photo: VNA\n"
      "HANOI, July 3 - The talks covered trade, investment and labour.\n"
      "Officials from Trade / Industry / Energy ministries attended the meeting and agreed on a plan.";
  EXPECT_EQ(RemoveBoilerplate(page), page);
}

TEST(Boilerplate, ABlockInTheMiddleEndsAtTheNextParagraph) {
  std::string page =
      "Đoạn mở đầu của bài viết.\n"
      "Xem thêm:\n"
      "Giá vàng hôm nay tăng 2 triệu đồng\n"
      "\n"
      "Bộ Tài chính cho biết thu ngân sách đạt kế hoạch, theo báo cáo gửi Chính phủ chiều nay.";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Đoạn mở đầu của bài viết.\n\n"
            "Bộ Tài chính cho biết thu ngân sách đạt kế hoạch, theo báo cáo gửi Chính phủ chiều nay.");
}

TEST(Boilerplate, LongListsOfNamesStay) {
  std::string line =
      "Delegates Nguyen Van An, Tran Thi Binh, Le Van Cuong, Pham Thi Dung, Hoang Van Em, "
      "Vo Thi Phuong, Dang Van Giang and Bui Thi Hoa Attended The Opening Ceremony In Hanoi";
  EXPECT_EQ(RemoveBoilerplate(line), line);
}

TEST(Boilerplate, CommonBlockHeadingsInBothLanguages) {
  const std::string body =
      "Rice exports rose 12% in the first half, the ministry said on Friday.";
  for (std::string heading : {"READ NEXT", "Most viewed", "Most popular", "Trending now", "You may also like",
                              "Recommended for you", "Latest news", "More from Example Wire", "Related stories",
                              "Xem nhiều", "Tin mới", "Tin nổi bật", "Đọc nhiều nhất", "Có thể bạn quan tâm",
                              "Tin khác", "Các tin đã đưa"}) {
    std::string page = body + "\n\n" + heading +
                       "\nCoffee prices hit a two-year high\nPort of Hai Phong adds a new berth 2023-04-11 10:20";
    EXPECT_EQ(RemoveBoilerplate(page), body) << heading;
  }
}

TEST(Boilerplate, TeaserListsKnownByTheirShapeWhateverTheHeading) {
  // A heading no rule names, then headlines each carrying their own stamp.
  std::string page =
      "Gạo xuất khẩu tăng giá trong tháng 6, theo Hiệp hội Lương thực Việt Nam cho biết hôm nay.\n"
      "\n"
      "Đừng bỏ lỡ\n"
      "- Giá cà phê lập đỉnh mới trong 10 năm (14/06/2024)\n"
      "- Cảng Cái Mép đón tàu lớn nhất từ trước đến nay (13/06/2024)\n"
      "- Xuất khẩu thủy sản phục hồi mạnh - 3 giờ trước";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Gạo xuất khẩu tăng giá trong tháng 6, theo Hiệp hội Lương thực Việt Nam cho biết hôm nay.");
  std::string en =
      "The central bank kept its policy rate unchanged at 4.5% on Thursday, citing stable inflation.\n"
      "\n"
      "Elsewhere on the site\n"
      "1. Steel makers face higher export duties, Mar 3, 2025\n"
      "2. Will the dong weaken further? 02/03/2025 18:45\n"
      "3. Mar 1, 2025 - Airline orders twenty new jets\n"
      "4. Tourism arrivals hit record | 5 hours ago";
  EXPECT_EQ(RemoveBoilerplate(en),
            "The central bank kept its policy rate unchanged at 4.5% on Thursday, citing stable inflation.");
}

TEST(Boilerplate, HeadlinesPrintedAboveTheirStampsGoWithTheList) {
  std::string page =
      "Hanoi will open two new metro stations next month, the city said in a statement.\n"
      "Coffee prices hit a two-year high\n"
      "2024-05-02 08:10\n"
      "Port of Hai Phong adds a new berth\n"
      "2024-05-01 17:45";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Hanoi will open two new metro stations next month, the city said in a statement.");
}

TEST(Boilerplate, OneLineLinksAndHashtagsGo) {
  std::string page =
      "Đoạn mở đầu của bài viết về giá điện, theo thông báo của Bộ Công Thương chiều nay.\n"
      "Xem thêm: Giá điện tăng từ ngày 11/10/2024\n"
      "Read more: Power prices to rise from October 11, 2024\n"
      "Đoạn thứ hai của bài viết.\n"
      "Keywords\n"
      "#energy #prices #EVN";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Đoạn mở đầu của bài viết về giá điện, theo thông báo của Bộ Công Thương chiều nay.\n"
            "Đoạn thứ hai của bài viết.");
}

TEST(Boilerplate, StampedLinesOfTheArticleStay) {
  // A byline with its stamp before the body, one stamped line in the body,
  // sentences that end with a date, and a list of dated events whose items
  // are too short to be headlines.
  std::string page =
      "Lawmakers approve next year's budget\n"
      "By Staff Reporter   March 14, 2024 | 09:05 pm GMT+7\n"
      "Updated by the desk 15/03/2024 08:00\n"
      "\n"
      "The National Assembly approved the budget on Thursday, with 440 deputies voting in favour.\n"
      "The first session opened on Oct 21, 2024.\n"
      "The second session closes on Nov 30, 2024.\n"
      "Timeline:\n"
      "Vote Nov 5, 2024\n"
      "Inauguration Jan 20, 2025";
  EXPECT_EQ(RemoveBoilerplate(page), page);
  // A list of documents, each with the date it was issued.
  std::string vi =
      "Thông tư hướng dẫn thực hiện các quy định sau đây, theo công văn của Bộ Tài chính gửi các địa phương.\n"
      "- Nghị định số 15/2022/NĐ-CP ban hành ngày 28/01/2022\n"
      "- Nghị quyết số 43/2022/QH15 được Quốc hội thông qua vào 11/01/2022\n"
      "- Quyết định của Thủ tướng có hiệu lực từ 01/03/2022";
  EXPECT_EQ(RemoveBoilerplate(vi), vi);
}

TEST(Boilerplate, SectionMenusFooterLinksAndCookieBannersGo) {
  std::string page =
      "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.\n"
      "Thời sự Thế giới Kinh doanh Bất động sản Sức khỏe\n"
      "News Business Life Travel Sports\n"
      "Tài chính - Ngân hàng\n"
      "Hôm nay: Thứ năm, 27/06/2024\n"
      "Kinh tế Việt Nam tăng trưởng 6,9% trong quý II\n"
      "Tổng cục Thống kê cho biết GDP quý II tăng 6,93% so với cùng kỳ năm trước.\n"
      "Print Email Comment\n"
      "Bình luận (12)\n"
      "Copy link\n"
      "Contact us | Advertise | Privacy Policy";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Kinh tế Việt Nam tăng trưởng 6,9% trong quý II\n"
            "Tổng cục Thống kê cho biết GDP quý II tăng 6,93% so với cùng kỳ năm trước.");
}

TEST(Boilerplate, MenuWordsInsideArticleLinesStay) {
  // Section names, cookies and "today" in sentences and headlines are text.
  std::string page =
      "Thị trường bất động sản phục hồi trong quý II\n"
      "Kinh doanh bất động sản và tài chính ngân hàng là hai ngành tăng mạnh nhất.\n"
      "The regulator said the website uses cookies to track users without their consent.\n"
      "Hôm nay, 27/06/2024, Quốc hội thông qua Luật Đất đai sửa đổi.\n"
      "World Business News\n"
      "Business and politics mix in the new cabinet, analysts said.";
  std::string kept = RemoveBoilerplate(page);
  EXPECT_NE(kept.find("Kinh doanh bất động sản và tài chính"), std::string::npos);
  EXPECT_NE(kept.find("uses cookies to track users"), std::string::npos);
  EXPECT_NE(kept.find("Quốc hội thông qua"), std::string::npos);
  EXPECT_NE(kept.find("Business and politics mix"), std::string::npos);
  EXPECT_NE(kept.find("Thị trường bất động sản phục hồi"), std::string::npos);
}

TEST(Boilerplate, TwoPartArrowBreadcrumbsHashtagsOfWordsAndNumberedListsGo) {
  std::string page =
      "Business > Companies\n"
      "Port operator doubles capacity\n"
      "The operator said capacity doubled to 2 million containers a year in 2024.\n"
      "#Vietnam Japan #ODA #metro\n"
      "Most read\n"
      "1\n"
      "Gold prices drop sharply on June 22\n"
      "2\n"
      "Rice exports hit 2.6 billion USD";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Port operator doubles capacity\n"
            "The operator said capacity doubled to 2 million containers a year in 2024.");
}

TEST(Boilerplate, TeasersStampedWithDayAndMonthOnlyGo) {
  std::string page =
      "Xuất khẩu gạo tăng mạnh\n"
      "Khối lượng gạo xuất khẩu 6 tháng đạt 4,7 triệu tấn, trị giá 2,8 tỷ USD.\n"
      "Cà phê xuất khẩu lập kỷ lục 4 tỷ USD\n"
      "23/06\n"
      "Giá phân bón tăng 15% trong quý II\n"
      "22/06";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Xuất khẩu gạo tăng mạnh\n"
            "Khối lượng gạo xuất khẩu 6 tháng đạt 4,7 triệu tấn, trị giá 2,8 tỷ USD.");
}

TEST(Boilerplate, FollowLinesAndTeasersWithSummariesAtTheEndGo) {
  std::string page =
      "Chủ tịch Quốc hội tiếp Chủ tịch Hạ viện Nhật Bản\n"
      "Chủ tịch Quốc hội đề nghị nâng kim ngạch thương mại lên 50 tỷ USD trong năm 2025.\n"
      "Theo dõi Báo Tin Mới trên Google News\n"
      "Like us on Facebook or follow us on Twitter to get the latest news!\n"
      "Tin liên quan\n"
      "Thủ tướng tiếp Đại sứ Nhật Bản\n"
      "VOV.VN - Ngày 20/6, Thủ tướng cam kết thúc đẩy dự án 2 tỷ USD.\n"
      "Hai nước ký thỏa thuận vay 1,2 tỷ USD\n"
      "VOV.VN - Hai bên ký thỏa thuận vay vốn ODA ngày 18/6.";
  EXPECT_EQ(RemoveBoilerplate(page),
            "Chủ tịch Quốc hội tiếp Chủ tịch Hạ viện Nhật Bản\n"
            "Chủ tịch Quốc hội đề nghị nâng kim ngạch thương mại lên 50 tỷ USD trong năm 2025.");
  // Following a story is text.
  std::string text = "Theo dõi diễn biến trên Facebook, cơ quan chức năng đã xác minh 12 tài khoản.";
  EXPECT_EQ(RemoveBoilerplate(text), text);
}

TEST(Boilerplate, LongMenusWithSectionsTheDataLacks) {
  EXPECT_EQ(RemoveBoilerplate("World Business Markets Sustainability Legal Breakingviews Technology\n"
                              "Thời sự Góc nhìn Thế giới Video Podcasts Kinh doanh Bất động sản Khoa học\n"
                              "Trở lại Kinh doanh\nÝ kiến (0)\nBody sentence that ends here."),
            "Body sentence that ends here.");
  // Headlines naming a few sections stay: too few known names, or a word
  // in lower case.
  std::string heads =
      "Vietnam China Trade Talks Resume\n"
      "World Business leaders meet in Hanoi\n"
      "Kinh tế Thế giới Tài chính Chứng khoán biến động mạnh";
  EXPECT_EQ(RemoveBoilerplate(heads), heads);
}

TEST(Boilerplate, TheSiteClockAboveAnEarlierArticleStampGoes) {
  EXPECT_EQ(RemoveBoilerplate("Tuesday, June 25, 2024 22:10\nHanoi approves ring road\nJune 24, 2024 | 09:15\n"
                              "The city approved the plan on Monday, officials said in a statement."),
            "Hanoi approves ring road\nJune 24, 2024 | 09:15\n"
            "The city approved the plan on Monday, officials said in a statement.");
  // The article's stamp and its later update stay.
  std::string updated = "Thứ Hai, 24/06/2024 09:15\nCập nhật: Thứ Ba, 25/06/2024 10:00\n"
                        "Quốc hội thông qua luật sửa đổi với đa số đại biểu tán thành hôm nay.";
  EXPECT_EQ(RemoveBoilerplate(updated), updated);
}

TEST(Boilerplate, AMarkerLabellingTheArticleTakesOnlyItself) {
  EXPECT_EQ(RemoveBoilerplate("Tiêu điểm\nHà Nội: Giá nhà chung cư tăng 20% trong 6 tháng\nThứ năm, 04/07/2024 - 14:20\n"
                              "Giá căn hộ chung cư tại Hà Nội trong quý II tăng khoảng 20% so với cùng kỳ năm trước."),
            "Hà Nội: Giá nhà chung cư tăng 20% trong 6 tháng\nThứ năm, 04/07/2024 - 14:20\n"
            "Giá căn hộ chung cư tại Hà Nội trong quý II tăng khoảng 20% so với cùng kỳ năm trước.");
}

}  // namespace
}  // namespace vnie
