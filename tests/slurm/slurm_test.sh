#!/usr/bin/env bash
# A real cluster run: a single-node Slurm cluster (munged + slurmctld + slurmd
# on localhost, from a temporary configuration) runs scripts/slurm-array.sh as
# a job array of 4 tasks over a few thousand generated articles into one
# throwaway PostgreSQL server; then every article must be in the database
# exactly once, and still after one task is run again.
#
#   slurm_test.sh VNIE SOURCE_DIR [ARTICLES]
#
# Exit 0 passed, 1 failed, 77 skipped: the cluster or the database cannot
# start here (the reason is printed).
set -uo pipefail
vnie=$(readlink -f "$1") src=$(readlink -f "$2") articles=${3:-3000}
tasks=4

skip() { echo "slurm_test: SKIPPED: $*"; exit 77; }
fail() { echo "slurm_test: FAILED: $*"; exit 1; }

for tool in munged slurmctld slurmd sbatch squeue scontrol psql; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (scripts/setup installs slurm-wlm, munge, postgresql)"
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || skip "no PostgreSQL server programs in /usr/lib/postgresql/*/bin"
[ "$(id -u)" -eq 0 ] || skip "slurmd runs jobs as their users and munged needs its own key: this test runs as root"
id postgres >/dev/null 2>&1 || skip "no 'postgres' user to run the scratch PostgreSQL server as"

work=$(mktemp -d /tmp/vnie-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  [ -n "${pgdata:-}" ] && [ -f "$pgdata/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ "${KEEP:-}" = 1 ] && echo "slurm_test: kept $work" || rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
show_log() { echo "--- $1"; tail -n 15 "$1" 2>/dev/null; }

# munge: a fresh key, its own socket.
mkdir -p "$work/munge" && chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none && chmod 400 "$work/munge/munge.key"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.sock" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munge.seed" \
  >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge/munge.sock" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.sock" ] || { show_log "$work/munge/munged.log"; skip "munged did not start"; }

# Slurm: one node, 4 CPUs as configured (more than this machine may have:
# the tasks share its cores), no cgroups, no accounting.
host=$(hostname -s)
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=vnietest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmdParameters=config_overrides
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$tasks RealMemory=4096 State=UNKNOWN
PartitionName=vnie Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" >"$work/slurmd.out" 2>&1 &
pids+=($!)
up=""
for _ in $(seq 60); do
  if scontrol show node "$host" 2>/dev/null | grep -Eq "State=(IDLE|MIXED|ALLOCATED)"; then up=1; break; fi
  sleep 1
done
if [ -z "$up" ]; then
  show_log "$work/slurmctld.log"; show_log "$work/slurmctld.out"; show_log "$work/slurmd.log"; show_log "$work/slurmd.out"
  scontrol show node "$host" 2>&1 | head -5
  skip "the single-node Slurm cluster did not come up (see the logs above)"
fi
echo "slurm_test: cluster up: $(sinfo -h -o '%P %D %C %T' 2>/dev/null)"

# PostgreSQL: a scratch server on a free port, trusting local connections.
pgdata=$work/pg/data
mkdir -p "$work/pg" && chown postgres "$work/pg"
pgport=$(free_port)
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U vnie --auth=trust >"$work/pg/initdb.log" 2>&1 ||
  { show_log "$work/pg/initdb.log"; skip "initdb failed"; }
printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = off\n" \
  "$pgport" "$work/pg" >>"$pgdata/postgresql.conf"
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg/server.log" -w -t 60 start >/dev/null ||
  { show_log "$work/pg/server.log"; skip "PostgreSQL did not start"; }
uri="postgresql://vnie@127.0.0.1:$pgport/vnie"
psql -q "postgresql://vnie@127.0.0.1:$pgport/postgres" -c "CREATE DATABASE vnie" || fail "cannot create the database"

# The articles: a few thousand, generated from the corpus.
python3 "$src/scripts/make-corpus" "$work/articles" $((articles * 11 / 1000 + 1)) --seed 15 >/dev/null 2>&1 ||
  fail "make-corpus failed"
find "$work/articles" -type f | sort | head -n "$articles" >"$work/keep"
find "$work/articles" -type f | sort | tail -n +"$((articles + 1))" | xargs -r rm -f
n=$(wc -l <"$work/keep")
[ "$n" -ge 1000 ] || fail "only $n articles generated"

# The job array, run as the docs show it (sbatch --array=0-3), waiting for it.
export VNIE=$vnie
start=$(date +%s.%N)
job=$(sbatch --parsable --wait --array=0-$((tasks - 1)) --cpus-per-task=1 --mem=512M \
        --output="$work/task-%A_%a.log" --chdir="$work" \
        "$src/scripts/slurm-array.sh" "$work/articles" "$uri" --jobs 1 --log-level warn)
rc=$?
seconds=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
for log in "$work"/task-*.log; do echo "--- $(basename "$log")"; cat "$log"; done
[ $rc -eq 0 ] || fail "the job array $job failed (sbatch exit $rc)"
ran=$(ls "$work"/task-*_*.log | wc -l)
[ "$ran" -eq "$tasks" ] || fail "$ran task logs, expected $tasks"

check() {
  local rows distinct_paths
  rows=$(psql -Atq "$uri" -c "SELECT count(*) FROM vnie.documents")
  distinct_paths=$(psql -Atq "$uri" -c "SELECT count(DISTINCT source_path) FROM vnie.documents")
  psql -Atq "$uri" -c "SELECT source_path FROM vnie.documents ORDER BY 1" | LC_ALL=C sort >"$work/in-db"
  LC_ALL=C sort "$work/keep" >"$work/want"
  [ "$rows" -eq "$n" ] && [ "$distinct_paths" -eq "$n" ] && cmp -s "$work/in-db" "$work/want" ||
    fail "$1: $rows rows, $distinct_paths distinct paths for $n articles ($(comm -3 "$work/want" "$work/in-db" | head -3 | tr '\n' ' '))"
  echo "slurm_test: $1: $n articles, $rows documents, each exactly once"
}
check "4 array tasks in ${seconds} s"

# A task run again alone (as after a failure) replaces its documents.
VNIE_SHARDS=$tasks sbatch --parsable --wait --array=2 --cpus-per-task=1 --mem=512M --output="$work/rerun-%a.log" \
  --chdir="$work" "$src/scripts/slurm-array.sh" "$work/articles" "$uri" --jobs 1 --log-level warn >/dev/null ||
  { cat "$work"/rerun-*.log; fail "the rerun of task 2 failed"; }
check "after task 2 ran again"
echo "slurm_test: passed; the job array took ${seconds} s"
