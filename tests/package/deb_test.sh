#!/bin/sh
# Builds the Debian package from the build folder, unpacks it into a scratch
# root (dpkg -x) and runs what it holds from there: the command, a small run,
# the Python module and the man page.
#   deb_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -eu
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/vnie_*.deb)
echo "deb_test: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb --info "$deb" | grep -E 'Package|Version|Depends' || true
root=$work/root
dpkg -x "$deb" "$root"
for f in usr/bin/vnie usr/bin/vnie-cron-ingest usr/share/man/man1/vnie.1.gz usr/include/vnie/vnie.h \
         usr/lib/systemd/system/vnie-ingest.service usr/lib/systemd/system/vnie-ingest.timer \
         usr/lib/python3/dist-packages/vnie.*.so; do
  # shellcheck disable=SC2086
  ls $root/$f >/dev/null 2>&1 || { echo "deb_test: the package lacks /$f"; exit 1; }
done
for f in "libvnie.so.*" vnie.pc vnieConfig.cmake; do [ -n "$(find "$root/usr/lib" -name "$f")" ] || { echo "deb_test: the package lacks $f"; exit 1; }; done
grep -q "ExecStart=/usr/bin/vnie-cron-ingest .*--settle 10" "$root/usr/lib/systemd/system/vnie-ingest.service"

"$root/usr/bin/vnie" --version
"$root/usr/bin/vnie" run "$src/corpus/articles" --out "$work/run.jsonl" --log-level warn
n=$(wc -l <"$work/run.jsonl")
want=$(find "$src/corpus/articles" -type f ! -name '.*' | wc -l)
[ "$n" -eq "$want" ] || { echo "deb_test: $n records from $want articles"; exit 1; }
VNIE="$root/usr/bin/vnie" VNIE_LOG="$work/cron.log" "$root/usr/bin/vnie-cron-ingest" "$src/corpus/articles" "$work/cron.db" -- --settle 0
grep -q "$want new" "$work/cron.log"
PYTHONPATH=$root/usr/lib/python3/dist-packages python3 -c \
  'import vnie; r = vnie.extract("On 3 May 2024 the ministry spent $5 million."); assert r["money"][0]["amount"] == "5000000", r; print("python: vnie", vnie.__version__, vnie.__file__)'
man -l "$root/usr/share/man/man1/vnie.1.gz" | grep -q -- "--settle"
echo "deb_test: $n records from the unpacked package"
