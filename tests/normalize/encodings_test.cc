// Done-when check of SPEC.md §4: every Vietnamese article of corpus/articles,
// written in UTF-8 NFD, Windows-1258, VISCII, TCVN3 and VNI (and UTF-16,
// UTF-8 with BOM), and with its tone marks in the other placement, gives the
// same record as the UTF-8 original but for doc_id, encoding and source.
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <filesystem>

#include "app/builtin.h"
#include "pipeline/decode/legacy_codec.h"
#include "pipeline/sinks/record.h"
#include "pipeline/stage.h"
#include "pipeline/text/tone_placement.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::ReadFile;
using testing_paths::SourceDir;

std::string Nfd(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  return out;
}

struct Outcome {
  nlohmann::ordered_json record;
  std::string encoding;
};

Outcome Process(const std::string& raw, const std::string& path) {
  StageRegistry registry = BuiltinStages();
  std::string error;
  auto chain = registry.Build(registry.names(), PipelineOptions{}, &error);
  EXPECT_TRUE(chain) << error;
  Document doc;
  doc.raw = raw;
  doc.source.path = path;
  doc.source.bytes = raw.size();
  chain->Process(doc);
  RecordOptions options;
  options.emit_text = true;
  nlohmann::ordered_json rec = ToRecord(doc, options);
  Outcome run{rec, doc.encoding};
  run.record.erase("doc_id");
  run.record.erase("encoding");
  run.record.erase("source");
  return run;
}

std::vector<std::filesystem::path> VietnameseArticles() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/corpus/articles")) {
    if (entry.path().extension() != ".txt") continue;
    Outcome run = Process(ReadFile(entry.path().string()), entry.path().string());
    if (run.record["lang"] == "vi") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Encodings, EveryVietnameseArticleGivesOneRecordInEveryEncoding) {
  std::vector<std::filesystem::path> articles = VietnameseArticles();
  ASSERT_GE(articles.size(), 5u);
  bool some_tone_moved = false;
  for (const auto& path : articles) {
    std::string utf8 = ReadFile(path.string());
    Outcome original = Process(utf8, path.string());
    ASSERT_EQ(original.record["rejected"], nullptr) << path;
    std::string alternate = PlaceTones(utf8, TonePlacement::kAlternate);
    some_tone_moved |= alternate != utf8;
    for (const std::string& text : {utf8, alternate}) {
      std::string label = path.filename().string() + (text == utf8 ? "" : " (other tone placement)");
      struct Variant {
        std::string name, bytes, expected_encoding;
      };
      std::vector<Variant> variants = {
          {"UTF-8", text, "UTF-8"},
          {"UTF-8 NFD", Nfd(text), "UTF-8"},
          {"UTF-8 BOM", "\xEF\xBB\xBF" + text, "UTF-8"},
          {"UTF-16LE", "\xFF\xFE" + EncodeAs(text, "UTF-16LE").value(), "UTF-16LE"},
          {"UTF-16BE", "\xFE\xFF" + EncodeAs(text, "UTF-16BE").value(), "UTF-16BE"},
      };
      for (const char* legacy : {"windows-1258", "VISCII", "TCVN3", "VNI"}) {
        int64_t lost = 0;
        std::string bytes = EncodeAs(text, legacy, &lost).value();
        EXPECT_EQ(lost, 0) << label << " in " << legacy;
        variants.push_back({legacy, bytes, legacy});
      }
      for (const Variant& v : variants) {
        Outcome run = Process(v.bytes, path.string());
        EXPECT_EQ(run.encoding, v.expected_encoding) << label << " as " << v.name;
        EXPECT_EQ(run.record, original.record) << label << " as " << v.name << ": "
                                               << run.record.dump().substr(0, 400);
      }
    }
  }
  EXPECT_TRUE(some_tone_moved) << "no article has an open oa/oe/uy syllable with a tone";
}

// The record without its offsets (a replacement character shifts those
// after it by one).
nlohmann::ordered_json WithoutOffsets(nlohmann::ordered_json j) {
  if (j.is_object()) {
    j.erase("start");
    j.erase("end");
    for (auto& [key, value] : j.items()) value = WithoutOffsets(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = WithoutOffsets(value);
  }
  return j;
}

// A UTF-8 article with a stray byte (inserted before a line end, the middle
// one), or cut inside its last character, is still UTF-8: the bad bytes
// become U+FFFD and the record keeps its title, dates, money and officials.
TEST(Encodings, Utf8WithAFewBadBytesStaysUtf8) {
  int english = 0, vietnamese = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/corpus/articles")) {
    std::string utf8 = ReadFile(entry.path().string());
    Outcome original = Process(utf8, entry.path().string());
    if (original.record["rejected"] != nullptr) continue;
    (original.record["lang"] == "vi" ? vietnamese : english) += 1;
    size_t middle = utf8.find('\n', utf8.size() / 2);
    ASSERT_NE(middle, std::string::npos);
    std::string trimmed = utf8.substr(0, utf8.find_last_not_of(" \n") + 1);
    const std::pair<std::string, std::string> variants[] = {
        {"a \\xff inserted", utf8.substr(0, middle) + "\xFF" + utf8.substr(middle)},
        {"a \\x80 inserted", utf8.substr(0, middle) + "\x80" + utf8.substr(middle)},
        {"cut inside its last character", trimmed + " \xE1\xBB"},
    };
    for (const auto& [label, bytes] : variants) {
      Outcome run = Process(bytes, entry.path().string());
      EXPECT_EQ(run.encoding, "UTF-8") << entry.path().filename() << " with " << label;
      EXPECT_EQ(run.record["title"], original.record["title"]) << entry.path().filename() << " with " << label;
      for (const char* key : {"lang", "published", "dates", "money", "officials"}) {
        EXPECT_EQ(WithoutOffsets(run.record[key]), WithoutOffsets(original.record[key]))
            << entry.path().filename() << " with " << label << ": " << key;
      }
    }
  }
  EXPECT_GE(english, 3);
  EXPECT_GE(vietnamese, 3);
}

// TCVN3 keeps some capitals (Ú Ý Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ỵ) at control-byte
// positions; text in capitals is text, not a binary file.
TEST(Encodings, AllCapsTcvn3IsText) {
  std::vector<std::string> texts;
  for (const auto& path : VietnameseArticles()) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(ReadFile(path.string()));
    std::string upper;
    u.toUpper(icu::Locale("vi")).toUTF8String(upper);
    texts.push_back(upper);
  }
  // Dense with those capitals.
  texts.push_back(
      "ỨNG VIÊN ỦY BAN TRỰC TIẾP ỨNG CỬ\nTỪ NGÀY 1/7, CỬ TRI BỎ PHIẾU TỰ DO, Ý KIẾN ĐƯỢC GHI NHẬN.\n"
      "ỦY BAN BẦU CỬ ĐÃ THÔNG BÁO KẾT QUẢ SƠ BỘ VÀ SẼ CÔNG BỐ CHÍNH THỨC TRONG TUẦN NÀY.");
  ASSERT_GE(texts.size(), 6u);
  for (const std::string& text : texts) {
    int64_t lost = 0;
    std::string bytes = EncodeAs(text, "TCVN3", &lost).value();
    EXPECT_EQ(lost, 0);
    Outcome original = Process(text, "caps.txt");
    Outcome run = Process(bytes, "caps.txt");
    EXPECT_EQ(run.encoding, "TCVN3") << text.substr(0, 80);
    EXPECT_EQ(run.record["rejected"], nullptr) << text.substr(0, 80);
    EXPECT_EQ(run.record["text"], original.record["text"]) << text.substr(0, 80);
  }
}

}  // namespace
}  // namespace vnie
