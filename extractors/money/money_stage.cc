#include "extractors/money/money_stage.h"

#include "extractors/money/money_matcher.h"

namespace vnie {
namespace {

class MoneyStage : public Stage {
 public:
  // Builds the matcher now, so that a bad data file fails at start-up.
  MoneyStage() : matcher_(MoneyMatcher::Default()) {}

  std::string_view name() const override { return "money"; }

  std::optional<std::string> Process(Document& doc) const override {
    for (FoundAmount& a : matcher_.Find(doc.text, doc.lang)) {
      MoneyMention m;
      m.span = doc.SpanOfBytes(a.begin, a.end);
      m.amount = std::move(a.amount);
      m.currency = std::move(a.currency);
      m.qualifier = std::move(a.qualifier);
      m.amount_min = std::move(a.amount_min);
      m.amount_max = std::move(a.amount_max);
      doc.money.push_back(std::move(m));
    }
    return std::nullopt;
  }

 private:
  const MoneyMatcher& matcher_;
};

}  // namespace

std::unique_ptr<Stage> MakeMoneyStage(const PipelineOptions&) { return std::make_unique<MoneyStage>(); }

}  // namespace vnie
