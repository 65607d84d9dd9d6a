#include "pipeline/stage.h"

#include <exception>

namespace vnie {

void StageChain::Process(Document& doc) const {
  for (const auto& stage : stages_) {
    if (doc.rejected) return;
    try {
      if (auto reason = stage->Process(doc)) {
        doc.rejected = std::string(stage->name()) + ": " + *reason;
      }
    } catch (const std::exception& e) {
      doc.rejected = std::string(stage->name()) + " failed: " + e.what();
    } catch (...) {
      doc.rejected = std::string(stage->name()) + " failed with an unknown error";
    }
  }
}

std::vector<std::string> StageChain::names() const {
  std::vector<std::string> out;
  for (const auto& s : stages_) out.emplace_back(s->name());
  return out;
}

void StageRegistry::Register(std::string name, StageFactory factory) {
  if (!factories_.contains(name)) order_.push_back(name);
  factories_[std::move(name)] = std::move(factory);
}

std::unique_ptr<StageChain> StageRegistry::Build(const std::vector<std::string>& names,
                                                 const PipelineOptions& options,
                                                 std::string* error) const {
  std::vector<std::unique_ptr<Stage>> stages;
  for (const auto& name : names) {
    auto it = factories_.find(name);
    if (it == factories_.end()) {
      std::string known;
      for (const auto& n : order_) known += (known.empty() ? "" : ", ") + n;
      *error = "unknown stage '" + name + "' (known stages: " + known + ")";
      return nullptr;
    }
    stages.push_back(it->second(options));
  }
  return std::make_unique<StageChain>(std::move(stages));
}

}  // namespace vnie
