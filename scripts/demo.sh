#!/usr/bin/env bash
# Builds relmgr and plays a release on the fixtures in a temp dir: the main job, end to end.
# It grows with every feature. Usage: scripts/demo.sh [--keep]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
relmgr="$root/target/release/relmgr"

work="$(mktemp -d)"
if [ "${1:-}" != "--keep" ]; then trap 'rm -rf "$work"' EXIT; fi
cd "$work"
export RELMGR_NOW="2026-03-02T09:00:00Z" NO_COLOR=1
step() { printf '\n== %s\n' "$*"; }
run() { printf '$ relmgr %s\n' "$*"; "$relmgr" "$@"; }

step "A store in a fresh repository, with its admin"
run init --user admin --name "Ada Admin" --email admin@example.org

step "A project, its PMC, a release manager and a committer"
run project create demo --name "Apache Demo" --license Apache-2.0 \
  --homepage https://demo.example.org --source https://github.com/example/demo --notify dev@demo.example.org
run product create demo/web --name "Demo Web Console"
for u in alice bob carol; do run -q user add "$u"; run -q role grant demo "$u" pmc; done
run -q user add rita; run -q role grant demo rita rm
run -q user add dave; run -q role grant demo dave committer
run user edit alice --name "Alice Example" --email alice@example.org
run role list demo

step "Permissions: a committer may not edit the project"
run --as dave project edit demo --description "nope" || echo "(refused with exit $?)"

step "The audit trail"
run log demo
echo
echo "Demo complete. Store: $work/.relmgr$([ "${1:-}" = "--keep" ] && echo " (kept)" || echo " (removed)")"
