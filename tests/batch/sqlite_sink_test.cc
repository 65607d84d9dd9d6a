// The SQLite sink as a library: exact amounts, replacement by doc_id and by
// source path, schema versions.
#include <gtest/gtest.h>

#include "pipeline/data/embedded_data.h"
#include "pipeline/sinks/sqlite_sink.h"
#include "pipeline/sqlite/sqlite_db.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;

Document Doc(const std::string& id, const std::string& path, const std::string& amount) {
  Document doc;
  doc.doc_id = id;
  doc.source.path = path;
  doc.source.bytes = 10;
  doc.encoding = "UTF-8";
  doc.lang = "vi";
  MoneyMention m;
  m.span = {"x", 0, 1};
  m.amount = amount;
  m.currency = "VND";
  doc.money.push_back(m);
  Official o;
  o.entity = 1;
  o.name = "Nguyễn Hồng Diên";
  o.name_key = "nguyen hong dien";
  o.title = "minister";
  o.mentions.push_back({"Nguyễn Hồng Diên", 3, 19});
  o.mentions.push_back({"Diên", 40, 44});
  doc.officials.push_back(o);
  return doc;
}

std::string One(sql::Db& db, const std::string& q) {
  sql::Stmt s(db, q);
  return s.Step() ? s.Text(0) : "";
}

TEST(SqliteSink, KeepsEveryDigitAndReplacesRows) {
  TempDir dir;
  std::string path = dir / "t.db";
  {
    SqliteSink sink(path);
    sink.Write(Doc("a", "in/1.txt", "123456789012345678901234.5678"));
    sink.Write(Doc("a", "in/1.txt", "123456789012345678901234.5678"));
    sink.Write(Doc("b", "in/2.txt", "7"));
    EXPECT_TRUE(sink.Commit());
    sink.Write(Doc("c", "in/2.txt", "8"));  // in/2.txt changed: replaces b
    sink.Finish();
  }
  sql::Db db(path);
  EXPECT_EQ(One(db, "SELECT amount FROM money WHERE doc_id = 'a'"), "123456789012345678901234.5678");
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents"), "2");
  EXPECT_EQ(One(db, "SELECT group_concat(doc_id) FROM documents ORDER BY doc_id"), "a,c");
  EXPECT_EQ(One(db, "SELECT count(*) FROM money"), "2");
  EXPECT_EQ(One(db, "SELECT count(*) FROM official_mentions"), "4");
  EXPECT_EQ(One(db, "SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(One(db, "PRAGMA journal_mode"), "wal");
}

TEST(SqliteSink, UnfinishedBatchIsRolledBack) {
  TempDir dir;
  std::string path = dir / "t.db";
  {
    SqliteSink sink(path);
    sink.Write(Doc("a", "in/1.txt", "1"));
    sink.Commit();
    sink.Write(Doc("b", "in/2.txt", "2"));
    // No Commit or Finish: an error stopped the run.
  }
  sql::Db db(path);
  EXPECT_EQ(One(db, "SELECT group_concat(doc_id) FROM documents"), "a");
}

TEST(SqliteSink, AnArchivesRecordsReplaceOnlyTheRecordAtTheirOffset) {
  TempDir dir;
  std::string path = dir / "t.db";
  {
    SqliteSink sink(path);
    for (uint64_t offset : {0, 900, 2400}) {
      Document doc = Doc("page" + std::to_string(offset), "crawl.warc.gz", "1");
      doc.source.offset = offset;
      doc.source.url = "https://example.org/" + std::to_string(offset);
      sink.Write(doc);
    }
    EXPECT_TRUE(sink.Commit());
    Document changed = Doc("page900b", "crawl.warc.gz", "2");  // the archive rewritten: a new page at 900
    changed.source.offset = 900;
    sink.Write(changed);
    sink.Finish();
  }
  sql::Db db(path);
  EXPECT_EQ(One(db, "SELECT group_concat(doc_id) FROM (SELECT doc_id FROM documents ORDER BY source_offset)"),
            "page0,page900b,page2400");
  EXPECT_EQ(One(db, "SELECT source_url FROM documents WHERE doc_id = 'page2400'"), "https://example.org/2400");
}

TEST(SqliteSink, MigratesASchemaVersion1Database) {
  TempDir dir;
  std::string path = dir / "t.db";
  {
    // Schema version 1: the documents table without source_url and source_offset.
    std::string v1(EmbeddedData("pipeline/sinks/sqlite_schema.sql"));
    size_t from = v1.find("  rejected     TEXT,");
    ASSERT_NE(from, std::string::npos);
    v1.replace(from, v1.find(");", from) - from, "  rejected     TEXT\n");
    v1.replace(v1.rfind("'schema_version', '2'"), 21, "'schema_version', '1'");
    v1.replace(v1.rfind("user_version = 2"), 16, "user_version = 1");
    sql::Db db(path);
    db.Exec(v1);
    db.Exec("INSERT INTO documents (doc_id, source_path, source_bytes) VALUES ('old', 'in/old.txt', 5)");
  }
  {
    SqliteSink sink(path);
    sink.Finish();
  }
  sql::Db db(path);
  EXPECT_EQ(One(db, "PRAGMA user_version"), "2");
  EXPECT_EQ(One(db, "SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(One(db, "SELECT coalesce(source_url, 'none') || source_path FROM documents"), "nonein/old.txt");
}

TEST(SqliteSink, RefusesANewerSchema) {
  TempDir dir;
  std::string path = dir / "t.db";
  {
    sql::Db db(path);
    db.Exec("PRAGMA user_version = 99");
  }
  EXPECT_THROW(SqliteSink sink(path), SinkError);
}

}  // namespace
}  // namespace vnie
