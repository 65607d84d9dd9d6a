#!/usr/bin/env bash
# One vnie run per Slurm array task, each over its shard of the corpus, all
# writing into the same PostgreSQL database (docs/postgres.md).
#
#   sbatch --array=0-15 scripts/slurm-array.sh /shared/articles postgresql://vnie@db.example:5432/news
#
# Task K of an array numbered 0..N-1 takes --shard K/N; N is the highest index
# plus one, or $VNIE_SHARDS when set.  A failed task can be run again alone,
# naming the shard count:  VNIE_SHARDS=16 sbatch --array=7 scripts/slurm-array.sh ...
# (documents it had already written are replaced, never doubled).  Give the
# password in ~/.pgpass (mode 600) or PGPASSWORD, not in the URI: command lines
# are visible to other users of the cluster.  Extra arguments after the URI go
# to `vnie run`; $VNIE names the vnie binary (default: vnie on PATH).
#SBATCH --job-name=vnie-ingest
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --output=vnie-%A_%a.log
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: sbatch --array=0-N-1 $0 CORPUS_DIR POSTGRES_URI [vnie run options...]" >&2
  exit 2
fi
corpus=$1
uri=$2
shift 2

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "$0: SLURM_ARRAY_TASK_ID is not set: submit with sbatch --array=0-N-1" >&2
  exit 2
fi
count=${VNIE_SHARDS:-$((${SLURM_ARRAY_TASK_MAX:-0} + 1))}
if [ "$SLURM_ARRAY_TASK_ID" -ge "$count" ]; then
  echo "$0: task $SLURM_ARRAY_TASK_ID is outside $count shards: number the array from 0 (--array=0-N-1) or set VNIE_SHARDS=N" >&2
  exit 2
fi

vnie=${VNIE:-vnie}
echo "vnie shard ${SLURM_ARRAY_TASK_ID}/${count} of $corpus on $(hostname)" >&2
exec "$vnie" run "$corpus" --shard "${SLURM_ARRAY_TASK_ID}/${count}" --out "$uri" "$@"
