// decode: raw bytes -> UTF-8 text, recording the detected encoding.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options);

}  // namespace vnie
