// No prebuilt line filter: what dates_scan_gen itself links with (the
// grammar then compiles its databases when it is built).
#include "extractors/dates/date_grammar_impl.h"

namespace vnie::dates {

const std::vector<PrebuiltScan>& PrebuiltScans() {
  static const std::vector<PrebuiltScan> kNone;
  return kNone;
}

}  // namespace vnie::dates
