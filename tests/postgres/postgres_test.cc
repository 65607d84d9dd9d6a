// The PostgreSQL sink against a real server (tests/postgres/pg_test_server.h):
// rows and types, re-ingestion, shards running together, a server restart in
// the middle of a run, and refused connections.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "pg_test_server.h"
#include "pipeline/sinks/postgres_sink.h"
#include "pipeline/sources/folder_source.h"
#include "pipeline/sources/shard.h"
#include "test_paths.h"

namespace vnie {
namespace {

using testing_paths::TempDir;
using testing_paths::VnieBinary;
using testing_paths::WriteFile;
using namespace testing_pg;

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SharedServer().running()) << "no PostgreSQL server for the test: " << SharedServerError();
  }
  static std::string Uri() { return SharedServer().Uri(); }
};

// COUNT of a table in SCHEMA.
std::string Count(const std::string& schema, const std::string& table, const std::string& what = "*") {
  return QueryValue(SharedServer().Uri(), "SELECT count(" + what + ") FROM " + schema + "." + table);
}

// Every row of SCHEMA's tables but the ingestion time, in a stable order.
std::vector<std::string> Dump(const std::string& schema) {
  std::vector<std::string> all;
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"documents",
       "doc_id, source_path, source_bytes, encoding, lang, title, published, published_date, rejected, body"},
      {"dates", "*"}, {"money", "*"}, {"officials", "*"}, {"official_mentions", "*"}};
  for (const auto& [table, columns] : tables) {
    for (auto& row : Query(SharedServer().Uri(), "SELECT " + columns + " FROM " + schema + "." + table +
                                                      " ORDER BY 1, 2, 3")) {
      all.push_back(table + ": " + row);
    }
  }
  return all;
}

// A short news article, different for each I, with dates, amounts and officials.
std::string GeneratedArticle(int i) {
  static const char* kFamily[] = {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"};
  static const char* kMiddle[] = {"Van", "Thi", "Hong", "Quoc", "Minh", "Duc"};
  static const char* kGiven[] = {"An", "Binh", "Dien", "Khanh", "Lan", "Son", "Tuan", "Hai", "Nam"};
  static const char* kMonth[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  std::ostringstream a;
  if (i % 5 == 4) {
    a << "Bộ trưởng " << kFamily[i % 8] << " " << kMiddle[i % 6] << " " << kGiven[i % 9] << " thăm tỉnh số " << i
      << "\n\nHà Nội, ngày " << (i % 28 + 1) << "/" << (i % 12 + 1) << "/" << (2015 + i % 10)
      << " - Bộ trưởng Bộ Tài chính " << kFamily[i % 8] << " " << kMiddle[i % 6] << " " << kGiven[i % 9]
      << " cho biết tỉnh đã chi " << (i % 900 + 10) << " tỷ đồng cho dự án số " << i << " trong năm "
      << (2010 + i % 15) << ".\n\nÔng " << kGiven[i % 9] << " nói dự án sẽ hoàn thành vào tháng "
      << (i % 12 + 1) << " năm sau.\n";
  } else {
    a << "Province " << i << " plans new roads\n\nHANOI, " << kMonth[i % 12] << " " << (i % 28 + 1) << ", "
      << (2015 + i % 10) << " - Deputy Minister of Finance " << kFamily[i % 8] << " " << kMiddle[i % 6] << " "
      << kGiven[i % 9] << " said on Monday the province would spend US$" << (i % 700 + 1) << " million on project "
      << i << " by " << (2025 + i % 6) << ", up from " << (i % 90 + 1) << " billion VND in "
      << (2005 + i % 15) << ".\n\n" << kGiven[i % 9] << " added that work would start in " << kMonth[(i + 3) % 12]
      << ".\n";
  }
  return a.str();
}

void WriteCorpus(const std::string& dir, int count) {
  for (int i = 0; i < count; ++i) {
    WriteFile(dir + "/" + std::to_string(i % 10) + "/article-" + std::to_string(i) + ".txt", GeneratedArticle(i));
  }
}

struct Totals {
  size_t documents = 0, dates = 0, money = 0, officials = 0, mentions = 0;
  std::set<std::string> doc_ids;
};

// What the JSON Lines sink writes for DIR: the reference the database must hold.
Totals ReferenceTotals(const std::string& dir, const std::string& jsonl) {
  Totals t;
  int status = Wait(Spawn({VnieBinary(), "run", dir, "--out", jsonl, "--log-level", "error"}, {}, jsonl + ".log"));
  EXPECT_TRUE(status == 0 || status == 1) << "reference run exited with " << status;
  std::ifstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    auto r = nlohmann::json::parse(line);
    ++t.documents;
    t.doc_ids.insert(r["doc_id"].get<std::string>());
    t.dates += r["dates"].size();
    t.money += r["money"].size();
    t.officials += r["officials"].size();
    for (const auto& o : r["officials"]) t.mentions += o["mentions"].size();
  }
  return t;
}

void ExpectExactlyOnce(const std::string& schema, const Totals& expected) {
  EXPECT_EQ(Count(schema, "documents"), std::to_string(expected.documents));
  EXPECT_EQ(Count(schema, "documents", "DISTINCT doc_id"), std::to_string(expected.doc_ids.size()));
  EXPECT_EQ(Count(schema, "dates"), std::to_string(expected.dates));
  EXPECT_EQ(Count(schema, "money"), std::to_string(expected.money));
  EXPECT_EQ(Count(schema, "officials"), std::to_string(expected.officials));
  EXPECT_EQ(Count(schema, "official_mentions"), std::to_string(expected.mentions));
  auto ids = Query(SharedServer().Uri(), "SELECT doc_id FROM " + schema + ".documents");
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected.doc_ids);
}

int RunVnie(const std::vector<std::string>& args, const std::string& log, std::string* stderr_text = nullptr,
            const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> argv = {VnieBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  int status = Wait(Spawn(argv, env, log));
  if (stderr_text) *stderr_text = testing_paths::ReadFile(log);
  return status;
}

Document SampleDocument(const std::string& id, int mentions) {
  Document doc;
  doc.doc_id = id;
  doc.source.path = "in/" + id + "\t.txt";
  doc.source.bytes = 1234;
  doc.encoding = "UTF-8";
  doc.lang = "vi";
  doc.title = std::string("Bộ trưởng \\ thăm\nHà Nội \xff bad");
  doc.published = "2020-02-24T11:03";
  doc.text = "body";
  auto span = [](const char* text, int64_t start, int64_t end) {
    TextSpan s;
    s.text = text;
    s.start = start;
    s.end = end;
    return s;
  };
  auto date = [&](TextSpan s, std::optional<std::string> value, const char* grain, const char* mod,
                  const char* relative) {
    DateMention d;
    d.span = std::move(s);
    d.value = std::move(value);
    d.grain = grain;
    d.mod = mod;
    d.relative = relative;
    return d;
  };
  auto money = [&](TextSpan s, const char* amount, const char* qualifier, const char* min, const char* max) {
    MoneyMention m;
    m.span = std::move(s);
    m.amount = amount;
    m.currency = "USD";
    m.qualifier = qualifier;
    m.amount_min = min;
    m.amount_max = max;
    return m;
  };
  for (int i = 0; i < mentions; ++i) {
    doc.dates.push_back(date(span("ngày 19/2", 10 + i, 19 + i), "2020-02-19", "day", "", ""));
    doc.dates.push_back(date(span("tháng 2", 30, 37), "2020-02", "month", "late", ""));
    doc.dates.push_back(date(span("năm ngoái", 40, 49), std::nullopt, "year", "", "năm ngoái"));
    doc.money.push_back(money(span("640,2 tỷ USD", 50, 62), "640200000000", "about", "", ""));
    doc.money.push_back(money(span("$3-5 billion", 70, 82), "3000000000", "", "3000000000", "5000000000.5"));
  }
  Official o;
  o.entity = 1;
  o.name = "Trần Quốc Khánh";
  o.name_key = "tran quoc khanh";
  o.title = "Vice Minister";
  o.organization = "Ministry of Industry and Trade";
  o.country = "VN";
  for (int i = 0; i < mentions; ++i) o.mentions.push_back(span("Khanh", 100 + i * 10, 105 + i * 10));
  doc.officials.push_back(o);
  return doc;
}

TEST_F(PostgresTest, SinkWritesTypedRowsAndReplacesADocumentsRows) {
  std::vector<std::string> committed;
  {
    PostgresSinkOptions options;
    options.schema = "t_rows";
    PostgresSink sink(Uri(), RecordOptions{true}, options);
    sink.SetCommitListener([&](const std::vector<CommittedDocument>& docs) {
      for (const auto& d : docs) committed.push_back(d.doc_id);
    });
    sink.Write(SampleDocument("doc-a", 2));
    Document rejected;
    rejected.doc_id = "doc-r";
    rejected.source.path = "in/empty.txt";
    rejected.rejected = "empty file";
    sink.Write(rejected);
    EXPECT_TRUE(committed.empty()) << "documents reported committed before the commit";
    sink.Flush();
    EXPECT_EQ(committed, (std::vector<std::string>{"doc-a", "doc-r"}));
    sink.Finish();
  }
  const std::string uri = Uri();
  EXPECT_EQ(QueryValue(uri, "SELECT max(version) FROM t_rows.schema_version"), "2");
  EXPECT_EQ(QueryValue(uri, "SELECT source_path, title, published, published_date, body, rejected FROM "
                            "t_rows.documents WHERE doc_id = 'doc-a'"),
            "in/doc-a\t.txt|Bộ trưởng \\ thăm\nHà Nội \uFFFD bad|2020-02-24T11:03|2020-02-24|body|\\N");
  EXPECT_EQ(QueryValue(uri, "SELECT rejected, encoding FROM t_rows.documents WHERE doc_id = 'doc-r'"),
            "empty file|\\N");
  EXPECT_EQ(Query(uri, "SELECT seq, text, span_start, span_end, value, grain, mod, relative, value_date "
                       "FROM t_rows.dates WHERE doc_id = 'doc-a' ORDER BY seq LIMIT 3"),
            (std::vector<std::string>{"0|ngày 19/2|10|19|2020-02-19|day|\\N|\\N|2020-02-19",
                                      "1|tháng 2|30|37|2020-02|month|late|\\N|\\N",
                                      "2|năm ngoái|40|49|\\N|year|\\N|năm ngoái|\\N"}));
  // Amounts are NUMERIC, exact to the last digit.
  EXPECT_EQ(QueryValue(uri, "SELECT sum(amount_max) + 0.5, pg_typeof(amount) FROM t_rows.money WHERE amount_max IS NOT NULL "
                            "GROUP BY 2"),
            "10000000001.5|numeric");
  EXPECT_EQ(QueryValue(uri, "SELECT amount, qualifier, amount_min FROM t_rows.money WHERE seq = 0"),
            "640200000000|about|\\N");
  EXPECT_EQ(QueryValue(uri, "SELECT name, name_key, title, organization, country FROM t_rows.officials"),
            "Trần Quốc Khánh|tran quoc khanh|Vice Minister|Ministry of Industry and Trade|VN");
  EXPECT_EQ(Count("t_rows", "official_mentions"), "2");

  // Written again with fewer mentions: the document's old rows are gone.
  {
    PostgresSinkOptions options;
    options.schema = "t_rows";
    PostgresSink sink(Uri(), RecordOptions{false}, options);
    sink.Write(SampleDocument("doc-a", 1));
    sink.Finish();
  }
  EXPECT_EQ(Count("t_rows", "documents"), "2");
  EXPECT_EQ(Count("t_rows", "dates"), "3");
  EXPECT_EQ(Count("t_rows", "money"), "2");
  EXPECT_EQ(Count("t_rows", "officials"), "1");
  EXPECT_EQ(Count("t_rows", "official_mentions"), "1");
  EXPECT_EQ(QueryValue(uri, "SELECT body FROM t_rows.documents WHERE doc_id = 'doc-a'"), "\\N");
}

TEST_F(PostgresTest, SameDocumentTwiceInOneBatchIsWrittenOnce) {
  PostgresSinkOptions options;
  options.schema = "t_dup";
  PostgresSink sink(Uri(), RecordOptions{}, options);
  sink.Write(SampleDocument("same", 1));
  sink.Write(SampleDocument("other", 1));
  sink.Write(SampleDocument("same", 2));
  sink.Finish();
  EXPECT_EQ(Count("t_dup", "documents"), "2");
  EXPECT_EQ(QueryValue(Uri(), "SELECT count(*) FROM t_dup.official_mentions WHERE doc_id = 'same'"), "2");
}

TEST_F(PostgresTest, FolderIngestedTwiceLeavesTheSameRows) {
  TempDir dir;
  WriteCorpus(dir / "in", 60);
  WriteFile(dir / "in/empty.txt", "");
  std::string log;
  ASSERT_EQ(RunVnie({"run", dir / "in", "--out", Uri(), "--pg-schema", "t_twice"}, dir / "1.log", &log), 1) << log;
  auto first = Dump("t_twice");
  EXPECT_EQ(Count("t_twice", "documents"), "61");
  EXPECT_EQ(Count("t_twice", "documents", "rejected"), "1");
  ASSERT_EQ(RunVnie({"run", dir / "in", "--out", Uri(), "--pg-schema", "t_twice"}, dir / "2.log", &log), 1) << log;
  EXPECT_EQ(log.find("vnie-secret"), std::string::npos) << "the password is shown in the log:\n" << log;
  EXPECT_EQ(Dump("t_twice"), first);
  auto totals = ReferenceTotals(dir / "in", dir / "ref.jsonl");
  ExpectExactlyOnce("t_twice", totals);
}

TEST_F(PostgresTest, ChangedFileReplacesItsDocument) {
  TempDir dir;
  WriteCorpus(dir / "in", 3);
  std::string changed = dir / "in/1/article-1.txt";
  std::string log;
  ASSERT_EQ(RunVnie({"run", dir / "in", "--out", Uri(), "--pg-schema", "t_changed"}, dir / "1.log", &log), 0) << log;
  WriteFile(changed, GeneratedArticle(1) + "\nCorrection: the project number was misprinted.\n");
  ASSERT_EQ(RunVnie({"run", dir / "in", "--out", Uri(), "--pg-schema", "t_changed"}, dir / "2.log", &log), 0) << log;
  EXPECT_EQ(Count("t_changed", "documents"), "3");
  EXPECT_EQ(QueryValue(Uri(), "SELECT doc_id FROM t_changed.documents WHERE source_path = '" + changed + "'"),
            ContentId(testing_paths::ReadFile(changed)));
}

TEST_F(PostgresTest, FourShardsStartedTogetherWriteEveryDocumentOnce) {
  TempDir dir;
  constexpr int kArticles = 2000;
  WriteCorpus(dir / "in", kArticles);
  std::vector<Child> runs;
  for (int k = 0; k < 4; ++k) {
    runs.push_back(Spawn({VnieBinary(), "run", dir / "in", "--out", Uri(), "--pg-schema", "t_shards", "--shard",
                          std::to_string(k) + "/4"},
                         {{"VNIE_PG_BATCH", "100"}}, dir / ("shard" + std::to_string(k) + ".log")));
  }
  for (size_t k = 0; k < runs.size(); ++k) {
    EXPECT_EQ(Wait(runs[k]), 0) << testing_paths::ReadFile(runs[k].stderr_path);
  }
  auto totals = ReferenceTotals(dir / "in", dir / "ref.jsonl");
  ASSERT_EQ(totals.documents, static_cast<size_t>(kArticles));
  ExpectExactlyOnce("t_shards", totals);
  // Each shard took a fair share.
  std::vector<int> per_shard(4);
  for (const auto& f : ListSourceFiles({dir / "in"}).files) ++per_shard[ShardOf(f, 4)];
  for (int n : per_shard) EXPECT_GT(n, kArticles / 8);
}

TEST_F(PostgresTest, ServerRestartMidRunLeavesEveryDocumentOnce) {
  TempDir dir;
  constexpr int kArticles = 1500;
  WriteCorpus(dir / "in", kArticles);
  Child run = Spawn({VnieBinary(), "run", dir / "in", "--out", Uri(), "--pg-schema", "t_restart"},
                    {{"VNIE_PG_BATCH", "10"}}, dir / "run.log");
  // Wait until the first batches are in, then freeze the run so the restart
  // certainly falls in its middle, with its connection open.
  int status = -1;
  bool exited = false;
  PGconn* watch = PQconnectdb(Uri().c_str());
  ASSERT_EQ(PQstatus(watch), CONNECTION_OK) << PQerrorMessage(watch);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if ((exited = Exited(run, &status))) break;
    PGresult* r = PQexec(watch, "SELECT count(*) FROM t_restart.documents");
    bool some = PQresultStatus(r) == PGRES_TUPLES_OK && std::string(PQgetvalue(r, 0, 0)) != "0";
    PQclear(r);
    if (some) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  PQfinish(watch);
  ASSERT_FALSE(exited) << "the run ended before the restart: " << testing_paths::ReadFile(dir / "run.log");
  ASSERT_EQ(::kill(run.pid, SIGSTOP), 0);
  std::string error;
  bool restarted = SharedServer().Restart(&error);
  ::kill(run.pid, SIGCONT);
  ASSERT_TRUE(restarted) << error;
  status = Wait(run);
  std::string log = testing_paths::ReadFile(dir / "run.log");
  EXPECT_EQ(status, 0) << log;
  EXPECT_NE(log.find("retrying"), std::string::npos) << "no retry was logged:\n" << log;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("retrying") != std::string::npos) std::cerr << "vnie: " << line << "\n";
  }
  auto totals = ReferenceTotals(dir / "in", dir / "ref.jsonl");
  ASSERT_EQ(totals.documents, static_cast<size_t>(kArticles));
  ExpectExactlyOnce("t_restart", totals);
}

TEST_F(PostgresTest, RefusedConnectionStopsTheRunWithStatus3) {
  TempDir dir;
  WriteCorpus(dir / "in", 5);
  std::string log;
  EXPECT_EQ(RunVnie({"run", dir / "in", "--out", SharedServer().Uri("vnie_test", "wrong"), "--pg-schema",
                     "t_refused"},
                    dir / "a.log", &log),
            3);
  EXPECT_NE(log.find("password authentication failed"), std::string::npos) << log;
  EXPECT_EQ(log.find("wrong"), std::string::npos) << "the password is shown in the log:\n" << log;
  EXPECT_EQ(RunVnie({"run", dir / "in", "--out", SharedServer().Uri("no_such_db"), "--pg-schema", "t_refused"},
                    dir / "b.log", &log),
            3);
  EXPECT_NE(log.find("\"no_such_db\" does not exist"), std::string::npos) << log;
  EXPECT_EQ(QueryValue(Uri(), "SELECT count(*) FROM pg_namespace WHERE nspname = 't_refused'"), "0");
}

TEST(PostgresTargetTest, PasswordsAreKeptOutOfLogs) {
  EXPECT_EQ(RedactPassword("postgresql://vnie:s3cr:et@db:5432/news"), "postgresql://vnie:***@db:5432/news");
  EXPECT_EQ(RedactPassword("postgres://vnie@db/news?password=x&sslmode=require"),
            "postgres://vnie@db/news?password=***&sslmode=require");
  EXPECT_EQ(RedactPassword("postgresql://db/news"), "postgresql://db/news");
  EXPECT_EQ(RedactPassword("postgresql://"), "postgresql://");
  EXPECT_EQ(RedactPassword("out.jsonl"), "out.jsonl");
  // Malformed: the user part runs to the last '@' before the query.
  EXPECT_EQ(RedactPassword("postgresql://u:se/cr@et@db/news"), "postgresql://u:***@db/news");
  EXPECT_EQ(RedactPassword("postgresql://u@db/news?pass%77ord=x%ZZ&a=b"), "postgresql://u@db/news?pass%77ord=***&a=b");
  EXPECT_EQ(ScrubPasswords("bad token: \"s3cr@t\"", "postgresql://u:s3cr%40t@db/news"), "bad token: \"***\"");
}

// Whatever is wrong with the URI, no log line shows its password, in text
// or JSON logs.
TEST(PostgresTargetTest, MalformedUrisNeverShowTheirPassword) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "Hanoi, July 2 (VNA) - Exports rose.");
  const std::string uris[] = {
      "postgresql://u:SEKRIT%ZZPW10@127.0.0.1:1/db",
      "postgresql://u:SEKRITPW@[::1/db",
      "postgresql://u@127.0.0.1:1/db?password=SEKRITx%ZZ",
      "postgresql://u@127.0.0.1:1/db?password=SEKRIT=x",
      "postgresql://u:SEKRIT/SEKRIT@127.0.0.1:1/db",
      "postgresql://u:SEKRIT@SEKRIT@127.0.0.1:1/db",
      "postgresql://u:SEKRIT@127.0.0.1:1/db?port=x%ZZ",
      "postgresql://u:SEKRIT@127.0.0.1:notaport/db",
      "postgres://u:SEKRIT%00@127.0.0.1:1/db",
      "postgresq://u:SEKRIT@127.0.0.1:1/db",
  };
  for (const std::string& uri : uris) {
    for (const char* format : {"text", "json"}) {
      std::string log;
      int status = RunVnie({"run", dir / "in", "--out", uri, "--log-format", format}, dir / "log", &log);
      EXPECT_TRUE(status == 2 || status == 3) << uri << ": exit " << status << "\n" << log;
      EXPECT_FALSE(log.empty()) << uri;
      EXPECT_EQ(log.find("SEKRIT"), std::string::npos) << uri << " (" << format << "):\n" << log;
    }
  }
}

TEST_F(PostgresTest, EnvironmentVariablesFillTheUri) {
  TempDir dir;
  WriteCorpus(dir / "in", 3);
  std::string log;
  EXPECT_EQ(RunVnie({"run", dir / "in", "--out", "postgresql://", "--pg-schema", "t_env"}, dir / "a.log", &log,
                    {{"PGHOST", "127.0.0.1"},
                     {"PGPORT", std::to_string(SharedServer().port())},
                     {"PGUSER", "vnie"},
                     {"PGPASSWORD", "vnie-secret"},
                     {"PGDATABASE", "vnie_test"}}),
            0)
      << log;
  EXPECT_EQ(Count("t_env", "documents"), "3");
}

TEST_F(PostgresTest, MalformedTargetsAreUsageErrors) {
  TempDir dir;
  WriteCorpus(dir / "in", 1);
  std::string log;
  EXPECT_EQ(RunVnie({"run", dir / "in", "--out", "postgresql://h:notaport:x/db?bogus=1"}, dir / "a.log", &log), 2)
      << log;
  EXPECT_EQ(RunVnie({"run", dir / "in", "--out", Uri(), "--shard", "4/4"}, dir / "b.log", &log), 2) << log;
  EXPECT_NE(log.find("K/N"), std::string::npos) << log;
}

}  // namespace
}  // namespace vnie
