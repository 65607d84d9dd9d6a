// Input a landing folder can hold that no article author meant: documents far
// too big, devices, file names that are not UTF-8, links out of the folder,
// files that cannot be read for a while, a state store on a full disk.  Each
// is reported and costs the batch nothing else.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "batch/batch_helpers.h"
#include "pipeline/sqlite/sqlite_db.h"
#include "pipeline/state/state_store.h"
#include "test_paths.h"

namespace vnie {
namespace {

namespace fs = std::filesystem;
using batch_testing::Count;
using batch_testing::MakeArticles;
using batch_testing::Shell;
using testing_paths::ReadFile;
using testing_paths::RunVnie;
using testing_paths::TempDir;
using testing_paths::VnieBinary;
using testing_paths::WriteFile;

constexpr char kArticle[] = "On 2 June 2024 the council approved 3 billion dong for the new bridge.\n";

TEST(UntrustedInput, DocumentsOverMaxBytesAreRejectedWithoutBeingRead) {
  TempDir dir;
  WriteFile(dir / "in/small.txt", kArticle);
  // 2 GiB that take no disk: read whole, it would cost 2 GiB of memory.
  WriteFile(dir / "in/sparse.txt", "");
  fs::resize_file(dir / "in/sparse.txt", uint64_t{2} << 30);
  std::string big(3000, 'a');
  WriteFile(dir / "in/big.txt", std::string(kArticle) + big);
  std::string out = dir / "out.jsonl";
  auto r = RunVnie("run " + (dir / "in") + " --out " + out + " --max-bytes 2KB");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("2147483648 bytes, over the limit of 2048 (--max-bytes)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("over the limit of 2048"), std::string::npos) << r.err;
  std::string records = ReadFile(out);
  EXPECT_NE(records.find("\"2024-06-02\""), std::string::npos) << records;  // the small one went through

  // A device has no size to check first: its reading stops at the limit.
  r = RunVnie("run /dev/zero --out " + (dir / "zero.jsonl") + " --max-bytes 1MB");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("more than 1048576 bytes"), std::string::npos) << r.err;
}

TEST(UntrustedInput, ExtractLinesOverMaxBytesAreRejectedAndTheNextLineIsRead) {
  std::string huge = "{\"id\":\"huge\",\"text\":\"" + std::string(5000, 'x') + "\"}\n";
  std::string good = std::string("{\"id\":\"good\",\"text\":\"") + "On 2 June 2024 the council met.\"}\n";
  auto r = RunVnie("extract --max-bytes 1KB", huge + good);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("input line 1 is over the limit of 1024 bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"good\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2024-06-02"), std::string::npos) << r.out;
}

TEST(UntrustedInput, NamesThatAreNotUtf8KeepDistinctLosslessPaths) {
  TempDir dir;
  WriteFile(dir / "in/bad\xff" "A.txt", kArticle);
  WriteFile(dir / "in/bad\xfe" "A.txt", "On 3 June 2024 the city spent 7 million USD.\n");
  WriteFile(dir / "in/back\\slash.txt", "On 4 June 2024 the city spent 8 million USD.\n");
  std::string db = dir / "out.db";
  auto r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  ASSERT_EQ(r.status, 0) << r.err;
  sql::Db d(db);
  sql::Stmt s(d, "SELECT source_path FROM documents ORDER BY source_path");
  std::set<std::string> paths;
  while (s.Step()) paths.insert(s.Text(0));
  EXPECT_EQ(paths, (std::set<std::string>{dir / "in/back\\\\slash.txt", dir / "in/bad\\xFEA.txt",
                                           dir / "in/bad\\xFFA.txt"}));

  // Changing one of them replaces its own document, never the other's.
  WriteFile(dir / "in/bad\xff" "A.txt", "On 9 June 2024 the council approved 5 billion dong.\n");
  r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 3);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM dates WHERE value = '2024-06-03'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM dates WHERE value = '2024-06-09'"), 1);
}

TEST(UntrustedInput, LinksLeadingOutOfTheFolderAreNotFollowedUnlessAsked) {
  TempDir dir;
  WriteFile(dir / "secret.txt", "On 1 May 2024 the password was changed to 4 million dong.\n");
  WriteFile(dir / "in/a.txt", kArticle);
  fs::create_directories(dir / "in/sub");
  fs::create_symlink(dir / "secret.txt", dir / "in/outside.txt");
  fs::create_symlink(dir / "in/a.txt", dir / "in/sub/inside.txt");
  std::string out = dir / "out.jsonl";
  auto r = RunVnie("run " + (dir / "in") + " --out " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("outside.txt: a link to " + (dir / "secret.txt") + ", outside the folder walked"),
            std::string::npos)
      << r.err;
  std::string records = ReadFile(out);
  EXPECT_EQ(records.find("2024-05-01"), std::string::npos) << records;
  EXPECT_NE(records.find("inside.txt"), std::string::npos) << records;

  r = RunVnie("run " + (dir / "in") + " --out " + out + " --follow-symlinks");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(ReadFile(out).find("2024-05-01"), std::string::npos);
}

TEST(UntrustedInput, QuarantineCopiesTheBytesReadWithTheirOwnNameAndNoExecBit) {
  TempDir dir;
  WriteFile(dir / "in/empty.txt", "");
  std::string binary("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20);
  for (int i = 0; i < 50; ++i) binary += std::string("\0\x01\x02\xff", 4);
  WriteFile(dir / "in/tool", binary);
  fs::permissions(dir / "in/tool", fs::perms::owner_all);
  // Files named alone are their own roots: each keeps its name in quarantine.
  auto r = RunVnie("run " + (dir / "in/empty.txt") + " " + (dir / "in/tool") + " --out " + (dir / "o.jsonl") +
                   " --quarantine " + (dir / "q"));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(fs::exists(dir / "q/empty.txt.reason"));
  EXPECT_TRUE(fs::exists(dir / "q/empty.txt"));
  EXPECT_FALSE(fs::exists(dir / "q/..reason"));
  EXPECT_EQ(ReadFile(dir / "q/tool"), binary);
  EXPECT_EQ(fs::status(dir / "q/tool").permissions() & fs::perms::owner_exec, fs::perms::none);
}

TEST(UntrustedInput, FilesThatCouldNotBeReadAreTriedAgainNextRun) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", kArticle);
  fs::create_symlink(dir / "nowhere.txt", dir / "in/gone.txt");
  std::string db = dir / "out.db";
  auto r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(Count(db + ".state", "SELECT count(*) FROM files WHERE status = 'unreadable' AND path LIKE '%gone.txt'"),
            1);
  // As a run that met a read error (permissions, EIO) on a file that is
  // readable now, unchanged in size and time, would have left it.
  struct stat st {};
  ASSERT_EQ(::stat((dir / "in/a.txt").c_str(), &st), 0);
  {
    SqliteStateStore state(db + ".state");
    state.Record({FileState{dir / "in/a.txt", st.st_size,
                            static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                            "00000000000000000000000000000000", "unreadable",
                            "cannot read a.txt: Permission denied", 0}});
  }
  r = RunVnie("run " + (dir / "in") + " --out " + db + " --settle 0");
  EXPECT_NE(r.err.find("0 new, 1 changed"), std::string::npos) << r.err;
  EXPECT_EQ(Count(db + ".state", "SELECT count(*) FROM files WHERE status = 'done' AND path LIKE '%a.txt'"), 1);
}

// A full disk under the state store names the cause, not a failed rollback.
TEST(UntrustedInput, StateStoreOnAFullDiskSaysSo) {
  TempDir dir;
  fs::create_directories(dir / "small");
  if (Shell("mount -t tmpfs -o size=64k tmpfs " + (dir / "small") + " 2>/dev/null") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)";
  }
  MakeArticles(dir / "in", 400);
  std::string state = dir / "small/s.state";
  int status = Shell(VnieBinary() + " run " + (dir / "in") + " --out - --settle 0 --state " + state + " >/dev/null 2>" +
                     (dir / "err"));
  Shell("umount " + (dir / "small"));
  EXPECT_EQ(status, 3);
  std::string err = ReadFile(dir / "err");
  EXPECT_NE(err.find("disk is full"), std::string::npos) << err;
  EXPECT_EQ(err.find("cannot rollback"), std::string::npos) << err;
}

}  // namespace
}  // namespace vnie
