// The stages and sinks vnie ships: the one place that names every
// extractor and sink.  The library (pipeline/) defines the registries; the
// command, the library's public face and the tests start from these lists.
//
//   StageRegistry stages = BuiltinStages();
//   SinkRegistry sinks = BuiltinSinks();
#pragma once

#include "pipeline/sinks/sink_registry.h"
#include "pipeline/stage.h"

namespace vnie {

// The stages, registered in pipeline order:
// decode, html, normalize, metadata, segment, dates, money, officials.
StageRegistry BuiltinStages();

// The sinks, registered in help order: sqlite (the default), csv, jsonl,
// postgresql.
SinkRegistry BuiltinSinks();

}  // namespace vnie
