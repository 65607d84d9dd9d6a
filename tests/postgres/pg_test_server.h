// A throwaway PostgreSQL server for vnie's tests: a cluster in a temporary
// folder, listening on a free loopback port, removed when stopped.
//
// It uses Debian's server binaries (package postgresql, installed by
// scripts/setup): $PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else
// initdb on PATH.  PostgreSQL refuses to run as root, so when the tests run as
// root the cluster belongs to the `postgres` system user (or `nobody`) and the
// server programs run under that user; otherwise they run as the caller.
//
// The superuser is `vnie` with password `vnie-secret`; connections over TCP
// need the password (so a wrong one is refused), and a database `vnie_test`
// is created.  Settings favour speed over durability (fsync off): a clean
// restart keeps every commit, a crash of the machine would not.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace vnie::testing_pg {

class PgTestServer {
 public:
  PgTestServer() = default;
  PgTestServer(const PgTestServer&) = delete;
  PgTestServer& operator=(const PgTestServer&) = delete;
  ~PgTestServer() { Stop(); }

  // Creates the cluster and starts the server.  On failure returns false with
  // *ERROR saying what went wrong and what to do.
  bool Start(std::string* error);
  // Stops the server (immediate mode) and removes its folder.  Idempotent.
  void Stop();
  // `pg_ctl restart -m fast`: open connections are cut.  Waits until the
  // server accepts connections again.
  bool Restart(std::string* error);

  bool running() const { return running_; }
  int port() const { return port_; }
  // postgresql://USER:PASSWORD@127.0.0.1:PORT/DATABASE
  std::string Uri(const std::string& database = "vnie_test", const std::string& password = "vnie-secret") const;
  // The server's log so far, for failure messages.
  std::string Log() const;

 private:
  bool RunTool(const std::vector<std::string>& args, std::string* error);

  std::string bindir_;
  std::string dir_;  // the temporary folder: data/, server.log, tool.log
  uid_t uid_ = 0;    // who runs the server programs
  gid_t gid_ = 0;
  bool drop_privileges_ = false;
  int port_ = 0;
  bool running_ = false;
};

// The server shared by the tests of one binary, started by the environment below.
PgTestServer& SharedServer();
// The error that kept SharedServer() from starting, or "".
const std::string& SharedServerError();

// Runs SQL on the database at URI.  Returns the rows (NULL as "\\N", fields
// joined with '|'); on error returns {"ERROR: ..."}.
std::vector<std::string> Query(const std::string& uri, const std::string& sql);
// The single value of a one-row, one-column query, or "ERROR: ...".
std::string QueryValue(const std::string& uri, const std::string& sql);

// A child process started by Spawn.
struct Child {
  pid_t pid = -1;
  std::string stderr_path;
};
// Starts ARGV[0] with ARGV, with ENV added to the environment; its stdout is
// discarded and its stderr goes to STDERR_PATH.
Child Spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::string& stderr_path);
// Waits for CHILD and returns its exit status (128+signal when killed).
int Wait(const Child& child);
// True when CHILD has exited (it is then reaped; *STATUS gets the exit status).
bool Exited(const Child& child, int* status);

}  // namespace vnie::testing_pg
