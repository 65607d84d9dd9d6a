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

}  // namespace
}  // namespace vnie
