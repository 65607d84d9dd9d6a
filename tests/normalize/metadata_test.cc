// Published dates and titles from the forms outlets print.
#include <gtest/gtest.h>

#include "pipeline/metadata/published.h"

namespace vnie {
namespace {

std::string P(std::string_view text) { return FindPublished(text).value_or("null"); }

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

TEST(Title, TheHeadlineLine) {
  EXPECT_EQ(FindTitle("Jul 02, 2024 / 17:14\n\nPM urges partners to open markets\n\nBody text here."),
            "PM urges partners to open markets");
  EXPECT_EQ(FindTitle("Cập nhật: 15/03/2024\nHà Nội công bố kế hoạch đầu tư công\n\nChiều 15/3, ..."),
            "Hà Nội công bố kế hoạch đầu tư công");
  EXPECT_FALSE(FindTitle("VIETNAM, August 3 -\n\nSEOUL - A long body sentence that ends like one.").has_value());
}

}  // namespace
}  // namespace vnie
