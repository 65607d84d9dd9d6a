#include <gtest/gtest.h>

#include <stdexcept>

#include "app/builtin.h"
#include "pipeline/stage.h"

namespace vnie {
namespace {

class FailingStage : public Stage {
 public:
  std::string_view name() const override { return "boom"; }
  std::optional<std::string> Process(Document&) const override { throw std::runtime_error("bad table"); }
};

class CountingStage : public Stage {
 public:
  std::string_view name() const override { return "count"; }
  std::optional<std::string> Process(Document& doc) const override {
    doc.text += "+";
    return std::nullopt;
  }
};

TEST(StageRegistry, BuiltinOrderIsThePipelineOrder) {
  StageRegistry registry = BuiltinStages();
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"decode", "html", "normalize", "metadata", "segment", "dates",
                                                        "money", "officials"}));
}

TEST(StageRegistry, BuildsASubsetInTheGivenOrder) {
  std::string error;
  auto chain = BuiltinStages().Build({"decode", "normalize"}, PipelineOptions{}, &error);
  ASSERT_TRUE(chain) << error;
  EXPECT_EQ(chain->names(), (std::vector<std::string>{"decode", "normalize"}));
  Document doc;
  doc.raw = "Xin  chào\r\n";
  chain->Process(doc);
  EXPECT_FALSE(doc.rejected);
  EXPECT_EQ(doc.text, "Xin chào");
  EXPECT_EQ(doc.encoding, "UTF-8");
}

TEST(StageRegistry, UnknownNameListsTheKnownOnes) {
  std::string error;
  auto chain = BuiltinStages().Build({"decode", "sentiment"}, PipelineOptions{}, &error);
  EXPECT_FALSE(chain);
  EXPECT_NE(error.find("unknown stage 'sentiment'"), std::string::npos);
  EXPECT_NE(error.find("officials"), std::string::npos);
}

TEST(StageChain, ExceptionBecomesRejectionAndStopsTheChain) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<CountingStage>());
  stages.push_back(std::make_unique<FailingStage>());
  stages.push_back(std::make_unique<CountingStage>());
  StageChain chain(std::move(stages));
  Document doc;
  chain.Process(doc);
  ASSERT_TRUE(doc.rejected);
  EXPECT_EQ(*doc.rejected, "boom failed: bad table");
  EXPECT_EQ(doc.text, "+");
}

TEST(StageChain, EmptyInputIsRejectedWithReason) {
  std::string error;
  auto chain = BuiltinStages().Build(BuiltinStages().names(), PipelineOptions{}, &error);
  Document doc;
  chain->Process(doc);
  ASSERT_TRUE(doc.rejected);
  EXPECT_NE(doc.rejected->find("empty file"), std::string::npos);
}

}  // namespace
}  // namespace vnie
