// Many patterns, one pass: which of them match in a text and where each
// match ends.  Built on Vectorscan when vnie is built with it
// (VNIE_VECTORSCAN); without it Compile() returns nothing and the caller
// keeps its own way.
//
//   std::vector<size_t> rejected;
//   auto mp = MultiPattern::Compile({{"\\d{4}", 0}, {"(?i:march)", 1}}, MultiPattern::kPrefilter, &rejected);
//   if (mp) mp->Scan(text, [&](unsigned id, size_t end) { ...; return true; });
//
// A database is read-only once built and serves every thread; each thread
// scans with its own scratch space, made the first time it scans.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace vnie {

class MultiPattern {
 public:
  struct Pattern {
    std::string expression;  // PCRE syntax, as RE2 reads it (named groups allowed)
    unsigned id = 0;
  };
  enum Flags : unsigned {
    // A match may be reported where the pattern does not match (never the
    // reverse): for patterns the engine cannot match exactly.
    kPrefilter = 1,
    // Each pattern reports at most its first match per scan.
    kSingleMatch = 2,
  };

  // Whether vnie was built with a multi-pattern engine.
  static bool Available();

  // One database of PATTERNS (UTF-8; \b \w \d \s ASCII, as in RE2).  The
  // indices into PATTERNS of those the engine cannot compile go to
  // *REJECTED, and the database holds the others.  Returns null when the
  // engine is not available or rejects them all.
  static std::unique_ptr<MultiPattern> Compile(const std::vector<Pattern>& patterns, unsigned flags,
                                               std::vector<size_t>* rejected);

  // The database as bytes, and a database from such bytes (null when this
  // engine cannot read them: another version of it, or not available), so
  // that a build can compile what a run only reads.  A database is compiled
  // for any machine of the architecture that compiles it, not for that one
  // machine's processor features.
  std::string Serialize() const;
  static std::unique_ptr<MultiPattern> Deserialize(std::string_view bytes);

  // Calls ON_MATCH(id, end) for each match in TEXT (valid UTF-8), END the
  // byte after it; ON_MATCH returns false to stop the scan.  ON_MATCH must
  // not scan with a MultiPattern itself.
  template <class F>
  void Scan(std::string_view text, F&& on_match) const {
    using Fn = std::remove_reference_t<F>;
    ScanWith(text, [](void* context, unsigned id, size_t end) { return (*static_cast<Fn*>(context))(id, end); },
             const_cast<void*>(static_cast<const void*>(&on_match)));
  }

  ~MultiPattern();
  MultiPattern(const MultiPattern&) = delete;
  MultiPattern& operator=(const MultiPattern&) = delete;

 private:
  struct Impl;
  explicit MultiPattern(std::unique_ptr<Impl> impl);
  static std::unique_ptr<MultiPattern> FromDatabase(void* db);  // takes an hs_database_t
  void ScanWith(std::string_view text, bool (*on_match)(void*, unsigned, size_t), void* context) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnie
