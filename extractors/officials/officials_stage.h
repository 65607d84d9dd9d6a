// officials: adds the document's officials mentions (SPEC.md §3).
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeOfficialsStage(const PipelineOptions& options);

}  // namespace vnie
