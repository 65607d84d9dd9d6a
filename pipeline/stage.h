// The stage interface and the registry that builds a chain of stages by name.
//
//   StageRegistry registry = BuiltinStages();   // app/builtin.h
//   auto chain = registry.Build({"decode", "normalize", "metadata", "segment",
//                                "dates"}, options, &error);
//   Document doc = ...;
//   chain->Process(doc);   // doc.rejected says whether it went through
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnie {

// Settings every stage may read; set from the command line.
// The largest document read by default (--max-bytes): far above any
// article, small enough that a few jobs' worth fit in memory.
inline constexpr uint64_t kDefaultMaxBytes = uint64_t{64} << 20;

struct PipelineOptions {
  std::optional<std::string> encoding;  // --encoding: skip detection
  bool emit_text = false;               // --emit-text
  // --max-bytes, for what a compressed document inflates to (the file's own
  // size is checked where it is read).
  uint64_t max_bytes = kDefaultMaxBytes;
};

// One named step.  Process() must be safe to call from several threads at
// once on different documents: stages keep no per-document state.
class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Adds this stage's layer to DOC.  Returns a reason when DOC cannot be
  // processed (it becomes doc.rejected); std::nullopt otherwise.
  virtual std::optional<std::string> Process(Document& doc) const = 0;
};

using StageFactory = std::function<std::unique_ptr<Stage>(const PipelineOptions&)>;

// A chain of stages, run in order on one document at a time.
class StageChain {
 public:
  explicit StageChain(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}
  // Runs every stage on DOC until one rejects it.  An exception thrown by a
  // stage is caught and becomes the rejection reason, so one bad document
  // never stops a batch.
  void Process(Document& doc) const;
  std::vector<std::string> names() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

class StageRegistry {
 public:
  // Registers FACTORY under NAME, appended to the default chain.
  void Register(std::string name, StageFactory factory);
  // Builds the stages NAMES in the order given.  On an unknown name returns
  // nullptr and sets *ERROR to a message that lists the known names.
  std::unique_ptr<StageChain> Build(const std::vector<std::string>& names,
                                    const PipelineOptions& options, std::string* error) const;
  // Every registered name, in registration order (the default chain).
  const std::vector<std::string>& names() const { return order_; }

 private:
  std::map<std::string, StageFactory, std::less<>> factories_;
  std::vector<std::string> order_;
};

}  // namespace vnie
