// The date stage takes time in proportion to its input: one sentence of a
// megabyte (a page with no full stops, a repeated phrase) costs about four
// times a quarter of it, not sixteen.
#include <gtest/gtest.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/builtin.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VNIE_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(VNIE_SANITIZED)
constexpr size_t kSmall = 64 << 10;  // the sanitizer build is some ten times slower
#else
constexpr size_t kSmall = 256 << 10;
#endif

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// UNIT repeated up to BYTES bytes (whole code points).
std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  while (out.size() + unit.size() <= bytes) out += unit;
  size_t rest = bytes - out.size();
  while (rest > 0 && rest < unit.size() && (static_cast<unsigned char>(unit[rest]) & 0xC0) == 0x80) --rest;
  return out + unit.substr(0, std::min(rest, unit.size()));
}

// The CPU seconds the segment and dates stages take on TEXT, the least of RUNS runs.
double Cost(const std::string& text, const std::string& lang, int runs) {
  static const auto chain = [] {
    std::string error;
    return BuiltinStages().Build({"segment", "dates"}, PipelineOptions{}, &error);
  }();
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    Document doc;
    doc.text = text;
    doc.lang = lang;
    doc.published = "2024-07-02";
    const double t0 = CpuSeconds();
    chain->Process(doc);
    best = std::min(best, CpuSeconds() - t0);
    EXPECT_FALSE(doc.rejected.has_value());
  }
  return best;
}

// Four times the input must cost well under sixteen times as much (the
// square); eight times leaves room for a loaded machine.
void ExpectLinear(const std::string& unit, const std::string& lang) {
  const double small = Cost(Repeat(unit, kSmall), lang, 2);
  const double large = Cost(Repeat(unit, 4 * kSmall), lang, 1);
  EXPECT_LT(large, 8 * small + 0.05) << "small " << small << " s, large " << large << " s";
}

TEST(DatesLinear, RepeatedYearRange) { ExpectLinear("from 2011 to ", "en"); }
TEST(DatesLinear, RepeatedMonthOfYear) { ExpectLinear("tháng 1 năm ", "vi"); }
TEST(DatesLinear, RepeatedMonthRange) { ExpectLinear("từ tháng 1 đến ", "vi"); }
TEST(DatesLinear, DatesWithNoSpaceBetween) { ExpectLinear("(1/1/2020)", "en"); }

// The repository's articles in LANG with their sentence ends taken out: one
// sentence as long as all of them.
std::string ArticlesWithoutStops(bool vietnamese) {
  std::string all;
  for (const auto& e : std::filesystem::directory_iterator(std::string(VNIE_SOURCE_DIR) + "/corpus/articles")) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string t = ss.str();
    if ((t.find("\xC4\x91") != std::string::npos) != vietnamese) continue;  // đ
    for (char& c : t) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') c = ' ';
    }
    all += t;
  }
  return all;
}

TEST(DatesLinear, ArticlesWithoutFullStops) {
  for (bool vietnamese : {false, true}) {
    const std::string text = ArticlesWithoutStops(vietnamese);
    ASSERT_FALSE(text.empty());
    ExpectLinear(text, vietnamese ? "vi" : "en");
  }
}

}  // namespace
}  // namespace vnie
