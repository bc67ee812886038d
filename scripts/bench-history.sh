#!/usr/bin/env bash
# The shared and signed history benchmarks (issues #15 and #16), on release builds, in a temp dir:
#
#  1. sync: a history of HISTORY_N (default 10,000) events in clone A, pushed to a bare remote;
#     then `relmgr sync --user admin` in a fresh clone B (fetch, verify every record, order,
#     replay into a new index), then 10 more events on A and an incremental `sync` on B.
#     Goals: under 10 s and under 1 s.
#  2. signed: SIGNED_N (default 1,000) events signed by admin's key vs the same unsigned; `fsck`
#     and the replay alone (examples/fsck_parts), best of 3. Goal: replay under 2x unsigned.
#     Twice: `user.add` events (the cheapest to replay) and `stage` events of one package each
#     (made through the CLI, $RELMGR_SIGNING_KEY for the signed store).
#
# The events are `user.add`s written by examples/make_history (the library's own operations in
# one process, so that building the history does not take minutes of process starts).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N="${HISTORY_N:-10000}"
S="${SIGNED_N:-1000}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin relmgr \
  --example make_history --example fsck_parts
bin="$root/target/release"
relmgr="$bin/relmgr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RELMGR_NOW="${RELMGR_NOW:-2026-11-24T12:00:00Z}" CI=1 NO_COLOR=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
best() { # best of 3 wall-clock seconds of "$@" (stdout discarded)
  local b=""
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%.3f' "$b"
}
once() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); printf '%.3f' "$(echo "$e - $s" | bc)"; }

echo "== sync: $N events"
git init -q --bare "$work/remote.git"
mkdir -p "$work/build"
(cd "$work/build" && "$relmgr" init --user admin >/dev/null && "$bin/examples/make_history" . "$N")
git clone -q "$work/remote.git" "$work/a" 2>/dev/null
mv "$work/build/.relmgr" "$work/a/.relmgr"
t_share=$(cd "$work/a" && once "$relmgr" sync)
git clone -q "$work/remote.git" "$work/b" 2>/dev/null
t_fresh=$(cd "$work/b" && once "$relmgr" sync --user admin)
events_b=$(cd "$work/b" && "$relmgr" --json log | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
(cd "$work/a" && "$bin/examples/make_history" . 10 && "$relmgr" sync >/dev/null)
t_incr=$(cd "$work/b" && once "$relmgr" sync)
t_noop=$(cd "$work/b" && best "$relmgr" sync)
echo "| step | seconds |"
echo "|---|---|"
echo "| A: first sync (export and push $N events) | $t_share |"
echo "| B: sync --user into a fresh clone ($events_b events) | $t_fresh |"
echo "| B: incremental sync of 10 new events | $t_incr |"
echo "| B: sync with nothing new | $t_noop |"

echo "== signed: $S events"
for kind in unsigned signed; do
  d="$work/$kind"
  mkdir -p "$d"
  (cd "$d" && "$relmgr" init --user admin >/dev/null &&
    "$relmgr" key generate --user admin -o admin.sec.asc >/dev/null)
  if [ "$kind" = signed ]; then
    (cd "$d" && "$bin/examples/make_history" . "$S" admin.sec.asc)
  else
    (cd "$d" && "$bin/examples/make_history" . "$S")
  fi
done
signed_count=$(cd "$work/signed" && "$relmgr" --json log | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin) if e.get("signature")))')
replay_of() { "$bin/examples/fsck_parts" "$1" | sed -n 's/^replay of .*: \([0-9.]*\) s$/\1/p'; }
best_replay() { local b=""; for _ in 1 2 3; do local t; t=$(replay_of "$1"); if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi; done; echo "$b"; }
r_u=$(best_replay "$work/unsigned"); r_s=$(best_replay "$work/signed")
f_u=$(cd "$work/unsigned" && best "$relmgr" fsck); f_s=$(cd "$work/signed" && best "$relmgr" fsck)
echo "| $S events | unsigned | signed ($signed_count signatures verified) | ratio |"
echo "|---|---|---|---|"
echo "| replay (decide + apply, signatures checked) | $r_u | $r_s | $(echo "scale=2; $r_s / $r_u" | bc)x |"
echo "| fsck | $f_u | $f_s | $(echo "scale=2; $f_s / $f_u" | bc)x |"

echo "== signed: $S stage events of one package"
for kind in unsigned signed; do
  d="$work/stage-$kind"
  mkdir -p "$d/files"
  (cd "$d" && "$relmgr" -q init --user admin >/dev/null &&
    "$relmgr" -q key generate --user admin -o admin.sec.asc >/dev/null &&
    "$relmgr" -q project create demo --name Demo >/dev/null)
  for i in $(seq 1 "$S"); do
    echo "demo $i" > "$d/files/demo-1.0.$i.txt"
    if [ "$kind" = signed ]; then
      (cd "$d" && RELMGR_SIGNING_KEY="$d/admin.sec.asc" "$relmgr" -q stage "demo@1.0.$i" "$d/files/demo-1.0.$i.txt" >/dev/null)
    else
      (cd "$d" && "$relmgr" -q stage "demo@1.0.$i" "$d/files/demo-1.0.$i.txt" >/dev/null)
    fi
  done
done
signed_count=$(cd "$work/stage-signed" && "$relmgr" --json log | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin) if e.get("signature")))')
r_u=$(best_replay "$work/stage-unsigned"); r_s=$(best_replay "$work/stage-signed")
echo "| $S stage events | unsigned | signed ($signed_count signatures verified) | ratio |"
echo "|---|---|---|---|"
echo "| replay (decide + apply, signatures checked) | $r_u | $r_s | $(echo "scale=2; $r_s / $r_u" | bc)x |"
