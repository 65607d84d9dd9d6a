#include "pg_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace vnie::testing_pg {
namespace fs = std::filesystem;

namespace {

std::string FindBindir() {
  if (const char* dir = std::getenv("PG_BINDIR"); dir && fs::exists(fs::path(dir) / "initdb")) return dir;
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    fs::path bin = entry.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl")) {
      found.emplace_back(std::atoi(entry.path().filename().c_str()), bin.string());
    }
  }
  if (!found.empty()) return std::max_element(found.begin(), found.end())->second;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (!dir.empty() && fs::exists(fs::path(dir) / "initdb") && fs::exists(fs::path(dir) / "pg_ctl")) return dir;
    }
  }
  return "";
}

int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Tail(const std::string& text, size_t n = 3000) {
  return text.size() <= n ? text : "..." + text.substr(text.size() - n);
}

}  // namespace

bool PgTestServer::RunTool(const std::vector<std::string>& args, std::string* error) {
  std::string log = dir_ + "/tool.log";
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return false;
  }
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    if (drop_privileges_ && (::setgroups(0, nullptr) != 0 || ::setgid(gid_) != 0 || ::setuid(uid_) != 0)) {
      ::_exit(126);
    }
    if (::chdir(dir_.c_str()) != 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  std::string cmd;
  for (const auto& a : args) cmd += a + " ";
  *error = cmd + "failed (status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) +
           "):\n" + Tail(ReadAll(log)) + "\nserver log:\n" + Tail(Log());
  return false;
}

bool PgTestServer::Start(std::string* error) {
  bindir_ = FindBindir();
  if (bindir_.empty()) {
    *error =
        "PostgreSQL server programs (initdb, pg_ctl) not found in $PG_BINDIR, /usr/lib/postgresql/*/bin or PATH: "
        "the PostgreSQL tests need a real server; run scripts/setup, which installs Debian's postgresql package";
    return false;
  }
  std::string tmpl = (fs::temp_directory_path() / "vnie-pg-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *error = "cannot create a temporary folder: " + std::string(std::strerror(errno));
    return false;
  }
  dir_ = tmpl;
  if (::geteuid() == 0) {
    // PostgreSQL will not run as root: hand the cluster to an unprivileged user.
    const passwd* pw = ::getpwnam("postgres");
    if (pw == nullptr) pw = ::getpwnam("nobody");
    if (pw == nullptr) {
      *error = "running as root and there is neither a 'postgres' nor a 'nobody' user to run PostgreSQL as";
      return false;
    }
    uid_ = pw->pw_uid;
    gid_ = pw->pw_gid;
    drop_privileges_ = true;
    if (::chown(dir_.c_str(), uid_, gid_) != 0) {
      *error = "cannot give " + dir_ + " to uid " + std::to_string(uid_) + ": " + std::strerror(errno);
      return false;
    }
  }
  const std::string pwfile = dir_ + "/password";
  std::ofstream(pwfile) << "vnie-secret\n";
  if (drop_privileges_ && ::chown(pwfile.c_str(), uid_, gid_) != 0) {
    *error = "cannot give " + pwfile + " to the server user: " + std::strerror(errno);
    return false;
  }
  const std::string data = dir_ + "/data";
  if (!RunTool({bindir_ + "/initdb", "-D", data, "-U", "vnie", "--pwfile=" + pwfile, "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"},
               error)) {
    return false;
  }
  std::remove(pwfile.c_str());
  for (int tries = 0; tries < 3; ++tries) {
    port_ = FreeLoopbackPort();
    {
      // Appended last, these settings win over initdb's.
      std::ofstream conf(data + "/postgresql.conf", std::ios::app);
      conf << "\nport = " << port_ << "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" << dir_
           << "'\nfsync = off\nfull_page_writes = off\nsynchronous_commit = off\nshared_buffers = 32MB\n"
           << "max_connections = 40\nlog_min_messages = warning\n";
    }
    if (RunTool({bindir_ + "/pg_ctl", "-D", data, "-l", dir_ + "/server.log", "-w", "-t", "60", "start"}, error)) {
      running_ = true;
      break;
    }
  }
  if (!running_) return false;
  std::string created = QueryValue(Uri("postgres"), "CREATE DATABASE vnie_test");
  if (created.starts_with("ERROR")) {
    *error = "cannot create the test database: " + created;
    return false;
  }
  return true;
}

bool PgTestServer::Restart(std::string* error) {
  return RunTool({bindir_ + "/pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log", "-m", "fast", "-w", "-t",
                  "60", "restart"},
                 error);
}

void PgTestServer::Stop() {
  if (running_) {
    std::string error;
    RunTool({bindir_ + "/pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"}, &error);
    running_ = false;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

std::string PgTestServer::Uri(const std::string& database, const std::string& password) const {
  return "postgresql://vnie:" + password + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PgTestServer::Log() const { return dir_.empty() ? "" : ReadAll(dir_ + "/server.log"); }

namespace {

std::string shared_error;

class SharedServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    if (!SharedServer().Start(&shared_error)) {
      SharedServer().Stop();
      FAIL() << shared_error;
    }
  }
  void TearDown() override { SharedServer().Stop(); }
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment);

}  // namespace

PgTestServer& SharedServer() {
  static PgTestServer server;
  return server;
}

const std::string& SharedServerError() { return shared_error; }

std::vector<std::string> Query(const std::string& uri, const std::string& sql) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string e = std::string("ERROR: ") + PQerrorMessage(conn);
    PQfinish(conn);
    return {e};
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, sql.c_str());
  std::vector<std::string> rows;
  ExecStatusType status = PQresultStatus(r);
  if (status == PGRES_TUPLES_OK) {
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row;
      for (int j = 0; j < PQnfields(r); ++j) {
        if (j > 0) row += '|';
        row += PQgetisnull(r, i, j) ? "\\N" : PQgetvalue(r, i, j);
      }
      rows.push_back(std::move(row));
    }
  } else if (status != PGRES_COMMAND_OK) {
    rows = {std::string("ERROR: ") + PQresultErrorMessage(r)};
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

std::string QueryValue(const std::string& uri, const std::string& sql) {
  auto rows = Query(uri, sql);
  if (rows.empty()) return "";
  return rows.front();
}

Child Spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::string& stderr_path) {
  // Everything the child needs is built before fork: it only calls
  // async-signal-safe functions.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    if (!env.contains(std::string(entry.substr(0, entry.find('='))))) env_strings.emplace_back(entry);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  Child child;
  child.stderr_path = stderr_path;
  child.pid = ::fork();
  if (child.pid == 0) {
    int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int out = ::open("/dev/null", O_WRONLY);
    if (err >= 0) ::dup2(err, 2);
    if (out >= 0) ::dup2(out, 1);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  return child;
}

namespace {
int StatusOf(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }
}  // namespace

int Wait(const Child& child) {
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return StatusOf(status);
}

bool Exited(const Child& child, int* status) {
  int raw = 0;
  pid_t r = ::waitpid(child.pid, &raw, WNOHANG);
  if (r != child.pid) return false;
  *status = StatusOf(raw);
  return true;
}

}  // namespace vnie::testing_pg
