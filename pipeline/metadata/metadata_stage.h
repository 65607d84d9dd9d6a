// metadata: see pipeline/document.h for what this stage adds to a Document.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeMetadataStage(const PipelineOptions& options);

}  // namespace vnie
