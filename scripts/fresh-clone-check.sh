#!/usr/bin/env bash
# A newcomer's first contact: a fresh clone of the committed HEAD in a new directory (no .venv,
# no target/), then the README's two set-up commands only, then the README's tour
# (scripts/tour.sh). All must exit 0.
#
#   scripts/fresh-clone-check.sh [--keep]
#
# Builds from scratch (dependencies included), so it takes a while: about 15 minutes here.
# Uncommitted changes are not part of the check: commit first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
if [ "${1:-}" != "--keep" ]; then trap 'rm -rf "$work"' EXIT; fi
git clone -q "$root" "$work/relmgr"
cd "$work/relmgr"
test ! -e .venv && test ! -e target
# The two commands of the README's "Set up on a fresh machine", read from the README itself.
mapfile -t cmds < <(awk '/^## Set up on a fresh machine/{on=1} on && /^```sh/{code=1; next}
  code && /^```/{exit} code {sub(/[[:space:]]+#.*/, ""); if ($0 != "") print}' README.md)
if [ "${#cmds[@]}" -ne 2 ]; then
  echo "fresh-clone-check: expected two commands in the README's set-up block, found ${#cmds[@]}" >&2
  exit 1
fi
for c in "${cmds[@]}"; do
  echo "== fresh clone: $c" >&2
  start=$(date +%s)
  bash -c "$c" > "$work/out.log" 2>&1 || { tail -50 "$work/out.log"; echo "fresh-clone-check: FAILED: $c" >&2; exit 1; }
  tail -3 "$work/out.log"
  echo "== ok in $(( $(date +%s) - start )) s: $c" >&2
done
# The README's tour, as the newcomer would play it next (it reuses the release build).
echo "== fresh clone: scripts/tour.sh" >&2
scripts/tour.sh > "$work/tour.log" 2>&1 || { tail -50 "$work/tour.log"; echo "fresh-clone-check: FAILED: scripts/tour.sh" >&2; exit 1; }
tail -1 "$work/tour.log"
echo "fresh-clone-check: passed ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD))"
