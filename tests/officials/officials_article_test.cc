// The February 19 meeting in Seoul (corpus/articles/seed-000.txt): the short
// mentions "Khanh said" and "Park said" belong to the two vice ministers.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/builtin.h"
#include "pipeline/stage.h"
#include "test_paths.h"

namespace vnie {
namespace {

Document RunFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string error;
  auto chain = BuiltinStages().Build(BuiltinStages().names(), PipelineOptions{}, &error);
  EXPECT_TRUE(chain) << error;
  Document doc;
  doc.raw = bytes.str();
  chain->Process(doc);
  return doc;
}

const Official* Find(const Document& doc, const std::string& name_key) {
  for (const auto& o : doc.officials) {
    if (o.name_key == name_key) return &o;
  }
  return nullptr;
}

bool HasMentionBefore(const Document& doc, const Official& o, const std::string& text,
                                const std::string& next_word) {
  for (const auto& m : o.mentions) {
    if (m.text != text) continue;
    // The byte offset of the mention's end, from its code point offset.
    size_t byte = 0;
    int64_t cp = 0;
    while (byte < doc.text.size() && cp < m.end) {
      unsigned char c = doc.text[byte];
      byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++cp;
    }
    if (doc.text.compare(byte, next_word.size() + 1, " " + next_word) == 0) return true;
  }
  return false;
}

TEST(OfficialsArticle, SeoulMeetingLinksKhanhAndPark) {
  Document doc = RunFile(testing_paths::SourceDir() + "/corpus/articles/seed-000.txt");
  ASSERT_FALSE(doc.rejected);
  const Official* khanh = Find(doc, "tran quoc khanh");
  const Official* park = Find(doc, "park ki young");
  ASSERT_NE(khanh, nullptr);
  ASSERT_NE(park, nullptr);
  EXPECT_EQ(khanh->title, "Vice Minister");
  EXPECT_EQ(khanh->organization, "Ministry of Industry and Trade");
  EXPECT_EQ(khanh->country, "VN");
  EXPECT_EQ(park->title, "Vice Minister");
  EXPECT_EQ(park->organization, "Ministry of Trade, Industry and Energy");
  EXPECT_EQ(park->country, "KR");
  EXPECT_TRUE(HasMentionBefore(doc, *khanh, "Khanh", "said"));
  EXPECT_TRUE(HasMentionBefore(doc, *park, "Park", "said"));
  EXPECT_TRUE(HasMentionBefore(doc, *park, "Park", "added."));
  // The byline "Nguyen Tung" is a journalist, not an official.
  EXPECT_EQ(Find(doc, "nguyen tung"), nullptr);
  EXPECT_EQ(doc.officials.size(), 3u);
}

}  // namespace
}  // namespace vnie
