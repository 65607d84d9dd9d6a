#include <gtest/gtest.h>

#include "pipeline/document.h"
#include "pipeline/text/text_index.h"

namespace vnie {
namespace {

TEST(TextIndex, CountsCodePointsNotBytes) {
  std::string text = "Bộ trưởng Nguyễn Hồng Diên said";
  TextIndex index(text);
  EXPECT_EQ(index.CodePoints(), 31);
  size_t byte = text.find("Nguyễn");
  EXPECT_EQ(index.CodePointAt(text, byte), 10);
  EXPECT_EQ(index.CodePointAt(text, text.size()), 31);
  EXPECT_EQ(index.CodePointAt(text, 0), 0);
}

TEST(TextIndex, LongTextCrossesBlocks) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "đồng ";  // 5 code points, 8 bytes
  TextIndex index(text);
  EXPECT_EQ(index.CodePoints(), 500);
  EXPECT_EQ(index.CodePointAt(text, 8 * 37), 5 * 37);
}

TEST(Document, SpanOfBytesGivesPythonSliceOffsets) {
  Document doc;
  doc.text = "Ông Diên nói: 1.000 tỷ đồng";
  doc.IndexText();
  size_t b = doc.text.find("1.000");
  TextSpan span = doc.SpanOfBytes(b, doc.text.size());
  EXPECT_EQ(span.text, "1.000 tỷ đồng");
  EXPECT_EQ(span.start, 14);
  EXPECT_EQ(span.end, 27);
}

}  // namespace
}  // namespace vnie
