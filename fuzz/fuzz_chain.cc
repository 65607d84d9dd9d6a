// A libFuzzer target: one stage chain over arbitrary input, then the record
// written as JSON.  Compiled once per target with VNIE_FUZZ_STAGES (the
// chain) and VNIE_FUZZ_INPUT (raw: bytes of any encoding, detected; text:
// UTF-8 as `vnie extract` gives it; html: a page).  Any crash, leak or
// undefined behaviour is a finding; a rejected document is not.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "app/builtin.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/stage.h"

namespace {

const vnie::StageChain& Chain() {
  static const std::unique_ptr<vnie::StageChain> chain = [] {
    std::vector<std::string> names;
    std::stringstream in(VNIE_FUZZ_STAGES);
    for (std::string name; std::getline(in, name, ',');) names.push_back(name);
    std::string error;
    auto built = vnie::BuiltinStages().Build(names, vnie::PipelineOptions{}, &error);
    if (!built) {
      std::fprintf(stderr, "fuzz target: %s\n", error.c_str());
      std::abort();
    }
    return built;
  }();
  return *chain;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vnie::Document doc;
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  doc.doc_id = "fuzz";
  const std::string input = VNIE_FUZZ_INPUT;
  if (input == "text") doc.encoding_hint = "UTF-8";
  if (input == "html") doc.is_html = true;
  Chain().Process(doc);
  std::string line = vnie::RecordLine(doc, vnie::RecordOptions{true});
  if (line.empty() || line.back() != '\n') std::abort();
  return 0;
}
