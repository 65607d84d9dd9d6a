// Batch ingestion end to end: the real vnie binary writing a real SQLite
// file, rerun, changed, killed and run twice at once.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>
#include <thread>

#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sqlite/sqlite_db.h"
#include "pipeline/state/state_store.h"
#include "batch/batch_helpers.h"
#include "test_paths.h"

extern char** environ;

namespace vnie {
namespace {

namespace fs = std::filesystem;
using testing_paths::ReadFile;
using testing_paths::SourceDir;
using testing_paths::TempDir;
using testing_paths::VnieBinary;
using testing_paths::WriteFile;

using Result = testing_paths::VnieResult;
using testing_paths::RunVnie;
using batch_testing::Count;
using batch_testing::MakeArticles;

// Starts vnie with ARGS in the background; returns its pid.
pid_t SpawnVnie(const std::vector<std::string>& args, const std::string& err_path) {
  std::vector<std::string> all = {VnieBinary()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, all[0].c_str(), &fa, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every row of every output table, in key order, as text.
std::string DumpTables(const std::string& db_path) {
  sql::Db db(db_path);
  std::string out;
  for (const char* q : {"SELECT doc_id, source_path, source_bytes, encoding, lang, title, published, rejected "
                        "FROM documents ORDER BY doc_id",
                        "SELECT * FROM dates ORDER BY doc_id, seq", "SELECT * FROM money ORDER BY doc_id, seq",
                        "SELECT * FROM officials ORDER BY doc_id, entity",
                        "SELECT * FROM official_mentions ORDER BY doc_id, entity, seq"}) {
    sql::Stmt s(db, q);
    while (s.Step()) {
      for (int c = 0; c < 10; ++c) out += s.Text(c) + "|";
      out += "\n";
    }
  }
  return out;
}

void SetOldMtime(const std::string& path) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

TEST(Batch, IngestTwiceGivesSameRows) {
  TempDir dir;
  MakeArticles(dir / "in", 40);
  std::string db = dir / "out.db";
  std::string args = "run " + (dir / "in") + " --out " + db + " --settle 0 --jobs 2";
  Result r = RunVnie(args);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("40 new, 0 changed, 0 unchanged"), std::string::npos) << r.err;
  std::string first = DumpTables(db);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 40);
  EXPECT_EQ(Count(db, "PRAGMA user_version"), 2);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM money WHERE typeof(amount) <> 'text'"), 0);

  r = RunVnie(args);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 new, 0 changed, 40 unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(DumpTables(db), first);

  r = RunVnie(args + " --reprocess --jobs 1");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(DumpTables(db), first);
  EXPECT_EQ(Count(db + ".state", "SELECT count(*) FROM files WHERE status = 'done'"), 40);
}

TEST(Batch, JsonlWithStateRecordsItsFilesOnlyOnceTheFileIsInPlace) {
  // More files than one commit interval (500): their states are set aside in
  // the state store as the run goes, and recorded after the rename.
  TempDir dir;
  MakeArticles(dir / "in", 1100);
  std::string state = dir / "s.state";
  Result r = RunVnie("run " + (dir / "in") + " --out " + (dir / "d1.jsonl") + " --state " + state + " --settle 0");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1100 new, 0 changed, 0 unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(Count(state, "SELECT count(*) FROM files WHERE status = 'done'"), 1100);
  r = RunVnie("run " + (dir / "in") + " --out " + (dir / "d2.jsonl") + " --state " + state + " --settle 0");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 new, 0 changed, 1100 unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(dir / "d2.jsonl"), "");
}

TEST(Batch, StagedStatesAreRecordedOnlyWhenAsked) {
  TempDir dir;
  SqliteStateStore store(dir / "s.state");
  store.Stage({FileState{"/a", 1, 2, "h1", "done", "", 3}, FileState{"/b", 4, 5, "h2", "rejected", "bad", 6}});
  EXPECT_FALSE(store.Get("/a"));
  store.Record({FileState{"/c", 7, 8, "h3", "done", "", 9}});
  store.RecordStaged();
  auto b = store.Get("/b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->hash, "h2");
  EXPECT_EQ(b->error, "bad");
  EXPECT_TRUE(store.Get("/a"));
  EXPECT_TRUE(store.Get("/c"));
  store.RecordStaged();  // nothing staged: nothing happens
  EXPECT_EQ(Count(dir / "s.state", "SELECT count(*) FROM files"), 3);
}

TEST(Batch, NestedFoldersAreWrittenInPathOrderWithoutOwnFilesAcrossShards) {
  TempDir dir;
  // '-' < '/' < '0': "a-b.txt" before "a/...", "a0.txt" after it.
  const std::vector<std::string> names = {"a0.txt", "a/y/2.txt", "a-b.txt", "a/x.txt", "a/y-z.txt", "b.txt",
                                          "a/y/1.txt", "c/d/e/f.txt", ".hidden.txt"};
  for (const auto& n : names) WriteFile(dir / ("in/" + n), "Seoul, July 21 (Yonhap) -- " + n + " rose.");
  std::vector<std::string> expected;
  for (const auto& n : names) {
    if (!n.starts_with(".")) expected.push_back(dir / ("in/" + n));
  }
  std::sort(expected.begin(), expected.end());
  auto paths = [](const std::string& jsonl) {
    std::vector<std::string> out;
    std::istringstream in(jsonl);
    std::string line;
    while (std::getline(in, line)) {
      auto key = line.find("\"path\":\"");
      if (key != std::string::npos) out.push_back(line.substr(key + 8, line.find('"', key + 8) - key - 8));
    }
    return out;
  };
  // The output and its state live in the folder being ingested: left out.
  std::string args = "run " + (dir / "in") + " --settle 0 --state " + (dir / "in/c/run.state");
  Result r = RunVnie(args + " --out " + (dir / "in/a/out.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(paths(ReadFile(dir / "in/a/out.jsonl")), expected);
  fs::remove(dir / "in/a/out.jsonl");
  std::vector<std::string> all;
  for (int k = 0; k < 3; ++k) {
    std::string out = dir / ("shard-" + std::to_string(k) + ".jsonl");
    r = RunVnie(args + " --reprocess --shard " + std::to_string(k) + "/3 --out " + out);
    ASSERT_EQ(r.status, 0) << r.err;
    auto part = paths(ReadFile(out));
    EXPECT_TRUE(std::is_sorted(part.begin(), part.end()));
    all.insert(all.end(), part.begin(), part.end());
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, expected);
}

TEST(Batch, ChangedFileIsReingestedAndNewFilePickedUp) {
  TempDir dir;
  MakeArticles(dir / "in", 12);
  std::string db = dir / "out.db";
  std::string args = "run " + (dir / "in") + " --out " + db + " --settle 0";
  ASSERT_EQ(RunVnie(args).status, 0);
  std::string changed = dir / "in/03/article-00003.txt";
  std::string old_id;
  {
    sql::Db d(db);
    sql::Stmt s(d, "SELECT doc_id FROM documents WHERE source_path = ?1");
    s.Bind(1, changed);
    ASSERT_TRUE(s.Step());
    old_id = s.Text(0);
  }
  WriteFile(changed, ReadFile(changed) + "\nUpdated: the fund grew to 2,500 billion dong.\n");
  WriteFile(dir / "in/new/fresh.txt", "A new article. On 5 May 2024 the city spent 7 million USD.\n");
  // Touched but unchanged: recorded again, not rewritten.
  fs::last_write_time(dir / "in/04/article-00004.txt", fs::file_time_type::clock::now() - std::chrono::hours(2));
  Result r = RunVnie(args);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1 new, 1 changed, 11 unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 13);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents WHERE doc_id = '" + old_id + "'"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents WHERE source_path = '" + changed + "'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents WHERE source_path LIKE '%fresh.txt'"), 1);
}

TEST(Batch, RecentFilesSettleUntilTheNextRun) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "On 2 June 2024 the council approved 3 billion dong.\n");
  std::string db = dir / "out.db";
  Result r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 600");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1 left to settle"), std::string::npos) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 0);
  SetOldMtime(dir / "in/a.txt");
  r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 600");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 1);
}

TEST(Batch, ARunByHandTakesFreshFilesAtOnceAndLeavesUnfinishedOnesOut) {
  TempDir dir;
  const std::string body = "On 2 June 2024 the council approved 3 billion dong.\n";
  WriteFile(dir / "in/a.txt", body);
  for (const char* name : {"b.txt.part", "c.tmp", "d.html.crdownload", "e.txt~"}) WriteFile(dir / ("in/" + std::string(name)), body);
  std::string db = dir / "out.db";
  // No --settle: files copied a moment ago are taken; a cron run passes --settle 10.
  Result r = RunVnie("run " + (dir / "in") + " --out " + db);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 left to settle, 4 unfinished"), std::string::npos) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 1);
  // Named on the command line, an unfinished-looking file is read all the same.
  r = RunVnie("run " + (dir / "in/c.tmp") + " --out " + (dir / "one.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(ReadFile(dir / "one.jsonl").find("c.tmp"), std::string::npos);
}

TEST(Batch, ARunThatProcessesNothingSaysWhy) {
  TempDir dir;
  fs::create_directories(dir / "empty");
  Result r = RunVnie("run " + (dir / "empty") + " --out " + (dir / "o.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("nothing processed: no article files"), std::string::npos) << r.err;
  WriteFile(dir / "in/a.txt.part", "On 2 June 2024 the council approved 3 billion dong.\n");
  r = RunVnie("run " + (dir / "in") + " --out " + (dir / "o.jsonl"));
  EXPECT_NE(r.err.find("nothing processed: 0 files left to settle, 1 unfinished"), std::string::npos) << r.err;
  WriteFile(dir / "in/b.txt", "On 2 June 2024 the council approved 3 billion dong.\n");
  SetOldMtime(dir / "in/b.txt");
  ASSERT_EQ(RunVnie("run " + (dir / "in/b.txt") + " --out " + (dir / "o.db")).status, 0);
  r = RunVnie("run " + (dir / "in/b.txt") + " --out " + (dir / "o.db"));
  EXPECT_NE(r.err.find("nothing processed: all 1 files are unchanged"), std::string::npos) << r.err;
}

TEST(Batch, KilledRunThenRerunLeavesEveryDocumentOnce) {
  TempDir dir;
  const int n = 3000;
  MakeArticles(dir / "in", n);
  std::string db = dir / "out.db";
  pid_t pid = SpawnVnie({"run", dir / "in", "--out", db, "--settle", "0", "--jobs", "2"}, dir / "killed.err");
  // Kill it once some documents are committed (or after a while).
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (fs::exists(db + ".state") && i > 20) {
      try {
        if (Count(db, "SELECT count(*) FROM documents") > 0) break;
      } catch (const std::exception&) {
      }
    }
  }
  kill(pid, SIGKILL);
  WaitExit(pid);
  int64_t before = Count(db, "SELECT count(*) FROM documents");
  EXPECT_LT(before, n) << "the run ended before it was killed: the test proves less";
  Result r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0 --jobs 2");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), n);
  EXPECT_EQ(Count(db, "SELECT count(DISTINCT source_path) FROM documents"), n);
  EXPECT_EQ(Count(db + ".state", "SELECT count(*) FROM files WHERE status = 'done'"), n);
  // Every money row belongs to a document, once.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM money WHERE doc_id NOT IN (SELECT doc_id FROM documents)"), 0);
}

TEST(Batch, TwoRunsTogetherLeaveOneRecordPerDocument) {
  TempDir dir;
  const int n = 300;
  MakeArticles(dir / "in", n);
  std::string db = dir / "out.db";
  std::vector<std::string> args = {"run", dir / "in", "--out", db, "--settle", "0", "--jobs", "1"};
  pid_t a = SpawnVnie(args, dir / "a.err");
  pid_t b = SpawnVnie(args, dir / "b.err");
  EXPECT_EQ(WaitExit(a), 0) << ReadFile(dir / "a.err");
  EXPECT_EQ(WaitExit(b), 0) << ReadFile(dir / "b.err");
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), n);
  EXPECT_EQ(Count(db, "SELECT count(DISTINCT source_path) FROM documents"), n);

  // While a lock is held a run exits at once with status 0 and says why.
  auto lock = RunLock::Acquire(db + ".state.lock", false);
  ASSERT_TRUE(lock);
  Result r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("another vnie run holds"), std::string::npos) << r.err;
}

TEST(Batch, BadFilesAreReportedAndGoodOnesIngested) {
  TempDir dir;
  MakeArticles(dir / "in", 6);
  WriteFile(dir / "in/empty.txt", "");
  std::string binary("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20);
  for (int i = 0; i < 50; ++i) binary += std::string("\0\x01\x02\xff", 4);
  WriteFile(dir / "in/binary.txt", binary);
  std::string undecodable;
  for (int i = 0; i < 200; ++i) undecodable += "\x81\x8d\x8f\x90\x9d\xff\xfe";
  WriteFile(dir / "in/undecodable.txt", undecodable);
  fs::create_symlink(dir / "nowhere.txt", dir / "in/unreadable.txt");
  std::string db = dir / "out.db";
  Result r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0 --quarantine " + (dir / "q"));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents WHERE rejected IS NULL AND source_path LIKE '%article-%'"), 6);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 10);
  for (const char* bad : {"empty.txt", "binary.txt", "undecodable.txt", "unreadable.txt"}) {
    EXPECT_NE(r.err.find(std::string("rejected ") + (dir / "in/") + bad), std::string::npos) << bad << r.err;
    // A file that could not be read is kept apart: the next run tries it again.
    std::string status = bad == std::string("unreadable.txt") ? "unreadable" : "rejected";
    EXPECT_EQ(Count(db + ".state", "SELECT count(*) FROM files WHERE status = '" + status + "' AND path LIKE '%" +
                                       bad + "'"),
              1)
        << bad;
    EXPECT_TRUE(fs::exists(dir / (std::string("q/") + bad + ".reason"))) << bad;
  }
  EXPECT_TRUE(fs::exists(dir / "q/binary.txt"));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents WHERE source_path LIKE '%undecodable.txt' "
                      "AND rejected LIKE '%undecodable%'"),
            1);
  // A rerun leaves the rejected files alone until they change; the
  // unreadable one is tried again, and being the same, counted unchanged.
  r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 10);
}

TEST(Batch, MetricsFileIsPrometheusText) {
  TempDir dir;
  MakeArticles(dir / "in", 3);
  WriteFile(dir / "in/empty.txt", "");
  Result r = RunVnie("run " + (dir / "in") + " --out " + (dir / "o.db") + " --settle 0 --metrics-file " +
                              (dir / "vnie.prom"));
  EXPECT_EQ(r.status, 1) << r.err;
  std::string m = ReadFile(dir / "vnie.prom");
  EXPECT_NE(m.find("# TYPE vnie_documents gauge\n"), std::string::npos) << m;
  EXPECT_NE(m.find("vnie_documents{status=\"done\"} 3\n"), std::string::npos) << m;
  EXPECT_NE(m.find("vnie_documents{status=\"rejected\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("vnie_last_success_timestamp_seconds "), std::string::npos) << m;
  EXPECT_FALSE(fs::exists(dir / "in/vnie.prom"));
}

TEST(Batch, CsvCellsThatSpreadsheetsReadAsFormulasAreNeutralised) {
  EXPECT_EQ(CsvField("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  for (const char* cell : {"+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
    EXPECT_EQ(CsvField(cell).find('\''), CsvField(cell).starts_with("\"") ? 1u : 0u) << cell;
  }
  for (const char* cell : {"-12", "-0.5", "a=b", "", "2+2"}) EXPECT_EQ(CsvField(cell), cell);  // numbers, plain text

  TempDir dir;
  WriteFile(dir / "in/a.txt", "=SUM(1+2) Exports rose, sharply, in July\n\nHanoi, July 2 - Exports rose.\n");
  Result r = RunVnie("run " + (dir / "in") + " --out " + (dir / "out.csv"));
  ASSERT_EQ(r.status, 0) << r.err;
  std::string docs = ReadFile(dir / "out.csv/documents.csv");
  EXPECT_NE(docs.find(",\"'=SUM(1+2) Exports rose"), std::string::npos) << docs;
  EXPECT_EQ(docs.find(",\"=SUM("), std::string::npos) << docs;
}

TEST(Batch, CsvFolderHasTheSqliteColumns) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  TempDir dir;
  MakeArticles(dir / "in", 5);
  Result r = RunVnie("run " + (dir / "in") + " --out " + (dir / "out.csv/"));
  ASSERT_EQ(r.status, 0) << r.err;
  std::string docs = ReadFile(dir / "out.csv/documents.csv");
  EXPECT_TRUE(docs.starts_with("doc_id,source_path,source_bytes,encoding,lang,title,published,rejected,source_url,source_offset\r\n")) << docs;
  EXPECT_EQ(std::count(docs.begin(), docs.end(), '\n'), 6);
  for (const char* t : {"dates", "money", "officials", "official_mentions"}) {
    EXPECT_TRUE(fs::exists(dir / (std::string("out.csv/") + t + ".csv"))) << t;
  }
  // Rewritten whole on the next run: still one line per document.
  ASSERT_EQ(RunVnie("run " + (dir / "in") + " --format csv --out " + (dir / "out.csv")).status, 0);
  docs = ReadFile(dir / "out.csv/documents.csv");
  EXPECT_EQ(std::count(docs.begin(), docs.end(), '\n'), 6);
}

}  // namespace
}  // namespace vnie
