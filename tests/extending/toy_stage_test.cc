// The stage checklist of docs/extending.md, followed once: a toy stage,
// registered by name beside the built-in ones, runs in a chain after the
// stages whose layers it reads.  This one rejects a document in which the
// dates stage found no date, as a filter in front of a sink would.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "app/builtin.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

class NeedsDateStage : public Stage {
 public:
  std::string_view name() const override { return "needs_date"; }
  std::optional<std::string> Process(Document& doc) const override {
    if (doc.dates.empty()) return "no date in the text";
    return std::nullopt;
  }
};

StageRegistry RegistryWithToyStage() {
  StageRegistry registry = BuiltinStages();
  registry.Register("needs_date",
                    [](const PipelineOptions&) { return std::make_unique<NeedsDateStage>(); });
  return registry;
}

Document RunChain(const std::string& text) {
  std::string error;
  auto chain = RegistryWithToyStage().Build({"decode", "normalize", "metadata", "segment", "dates", "needs_date"},
                                            PipelineOptions{}, &error);
  EXPECT_TRUE(chain) << error;
  Document doc;
  doc.raw = text;
  doc.published_hint = "2024-03-01";
  if (chain) chain->Process(doc);
  return doc;
}

TEST(ExtendingStage, RegisteredLastInTheDefaultChain) {
  StageRegistry registry = RegistryWithToyStage();
  ASSERT_FALSE(registry.names().empty());
  EXPECT_EQ(registry.names().back(), "needs_date");
  EXPECT_EQ(registry.names().front(), "decode");
}

TEST(ExtendingStage, ReadsTheLayerOfAnEarlierStage) {
  Document dated = RunChain("The plant opened on 5 March 2023 in Hai Phong.");
  EXPECT_FALSE(dated.rejected) << *dated.rejected;
  ASSERT_EQ(dated.dates.size(), 1u);
  EXPECT_EQ(dated.dates[0].value, "2023-03-05");

  Document undated = RunChain("The plant employs four hundred people in Hai Phong.");
  ASSERT_TRUE(undated.rejected);
  EXPECT_EQ(*undated.rejected, "needs_date: no date in the text");  // the chain names the stage
}

TEST(ExtendingStage, UnknownUntilRegistered) {
  std::string error;
  EXPECT_FALSE(BuiltinStages().Build({"decode", "needs_date"}, PipelineOptions{}, &error));
  EXPECT_NE(error.find("unknown stage 'needs_date'"), std::string::npos);
}

}  // namespace
}  // namespace vnie
