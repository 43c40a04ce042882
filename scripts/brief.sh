#!/bin/sh
# `npm run brief`: the CLI started from its V8 startup snapshot (build/fast/brief.blob, made by
# `npm run build`) when that snapshot was built by this very Node version, else the plain build
# (build/src/cli.js). Both take the same arguments and give the same bytes, messages and exit codes.
# MOWJAZ_PLAIN=1 always runs the plain build.
root="${0%/*}/.."
blob="$root/build/fast/brief.blob"
built=
[ -f "$root/build/fast/brief.node" ] && read -r built < "$root/build/fast/brief.node"
if [ -z "$MOWJAZ_PLAIN" ] && [ -n "$built" ] && [ -f "$blob" ] && [ "$(node --version)" = "$built" ]; then
  exec node --snapshot-blob "$blob" -- "$@"
fi
exec node "$root/build/src/cli.js" "$@"
