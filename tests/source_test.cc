#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/sources/folder_source.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::WriteFile;

TEST(FolderSource, WalksRecursivelyInSortedOrderSkippingHidden) {
  TempDir dir;
  WriteFile(dir / "b.txt", "b");
  WriteFile(dir / "a/z.txt", "z");
  WriteFile(dir / "a/c.txt", "c");
  WriteFile(dir / ".hidden", "h");
  WriteFile(dir / ".git/config", "h");
  SourceListing listing = ListSourceFiles({dir.path().string()});
  ASSERT_EQ(listing.files.size(), 3u);
  EXPECT_EQ(listing.files[0].path, dir / "a/c.txt");
  EXPECT_EQ(listing.files[1].path, dir / "a/z.txt");
  EXPECT_EQ(listing.files[2].path, dir / "b.txt");
  EXPECT_TRUE(listing.missing.empty());
}

TEST(FolderSource, NestedFoldersComeInTheByteOrderOfTheirWholePaths) {
  // "a/" sorts between "a-b" and "a0" ('-' < '/' < '0'): a folder's files
  // must come where their whole paths sort, not where the folder's name does.
  TempDir dir;
  const std::vector<std::string> names = {"a-b",   "a/x",     "a/y/z", "a/y-1",  "a/y0", "a0",
                                          "b/c/d/e", "b/c-d/e", "b/c.d", "b/cd/e", "b0",   "B",
                                          "a/y/.hid", ".top/x", "c/.git/config"};
  for (const auto& n : names) WriteFile(dir / n, n);
  std::vector<std::string> expected;
  for (const auto& n : names) {
    if (n.starts_with(".") || n.find("/.") != std::string::npos) continue;
    expected.push_back(dir / n);
  }
  std::sort(expected.begin(), expected.end());
  SourceListing listing = ListSourceFiles({dir.path().string()});
  std::vector<std::string> got;
  for (const auto& f : listing.files) {
    got.push_back(f.path);
    EXPECT_EQ(f.root, dir.path().string());
  }
  EXPECT_EQ(got, expected);
  // Roots keep the order they are given in; a file named explicitly is taken
  // even when hidden.
  WriteFile(dir / ".explicit", "x");
  listing = ListSourceFiles({dir / "b", dir / ".explicit", dir / "a"});
  got.clear();
  for (const auto& f : listing.files) got.push_back(f.path);
  EXPECT_EQ(got, (std::vector<std::string>{dir / "b/c-d/e", dir / "b/c.d", dir / "b/c/d/e", dir / "b/cd/e",
                                           dir / ".explicit", dir / "a/x", dir / "a/y-1", dir / "a/y/z",
                                           dir / "a/y0"}));
}

TEST(FolderSource, WalkReadsAFolderOnlyWhenItGetsThere) {
  TempDir dir;
  WriteFile(dir / "a/1.txt", "1");
  WriteFile(dir / "a/2.txt", "2");
  WriteFile(dir / "b/1.txt", "1");
  SourceWalk walk({dir.path().string(), "/no/such/folder"});
  // Missing paths are known before the walk starts.
  ASSERT_EQ(walk.missing().size(), 1u);
  SourceFile file;
  ASSERT_TRUE(walk.Next(&file));
  EXPECT_EQ(file.path, dir / "a/1.txt");
  // "a" has been read, "b" not yet: a file added to "b" now is found, one
  // added to "a" is not.
  WriteFile(dir / "a/0.txt", "0");
  WriteFile(dir / "b/0.txt", "0");
  std::vector<std::string> rest;
  while (walk.Next(&file)) rest.push_back(file.path);
  EXPECT_EQ(rest, (std::vector<std::string>{dir / "a/2.txt", dir / "b/0.txt", dir / "b/1.txt"}));
  EXPECT_EQ(walk.missing().size(), 1u);
  EXPECT_FALSE(walk.Next(&file));
}

TEST(FolderSource, AFolderThatCannotBeReadIsReportedAndTheWalkGoesOn) {
  TempDir dir;
  WriteFile(dir / "a/1.txt", "1");
  WriteFile(dir / "b/1.txt", "1");
  WriteFile(dir / "c/1.txt", "1");
  SourceWalk walk({dir.path().string()});
  SourceFile file;
  ASSERT_TRUE(walk.Next(&file));
  EXPECT_EQ(file.path, dir / "a/1.txt");
  // "b" was listed with its parent and is gone when the walk reaches it.
  std::filesystem::remove_all(dir / "b");
  std::vector<std::string> rest;
  while (walk.Next(&file)) rest.push_back(file.path);
  EXPECT_EQ(rest, (std::vector<std::string>{dir / "c/1.txt"}));
  ASSERT_EQ(walk.missing().size(), 1u);
  EXPECT_NE(walk.missing()[0].find(dir / "b"), std::string::npos) << walk.missing()[0];
}

TEST(FolderSource, MissingPathIsReported) {
  SourceListing listing = ListSourceFiles({"/no/such/folder"});
  EXPECT_TRUE(listing.files.empty());
  ASSERT_EQ(listing.missing.size(), 1u);
  EXPECT_NE(listing.missing[0].find("/no/such/folder"), std::string::npos);
}

TEST(FolderSource, DocIdIsTheContentHash) {
  TempDir dir;
  WriteFile(dir / "a.txt", "same bytes");
  WriteFile(dir / "b.txt", "same bytes");
  Document a = ReadSourceFile({dir / "a.txt", dir.path().string()});
  Document b = ReadSourceFile({dir / "b.txt", dir.path().string()});
  EXPECT_EQ(a.doc_id, b.doc_id);
  EXPECT_EQ(a.doc_id.size(), 32u);
  EXPECT_EQ(a.source.bytes, 10u);
  EXPECT_EQ(ContentId(""), "99aa06d3014798d86001c324468d497f");  // XXH3-128 of nothing
}

TEST(FolderSource, UnreadableFileGivesRejectedDocument) {
  TempDir dir;
  // A link loop cannot be opened even by root, unlike a chmod 000 file.
  std::filesystem::create_symlink("loop", dir / "loop");
  SourceListing listing = ListSourceFiles({dir.path().string()});
  ASSERT_EQ(listing.files.size(), 1u);
  Document doc = ReadSourceFile(listing.files[0]);
  ASSERT_TRUE(doc.rejected);
  EXPECT_NE(doc.rejected->find("cannot read"), std::string::npos);
  EXPECT_NE(doc.rejected->find("loop"), std::string::npos);
}

}  // namespace
}  // namespace vnie
