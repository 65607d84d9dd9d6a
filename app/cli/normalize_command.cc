#include <spdlog/spdlog.h>

#include <iostream>

#include "app/cli/commands.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {

int NormalizeCommand(const CommonOptions& common, const std::string& file, bool fold) {
  Document doc;
  if (file.empty() || file == "-") {
    doc.source.path = "-";
    char buf[1 << 16];
    std::streamsize n;
    while ((n = std::cin.rdbuf()->sgetn(buf, sizeof buf)) > 0) {
      if (doc.raw.size() + n > common.max_bytes) {
        spdlog::error("-: more than {} bytes (--max-bytes)", common.max_bytes);
        return kExitRejected;
      }
      doc.raw.append(buf, n);
    }
  } else {
    doc = ReadSourceFile({file, file}, common.max_bytes);
  }
  CommonOptions decode_only = common;
  decode_only.stages = "decode,html,normalize";
  auto chain = BuildChain(decode_only);
  if (!chain) return kExitUsage;
  chain->Process(doc);
  if (doc.rejected) {
    spdlog::error("{}: {}", doc.source.path, *doc.rejected);
    return kExitRejected;
  }
  std::string out;
  if (fold) {
    // Fold line by line, so the key form keeps the text's lines.
    size_t start = 0;
    while (start <= doc.text.size()) {
      size_t end = doc.text.find('\n', start);
      if (end == std::string::npos) end = doc.text.size();
      out += AsciiFold(std::string_view(doc.text).substr(start, end - start));
      out.push_back('\n');
      start = end + 1;
    }
  } else {
    out = doc.text + "\n";
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  std::cout.flush();
  return std::cout ? kExitOk : kExitFatal;
}

}  // namespace vnie
