// money: adds the document's money mentions (SPEC.md §3).
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeMoneyStage(const PipelineOptions& options);

}  // namespace vnie
