#include "extractors/officials/officials_stage.h"

namespace vnie {
namespace {

class OfficialsStage : public Stage {
 public:
  std::string_view name() const override { return "officials"; }
  std::optional<std::string> Process(Document&) const override { return std::nullopt; }
};

}  // namespace

std::unique_ptr<Stage> MakeOfficialsStage(const PipelineOptions&) { return std::make_unique<OfficialsStage>(); }

}  // namespace vnie
