// Throughput of the normalize stage on text that is already NFC, on one core.
//   bench_normalize [FILE...] [--mb N]
// Repeats the given articles (default: corpus/articles) up to N MB (default
// 64) of NFC text, runs the normalize stage over each article copy in turn
// and prints MB/s.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app/builtin.h"
#include "pipeline/stage.h"
#include "pipeline/normalize/boilerplate.h"
#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/text/char_cleanup.h"
#include "pipeline/text/text_index.h"
#include "pipeline/text/tone_placement.h"
#include "pipeline/text/unicode_text.h"

// CPU time of this thread: the figure holds on a machine shared with others.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

int main(int argc, char** argv) {
  std::vector<std::string> files;
  double target_mb = 64;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) target_mb = std::stod(argv[++i]);
    else files.push_back(a);
  }
  if (files.empty()) {
    for (const auto& e : std::filesystem::directory_iterator(VNIE_SOURCE_DIR "/corpus/articles"))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    texts.push_back(vnie::ToNfc(s));
  }
  vnie::StageRegistry registry = vnie::BuiltinStages();
  std::string error;
  auto chain = registry.Build({"normalize"}, vnie::PipelineOptions{}, &error);
  if (!chain) {
    std::cerr << error << "\n";
    return 2;
  }
  // Warm up (tables, ICU data).
  for (const auto& t : texts) {
    vnie::Document d;
    d.text = t;
    chain->Process(d);
  }
  size_t bytes = 0;
  double start = CpuSeconds();
  while (bytes < target_mb * 1e6) {
    for (const auto& t : texts) {
      vnie::Document d;
      d.text = t;
      chain->Process(d);
      bytes += t.size();
    }
  }
  double secs = CpuSeconds() - start;
  if (std::getenv("VNIE_BENCH_PARTS")) {
    // Each step of the stage alone, for finding the slow one.
    auto part = [&](const char* name, auto fn) {
      size_t n = 0;
      double t0 = CpuSeconds();
      while (n < 16e6) {
        for (const auto& t : texts) {
          fn(t);
          n += t.size();
        }
      }
      double s = CpuSeconds() - t0;
      std::printf("  %-12s %.1f MB/s\n", name, n / 1e6 / s);
    };
    part("cleanup", [](const std::string& t) { return vnie::CleanCharacters(t).size(); });
    part("nfc", [](const std::string& t) { return vnie::ToNfc(t).size(); });
    part("tones", [](const std::string& t) { return vnie::PlaceTones(t).size(); });
    part("boilerplate", [](const std::string& t) { return vnie::RemoveBoilerplate(t).size(); });
    part("index", [](const std::string& t) { return vnie::TextIndex(t).CodePoints(); });
  }
  std::printf("normalize: %.1f MB of NFC text (%zu articles) in %.2f s of CPU on one core: %.1f MB/s\n", bytes / 1e6,
              texts.size(), secs, bytes / 1e6 / secs);
  return 0;
}
