#include <spdlog/spdlog.h>

#include <sstream>

#include "app/builtin.h"
#include "app/cli/commands.h"

namespace vnie {

std::unique_ptr<StageChain> BuildChain(const CommonOptions& common) {
  StageRegistry registry = BuiltinStages();
  std::vector<std::string> names;
  if (common.stages.empty()) {
    names = registry.names();
  } else {
    std::stringstream in(common.stages);
    std::string name;
    while (std::getline(in, name, ',')) {
      if (!name.empty()) names.push_back(name);
    }
  }
  std::string error;
  PipelineOptions options = common.pipeline;
  options.max_bytes = common.max_bytes;
  auto chain = registry.Build(names, options, &error);
  if (!chain) spdlog::error("--stages: {}", error);
  return chain;
}

}  // namespace vnie
