#!/usr/bin/env bash
# The scale benchmark: a store of SCALE_N releases of 10 small packages each, built through the
# CLI, then the read commands timed beside their floors (sqlite3 for the same rows, sha512sum
# over the objects) in the same run. Prints a Markdown table (the README keeps the last one).
#
#   scripts/scale.sh                  10,000 releases (100,000 packages); the build takes minutes
#   SCALE_SMALL=1 scripts/scale.sh    500 releases, for a quick look
#   SCALE_N=2000 scripts/scale.sh     any size
#   SCALE_STORE=DIR scripts/scale.sh  keep the built store in DIR and reuse it next time
#
# Each command runs SCALE_RUNS times (default 3) on warm caches; the best time is kept.
# The build: `init`, a project `demo` whose policy has min_hours 0 (no 72-hour waits), then one
# `stage demo@1.0.I DIR` per release, SCALE_JOBS (default: the cores) at a time — writers queue
# on SQLite's lock (60 s busy timeout), hashing and writing objects overlap.
# `sync` (SPEC §6): the store's whole history shared through a bare remote, then synced into a
# fresh clone (the history only; bytes come by `fetch`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${RELMGR_BIN:-}" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin relmgr --example fsck_parts
fi
parts="${RELMGR_FSCK_PARTS:-$root/target/release/examples/fsck_parts}"
relmgr="${RELMGR_BIN:-$root/target/release/relmgr}"
command -v sqlite3 >/dev/null || {
  echo "scale: installing sqlite3 (the floor for queries)" >&2
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq sqlite3 >/dev/null
}
for tool in sqlite3 sha512sum find xargs gpg; do
  command -v "$tool" >/dev/null || { echo "scale: $tool is needed" >&2; exit 1; }
done

runs="${SCALE_RUNS:-3}"
if [ -n "${SCALE_SMALL:-}" ]; then n="${SCALE_N:-500}"; else n="${SCALE_N:-10000}"; fi
jobs="${SCALE_JOBS:-$(nproc)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-scale.XXXXXX")"
trap 'rm -rf "$work"' EXIT
store="${SCALE_STORE:-$work/big}"
unset RELMGR_STORE RELMGR_USER
export NO_COLOR=1 CI=1 RELMGR_NOW="2027-01-05T10:00:00Z"

now() { date +%s.%N; }
# best SECONDS of running "$@" $runs times, each after SETUP (a function name or :)
best() {
  local setup="$1"; shift
  local b=""
  for i in $(seq "$runs"); do
    $setup "$i"
    local s e
    s=$(now); "$@" >/dev/null 2>"$work/err" || { echo "scale: failed: $* ($(cat "$work/err"))" >&2; exit 1; }; e=$(now)
    b=$(awk -v s="$s" -v e="$e" -v b="$b" 'BEGIN { d = e - s; if (b == "" || d < b) print d; else print b }')
  done
  echo "$b"
}
noop() { :; }

# A store with a project, an RM with a key, three PMC members and min_hours 0.
mkstore() {
  mkdir -p "$1" && (cd "$1" && "$relmgr" -q init --user admin >/dev/null \
    && "$relmgr" -q project create demo --name Demo >/dev/null \
    && "$relmgr" -q user add rm >/dev/null && "$relmgr" -q role grant demo rm rm >/dev/null \
    && for u in pmc1 pmc2 pmc3; do "$relmgr" -q user add $u && "$relmgr" -q role grant demo $u pmc; done >/dev/null \
    && "$relmgr" -q policy set demo --min-hours 0 >/dev/null \
    && "$relmgr" -q --as rm key generate --user rm -o "$1/rm.sec.asc" >/dev/null)
}
# The 10 packages of release I, a few bytes each, different for every release.
files_of() {
  local d="$work/files/$1"
  mkdir -p "$d"
  for j in 0 1 2 3 4 5 6 7 8 9; do echo "demo 1.0.$1 part $j" > "$d/demo-1.0.$1-part$j.txt"; done
  echo "$d"
}
stage_one() { (cd "$store" && "$relmgr" -q --as rm stage "demo@1.0.$1" "$(files_of "$1")" >/dev/null); }
export -f stage_one files_of
export relmgr store work

if [ ! -f "$store/.relmgr/index.db" ]; then
  echo "Building $n releases x 10 packages in $store, $jobs at a time ..." >&2
  mkstore "$store"
  s=$(now)
  seq 1 "$n" | xargs -P "$jobs" -I{} bash -c 'stage_one {}' || true
  build=$(awk -v s="$s" -v e="$(now)" 'BEGIN { printf "%.0f", e - s }')
  echo "Built in ${build} s." >&2
else
  build="(reused)"
fi
# Every release must be there: stage any that failed (or are missing) again, one at a time.
have="$work/have"; sqlite3 "$store/.relmgr/index.db" "SELECT substr(version, 5) FROM releases WHERE version LIKE '1.0.%'" | sort > "$have"
missing=$(seq 1 "$n" | sort | comm -23 - "$have")
[ -z "$missing" ] || echo "scale: $(echo "$missing" | wc -l) releases missing; staging them" >&2
for i in $missing; do stage_one "$i"; done
db="$store/.relmgr/index.db"
mkstore "$work/one"

# Both stores are shared through git (SPEC §6) before the write probes, so that every write on
# either exports its event: the probes compare 1 with 10,000 releases, not shared with unshared.
export GIT_AUTHOR_NAME=scale GIT_AUTHOR_EMAIL=scale@example.org GIT_COMMITTER_NAME=scale GIT_COMMITTER_EMAIL=scale@example.org
share() { # share DIR REMOTE: DIR's store becomes a git work tree pushing to the bare REMOTE
  rm -rf "$2"; git init -q --bare "$2"
  [ -d "$1/.git" ] || git -C "$1" init -q
  git -C "$1" remote remove origin 2>/dev/null || true
  git -C "$1" remote add origin "$2"
  (cd "$1" && "$relmgr" -q sync >/dev/null)
}
share "$store" "$work/remote.git"
share "$work/one" "$work/one.git"

# The probes that write: stage 10 files (signed) into a new release, and cast a vote, on the
# store of 1 release and on the big one. Each run writes a new release or a new voter.
# Versions carry this run's time, so a reused store (SCALE_STORE) takes new releases each run.
tag=$(date +%s)
probe_stage() { (cd "$1" && "$relmgr" -q --as rm stage "demo@9.$tag.$2" "$(files_of "p$tag-$2")" --sign "$1/rm.sec.asc"); }
voting() {
  (cd "$1" && "$relmgr" -q --as rm stage "demo@8.$tag.0" "$(files_of "vote$tag")" --sign "$1/rm.sec.asc" >/dev/null \
    && "$relmgr" -q --as rm vote start "demo@8.$tag.0" >/dev/null)
}
# One voter per run: pmc1-3, then voters added (untimed) when SCALE_RUNS asks for more.
voter() { if [ "$1" -le 3 ]; then echo "pmc$1"; else echo "pmc$tag-$1"; fi; }
add_voter() { # add_voter DIR RUN
  [ "$2" -le 3 ] || (cd "$1" && "$relmgr" -q user add "$(voter "$2")" >/dev/null \
    && "$relmgr" -q role grant demo "$(voter "$2")" pmc >/dev/null)
}
probe_cast() { (cd "$1" && "$relmgr" -q --as "$(voter "$2")" vote cast "demo@8.$tag.0" +1); }
(cd "$work/one" && "$relmgr" -q --as rm stage demo@1.0.1 "$(files_of 1)" >/dev/null)
voting "$work/one"; voting "$store"
declare -A T
i=0; probe_one() { i=$((i + 1)); probe_stage "$work/one" "$i"; }
j=0; probe_big() { j=$((j + 1)); probe_stage "$store" "$j"; }
T[stage_one]=$(best noop probe_one)
T[stage_big]=$(best noop probe_big)
k=0; cast_one() { k=$((k + 1)); probe_cast "$work/one" "$k"; }
l=0; cast_big() { l=$((l + 1)); probe_cast "$store" "$l"; }
voter_one() { add_voter "$work/one" "$1"; }
voter_big() { add_voter "$store" "$1"; }
T[cast_one]=$(best voter_one cast_one)
T[cast_big]=$(best voter_big cast_big)

cd "$store"
sigs=$(sqlite3 "$db" "SELECT count(*) FROM signatures")
releases=$(sqlite3 "$db" "SELECT count(*) FROM releases")
packages=$(sqlite3 "$db" "SELECT count(*) FROM packages")
events=$(sqlite3 "$db" "SELECT count(*) FROM events")
# Floors: the same rows straight from SQLite.
q_list="SELECT r.target || '@' || r.version, 'rc' || v.number, r.stage, r.phase, count(p.id)
  FROM releases r JOIN revisions v ON v.release_id = r.id
  AND v.number = (SELECT max(number) FROM revisions WHERE release_id = r.id)
  LEFT JOIN packages p ON p.revision_id = v.id WHERE r.project = 'demo' GROUP BY v.id"
q_json="SELECT r.target, r.version, v.number, r.stage, r.phase, r.created_at, p.name, p.size, p.sha256,
  p.sha512, p.platform, p.arch, p.channel, p.external_url
  FROM releases r JOIN revisions v ON v.release_id = r.id
  AND v.number = (SELECT max(number) FROM revisions WHERE release_id = r.id)
  LEFT JOIN packages p ON p.revision_id = v.id WHERE r.project = 'demo'"
q_log="SELECT * FROM events WHERE target = 'demo' OR target >= 'demo/' AND target < 'demo0'
  OR target >= 'demo@' AND target < 'demoA' ORDER BY seq"
sq() { sqlite3 "$@" >/dev/null; }
T[list]=$(best noop "$relmgr" release list demo)
T[list_json]=$(best noop "$relmgr" --json release list demo)
T[list_floor]=$(best noop sq "$db" "$q_list")
T[list_json_floor]=$(best noop sq -json "$db" "$q_json")
T[list_page]=$(best noop "$relmgr" --json release list demo --since 2027-01-05 --limit 20)
T[show]=$(best noop "$relmgr" --json release show "demo@1.0.$n")
T[status]=$(best noop "$relmgr" --json vote status "demo@8.$tag.0")
T[log]=$(best noop "$relmgr" --json log)
T[log_floor]=$(best noop sq -json "$db" "SELECT * FROM events ORDER BY seq")
T[log_one]=$(best noop "$relmgr" --json log "demo@1.0.$n")
T[log_demo]=$(best noop "$relmgr" --json log demo)
T[log_demo_floor]=$(best noop sq -json "$db" "$q_log")
T[log_since]=$(best noop "$relmgr" --json log --since 2027-01-05T10:00:00Z --limit 100)
T[fsck]=$(best noop "$relmgr" --json fsck)
objects=$(find .relmgr/objects -type f | wc -l)
sha_floor() { find .relmgr/objects -type f -print0 | xargs -0 -P "$(nproc)" -n 2000 sha512sum; }
T[fsck_floor]=$(best noop sha_floor)
T[fsck_floor_1]=$(best noop bash -c 'find .relmgr/objects -type f -print0 | xargs -0 sha512sum')
"$relmgr" -q fsck || { echo "scale: fsck failed on the built store" >&2; exit 1; }
# fsck's index parts alone (the replay of the log among them), one run.
fsck_parts=""
[ -x "$parts" ] && fsck_parts=$("$parts" "$store")

# The whole history into a fresh clone (the store was shared above), syncing as admin.
(cd "$store" && "$relmgr" -q sync >/dev/null)
sync_events=$(sqlite3 "$db" "SELECT count(*) FROM events")
fresh_sync() { rm -rf "$work/clone"; git clone -q "$work/remote.git" "$work/clone" 2>/dev/null; }
sync_clone() { (cd "$work/clone" && "$relmgr" -q sync --user admin); }
T[sync]=$(best fresh_sync sync_clone)
(cd "$store" && "$relmgr" -q user add "late$tag" && "$relmgr" -q sync) >/dev/null
T[sync_incr]=$(best noop sync_clone)

bytes=$(du -sb .relmgr | cut -f1)
blocks=$(du -sk .relmgr | cut -f1)
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
sec() { awk -v a="$1" 'BEGIN { printf "%.3f s", a }'; }
row() { echo "| $1 | $(sec "$2") | ${3:+$(sec "$3")} | ${3:+$(ratio "$2" "$3")} |"; }

echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), best of $runs, warm cache:"
echo "$releases releases, $packages packages, $events events, $objects objects, $sigs signatures; built in ${build} s."
echo "Store: $(per "$bytes" "$packages") bytes per package apparent, $(per "$((blocks * 1024))" "$packages") on disk ($((blocks / 1024)) MiB)."
echo
echo "| work | relmgr | floor | relmgr vs floor |"
echo "|---|---|---|---|"
row "\`release list demo\` ($releases rows) vs sqlite3, same rows" "${T[list]}" "${T[list_floor]}"
row "\`--json release list demo\` vs \`sqlite3 -json\`, releases x packages" "${T[list_json]}" "${T[list_json_floor]}"
row "\`release list demo --since D --limit 20\`" "${T[list_page]}"
row "\`release show demo@1.0.$n\`" "${T[show]}"
row "\`vote status\`" "${T[status]}"
row "\`--json log\` ($events events) vs \`sqlite3 -json\`" "${T[log]}" "${T[log_floor]}"
row "\`--json log demo\` vs \`sqlite3 -json\`, same filter" "${T[log_demo]}" "${T[log_demo_floor]}"
row "\`--json log demo@1.0.$n\` (one release)" "${T[log_one]}"
row "\`--json log --since T --limit 100\`" "${T[log_since]}"
row "\`fsck\` ($objects objects, $sigs signatures) vs sha512sum on $(nproc) cores" "${T[fsck]}" "${T[fsck_floor]}"
row "\`fsck\` vs one \`find | xargs sha512sum\`" "${T[fsck]}" "${T[fsck_floor_1]}"
row "\`sync --user\` of the whole history ($sync_events events) into a fresh clone" "${T[sync]}"
row "\`sync\` with 1 new event on that history" "${T[sync_incr]}"
if [ -n "$fsck_parts" ]; then
  echo
  echo "fsck's index parts alone (examples/fsck_parts, one run):"
  echo
  echo "$fsck_parts" | sed 's/^/    /'
fi
echo
echo "| write | at 1 release | at $releases releases | ratio |"
echo "|---|---|---|---|"
echo "| \`stage --sign\` of 10 files | $(sec "${T[stage_one]}") | $(sec "${T[stage_big]}") | $(ratio "${T[stage_big]}" "${T[stage_one]}") |"
echo "| \`vote cast\` | $(sec "${T[cast_one]}") | $(sec "${T[cast_big]}") | $(ratio "${T[cast_big]}" "${T[cast_one]}") |"
