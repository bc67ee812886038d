#!/usr/bin/env bash
# Hostile key imports (#28 items 4 and 10), timed: `key import` of one certificate with many
# user IDs (4,000 and 20,000), of a keyring of 10,000 keys, and a `kill -9` in the middle of
# that import, after which `fsck` must report nothing. The files are made by
# examples/make_keys (nothing large is committed). Prints a Markdown table.
#
#   scripts/bench-keys.sh              release build
#   BENCH_PROFILE=dev scripts/bench-keys.sh   the debug build (what the numbers in
#                                         docs/keys.md were taken with)
#   RELMGR=/path/to/relmgr scripts/bench-keys.sh   another relmgr (e.g. an older one)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${BENCH_PROFILE:-release}"
cargo build --quiet --profile "$profile" --manifest-path "$root/Cargo.toml" --bin relmgr --example make_keys
dir="$root/target/$([ "$profile" = dev ] && echo debug || echo "$profile")"
relmgr="${RELMGR:-$dir/relmgr}"
make_keys="$dir/examples/make_keys"
work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-bench-keys.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
unset RELMGR_NOW RELMGR_STORE RELMGR_USER
export NO_COLOR=1 CI=1

fresh() { rm -rf "$work/s" && mkdir "$work/s" && (cd "$work/s" && "$relmgr" -q init --user admin >/dev/null); }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }'; }

echo "| case | seconds |"
echo "|---|---|"
for n in ${BENCH_UIDS:-4000 20000}; do
  "$make_keys" uids "$n" "$work/uids-$n.asc"
  fresh
  echo "| key import, 1 key with $n user IDs | $(cd "$work/s" && seconds "$relmgr" --as admin key import "$work/uids-$n.asc") |"
done
nkeys="${BENCH_KEYS:-10000}"
"$make_keys" keys "$nkeys" "$work/keys.asc"
fresh
echo "| key import, $nkeys keys | $(cd "$work/s" && seconds "$relmgr" --as admin key import "$work/keys.asc") |"

# kill -9 half way through the same import (half its uninterrupted time), then fsck.
fresh
full=$(cd "$work/s" && seconds "$relmgr" --as admin key import "$work/keys.asc")
fresh
(cd "$work/s" && exec "$relmgr" --as admin key import "$work/keys.asc" >/dev/null 2>&1) &
pid=$!
sleep "$(awk -v f="$full" 'BEGIN { print f / 2 }')"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
problems=$(cd "$work/s" && "$relmgr" --json --as admin fsck 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
stored=$(cd "$work/s" && "$relmgr" --json --as admin key list 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "| kill -9 at half of the $nkeys-key import: keys stored / fsck findings | $stored / $problems |"
