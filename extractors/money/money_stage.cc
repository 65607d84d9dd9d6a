#include "extractors/money/money_stage.h"

namespace vnie {
namespace {

class MoneyStage : public Stage {
 public:
  std::string_view name() const override { return "money"; }
  std::optional<std::string> Process(Document&) const override { return std::nullopt; }
};

}  // namespace

std::unique_ptr<Stage> MakeMoneyStage(const PipelineOptions&) { return std::make_unique<MoneyStage>(); }

}  // namespace vnie
