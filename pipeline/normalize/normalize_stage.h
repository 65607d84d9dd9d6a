// normalize: see pipeline/document.h for what this stage adds to a Document.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions& options);

// The text half of the stage, for tools and tests: plain characters and
// whitespace (pipeline/text/char_cleanup.h), NFC, one tone placement
// (pipeline/text/tone_placement.h), then boilerplate removal
// (pipeline/normalize/boilerplate.h) when REMOVE_BOILERPLATE is set.
std::string NormalizeText(std::string_view text, bool remove_boilerplate = true);

}  // namespace vnie
