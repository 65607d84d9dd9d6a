// dates: adds the document's dates mentions (SPEC.md §3).
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeDateStage(const PipelineOptions& options);

}  // namespace vnie
