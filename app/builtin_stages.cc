// The one list of the stages vnie ships.  Each stage lives in its own file;
// this file only names them, in pipeline order.
#include "app/builtin.h"
#include "extractors/dates/date_stage.h"
#include "extractors/money/money_stage.h"
#include "extractors/officials/officials_stage.h"
#include "pipeline/decode/decode_stage.h"
#include "pipeline/html/html_stage.h"
#include "pipeline/metadata/metadata_stage.h"
#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/segment/segment_stage.h"
#include "pipeline/stage.h"

namespace vnie {

StageRegistry BuiltinStages() {
  StageRegistry registry;
  registry.Register("decode", MakeDecodeStage);
  registry.Register("html", MakeHtmlStage);
  registry.Register("normalize", MakeNormalizeStage);
  registry.Register("metadata", MakeMetadataStage);
  registry.Register("segment", MakeSegmentStage);
  registry.Register("dates", MakeDateStage);
  registry.Register("money", MakeMoneyStage);
  registry.Register("officials", MakeOfficialsStage);
  return registry;
}

}  // namespace vnie
