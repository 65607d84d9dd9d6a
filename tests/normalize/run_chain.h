// The whole built-in chain over one file, as `vnie run` would process it.
#pragma once

#include <string>

#include "app/builtin.h"
#include "pipeline/stage.h"
#include "test_paths.h"

namespace vnie {

inline Document RunChain(const std::string& path) {
  StageRegistry registry = BuiltinStages();
  std::string error;
  auto chain = registry.Build(registry.names(), PipelineOptions{}, &error);
  Document doc;
  doc.raw = testing_paths::ReadFile(path);
  doc.source.path = path;
  chain->Process(doc);
  return doc;
}

}  // namespace vnie
