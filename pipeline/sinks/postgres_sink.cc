#include "pipeline/sinks/postgres_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "pipeline/data/embedded_data.h"

namespace vnie {
namespace {

// Serializes schema creation and migration between runs that start together
// (shards); an arbitrary constant, the same in every vnie.
constexpr int64_t kMigrationLockKey = 0x766e6965'5047;  // "vniePG"

constexpr const char* kDocumentColumns =
    "doc_id, source_path, source_bytes, encoding, lang, title, published, published_date, rejected, body, "
    "source_url, source_offset";
constexpr const char* kDateColumns =
    "doc_id, seq, text, span_start, span_end, value, grain, mod, relative, value_date";
constexpr const char* kMoneyColumns =
    "doc_id, seq, text, span_start, span_end, amount, currency, qualifier, amount_min, amount_max";
constexpr const char* kOfficialColumns = "doc_id, entity, name, name_key, title, organization, country";
constexpr const char* kMentionColumns = "doc_id, entity, seq, text, span_start, span_end";

struct Migrations {
  std::string setup;                             // run on every connection (idempotent)
  std::vector<std::pair<int, std::string>> steps;  // version -> its DDL, ascending
};

// Splits postgres_schema.sql at its "-- migration N" lines.
const Migrations& SchemaMigrations() {
  static const Migrations migrations = [] {
    Migrations m;
    std::string_view sql = EmbeddedData("pipeline/sinks/postgres_schema.sql");
    std::string* current = &m.setup;
    size_t pos = 0;
    while (pos < sql.size()) {
      size_t eol = sql.find('\n', pos);
      if (eol == std::string_view::npos) eol = sql.size();
      std::string_view line = sql.substr(pos, eol - pos);
      constexpr std::string_view kMarker = "-- migration ";
      if (line.starts_with(kMarker)) {
        int version = std::atoi(std::string(line.substr(kMarker.size())).c_str());
        if (version != static_cast<int>(m.steps.size()) + 1) {
          throw std::logic_error("postgres_schema.sql: migrations must be numbered 1, 2, ... in order");
        }
        m.steps.emplace_back(version, std::string());
        current = &m.steps.back().second;
      } else {
        current->append(line);
        current->push_back('\n');
      }
      pos = eol + 1;
    }
    return m;
  }();
  return migrations;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// MESSAGE on one line, runs of white space as one space.
std::string Trimmed(const char* message) {
  std::string s;
  for (const char* p = message ? message : ""; *p != '\0'; ++p) {
    bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
    if (!space) s.push_back(*p);
    else if (!s.empty() && s.back() != ' ') s.push_back(' ');
  }
  if (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// libpq reports connection failures as text only.  These say the server is
// away or busy for now (the messages of libpq and of SQLSTATE 57P03 and 53300);
// anything else (authentication, a missing database or role, pg_hba.conf,
// TLS) will not change by waiting.
bool IsTransientConnectFailure(std::string_view message) {
  static constexpr std::array<std::string_view, 17> kTransient = {
      "Connection refused", "starting up", "shutting down", "in recovery", "not yet accepting",
      "too many clients", "remaining connection slots", "timeout expired", "Connection reset",
      "server closed the connection", "could not receive data", "could not send data",
      "No such file or directory", "Network is unreachable", "No route to host",
      "Temporary failure in name resolution", "Connection timed out"};
  for (auto t : kTransient) {
    if (Contains(message, t)) return true;
  }
  return false;
}

// SQLSTATEs after which the same batch may succeed: connection exceptions,
// operator intervention (server shut down or restarting), serialization
// failures and deadlocks, too many connections, lock not available.
bool IsTransientSqlState(std::string_view state) {
  return state.starts_with("08") || state.starts_with("57P") || state == "40001" || state == "40P01" ||
         state == "53300" || state == "55P03";
}

bool IsDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  ++i;
  size_t fraction = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++fraction;
  return fraction > 0 && i == s.size();
}

// The day VALUE denotes when it is a single day or minute, else "".
std::string SingleDay(std::string_view value) {
  if (value.size() == 10 || (value.size() > 10 && value[10] == 'T' && !Contains(value, "/"))) {
    return IsoDayPrefix(value);
  }
  return "";
}

// One COPY text-format row.
class CopyRow {
 public:
  explicit CopyRow(std::string& out) : out_(out) {}
  ~CopyRow() { out_.push_back('\n'); }
  CopyRow& Text(std::string_view v) {
    Separate();
    AppendCopyField(out_, v);
    return *this;
  }
  CopyRow& Null() {
    Separate();
    out_.append("\\N");
    return *this;
  }
  CopyRow& TextOrNull(std::string_view v) { return v.empty() ? Null() : Text(v); }
  CopyRow& Optional(const std::optional<std::string>& v) { return v ? Text(*v) : Null(); }
  CopyRow& Int(int64_t v) {
    Separate();
    out_.append(std::to_string(v));
    return *this;
  }

 private:
  void Separate() {
    if (!first_) out_.push_back('\t');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

std::string QuoteIdentifier(std::string_view name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q.push_back('"');
  return q;
}

}  // namespace

std::unique_ptr<PostgresSink> OpenPostgresSink(const std::string& uri, const RecordOptions& record_options,
                                               const std::string& schema) {
  PostgresSinkOptions options;
  if (!schema.empty()) options.schema = schema;
  if (const char* batch = std::getenv("VNIE_PG_BATCH")) {
    char* end = nullptr;
    long n = std::strtol(batch, &end, 10);
    if (end == batch || *end != '\0' || n < 1) {
      throw std::invalid_argument(std::string("VNIE_PG_BATCH='") + batch + "': expected a number of documents, 1 or more");
    }
    options.batch_documents = static_cast<size_t>(n);
  }
  return std::make_unique<PostgresSink>(uri, record_options, std::move(options));
}

namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

std::string PercentDecoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2])) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Where URI's password stands: the user part runs to the last '@' before the
// query, so that a '/' or '@' left unencoded in the password stays inside it.
struct PasswordSpans {
  std::vector<std::pair<size_t, size_t>> spans;  // [begin, end) in the URI
};

PasswordSpans FindPasswords(const std::string& uri) {
  PasswordSpans found;
  size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return found;
  size_t begin = scheme + 3;
  size_t query = uri.find('?', begin);
  size_t before_query = query == std::string::npos ? uri.size() : query;
  size_t at = uri.rfind('@', before_query == 0 ? 0 : before_query - 1);
  if (at != std::string::npos && at >= begin) {
    size_t colon = uri.find(':', begin);
    if (colon != std::string::npos && colon < at) found.spans.emplace_back(colon + 1, at);
  }
  if (query == std::string::npos) return found;
  for (size_t p = query + 1; p < uri.size();) {
    size_t end = uri.find('&', p);
    if (end == std::string::npos) end = uri.size();
    size_t eq = uri.find('=', p);
    if (eq != std::string::npos && eq < end && PercentDecoded(std::string_view(uri).substr(p, eq - p)) == "password") {
      found.spans.emplace_back(eq + 1, end);
    }
    p = end + 1;
  }
  return found;
}

}  // namespace

std::string RedactPassword(const std::string& target) {
  if (target.find("://") == std::string::npos) return target;
  std::string out = target;
  PasswordSpans found = FindPasswords(target);
  // From the last span back, so that earlier offsets stay put.
  for (auto it = found.spans.rbegin(); it != found.spans.rend(); ++it) {
    out.replace(it->first, it->second - it->first, "***");
  }
  return out;
}

std::string ScrubPasswords(std::string message, const std::string& uri) {
  PasswordSpans found = FindPasswords(uri);
  for (auto [begin, end] : found.spans) {
    std::string raw = uri.substr(begin, end - begin);
    for (const std::string& secret : {raw, PercentDecoded(raw)}) {
      if (secret.empty()) continue;
      for (size_t p = message.find(secret); p != std::string::npos; p = message.find(secret, p + 3)) {
        message.replace(p, secret.size(), "***");
      }
    }
  }
  return message;
}

std::string PostgresUriProblem(const std::string& uri) {
  size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return "no '://' after the scheme";
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') continue;
    if (i + 2 >= uri.size() || !IsHex(uri[i + 1]) || !IsHex(uri[i + 2])) {
      return "a '%' not followed by two hex digits (write a '%' itself as %25)";
    }
    if (uri[i + 1] == '0' && uri[i + 2] == '0') return "%00, which no connection setting may hold";
  }
  std::string_view rest = std::string_view(uri).substr(scheme + 3);
  size_t query = rest.find('?');
  std::string_view before = rest.substr(0, query);
  size_t slash = before.find('/');
  std::string_view authority = before.substr(0, slash);
  if (slash != std::string_view::npos && before.find('@', slash) != std::string_view::npos) {
    return "an '@' after the host (write a '/' or '@' in the user name, password or database as %2F or %40)";
  }
  if (std::count(authority.begin(), authority.end(), '@') > 1) {
    return "more than one '@' before the host (write an '@' in the user name or password as %40)";
  }
  std::string_view hosts = authority.substr(authority.find('@') == std::string_view::npos ? 0 : authority.find('@') + 1);
  int depth = 0;
  for (char c : hosts) {
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (depth < 0 || depth > 1) return "unbalanced '[' and ']' around an IPv6 host";
  }
  if (depth != 0) return "an IPv6 host opened with '[' and not closed with ']'";
  if (query != std::string_view::npos) {
    std::string_view params = rest.substr(query + 1);
    for (size_t p = 0; p <= params.size();) {
      size_t end = std::min(params.find('&', p), params.size());
      std::string_view param = params.substr(p, end - p);
      if (!param.empty() && std::count(param.begin(), param.end(), '=') != 1) {
        return "a query parameter without exactly one '=' (write an '=' in a value as %3D)";
      }
      p = end + 1;
    }
  }
  return "";
}

void AppendCopyField(std::string& out, std::string_view value) {
  const auto* s = reinterpret_cast<const unsigned char*>(value.data());
  size_t n = value.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      switch (c) {
        case '\\': out.append("\\\\"); break;
        case '\t': out.append("\\t"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\0': break;
        default: out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence (no overlong forms, surrogates or values
    // above U+10FFFF) is copied; anything else becomes U+FFFD, one byte at a time.
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    bool ok = len > 0 && i + len <= n && s[i + 1] >= lo && s[i + 1] <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = s[i + k] >= 0x80 && s[i + k] <= 0xBF;
    if (ok) {
      out.append(value.data() + i, len);
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
}

std::string IsoDayPrefix(std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return "";
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (v[i] < '0' || v[i] > '9') return "";
  }
  auto num = [&](size_t at, size_t len) {
    int x = 0;
    for (size_t i = at; i < at + len; ++i) x = x * 10 + (v[i] - '0');
    return x;
  };
  int year = num(0, 4), month = num(5, 2), day = num(8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return "";
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > last) return "";
  return std::string(v.substr(0, 10));
}

size_t PostgresSink::Batch::bytes() const {
  return documents.size() + dates.size() + money.size() + officials.size() + official_mentions.size();
}

void PostgresSink::Batch::Clear() {
  documents.clear();
  dates.clear();
  money.clear();
  officials.clear();
  official_mentions.clear();
  members.clear();
  doc_ids.clear();
}

PostgresSink::PostgresSink(const std::string& uri, RecordOptions record_options, PostgresSinkOptions options)
    : uri_(uri), record_options_(record_options), options_(std::move(options)) {
  // A malformed URI may hold its password anywhere, and libpq's messages
  // quote the part they stumble on: vnie checks the form first, with reasons
  // that quote nothing, and scrubs the password from whatever libpq says.
  if (std::string problem = PostgresUriProblem(uri_); !problem.empty()) {
    throw std::invalid_argument("cannot read the PostgreSQL URI: " + problem +
                                " (expected postgresql://user:password@host:port/database)");
  }
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(uri_.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string why = ScrubPasswords(Trimmed(parse_error), uri_);
    PQfreemem(parse_error);
    throw std::invalid_argument("cannot read the PostgreSQL URI: " + why +
                                " (expected postgresql://user:password@host:port/database)");
  }
  PQconninfoFree(parsed);
  if (options_.schema.empty()) options_.schema = PostgresSinkOptions().schema;
  if (options_.max_attempts < 1) options_.max_attempts = 1;
  SchemaMigrations();  // a malformed schema file is a build defect: fail before connecting

  for (int attempt = 1;; ++attempt) {
    Attempt a = Connect();
    if (a.outcome == Outcome::kDone) return;
    if (a.outcome == Outcome::kFatal || attempt >= options_.max_attempts) {
      throw SinkError("cannot use PostgreSQL database " + target_ + ": " + a.error);
    }
    Backoff(attempt, "connecting", a.error);
  }
}

PostgresSink::~PostgresSink() { Disconnect(); }

void PostgresSink::Disconnect() {
  if (conn_ != nullptr) PQfinish(conn_);
  conn_ = nullptr;
}

void PostgresSink::Backoff(int attempt, const std::string& what, const std::string& error) {
  auto delay = options_.first_backoff;
  for (int i = 1; i < attempt && delay < options_.max_backoff; ++i) delay *= 2;
  delay = std::min(delay, options_.max_backoff);
  spdlog::warn("postgresql {}: {} failed: {}; retrying ({} of {}) in {:.2f} s", target_, what, error,
               attempt + 1, options_.max_attempts, delay.count() / 1000.0);
  std::this_thread::sleep_for(delay);
}

PostgresSink::Attempt PostgresSink::Connect() {
  Disconnect();
  // Our defaults come before the URI, so that the URI (and PG* variables)
  // may override them; client_encoding comes after: vnie writes UTF-8.
  const char* keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
                        "fallback_application_name", "dbname", "client_encoding", nullptr};
  const char* values[] = {"10", "30", "10", "3", "vnie", uri_.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (conn_ == nullptr) return {Outcome::kRetry, "out of memory"};
  if (target_.empty() || PQstatus(conn_) == CONNECTION_OK) {
    const char* host = PQhost(conn_);
    const char* port = PQport(conn_);
    const char* user = PQuser(conn_);
    const char* db = PQdb(conn_);
    target_ = ScrubPasswords(std::string(user ? user : "") + "@" + (host ? host : "") + ":" + (port ? port : "") +
                                 "/" + (db ? db : ""),
                             uri_);
  }
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string error = ScrubPasswords(Trimmed(PQerrorMessage(conn_)), uri_);
    bool needs_password = PQconnectionNeedsPassword(conn_) != 0;
    Disconnect();
    if (needs_password) {
      return {Outcome::kFatal, error + " (the server asks for a password: give it in the URI, PGPASSWORD or ~/.pgpass)"};
    }
    if (IsTransientConnectFailure(error)) return {Outcome::kRetry, error};
    return {Outcome::kFatal, error + " (check the user, password and database in the URI, the PG* variables or ~/.pgpass)"};
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  Attempt a = Exec("SET search_path TO " + QuoteIdentifier(options_.schema));
  if (a.outcome == Outcome::kDone && !migrated_) {
    a = Migrate();
    if (a.outcome == Outcome::kDone) migrated_ = true;
  }
  if (a.outcome == Outcome::kDone) {
    std::string sql;
    for (const char* table : {"documents", "dates", "money", "officials", "official_mentions"}) {
      sql += std::string("CREATE TEMP TABLE vnie_stage_") + table + " (LIKE " + table + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;";
    }
    a = Exec(sql);
  }
  if (a.outcome != Outcome::kDone) Disconnect();
  return a;
}

PostgresSink::Attempt PostgresSink::Migrate() {
  const Migrations& migrations = SchemaMigrations();
  const int latest = static_cast<int>(migrations.steps.size());
  auto read_version = [&](int* version) -> Attempt {
    PGresult* r = PQexec(conn_, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) return FailureOf(r, "reading schema_version");
    *version = std::atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    return {};
  };
  // The common case, a current schema, takes no lock.
  {
    std::string qualified = QuoteIdentifier(options_.schema) + ".schema_version";
    const char* params[] = {qualified.c_str()};
    PGresult* r = PQexecParams(conn_, "SELECT to_regclass($1) IS NOT NULL", 1, nullptr, params, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) return FailureOf(r, "looking up schema_version");
    bool exists = PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    int version = 0;
    if (exists) {
      Attempt a = read_version(&version);
      if (a.outcome != Outcome::kDone) return a;
      if (version == latest) return {};
    }
  }
  Attempt a = Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
  auto fail = [&](Attempt failed) {
    if (PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
    return failed;
  };
  if (a.outcome != Outcome::kDone) return fail(a);
  {
    const char* params[] = {options_.schema.c_str()};
    PGresult* r = PQexecParams(conn_, "SELECT 1 FROM pg_namespace WHERE nspname = $1", 1, nullptr, params,
                               nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) return fail(FailureOf(r, "looking up the schema"));
    bool exists = PQntuples(r) > 0;
    PQclear(r);
    if (!exists) {
      a = Exec("CREATE SCHEMA " + QuoteIdentifier(options_.schema));
      if (a.outcome != Outcome::kDone) return fail(a);
      spdlog::info("postgresql {}: created schema {}", target_, options_.schema);
    }
  }
  a = Exec(migrations.setup);
  if (a.outcome != Outcome::kDone) return fail(a);
  int version = 0;
  a = read_version(&version);
  if (a.outcome != Outcome::kDone) return fail(a);
  if (version > latest) {
    return fail({Outcome::kFatal, "schema " + options_.schema + " is at version " + std::to_string(version) +
                                      ", newer than this vnie knows (" + std::to_string(latest) +
                                      "): use a newer vnie or another --pg-schema"});
  }
  for (const auto& [step, ddl] : migrations.steps) {
    if (step <= version) continue;
    a = Exec(ddl + ";INSERT INTO schema_version (version) VALUES (" + std::to_string(step) + ")");
    if (a.outcome != Outcome::kDone) return fail(a);
  }
  a = Exec("COMMIT");
  if (a.outcome != Outcome::kDone) return fail(a);
  if (version < latest) {
    spdlog::info("postgresql {}: schema {} at version {} (was {})", target_, options_.schema, latest, version);
  }
  return {};
}

PostgresSink::Attempt PostgresSink::Exec(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  ExecStatusType status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    PQclear(r);
    return {};
  }
  return FailureOf(r, sql.substr(0, sql.find_first_of(" \n;")));
}

PostgresSink::Attempt PostgresSink::FailureOf(PGresult* result, const std::string& what) {
  std::string error = Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (error.empty()) error = Trimmed(PQerrorMessage(conn_));
  error = ScrubPasswords(error, uri_);
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  PQclear(result);
  error = what + ": " + error;
  if (PQstatus(conn_) == CONNECTION_BAD || sqlstate.empty() || IsTransientSqlState(sqlstate)) {
    return {Outcome::kRetry, error};
  }
  return {Outcome::kFatal, error + " (SQLSTATE " + sqlstate + ")"};
}

PostgresSink::Attempt PostgresSink::Copy(const char* table, const std::string& rows) {
  if (rows.empty()) return {};
  std::string sql = std::string("COPY ") + table + " FROM STDIN";
  PGresult* r = PQexec(conn_, sql.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) return FailureOf(r, "COPY");
  PQclear(r);
  constexpr size_t kChunk = 1 << 20;
  for (size_t pos = 0; pos < rows.size(); pos += kChunk) {
    int n = static_cast<int>(std::min(kChunk, rows.size() - pos));
    if (PQputCopyData(conn_, rows.data() + pos, n) != 1) return FailureOf(nullptr, "COPY");
  }
  if (PQputCopyEnd(conn_, nullptr) != 1) return FailureOf(nullptr, "COPY");
  Attempt a;
  while ((r = PQgetResult(conn_)) != nullptr) {
    if (a.outcome == Outcome::kDone && PQresultStatus(r) != PGRES_COMMAND_OK) {
      a = FailureOf(r, "COPY");
    } else {
      PQclear(r);
    }
  }
  return a;
}

PostgresSink::Attempt PostgresSink::CommitBatch() {
  // The document rows go first and in doc_id order: a run that writes the
  // same document at the same time waits on its row lock, then finds and
  // replaces the mention rows the other committed.  One order for every run
  // keeps such waits from becoming deadlocks.
  static const std::string kMerge = [] {
    std::string updates;
    for (const char* c : {"source_path", "source_bytes", "encoding", "lang", "title", "published", "published_date",
                          "rejected", "body", "source_url", "source_offset"}) {
      updates += std::string(c) + " = EXCLUDED." + c + ", ";
    }
    std::string sql = std::string("INSERT INTO documents (") + kDocumentColumns + ") SELECT " + kDocumentColumns +
                      " FROM vnie_stage_documents ORDER BY doc_id ON CONFLICT (doc_id) DO UPDATE SET " + updates +
                      "ingested_at = now();";
    // A changed file (same path, new bytes) replaces the document it held;
    // an archive's record, the one that stood at its offset.
    sql += "DELETE FROM documents d USING vnie_stage_documents s WHERE d.source_path = s.source_path "
           "AND d.source_offset IS NOT DISTINCT FROM s.source_offset "
           "AND d.doc_id NOT IN (SELECT doc_id FROM vnie_stage_documents);";
    for (const char* t : {"dates", "money", "officials"}) {  // official_mentions go with officials
      sql += std::string("DELETE FROM ") + t + " WHERE doc_id IN (SELECT doc_id FROM vnie_stage_documents);";
    }
    sql += std::string("INSERT INTO dates (") + kDateColumns + ") SELECT " + kDateColumns + " FROM vnie_stage_dates;";
    sql += std::string("INSERT INTO money (") + kMoneyColumns + ") SELECT " + kMoneyColumns + " FROM vnie_stage_money;";
    sql += std::string("INSERT INTO officials (") + kOfficialColumns + ") SELECT " + kOfficialColumns +
           " FROM vnie_stage_officials;";
    sql += std::string("INSERT INTO official_mentions (") + kMentionColumns + ") SELECT " + kMentionColumns +
           " FROM vnie_stage_official_mentions;";
    return sql;
  }();
  auto columns = [](const char* table, const char* cols) { return std::string(table) + " (" + cols + ")"; };
  Attempt a = Exec("BEGIN");
  if (a.outcome == Outcome::kDone) a = Copy(columns("vnie_stage_documents", kDocumentColumns).c_str(), batch_.documents);
  if (a.outcome == Outcome::kDone) a = Copy(columns("vnie_stage_dates", kDateColumns).c_str(), batch_.dates);
  if (a.outcome == Outcome::kDone) a = Copy(columns("vnie_stage_money", kMoneyColumns).c_str(), batch_.money);
  if (a.outcome == Outcome::kDone) a = Copy(columns("vnie_stage_officials", kOfficialColumns).c_str(), batch_.officials);
  if (a.outcome == Outcome::kDone) {
    a = Copy(columns("vnie_stage_official_mentions", kMentionColumns).c_str(), batch_.official_mentions);
  }
  if (a.outcome == Outcome::kDone) a = Exec(kMerge);
  if (a.outcome == Outcome::kDone) a = Exec("COMMIT");
  if (a.outcome != Outcome::kDone) {
    if (PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
    if (PQstatus(conn_) != CONNECTION_OK) Disconnect();
  }
  return a;
}

void PostgresSink::Write(const Document& doc) {
  // The merge replaces each document once per transaction: a doc_id seen
  // again (the same bytes under two paths) starts a new batch.
  if (batch_.doc_ids.count(doc.doc_id) > 0) Flush();

  const std::string& id = doc.doc_id;
  {
    CopyRow row(batch_.documents);
    row.Text(id).Text(doc.source.path).Int(static_cast<int64_t>(doc.source.bytes));
    row.TextOrNull(doc.encoding).TextOrNull(doc.lang).Optional(doc.title).Optional(doc.published);
    row.TextOrNull(doc.published ? SingleDay(*doc.published) : "");
    row.Optional(doc.rejected);
    if (record_options_.emit_text) row.Text(doc.text);
    else row.Null();
    row.Optional(doc.source.url);
    if (doc.source.offset) row.Int(static_cast<int64_t>(*doc.source.offset));
    else row.Null();
  }
  auto amount = [&](CopyRow& row, const std::string& value) {
    if (value.empty() || IsDecimal(value)) {
      row.TextOrNull(value);
    } else {
      spdlog::warn("{}: amount '{}' is not a decimal number; stored as NULL", doc.source.path, value);
      row.Null();
    }
  };
  for (size_t i = 0; i < doc.dates.size(); ++i) {
    const DateMention& d = doc.dates[i];
    CopyRow row(batch_.dates);
    row.Text(id).Int(static_cast<int64_t>(i)).Text(d.span.text).Int(d.span.start).Int(d.span.end);
    row.Optional(d.value).TextOrNull(d.grain).TextOrNull(d.mod).TextOrNull(d.relative);
    row.TextOrNull(d.value ? SingleDay(*d.value) : "");
  }
  for (size_t i = 0; i < doc.money.size(); ++i) {
    const MoneyMention& m = doc.money[i];
    CopyRow row(batch_.money);
    row.Text(id).Int(static_cast<int64_t>(i)).Text(m.span.text).Int(m.span.start).Int(m.span.end);
    amount(row, m.amount);
    row.Text(m.currency).TextOrNull(m.qualifier);
    amount(row, m.amount_min);
    amount(row, m.amount_max);
  }
  for (const Official& o : doc.officials) {
    {
      CopyRow row(batch_.officials);
      row.Text(id).Int(o.entity).Text(o.name).Text(o.name_key).Text(o.title).Optional(o.organization).Optional(o.country);
    }
    for (size_t i = 0; i < o.mentions.size(); ++i) {
      const TextSpan& m = o.mentions[i];
      CopyRow row(batch_.official_mentions);
      row.Text(id).Int(o.entity).Int(static_cast<int64_t>(i)).Text(m.text).Int(m.start).Int(m.end);
    }
  }
  batch_.members.push_back({doc.doc_id, doc.source.path});
  batch_.doc_ids.insert(doc.doc_id);
  if (batch_.members.size() >= options_.batch_documents || batch_.bytes() >= options_.batch_bytes) Flush();
}

void PostgresSink::Flush() {
  if (batch_.members.empty()) return;
  const std::string what = "writing a batch of " + std::to_string(batch_.members.size()) + " documents";
  for (int attempt = 1;; ++attempt) {
    Attempt a;
    if (conn_ == nullptr) a = Connect();
    if (a.outcome == Outcome::kDone) a = CommitBatch();
    if (a.outcome == Outcome::kDone) break;
    if (a.outcome == Outcome::kFatal) throw SinkError("postgresql " + target_ + ": " + what + " failed: " + a.error);
    if (attempt >= options_.max_attempts) {
      throw SinkError("postgresql " + target_ + ": " + what + " failed " + std::to_string(attempt) +
                      " times, giving up: " + a.error + " (check that the server is up and reachable)");
    }
    Backoff(attempt, what, a.error);
  }
  spdlog::debug("postgresql {}: committed {} documents", target_, batch_.members.size());
  if (listener_) listener_(batch_.members);
  batch_.Clear();
}

bool PostgresSink::Commit() {
  Flush();
  return true;
}

void PostgresSink::Finish() {
  Flush();
  Disconnect();
}

std::unique_ptr<Sink> MakePostgresSink(const std::string& target, const SinkOptions& options) {
  return OpenPostgresSink(target, options.record, options.schema);
}

}  // namespace vnie
