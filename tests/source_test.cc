#include <gtest/gtest.h>
#include <unistd.h>

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
