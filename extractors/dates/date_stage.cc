#include "extractors/dates/date_stage.h"

namespace vnie {
namespace {

class DateStage : public Stage {
 public:
  std::string_view name() const override { return "dates"; }
  std::optional<std::string> Process(Document&) const override { return std::nullopt; }
};

}  // namespace

std::unique_ptr<Stage> MakeDateStage(const PipelineOptions&) { return std::make_unique<DateStage>(); }

}  // namespace vnie
