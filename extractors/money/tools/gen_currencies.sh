#!/bin/sh
# Regenerates extractors/money/currencies_iso.tsv from the ICU of this
# machine (Debian's libicu-dev).  Run from the source root.
set -e
out=$(mktemp -d)
g++ -std=c++20 -O1 extractors/money/tools/gen_currencies.cc -licui18n -licuuc -o "$out/gen_currencies"
"$out/gen_currencies" > extractors/money/currencies_iso.tsv
rm -rf "$out"
