#!/usr/bin/env bash
# The hot-path benchmark: relmgr against the tools a release manager would otherwise use, on
# the same files in the same run. Prints a Markdown table (the README keeps the last one).
#
#   scripts/bench.sh            1 GiB file and 1,000 files of 100 KiB
#   BENCH_SMALL=1 scripts/bench.sh   64 MiB and 100 files, for a quick look
#   BENCH_SETS="small" scripts/bench.sh   only some of the sets (big, small, tiny)
#
# Each command runs BENCH_RUNS times (default 3) on warm caches; the best time is kept.
#
# Before each timed run, the previous run's output (a store, or the loop's out/) is moved into
# trash/, which is emptied only at the end (deleted at once if it holds under 200 files), and
# `sync` writes back what is dirty. Deleting
# thousands of files just before creating thousands of new ones would time a quirk of ext4
# without a journal (this VM's root): for a minute or more, its inode allocator skips the
# inodes freed recently, one page-cache lookup each, from the start of the group at every
# create (`recently_deleted` under `ext4_create`). Both sides were paying it, relmgr most
# (docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# BENCH_RELMGR=PATH times another build (e.g. the one before a change) instead of this tree's.
if [ -n "${BENCH_RELMGR:-}" ]; then
  relmgr="$BENCH_RELMGR"
else
  cargo build --release --quiet --manifest-path "$root/Cargo.toml"
  relmgr="${CARGO_TARGET_DIR:-$root/target}/release/relmgr"
fi
for tool in gpg gpgconf openssl sha512sum sha256sum; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done

runs="${BENCH_RUNS:-3}"
if [ -n "${BENCH_SMALL:-}" ]; then big_mib=64; nsmall=100; ntiny=1000; else big_mib=1024; nsmall=1000; ntiny=10000; fi
sets="${BENCH_SETS:-big small tiny}"
work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-bench.XXXXXX")"
export GNUPGHOME="$work/gnupg"
cleanup() { gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -m 700 "$GNUPGHOME"
cd "$work"
unset RELMGR_NOW RELMGR_STORE RELMGR_USER
export NO_COLOR=1 CI=1

echo "Preparing ${big_mib} MiB, ${nsmall} x 100 KiB and ${ntiny} x 4 KiB of random data in $work ..." >&2
mkdir -p big small tiny trash
has() { case " $sets " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if has big; then head -c "$((big_mib * 1024 * 1024))" /dev/urandom > big/demo-1.0-bin.tar.gz; fi
if has small; then
  for i in $(seq -w 1 "$nsmall"); do head -c 102400 /dev/urandom > "small/demo-1.0-part$i.zip"; done
fi
if has tiny; then
  head -c "$((ntiny * 4096))" /dev/urandom | split -a 5 -d -b 4096 - tiny/demo-1.0-f
  for f in tiny/*; do mv "$f" "$f.zip"; done
fi
cat big/* small/* tiny/* > /dev/null 2>&1 || true
# Moves DIR out of the way (into trash/, emptied at the end) instead of deleting it; a DIR of
# few files (the 1 GiB set's) is deleted, so that trash/ does not hold gigabytes.
set_aside() {
  [ -e "$1" ] || return 0
  if [ "$(find "$1" -type f | head -n 200 | wc -l)" -lt 200 ]; then rm -rf "$1"
  else mv "$1" "$work/trash/$(basename "$1").$(date +%s%N)"; fi
}

# One relmgr key, also imported into gpg, so both sign with the same Ed25519 key.
mkstore() {
  set_aside "$1" && mkdir -p "$1"
  (cd "$1" && "$relmgr" -q init --user rm >/dev/null && "$relmgr" -q project create demo --name Demo >/dev/null \
    && "$relmgr" -q role grant demo rm pmc >/dev/null)
}
mkstore keystore
(cd keystore && "$relmgr" -q key generate --user rm -o "$work/rm.sec.asc" >/dev/null)
gpg --batch -q --import "$work/rm.sec.asc" 2>/dev/null
(cd keystore && "$relmgr" -q key export demo -o "$work/KEYS")
pub="$work/rm.pub.asc"; cp "$work/KEYS" "$pub"

now() { date +%s.%N; }
# best SECONDS of running "$@" $runs times, each after SETUP (a function name or :)
best() {
  local setup="$1"; shift
  local b=""
  for _ in $(seq "$runs"); do
    $setup
    local s e
    s=$(now); "$@" >/dev/null 2>&1; e=$(now)
    b=$(awk -v s="$s" -v e="$e" -v b="$b" 'BEGIN { d = e - s; if (b == "" || d < b) print d; else print b }')
  done
  echo "$b"
}

fresh_store() { mkstore "$work/s"; (cd "$work/keystore" && "$relmgr" -q key export -o "$work/allkeys" >/dev/null); \
  (cd "$work/s" && "$relmgr" -q key import "$work/rm.pub.asc" --user rm >/dev/null 2>&1 || true); sync; }
# The store's own key import wants the public part: take it from the KEYS export.
relmgr_stage() { (cd "$work/s" && "$relmgr" -q stage demo@1.0 "$work/$1" --sign "$work/rm.sec.asc"); }
pipeline() {
  mkdir -p "$work/out"
  for f in "$work/$1"/*; do
    local n; n=$(basename "$f")
    cp "$f" "$work/out/$n"
    (cd "$work/out" && sha512sum "$n" > "$n.sha512" && sha256sum "$n" > "$n.sha256")
    gpg --batch -q --yes --armor --detach-sign -o "$work/out/$n.asc" "$work/out/$n"
  done
}
# The floor for storing bytes durably: copy and fsync, nothing else.
cp_sync() { mkdir -p "$work/out" && cp "$work/$1"/* "$work/out/" && sync -f "$work/out"; }
openssl_only() { for f in "$work/$1"/*; do openssl dgst -sha512 "$f"; done; }
sha512_only() { for f in "$work/$1"/*; do sha512sum "$f"; done; }
noop() { :; }
fresh_out() { set_aside "$work/out"; sync; }

echo "Timing (best of $runs) ..." >&2
declare -A T
for set in $sets; do
  T[relmgr_$set]=$(best fresh_store relmgr_stage "$set")
  T[pipeline_$set]=$(best fresh_out pipeline "$set")
  T[openssl_$set]=$(best noop openssl_only "$set")
  T[cpsync_$set]=$(best fresh_out cp_sync "$set")
  T[sha512sum_$set]=$(best noop sha512_only "$set")
done

# verify --dir on each set, against a sha512sum -c + gpg --verify loop.
cp "$work/KEYS" "$work/verify-keys"
verify_relmgr() { "$relmgr" verify --dir "$tree" --keys "$work/verify-keys"; }
verify_loop() {
  for f in "$tree"/*.zip "$tree"/*.tar.gz; do
    [ -e "$f" ] || continue
    (cd "$tree" && sha512sum -c "$(basename "$f").sha512") && gpg --batch -q --verify "$f.asc" "$f"
  done
}
for set in $sets; do
  [ "$set" = tiny ] && continue
  fresh_store; relmgr_stage "$set" >/dev/null
  tree="$work/s/.relmgr/releases/demo/1.0/rc1"
  verify_relmgr >/dev/null || { echo "bench: relmgr verify failed" >&2; exit 1; }
  T[verify_relmgr_$set]=$(best noop verify_relmgr)
  T[verify_loop_$set]=$(best noop verify_loop)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
sec() { awk -v a="$1" 'BEGIN { printf "%.3f s", a }'; }
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), best of $runs, warm cache:"
echo
echo "| work | relmgr | cp + sha512sum + sha256sum + gpg | openssl dgst -sha512 | sha512sum | cp + sync | relmgr vs pipeline | relmgr vs openssl | relmgr vs cp + sync |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in $sets; do
  case $set in
    big) label="stage --sign, 1 file of ${big_mib} MiB" ;;
    small) label="stage --sign, ${nsmall} files of 100 KiB" ;;
    tiny) label="stage --sign, ${ntiny} files of 4 KiB" ;;
  esac
  echo "| $label | $(sec "${T[relmgr_$set]}") | $(sec "${T[pipeline_$set]}") | $(sec "${T[openssl_$set]}") | $(sec "${T[sha512sum_$set]}") | $(sec "${T[cpsync_$set]}") | $(ratio "${T[pipeline_$set]}" "${T[relmgr_$set]}")x faster | $(ratio "${T[relmgr_$set]}" "${T[openssl_$set]}")x the time | $(ratio "${T[relmgr_$set]}" "${T[cpsync_$set]}")x the time |"
done
echo
echo "| work | relmgr verify --dir | sha512sum -c + gpg --verify loop | speed-up |"
echo "|---|---|---|---|"
if has big; then
  echo "| 1 package of ${big_mib} MiB | $(sec "${T[verify_relmgr_big]}") | $(sec "${T[verify_loop_big]}") | $(ratio "${T[verify_loop_big]}" "${T[verify_relmgr_big]}")x |"
fi
if has small; then
  echo "| ${nsmall} packages of 100 KiB | $(sec "${T[verify_relmgr_small]}") | $(sec "${T[verify_loop_small]}") | $(ratio "${T[verify_loop_small]}" "${T[verify_relmgr_small]}")x |"
fi
