// The html stage: a page decoded by the decode stage becomes its article text
// (html_page.h); its headline, date, language and address become the hints
// that metadata reads, where the input gave none.  Text documents pass as
// they are.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace vnie {

std::unique_ptr<Stage> MakeHtmlStage(const PipelineOptions& options);

}  // namespace vnie
