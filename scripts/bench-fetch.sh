#!/usr/bin/env bash
# The fetch benchmark: `relmgr fetch` of one large package over HTTP (python3 -m http.server on
# 127.0.0.1), against what a voter would otherwise run, `curl -o F URL && sha512sum F`, in the
# same run on the same file. relmgr also computes SHA-256, checks the size, fsyncs the object and
# rebuilds the release tree. Prints a Markdown table (the README keeps the last one).
#
#   scripts/bench-fetch.sh                 1 GiB
#   BENCH_SMALL=1 scripts/bench-fetch.sh   64 MiB, for a quick look
#
# Each command runs BENCH_RUNS times (default 3) on warm caches; the best time is kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
relmgr="$root/target/release/relmgr"
for tool in python3 curl sha512sum; do
  command -v "$tool" >/dev/null || { echo "bench-fetch: $tool is needed" >&2; exit 1; }
done

runs="${BENCH_RUNS:-3}"
if [ -n "${BENCH_SMALL:-}" ]; then mib=64; else mib=1024; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/relmgr-bench-fetch.XXXXXX")"
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
unset RELMGR_NOW RELMGR_STORE RELMGR_USER HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy
export NO_COLOR=1 CI=1

name=demo-1.0-bin.tar.gz
echo "Preparing ${mib} MiB of random data in $work ..." >&2
mkdir -p serve store
head -c "$((mib * 1024 * 1024))" /dev/urandom > "serve/$name"
(cd store && "$relmgr" -q init --user rm >/dev/null && "$relmgr" -q project create demo --name Demo >/dev/null \
  && "$relmgr" -q role grant demo rm rm >/dev/null && "$relmgr" -q stage demo@1.0 "$work/serve/$name" >/dev/null)

# The server: a free port chosen by the kernel, read from its first line; wait until it answers.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/serve" > server.log 2>/dev/null &
server=$!
port=""
for _ in $(seq 200); do
  port=$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' server.log | head -1)
  [ -n "$port" ] && curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.05
done
[ -n "$port" ] || { echo "bench-fetch: the HTTP server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"
cat "serve/$name" > /dev/null

now() { date +%s.%N; }
# best SECONDS of running "$@" $runs times, each after SETUP (a function name or :)
best() {
  local setup="$1"; shift
  local b=""
  for _ in $(seq "$runs"); do
    $setup
    local s e
    s=$(now); "$@" >/dev/null 2>&1 || { echo "bench-fetch: $* failed" >&2; exit 1; }; e=$(now)
    b=$(awk -v s="$s" -v e="$e" -v b="$b" 'BEGIN { d = e - s; if (b == "" || d < b) print d; else print b }')
  done
  echo "$b"
}

# A clone without the bytes: objects/ and releases/ emptied.
drop_bytes() { rm -rf store/.relmgr/objects store/.relmgr/releases && mkdir store/.relmgr/objects store/.relmgr/releases; }
drop_download() { rm -f "$work/F"; }
relmgr_fetch() { (cd store && "$relmgr" -q fetch demo@1.0 --from "$url/"); }
curl_sha512sum() { curl -s -o "$work/F" "$url/$name" && sha512sum "$work/F"; }
curl_only() { curl -s -o "$work/F" "$url/$name"; }
sha512sum_only() { sha512sum "$work/F"; }

echo "Timing (best of $runs) ..." >&2
t_relmgr=$(best drop_bytes relmgr_fetch)
(cd store/.relmgr/releases/demo/1.0/rc1 && sha512sum -c --quiet "$name.sha512") \
  || { echo "bench-fetch: the fetched package fails sha512sum -c" >&2; exit 1; }
t_pipe=$(best drop_download curl_sha512sum)
t_curl=$(best drop_download curl_only)
t_sha=$(best : sha512sum_only)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
sec() { awk -v a="$1" 'BEGIN { printf "%.3f s", a }'; }
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), best of $runs, warm cache, python3 -m http.server on 127.0.0.1:"
echo
echo "| work | relmgr fetch | curl -o F + sha512sum F | curl alone | sha512sum alone | relmgr vs curl + sha512sum |"
echo "|---|---|---|---|---|---|"
echo "| 1 package of ${mib} MiB over HTTP | $(sec "$t_relmgr") | $(sec "$t_pipe") | $(sec "$t_curl") | $(sec "$t_sha") | $(ratio "$t_relmgr" "$t_pipe")x the time |"
