#!/usr/bin/env bash
# The hostile-input benchmark (#28): peak memory (max RSS, from /usr/bin/time -v) and time of
# `relmgr check --dir` on generated hostile archives, and the size of index.db after `check`
# stored the report of an archive with many flagged entries. Prints a Markdown table.
#
#   scripts/bench-hostile.sh                 the sizes of the issue (1.5 GB PAX record, 2M entries)
#   BENCH_SMALL=1 scripts/bench-hostile.sh   a tenth, for a quick look
#   BENCH_PROFILE=debug ...                  use target/debug (default: release)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${BENCH_PROFILE:-release}"
flag=""; [ "$profile" = release ] && flag="--release"
cargo build $flag --quiet --manifest-path "$root/Cargo.toml" --bin relmgr --example hostile_gen
dir="${CARGO_TARGET_DIR:-$root/target}/$profile"
relmgr="$dir/relmgr"; gen="$dir/examples/hostile_gen"
[ -x /usr/bin/time ] || { echo "bench-hostile: /usr/bin/time (GNU time) is needed" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-bench-hostile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
unset RELMGR_NOW RELMGR_STORE RELMGR_USER
export NO_COLOR=1 CI=1

if [ -n "${BENCH_SMALL:-}" ]; then pax=150000000; flagged=200000; big=500000; files=2000; else
  pax=1500000000; flagged=2000000; big=900000; files=20000; fi

# run LABEL FILE KIND ARGS...: generates FILE with `hostile_gen KIND FILE ARGS...` into its own
# directory, then checks that directory.
run() {
  local label="$1" file="$2" kind="$3"; shift 3
  mkdir -p "$work/$label"
  "$gen" "$kind" "$work/$label/$file" "$@"
  local size; size=$(stat -c %s "$work/$label/$file")
  /usr/bin/time -v "$relmgr" --json check --dir "$work/$label" >"$work/$label.json" 2>"$work/$label.time" || true
  local rss wall outcome
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/$label.time")
  wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/$label.time")
  outcome=$(python3 - "$work/$label.json" <<'PY'
import json, sys
fs = json.load(open(sys.argv[1]))
bad = [f for f in fs if f["check"] in ("archive-integrity", "archive-paths") and f["result"] != "pass"]
f = bad[0] if bad else None
print("pass" if f is None else f'{f["result"]}: {f["reason"][:60]} ({len(f["entries"])} of {f["entries_total"]} listed)'.replace("|", "/"))
PY
)
  echo "| $label | $((size / 1024)) KiB | $rss MiB | $wall | $outcome |"
  rm -rf "${work:?}/$label"
}

echo "| case | archive | max RSS | wall | outcome |"
echo "|---|---|---|---|---|"
run "PAX path record of $pax B" demo-1.0.0.tar.gz pax "$pax"
run "$flagged flagged entries" demo-1.0.0.tar.gz flagged "$flagged"
run "$big flagged entries" demo-1.0.0.tar.gz flagged "$big"
# A format pair (.tar.gz and .tar of one release) makes check hash every file of both.
pair() {
  local label="$1" n="$2"
  mkdir -p "$work/$label"
  "$gen" flagged "$work/$label/demo-1.0.0-src.tar.gz" "$n"
  gzip -dc "$work/$label/demo-1.0.0-src.tar.gz" >"$work/$label/demo-1.0.0-src.tar"
  /usr/bin/time -v "$relmgr" --json check --dir "$work/$label" >/dev/null 2>"$work/$label.time" || true
  local rss wall
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/$label.time")
  wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/$label.time")
  echo "| $label | 2 archives | $rss MiB | $wall | (files hashed for format parity) |"
  rm -rf "${work:?}/$label"
}
pair "format pair, $big entries each" "$big"
run "zip bomb, $files overlapping entries" demo-1.0.0.zip zipbomb "$files" 1048576

# The check cache: `check TARGET@VERSION` stores its report in index.db.
store="$work/store"; mkdir -p "$store"; cd "$store"
export RELMGR_USER=admin
{
  "$relmgr" --quiet init --user admin --name Admin --email admin@example.org
  "$relmgr" --quiet project create demo --name Demo --license Apache-2.0 --homepage https://demo.example.org
  "$relmgr" --quiet role grant demo admin rm
  "$gen" flagged "$store/demo-1.0.0.tar.gz" "$big"
  "$relmgr" --quiet stage demo@1.0.0 "$store/demo-1.0.0.tar.gz"
} >/dev/null
before=$(stat -c %s .relmgr/index.db 2>/dev/null || stat -c %s "$(find . -name index.db | head -1)")
/usr/bin/time -v "$relmgr" --json check demo@1.0.0 >/dev/null 2>"$work/store.time" || true
db=$(find . -name index.db | head -1)
after=$(stat -c %s "$db")
rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/store.time")
echo
echo "check demo@1.0.0 of $big flagged entries: max RSS $rss MiB; index.db $((before / 1024)) KiB -> $((after / 1024)) KiB"
