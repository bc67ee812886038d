#!/usr/bin/env bash
# Hostile-input benchmarks of votes (vote import; #28 item 4): inputs an attacker controls, which must cost time and memory in
# proportion to their size. Each section is self-contained; run one with
# `scripts/bench-votes.sh SECTION` or all with no argument. Prints Markdown rows
# `| case | size | seconds | max RSS |`.
#
#   BENCH_PROFILE=debug scripts/bench-votes.sh   use target/debug (no release build)
#   BENCH_RELMGR=/path/to/relmgr scripts/bench-votes.sh   time that binary, build nothing
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${BENCH_PROFILE:-release}"
if [ -n "${BENCH_RELMGR:-}" ]; then
  relmgr="$BENCH_RELMGR"   # a given binary, e.g. one built before a fix, for before/after rows
elif [ "$profile" = release ]; then
  cargo build --release --quiet --locked --manifest-path "$root/Cargo.toml"
  relmgr="${CARGO_TARGET_DIR:-$root/target}/release/relmgr"
else
  cargo build --quiet --locked --manifest-path "$root/Cargo.toml"
  relmgr="${CARGO_TARGET_DIR:-$root/target}/debug/relmgr"
fi
command -v python3 >/dev/null || { echo "bench-votes: python3 is needed" >&2; exit 1; }
unset RELMGR_STORE RELMGR_USER
export NO_COLOR=1 CI=1
only="${1:-}"

# one row: CASE SIZE then the command; time and peak memory of the command alone
row() {
  local case="$1" size="$2"; shift 2
  local t out
  out="$(mktemp)"
  /usr/bin/time -o "$out" -f "%e %M" "$@" >/dev/null 2>&1 || { echo "bench-votes: $* failed" >&2; exit 1; }
  t=$(tail -1 "$out"); rm -f "$out"
  printf '| %s | %s | %s s | %s MB |\n' "$case" "$size" "${t% *}" "$(( ${t#* } / 1024 ))"
}

echo "| case | size | seconds | max RSS |"
echo "|---|---|---|---|"

# --- vote-import (issue #28 item 4): a thread of many tiny messages, one sender each --------
# Before: a search back through the thread for each vote (and through the recorded ballots for
# each sender) made this quadratic: 160k messages took minutes, 64 MiB hours.
if [ -z "$only" ] || [ "$only" = vote-import ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-bench-votes.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  (
    cd "$work"
    mkdir store dist
    printf 'not really an archive\n' > dist/demo-1.2.0-src.tar.gz
    cd store
    export RELMGR_NOW=2024-01-02T00:00:00Z
    "$relmgr" -q init --user rm >/dev/null
    "$relmgr" -q project create demo --name Demo >/dev/null
    "$relmgr" -q role grant demo rm pmc >/dev/null
    "$relmgr" -q user edit rm --email u1@example.org >/dev/null
    "$relmgr" -q --as rm key generate --user rm -o ../rm.sec.asc >/dev/null 2>&1
    export RELMGR_NOW=2024-02-05T08:00:00Z
    "$relmgr" -q --as rm stage demo@1.2.0 ../dist --sign ../rm.sec.asc >/dev/null 2>&1
    "$relmgr" -q --as rm vote start demo@1.2.0 --acknowledge archive-integrity >/dev/null 2>&1
    cd .. && cp -a store base
  )
  export RELMGR_NOW=2024-02-06T08:00:00Z
  for spec in 40000 160000 --mib=64; do
    mbox="$work/thread.mbox"
    n=$(python3 "$root/tests/support/gen_mbox.py" ${spec/=/ } "$mbox")
    size="$n msgs, $(( $(stat -c %s "$mbox") / 1024 / 1024 )) MiB"
    rm -rf "$work/store" && cp -a "$work/base" "$work/store"
    row "vote import --json" "$size" \
      env -C "$work/store" "$relmgr" -q --as rm --json vote import demo@1.2.0 "$mbox"
    rm -rf "$work/store" && cp -a "$work/base" "$work/store"
    row "vote import (table)" "$size" \
      env -C "$work/store" "$relmgr" -q --as rm vote import demo@1.2.0 "$mbox"
  done
  # #29: every message a vote the rules cannot settle, so each one is listed for review.
  mbox="$work/thread.mbox"
  n=$(RELMGR_BENCH_BODY=review python3 "$root/tests/support/gen_mbox.py" --mib 64 "$mbox")
  size="$n msgs, $(( $(stat -c %s "$mbox") / 1024 / 1024 )) MiB"
  rm -rf "$work/store" && cp -a "$work/base" "$work/store"
  row "vote import --json, all need review" "$size" \
    env -C "$work/store" "$relmgr" -q --as rm --json vote import demo@1.2.0 "$mbox"
  rm -rf "$work/store" && cp -a "$work/base" "$work/store"
  row "vote status after it" "$size" \
    env -C "$work/store" sh -c "'$relmgr' -q --as rm --json vote import demo@1.2.0 '$mbox' >/dev/null && '$relmgr' -q --json vote status demo@1.2.0"
  # #29: every message HTML only (a Gmail-style `+1` over a quoted call): each body is read
  # through html2text.
  n=$(RELMGR_BENCH_BODY=html python3 "$root/tests/support/gen_mbox.py" --mib 64 "$mbox")
  size="$n msgs, $(( $(stat -c %s "$mbox") / 1024 / 1024 )) MiB"
  rm -rf "$work/store" && cp -a "$work/base" "$work/store"
  row "vote import --json, HTML only" "$size" \
    env -C "$work/store" "$relmgr" -q --as rm --json vote import demo@1.2.0 "$mbox"
  rm -rf "$work"
  trap - EXIT
fi
