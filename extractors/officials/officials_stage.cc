#include "extractors/officials/officials_stage.h"

#include <algorithm>

#include "extractors/officials/name_tokens.h"
#include "extractors/officials/official_coreference.h"
#include "extractors/officials/official_matcher.h"
#include "extractors/officials/officials_lexicon.h"

namespace vnie {
namespace {

class OfficialsStage : public Stage {
 public:
  // Loads the lexicons now, so a broken data file stops start-up, not a batch.
  OfficialsStage() : lex_(OfficialsLexicon::Get()) {}

  std::string_view name() const override { return "officials"; }

  std::optional<std::string> Process(Document& doc) const override {
    doc.officials.clear();
    std::vector<NameToken> tokens = TokenizeForNames(doc.text, 0, doc.text.size());
    lex_.Intern(tokens);
    // Paragraphs bound every pattern; sentences are not needed.
    std::vector<ByteRange> ranges = doc.paragraphs;
    if (ranges.empty()) ranges.push_back({0, doc.text.size()});
    TokenRanges paragraphs;
    auto first_at = [&](size_t byte) {
      return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), byte,
                                                  [](const NameToken& t, size_t b) { return t.begin < b; }) -
                                 tokens.begin());
    };
    std::vector<TitledMention> titled;
    const ListedBodies bodies = FindListedBodies(tokens, lex_);
    for (const ByteRange& r : ranges) {
      size_t b = first_at(r.begin), e = first_at(r.end);
      paragraphs.push_back({b, e});
      std::vector<TitledMention> found = FindTitledMentions(doc.text, tokens, b, e, lex_, bodies);
      titled.insert(titled.end(), found.begin(), found.end());
    }
    std::vector<OfficialEntity> people = ResolveOfficials(doc.text, tokens, paragraphs, std::move(titled), lex_,
                                                          doc.lang == "vi");
    int entity = 0;
    for (const OfficialEntity& p : people) {
      Official o;
      o.entity = ++entity;
      o.name = p.name;
      o.name_key = p.name_key;
      o.title = p.title.empty() ? "other" : p.title;
      if (!p.organization.empty()) o.organization = p.organization;
      if (!p.country.empty()) o.country = p.country;
      for (const auto& [b, e] : p.mentions) o.mentions.push_back(doc.SpanOfBytes(b, e));
      doc.officials.push_back(std::move(o));
    }
    return std::nullopt;
  }

 private:
  const OfficialsLexicon& lex_;
};

}  // namespace

std::unique_ptr<Stage> MakeOfficialsStage(const PipelineOptions&) { return std::make_unique<OfficialsStage>(); }

}  // namespace vnie
