// Paths and helpers shared by vnie's tests (include as "test_paths.h").
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace vnie::testing_paths {

inline std::string SourceDir() { return VNIE_SOURCE_DIR; }
inline std::string VnieBinary() { return VNIE_BINARY; }

// A fresh empty folder under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vnie-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct VnieResult {
  int status = -1;  // exit status, -1 when killed by a signal
  std::string out, err;
};

// Runs the real `vnie ARGS` through the shell with STDIN_BYTES as its input
// and returns its exit status, stdout and stderr.
inline VnieResult RunVnie(const std::string& args, const std::string& stdin_bytes = "") {
  TempDir io;
  WriteFile(io / "in", stdin_bytes);
  std::string cmd = VnieBinary() + " " + args + " <" + (io / "in") + " >" + (io / "out") + " 2>" + (io / "err");
  int raw = std::system(cmd.c_str());
  VnieResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(io / "out");
  r.err = ReadFile(io / "err");
  return r;
}

}  // namespace vnie::testing_paths
