#!/bin/sh
# cmake --install into a scratch prefix, then a consumer program built
# against it twice: with find_package(vnie) and with pkg-config.
#   install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR [EXTRA_CXX_FLAGS]
set -eu
build=$1 src=$2 work=$3 flags=${4:-}
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
want="0.1.0 3000000000000 VND 2023"

cmake -S "$src/tests/library/consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$work/configure.log"
cmake --build "$work/consumer" >"$work/build.log"
got=$("$work/consumer/consumer")
[ "$got" = "$want" ] || { echo "find_package consumer printed '$got', want '$want'"; exit 1; }

libdir=$(dirname "$(find "$prefix" -name vnie.pc)")
export PKG_CONFIG_PATH=$libdir
# shellcheck disable=SC2046
c++ -std=c++17 $flags -o "$work/pc-consumer" "$src/tests/library/consumer/consumer.cc" \
  $(pkg-config --cflags --libs vnie) -Wl,-rpath,"$(pkg-config --variable=libdir vnie)"
got=$("$work/pc-consumer")
[ "$got" = "$want" ] || { echo "pkg-config consumer printed '$got', want '$want'"; exit 1; }
echo "install_test: both consumers print '$got'"
