#include "pipeline/text/multi_pattern.h"

#ifdef VNIE_HAVE_VECTORSCAN
#include <hs.h>

#include <atomic>
#include <cstdlib>
#include <limits>
#include <new>
#include <stdexcept>
#endif

namespace vnie {

#ifdef VNIE_HAVE_VECTORSCAN

namespace {

// One scratch space per thread, grown to fit every database the thread has
// scanned with (hs_alloc_scratch widens an existing one).
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<bool> fits;  // by database serial number
  ~ThreadScratch() { hs_free_scratch(scratch); }
};

std::atomic<size_t> next_serial{0};

}  // namespace

struct MultiPattern::Impl {
  hs_database_t* db = nullptr;
  size_t serial = 0;
  ~Impl() { hs_free_database(db); }
};

bool MultiPattern::Available() { return true; }

std::unique_ptr<MultiPattern> MultiPattern::FromDatabase(void* db) {
  auto impl = std::make_unique<Impl>();
  impl->db = static_cast<hs_database_t*>(db);
  impl->serial = next_serial++;
  return std::unique_ptr<MultiPattern>(new MultiPattern(std::move(impl)));
}

std::string MultiPattern::Serialize() const {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(impl_->db, &bytes, &length) != HS_SUCCESS) throw std::bad_alloc();
  std::string out(bytes, length);
  free(bytes);
  return out;
}

std::unique_ptr<MultiPattern> MultiPattern::Deserialize(std::string_view bytes) {
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes.data(), bytes.size(), &db) != HS_SUCCESS) return nullptr;
  // A database that this machine cannot scan with fails here, not in a scan.
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    hs_free_database(db);
    return nullptr;
  }
  hs_free_scratch(scratch);
  return FromDatabase(db);
}

std::unique_ptr<MultiPattern> MultiPattern::Compile(const std::vector<Pattern>& patterns, unsigned flags,
                                                    std::vector<size_t>* rejected) {
  unsigned hs_flags = HS_FLAG_UTF8;
  if (flags & kPrefilter) hs_flags |= HS_FLAG_PREFILTER;
  if (flags & kSingleMatch) hs_flags |= HS_FLAG_SINGLEMATCH;
  // The engine names the first pattern it rejects; that one is set aside
  // and the rest compiled again.
  std::vector<size_t> kept(patterns.size());
  for (size_t i = 0; i < kept.size(); ++i) kept[i] = i;
  while (!kept.empty()) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flag_list(kept.size(), hs_flags), ids;
    for (size_t i : kept) {
      expressions.push_back(patterns[i].expression.c_str());
      ids.push_back(patterns[i].id);
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    // No processor features beyond the engine's baseline: the database may
    // be compiled on one machine and read on another.
    hs_platform_info_t platform{};
    platform.tune = HS_TUNE_FAMILY_GENERIC;
    const hs_error_t status = hs_compile_multi(expressions.data(), flag_list.data(), ids.data(),
                                               static_cast<unsigned>(kept.size()), HS_MODE_BLOCK, &platform, &db, &error);
    if (status == HS_SUCCESS) return FromDatabase(db);
    const int bad = error ? error->expression : -1;
    hs_free_compile_error(error);
    if (bad < 0 || static_cast<size_t>(bad) >= kept.size()) {
      // An error of the whole database (too large, out of memory): none is kept.
      if (rejected) rejected->insert(rejected->end(), kept.begin(), kept.end());
      return nullptr;
    }
    if (rejected) rejected->push_back(kept[static_cast<size_t>(bad)]);
    kept.erase(kept.begin() + bad);
  }
  return nullptr;
}

void MultiPattern::ScanWith(std::string_view text, bool (*on_match)(void*, unsigned, size_t), void* context) const {
  thread_local ThreadScratch local;
  if (local.fits.size() <= impl_->serial) local.fits.resize(impl_->serial + 1);
  if (!local.fits[impl_->serial]) {
    if (hs_alloc_scratch(impl_->db, &local.scratch) != HS_SUCCESS) throw std::bad_alloc();
    local.fits[impl_->serial] = true;
  }
  if (text.size() > std::numeric_limits<unsigned>::max()) throw std::length_error("MultiPattern: a text over 4 GB");
  struct Call {
    bool (*on_match)(void*, unsigned, size_t);
    void* context;
  } call{on_match, context};
  const hs_error_t status = hs_scan(
      impl_->db, text.data(), static_cast<unsigned>(text.size()), 0, local.scratch,
      [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* c) -> int {
        auto* call = static_cast<Call*>(c);
        return call->on_match(call->context, id, static_cast<size_t>(to)) ? 0 : 1;
      },
      &call);
  // A scan that fails would miss matches: the caller must not go on as if none.
  if (status != HS_SUCCESS && status != HS_SCAN_TERMINATED) throw std::runtime_error("MultiPattern: scan failed");
}

#else  // no multi-pattern engine

struct MultiPattern::Impl {};

bool MultiPattern::Available() { return false; }

std::unique_ptr<MultiPattern> MultiPattern::Compile(const std::vector<Pattern>&, unsigned, std::vector<size_t>*) {
  return nullptr;
}

std::string MultiPattern::Serialize() const { return {}; }

std::unique_ptr<MultiPattern> MultiPattern::Deserialize(std::string_view) { return nullptr; }

void MultiPattern::ScanWith(std::string_view, bool (*)(void*, unsigned, size_t), void*) const {}

#endif

MultiPattern::MultiPattern(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MultiPattern::~MultiPattern() = default;

}  // namespace vnie
