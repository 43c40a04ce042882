#!/bin/sh
# `npm run brief`: the CLI started from its V8 startup snapshot (build/fast/brief.blob, made by
# `npm run build`) when that snapshot was built by this very Node version, else the plain build
# (build/src/cli.js). Both take the same arguments and give the same bytes, messages and exit codes.
# MOWJAZ_PLAIN=1 always runs the plain build.
# Both run with the V8 flags of scripts/node-flags (memory bounds, see the README's Performance
# section); the snapshot with the flags it was built with (build/fast/brief.flags), which it needs.
root="${0%/*}/.."
# Fewer glibc malloc arenas: V8's helper threads would each grow their own (a few MB of RSS).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
blob="$root/build/fast/brief.blob"
built=
flags=
[ -f "$root/build/fast/brief.node" ] && read -r built < "$root/build/fast/brief.node"
if [ -z "$MOWJAZ_PLAIN" ] && [ -n "$built" ] && [ -f "$blob" ] && [ -f "$root/build/fast/brief.flags" ] && [ "$(node --version)" = "$built" ]; then
  read -r flags < "$root/build/fast/brief.flags"
  # shellcheck disable=SC2086 # the flags are words
  exec node $flags --snapshot-blob "$blob" -- "$@"
fi
[ -f "$root/scripts/node-flags" ] && read -r flags < "$root/scripts/node-flags"
# shellcheck disable=SC2086
exec node $flags "$root/build/src/cli.js" "$@"
