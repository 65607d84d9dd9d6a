// End-to-end tests: the real vnie binary on real files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/sources/folder_source.h"
#include "test_paths.h"

namespace vnie {
namespace {

using Json = nlohmann::json;
using testing_paths::ReadFile;
using testing_paths::SourceDir;
using testing_paths::TempDir;
using testing_paths::VnieBinary;
using testing_paths::WriteFile;

using Result = testing_paths::VnieResult;
using testing_paths::RunVnie;

std::vector<Json> Lines(const std::string& s) {
  std::vector<Json> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(Json::parse(line));
  return out;
}

TEST(Cli, RunOverCorpusWritesOneRecordPerArticle) {
  TempDir dir;
  std::string articles = SourceDir() + "/corpus/articles";
  Result r = RunVnie("run " + articles + " --out " + (dir / "out.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << "stdout carries only data";
  auto records = Lines(ReadFile(dir / "out.jsonl"));
  SourceListing listing = ListSourceFiles({articles});
  ASSERT_EQ(records.size(), listing.files.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& rec = records[i];
    std::string bytes = ReadFile(listing.files[i].path);
    EXPECT_EQ(rec["schema"], 1);
    EXPECT_EQ(rec["source"]["path"], listing.files[i].path);
    EXPECT_EQ(rec["source"]["bytes"], bytes.size());
    EXPECT_EQ(rec["doc_id"], ContentId(bytes));
    EXPECT_TRUE(rec["rejected"].is_null()) << rec["rejected"];
    EXPECT_TRUE(rec["lang"] == "en" || rec["lang"] == "vi");
    for (const char* key : {"dates", "money", "officials"}) EXPECT_TRUE(rec[key].is_array());
  }
}

TEST(Cli, MentionOffsetsPointIntoTheEmittedText) {
  Result r = RunVnie("run " + SourceDir() + "/corpus/articles --emit-text --out -");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const Json& rec : Lines(r.out)) {
    std::u32string text;
    {
      // Decode UTF-8 text to code points to slice like Python does.
      std::string t = rec["text"];
      for (size_t i = 0; i < t.size();) {
        unsigned char c = t[i];
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (t[i + k] & 0x3F);
        text.push_back(cp);
        i += len;
      }
    }
    auto check = [&](const Json& m) {
      size_t start = m["start"], end = m["end"];
      ASSERT_LE(end, text.size());
      std::string slice;
      for (size_t i = start; i < end; ++i) {
        char32_t cp = text[i];
        if (cp < 0x80) slice += char(cp);
        else if (cp < 0x800) { slice += char(0xC0 | (cp >> 6)); slice += char(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) { slice += char(0xE0 | (cp >> 12)); slice += char(0x80 | ((cp >> 6) & 0x3F)); slice += char(0x80 | (cp & 0x3F)); }
        else { slice += char(0xF0 | (cp >> 18)); slice += char(0x80 | ((cp >> 12) & 0x3F)); slice += char(0x80 | ((cp >> 6) & 0x3F)); slice += char(0x80 | (cp & 0x3F)); }
      }
      EXPECT_EQ(slice, m["text"].get<std::string>());
    };
    for (const auto& d : rec["dates"]) check(d);
    for (const auto& m : rec["money"]) check(m);
    for (const auto& o : rec["officials"])
      for (const auto& m : o["mentions"]) check(m);
  }
}

TEST(Cli, BadFilesAreRejectedAndTheRestWritten) {
  TempDir dir;
  WriteFile(dir / "in/1-good.txt", "Hanoi, July 2 (VNA) - Vietnam's exports rose.");
  WriteFile(dir / "in/2-empty.txt", "");
  WriteFile(dir / "in/3-binary.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  std::filesystem::create_symlink("nowhere", dir / "in/4-unreadable.txt");
  WriteFile(dir / "in/5-good.txt", "Thủ tướng Phạm Minh Chính phát biểu tại Hà Nội.");
  Result r = RunVnie("run " + (dir / "in") + " --out " + (dir / "out.jsonl"));
  EXPECT_EQ(r.status, 1) << r.err;
  auto records = Lines(ReadFile(dir / "out.jsonl"));
  ASSERT_EQ(records.size(), 5u);
  EXPECT_TRUE(records[0]["rejected"].is_null());
  EXPECT_NE(records[1]["rejected"]["reason"].get<std::string>().find("empty"), std::string::npos);
  EXPECT_NE(records[2]["rejected"]["reason"].get<std::string>().find("binary"), std::string::npos);
  EXPECT_NE(records[3]["rejected"]["reason"].get<std::string>().find("cannot read"), std::string::npos);
  EXPECT_TRUE(records[4]["rejected"].is_null());
  EXPECT_EQ(records[4]["lang"], "vi");
  for (const char* name : {"2-empty.txt", "3-binary.bin", "4-unreadable.txt"}) {
    EXPECT_NE(r.err.find(name), std::string::npos) << "no log line names " << name;
  }
}

TEST(Cli, WhitespaceAndBomOnlyFilesAreEmpty) {
  TempDir dir;
  const std::string blanks[] = {" \n\t\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n", "\xFF\xFE",
                                std::string("\xFF\xFE \0\n\0", 6), "\xC2\xA0\n\xE3\x80\x80\xE2\x80\x8B"};
  for (size_t i = 0; i < std::size(blanks); ++i) WriteFile(dir / ("in/" + std::to_string(i) + ".txt"), blanks[i]);
  WriteFile(dir / "in/9-text.txt", "\xEF\xBB\xBF  Exports rose.  \n");
  Result r = RunVnie("run " + (dir / "in") + " --out -");
  EXPECT_EQ(r.status, 1) << r.err;
  auto records = Lines(r.out);
  ASSERT_EQ(records.size(), std::size(blanks) + 1);
  for (size_t i = 0; i < std::size(blanks); ++i) {
    ASSERT_FALSE(records[i]["rejected"].is_null()) << i << ": " << records[i];
    EXPECT_NE(records[i]["rejected"]["reason"].get<std::string>().find("empty file"), std::string::npos) << i;
  }
  EXPECT_TRUE(records.back()["rejected"].is_null()) << records.back();
  // And on extract.
  r = RunVnie("extract", "{\"id\": \"b\", \"text\": \" \\n\\u00a0 \"}\n");
  EXPECT_EQ(r.status, 1);
  auto extracted = Lines(r.out);
  ASSERT_EQ(extracted.size(), 1u);
  EXPECT_NE(extracted[0]["rejected"]["reason"].get<std::string>().find("empty file"), std::string::npos);
}

TEST(Cli, MissingPathIsLoggedAndTheRestWritten) {
  TempDir dir;
  WriteFile(dir / "a.txt", "Seoul, July 21 (Yonhap) -- Trade rose.");
  Result r = RunVnie("run " + (dir / "a.txt") + " " + (dir / "missing") + " --out -");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out).size(), 1u);
  EXPECT_NE(r.err.find("missing: no such file or folder"), std::string::npos) << r.err;
}

TEST(Cli, NothingToReadIsAUsageError) {
  Result r = RunVnie("run /no/such/path --out -");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, UnwritableOutputIsFatal) {
  Result r = RunVnie("run " + SourceDir() + "/corpus/articles --out /no/such/folder/out.jsonl");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("/no/such/folder"), std::string::npos);
}

TEST(Cli, BadUsage) {
  EXPECT_EQ(RunVnie("frobnicate").status, 2);
  EXPECT_EQ(RunVnie("run corpus --stages decode,sentiment").status, 2);
  EXPECT_EQ(RunVnie("run corpus --log-level chatty").status, 2);
  Result help = RunVnie("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("extract"), std::string::npos);
  Result version = RunVnie("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("vnie ", 0), 0u);
}

TEST(Cli, ExtractKeepsOneLinePerInputInOrder) {
  std::string input =
      "{\"id\":\"a\",\"text\":\"On July 2, 2024, Prime Minister Pham Minh Chinh met ...\"}\n"
      "not json\n"
      "{\"id\":\"c\",\"text\":\"\"}\n"
      "{\"text\":\"Hà Nội, ngày 03 tháng 04 năm 2024\",\"published\":\"2024-04-03\",\"lang\":\"vi\"}\n";
  Result r = RunVnie("extract", input);
  EXPECT_EQ(r.status, 1) << "two lines are rejected";
  auto records = Lines(r.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["doc_id"], "a");
  EXPECT_TRUE(records[0]["rejected"].is_null());
  EXPECT_NE(records[1]["rejected"]["reason"].get<std::string>().find("line 2"), std::string::npos);
  EXPECT_EQ(records[2]["doc_id"], "c");
  EXPECT_FALSE(records[2]["rejected"].is_null());
  EXPECT_EQ(records[3]["lang"], "vi");
  EXPECT_EQ(records[3]["published"], "2024-04-03");
  EXPECT_EQ(records[3]["doc_id"].get<std::string>().size(), 32u);
}

TEST(Cli, ExtractTakesOnlyRealPublishedDatesAndKnownLanguages) {
  const std::string en = "Exports rose last year, the minister said.";
  const std::string vi = "Hà Nội, ngày 03 tháng 04 năm 2024. Xuất khẩu tăng mạnh trong năm ngoái.";
  struct Case {
    std::string published;
    bool kept;
    std::string as = published;  // the record's published when kept
  };
  const Case cases[] = {{"2024", true},        {"2024-07", true},      {"2024-02-29", true},
                        {"2024-07-02T11:03", true}, {"2024-13-45", false}, {"99999-01-01", false},
                        {"2023-02-29", false}, {"0999-01-01", false},  {"3000", false},
                        {"2024-07-02T24:00", false}, {"2024-7-2", false}, {"yesterday", false},
                        {"2024-07-02T11:03:00+07:00", true, "2024-07-02T11:03"}};
  std::string input;
  for (const Case& c : cases) input += Json{{"text", en}, {"published", c.published}, {"lang", "en"}}.dump() + "\n";
  Result r = RunVnie("extract", input);
  ASSERT_EQ(r.status, 0) << r.err;
  auto records = Lines(r.out);
  ASSERT_EQ(records.size(), std::size(cases));
  for (size_t i = 0; i < records.size(); ++i) {
    const Case& c = cases[i];
    const std::string line = "input line " + std::to_string(i + 1) + ": published '" + c.published + "'";
    if (c.kept) {
      EXPECT_EQ(records[i]["published"], c.as);
      EXPECT_EQ(r.err.find(line), std::string::npos) << r.err;
    } else {
      // Dropped with a warning naming the line; "last year" has no anchor.
      EXPECT_TRUE(records[i]["published"].is_null()) << c.published << ": " << records[i]["published"];
      EXPECT_NE(r.err.find(line), std::string::npos) << c.published << "\n" << r.err;
      ASSERT_EQ(records[i]["dates"].size(), 1u) << records[i]["dates"];
      EXPECT_TRUE(records[i]["dates"][0]["value"].is_null()) << records[i]["dates"];
    }
  }

  // Languages are case-folded; one that is neither en nor vi is detected.
  input = Json{{"text", vi}, {"lang", "VI"}}.dump() + "\n" + Json{{"text", en}, {"lang", "En"}}.dump() + "\n" +
          Json{{"text", vi}, {"lang", "fr"}}.dump() + "\n" + Json{{"text", en}, {"language", "xx"}}.dump() + "\n";
  r = RunVnie("extract", input);
  ASSERT_EQ(r.status, 0) << r.err;
  records = Lines(r.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["lang"], "vi");
  EXPECT_EQ(records[0]["published"], "2024-04-03");
  EXPECT_FALSE(records[0]["dates"].empty()) << "Vietnamese dates are read under \"VI\"";
  EXPECT_EQ(records[1]["lang"], "en");
  EXPECT_EQ(records[2]["lang"], "vi");
  EXPECT_EQ(records[3]["lang"], "en");
  EXPECT_NE(r.err.find("input line 3: lang 'fr'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("input line 4: lang 'xx'"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("input line 1: lang"), std::string::npos) << r.err;
}

TEST(Cli, LogFormatJsonWritesJsonLinesToStderr) {
  Result r = RunVnie("run /no/such/path /also/missing --out - --log-format json");
  std::istringstream in(r.err);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    Json j = Json::parse(line);
    EXPECT_EQ(j["level"], "error");
    EXPECT_TRUE(j["message"].is_string());
    ++lines;
  }
  EXPECT_GE(lines, 2);
}

TEST(Cli, TextLogsEscapeControlCharactersInFileNames) {
  TempDir dir;
  // An empty file is rejected, and the rejection is logged with its name.
  WriteFile(dir / "in/a\n2026-01-01 00:00:00.000 vnie error: forged\r\x1b[2K.txt", "");
  Result r = RunVnie("run " + (dir / "in") + " --out -");
  EXPECT_EQ(r.status, 1) << r.err;
  std::istringstream in(r.err);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    // The forged text shows only inside the escaped name.
    if (line.find("forged") != std::string::npos) {
      EXPECT_NE(line.find("a\\n2026"), std::string::npos) << line;
    }
    EXPECT_EQ(line.find_first_of("\r\x1b"), std::string::npos) << line;
    EXPECT_TRUE(line.starts_with("20") && line.find(" vnie ") == 23) << line;
  }
  EXPECT_GE(lines, 2);
  EXPECT_NE(r.err.find("a\\n2026-01-01 00:00:00.000 vnie error: forged\\r\\x1b[2K.txt"), std::string::npos) << r.err;
}

TEST(Cli, NormalizePrintsTextAndFold) {
  Result text = RunVnie("normalize -", "Nguye\xCC\x82\xCC\x83n  Ho\xCC\x82\xCC\x80ng Die\xCC\x82n\n");
  EXPECT_EQ(text.status, 0);
  EXPECT_EQ(text.out, "Nguyễn Hồng Diên\n");
  Result fold = RunVnie("normalize --fold", "Nguyễn Hồng Diên\n");
  EXPECT_EQ(fold.out, "nguyen hong dien\n");
}

}  // namespace
}  // namespace vnie
