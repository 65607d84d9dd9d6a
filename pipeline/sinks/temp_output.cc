#include "pipeline/sinks/temp_output.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <string_view>

namespace vnie {
namespace fs = std::filesystem;

namespace {

// True when no process PID exists (a process we may not signal still runs).
bool ProcessIsGone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

void RemoveStaleTemps(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".tmp.";
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view digits = std::string_view(name).substr(prefix.size());
    pid_t pid = 0;
    auto [rest, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (err != std::errc() || rest != digits.data() + digits.size() || pid <= 0) continue;
    if (pid == ::getpid() || !ProcessIsGone(pid)) continue;
    std::error_code remove_ec;
    fs::remove_all(it->path(), remove_ec);
  }
}

}  // namespace

std::string TempOutputPath(const std::string& target) {
  RemoveStaleTemps(fs::path(target));
  return target + ".tmp." + std::to_string(::getpid());
}

}  // namespace vnie
