// Helpers shared by the batch tests (include as "batch/batch_helpers.h").
#pragma once

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/sqlite/sqlite_db.h"
#include "test_paths.h"

namespace vnie::batch_testing {

// The first column of the first row of QUERY on the SQLite file DB_PATH, or
// -1 when there is no row.
inline int64_t Count(const std::string& db_path, const std::string& query) {
  sql::Db db(db_path);
  sql::Stmt s(db, query);
  return s.Step() ? s.Int(0) : -1;
}

// N small distinct articles under DIR, built from the corpus articles.
inline void MakeArticles(const std::string& dir, int n) {
  namespace fs = std::filesystem;
  using testing_paths::ReadFile;
  std::vector<std::string> seeds;
  for (const auto& e : fs::directory_iterator(testing_paths::SourceDir() + "/corpus/articles")) {
    seeds.push_back(ReadFile(e.path()));
  }
  std::sort(seeds.begin(), seeds.end());
  for (int i = 0; i < n; ++i) {
    std::string body = seeds[i % seeds.size()].substr(0, 600 + (i * 37) % 400);
    char name[64];
    std::snprintf(name, sizeof name, "/%02d/article-%05d.txt", i % 10, i);
    testing_paths::WriteFile(dir + name, "Article " + std::to_string(i) + "\n\n" + body +
                                             "\nOn 3 March 2024 the ministry set aside " + std::to_string(1000 + i) +
                                             " billion dong.\n");
  }
}

// Runs COMMAND with /bin/sh and returns its exit status (-1 when killed).
inline int Shell(const std::string& command) {
  int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace vnie::batch_testing
