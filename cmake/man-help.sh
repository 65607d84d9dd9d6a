#!/bin/sh
# What help2man reads for vnie(1): `vnie --help` followed by each command's
# --help, so the man page lists every option from the same text.
#   VNIE_BIN=build/vnie man-help.sh --help|--version
vnie=${VNIE_BIN:?VNIE_BIN is the vnie binary}
if [ "${1:-}" = "--version" ]; then exec "$vnie" --version; fi
"$vnie" --help
for command in run extract normalize; do
  echo
  "$vnie" "$command" --help | sed -e "1s/^.*$/Command vnie $command:/" -e "2s/^Usage: .*vnie /  vnie /" \
    -e "s/^Options:/Options of vnie $command:/" -e "s/^Positionals:/Arguments of vnie $command:/"
done
