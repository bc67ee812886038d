#!/usr/bin/env bash
# Checks Cargo.lock against the RustSec advisory database with cargo-audit (scripts/test.sh
# --setup-only installs it). Fails on any advisory, warnings (unmaintained, unsound) included.
#
# cargo-audit fetches the database (a git repository on GitHub) into ~/.cargo/advisory-db, or
# $CARGO_AUDIT_DB. Where that fetch fails (a machine that cannot reach GitHub), a copy already
# there is used as it is, and its date is printed; with no copy at all the check cannot run:
# the script says so loudly and exits 0, so that a machine cut off from GitHub does not block
# every change. Put a copy there with `git clone <a mirror of advisory-db> ~/.cargo/advisory-db`.
set -euo pipefail
cd "$(dirname "$0")/.."

db="${CARGO_AUDIT_DB:-$HOME/.cargo/advisory-db}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if cargo audit --db "$db" --deny warnings >"$log" 2>&1; then
  cat "$log"
  exit 0
fi
if ! grep -q "couldn't fetch advisory database" "$log"; then
  cat "$log" >&2
  exit 1
fi
if [ -d "$db/crates" ]; then
  echo "audit: the advisory database cannot be fetched; using the copy in $db as of $(git -C "$db" log -1 --format=%cs 2>/dev/null || echo 'an unknown date')" >&2
  exec cargo audit --db "$db" --no-fetch --stale --deny warnings
fi
echo "audit: NOT RUN: the RustSec advisory database cannot be fetched and $db holds no copy" >&2
exit 0
