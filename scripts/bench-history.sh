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
#  3. incr: on the same A and B, at HISTORY_N events: one new event of each type written on A
#     (CLI), pushed, and B's `sync` timed; best of 3 rounds, with the ratio to one new ballot
#     (`vote.cast`). Goal (issue #26 item 6): every type at most 5x a ballot. Then one event
#     ordered BEFORE an event B applied already (B wrote a later one), which replays from there.
#  4. first: a fresh clone's first sync at FIRST_SIZES events (default "2000 5000 10000 20000"),
#     with the seconds per 1,000 events. Goal: linear (flat per 1,000).
#
# BENCH_PARTS picks the parts (default "sync incr first signed"; incr needs sync).
#
# The events are `user.add`s written by examples/make_history (the library's own operations in
# one process, so that building the history does not take minutes of process starts).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N="${HISTORY_N:-10000}"
S="${SIGNED_N:-1000}"
PARTS=" ${BENCH_PARTS:-sync incr first signed} "
SIZES="${FIRST_SIZES:-2000 5000 10000 20000}"
has() { [[ "$PARTS" == *" $1 "* ]]; }
# BENCH_BIN: a folder with relmgr and examples/ already built (to compare two builds).
if [ -n "${BENCH_BIN:-}" ]; then
  bin="$BENCH_BIN"
else
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin relmgr \
    --example make_history --example fsck_parts
  bin="$root/target/release"
fi
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
# Wall-clock and CPU seconds (user + system, children included) of "$@", as "WALL CPU": on a
# machine shared with other work, CPU time is the steadier measure.
both() {
  local s e f
  f=$(mktemp)
  s=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$f" "$@" >/dev/null
  e=$(date +%s.%N)
  printf '%.3f %.3f\n' "$(echo "$e - $s" | bc)" "$(awk '{print $1 + $2}' "$f")"
  rm -f "$f"
}
ratio() { echo "scale=3; $1 / $2" | bc | sed 's/^\./0./'; }

if has sync; then
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
fi

if has incr; then
echo "== incr: one new event of each type on A, then B's sync, at $((events_b + 10)) events"
minute=0
at() { # the next minute after the history's time, for commands that need time to pass
  minute=$((minute + 1))
  date -u -d "${RELMGR_NOW/T/ } + $minute minutes" +%Y-%m-%dT%H:%M:%SZ
}
onA() { (cd "$work/a" && RELMGR_NOW="$(at)" "$relmgr" -q "$@" >/dev/null); }
(cd "$work/a" && "$relmgr" -q project create demo --name Demo >/dev/null)
for u in pmc1 pmc2 pmc3 rm; do onA user add "$u"; done
for u in pmc1 pmc2 pmc3; do onA role grant demo "$u" pmc; done
onA role grant demo rm rm
onA policy set demo --min-hours 0
onA --as rm key generate --user rm -o "$work/rm.sec.asc"
(cd "$work/a" && "$relmgr" sync >/dev/null)
(cd "$work/b" && "$relmgr" sync >/dev/null)
declare -A cost cpu
kinds=(user.add role.grant project.create key.generate policy.set release.stage vote.start
  vote.cast vote.close release.promote release.revoke)
# $1: the event type, the rest: A's command. The best of the rounds is kept.
step() {
  local kind="$1" t c
  shift
  onA "$@"
  (cd "$work/a" && "$relmgr" sync >/dev/null)
  read -r t c < <(cd "$work/b" && both "$relmgr" sync)
  if [ -z "${cost[$kind]:-}" ] || [ "$(echo "$t < ${cost[$kind]}" | bc)" = 1 ]; then
    cost[$kind]=$t
  fi
  if [ -z "${cpu[$kind]:-}" ] || [ "$(echo "$c < ${cpu[$kind]}" | bc)" = 1 ]; then
    cpu[$kind]=$c
  fi
}
for i in 1 2 3; do
  echo "demo $i" > "$work/demo-1.0.$i.txt"
  step user.add user add "extra$i"
  step role.grant role grant demo "extra$i" committer
  step project.create project create "p$i" --name "P$i"
  step key.generate key generate --user "extra$i" -o "$work/extra$i.sec.asc"
  step policy.set policy set demo --min-hours 0
  step release.stage --as rm stage "demo@1.0.$i" "$work/demo-1.0.$i.txt" --sign "$work/rm.sec.asc"
  step vote.start --as rm vote start "demo@1.0.$i"
  for u in pmc1 pmc2 pmc3; do step vote.cast --as "$u" vote cast "demo@1.0.$i" +1; done
  step vote.close --as rm vote close "demo@1.0.$i"
  step release.promote --as rm promote "demo@1.0.$i"
  step release.revoke --as rm revoke "demo@1.0.$i" --reason bench
done
ballot=${cost[vote.cast]}
ballot_cpu=${cpu[vote.cast]}
echo "| new event on A | B's sync (s) | / one ballot | CPU (s) | / one ballot |"
echo "|---|---|---|---|---|"
for k in "${kinds[@]}"; do
  echo "| $k | ${cost[$k]} | $(ratio "${cost[$k]}" "$ballot")x | ${cpu[$k]} | $(ratio "${cpu[$k]}" "$ballot_cpu")x |"
done
# B writes an event later than A's next one: A's sorts before it, which B applied already.
(cd "$work/b" && RELMGR_NOW="$(date -u -d "${RELMGR_NOW/T/ } + 1 day" +%Y-%m-%dT%H:%M:%SZ)" \
  "$relmgr" -q user add late-on-b >/dev/null)
onA user add early-on-a
(cd "$work/a" && "$relmgr" sync >/dev/null)
read -r t c < <(cd "$work/b" && both "$relmgr" sync)
held=$(cd "$work/b" && "$relmgr" --json log | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "| user.add ordered before one applied event | $t | $(ratio "$t" "$ballot")x | $c | $(ratio "$c" "$ballot_cpu")x |"
echo "(B holds $held events)"
fi

if has first; then
echo "== first: a fresh clone's first sync"
echo "| events | first sync (s) | s per 1,000 events | CPU (s) | CPU s per 1,000 events |"
echo "|---|---|---|---|---|"
for n in $SIZES; do
  d="$work/first-$n"
  git init -q --bare "$d/remote.git"
  mkdir -p "$d/build"
  (cd "$d/build" && "$relmgr" init --user admin >/dev/null && "$bin/examples/make_history" . "$n")
  git clone -q "$d/remote.git" "$d/a" 2>/dev/null
  mv "$d/build/.relmgr" "$d/a/.relmgr"
  (cd "$d/a" && "$relmgr" sync >/dev/null)
  git clone -q "$d/remote.git" "$d/b" 2>/dev/null
  read -r t c < <(cd "$d/b" && both "$relmgr" sync --user admin)
  echo "| $n | $t | $(ratio "$t * 1000" "$n") | $c | $(ratio "$c * 1000" "$n") |"
  rm -rf "$d"
done
fi

if has signed; then

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
fi
