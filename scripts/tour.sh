#!/usr/bin/env bash
# The README's tour, as a script: the lines between `# tour:begin` and `# tour:end` are shown in
# the README as they are (a test compares them, and runs this script), so the tour cannot rot.
#
#   scripts/tour.sh            builds relmgr (release) and plays the tour in a new temp dir
#   RELMGR=path/to/relmgr scripts/tour.sh   plays it with that binary (the test's debug build)
#   scripts/tour.sh --keep     keeps the temp dir
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${RELMGR:-}" ]; then
  cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml"
  RELMGR="$root/target/release/relmgr"
fi
relmgr() { "$RELMGR" "$@"; }
work="$(mktemp -d)"
if [ "${1:-}" != "--keep" ]; then trap 'rm -rf "$work"' EXIT; fi
cd "$work"
# What a release manager has before the tour: a build's output, a git identity, a clock.
mkdir dist-build keys
cp "$root/fixtures/checks/demo-1.2.0-src.tar.gz" dist-build/
export GIT_AUTHOR_NAME=tour GIT_AUTHOR_EMAIL=tour@example.org
export GIT_COMMITTER_NAME=tour GIT_COMMITTER_EMAIL=tour@example.org
export RELMGR_NOW=2026-03-02T09:00:00Z NO_COLOR=1 CI=1
unset RELMGR_STORE RELMGR_USER RELMGR_SIGNING_KEY
set -x
# tour:begin
git init -q demo; cd demo                       # the project's repository; relmgr lives in it like .git
relmgr init --user admin --name "Ada Admin" --email admin@example.org
relmgr project create demo --name "Apache Demo" --license Apache-2.0
relmgr user add rita --email rita@example.org --consent   # consent: their name and email are kept
relmgr role grant demo rita rm
for u in alice bob carol; do relmgr user add $u --email $u@example.org --consent; relmgr role grant demo $u pmc; done
relmgr --as rita key generate --user rita -o ../keys/rita.sec.asc   # secret keys stay out of the repository
relmgr --as rita stage demo@1.2.0 ../dist-build --sign ../keys/rita.sec.asc   # copy, SHA-512, sign
relmgr verify demo@1.2.0                        # signatures and checksums, as a voter would
relmgr check demo@1.2.0                         # LICENSE, NOTICE, headers, archive paths
relmgr --as rita vote start demo@1.2.0 --vote +1 -o ../vote-mail.txt   # freezes rc1, writes [VOTE]
relmgr --as rita publish ../dist-dev --candidates   # demo/1.2.0-rc1/ for voters to download
git init -q --bare ../remote.git
git remote add origin ../remote.git
relmgr sync                                     # the history travels in git refs (refs/relmgr/)
git clone -q ../remote.git ../alice; cd ../alice   # alice's machine
relmgr sync --user alice                        # her store, from the shared history
relmgr fetch demo@1.2.0 --from ../dist-dev      # the bytes, checked against the history
relmgr vote cast demo@1.2.0 +1                  # her vote, in her clone
relmgr sync                                     # ... shared
cd ../demo                                      # back on rita's machine
relmgr sync
relmgr --as bob vote cast demo@1.2.0 +1         # (or: relmgr vote import thread.mbox)
relmgr --as carol vote cast demo@1.2.0 +1
export RELMGR_NOW=2026-03-05T09:00:00Z          # 72 hours later ($RELMGR_NOW stands in for the clock)
relmgr vote status demo@1.2.0
relmgr --as rita vote close demo@1.2.0
relmgr --as rita promote demo@1.2.0
relmgr --as rita publish ../dist --key ../keys/rita.sec.asc   # tree, KEYS, signed snapshot, index.html
relmgr verify --dir ../dist                     # the whole published tree against its snapshot
relmgr --as rita announce demo@1.2.0 -o ../announce.txt
relmgr sbom demo@1.2.0 --format cyclonedx -o ../demo-1.2.0.cdx.json
relmgr cve add CVE-2026-1234 --title "Path traversal in the demo server" --date 2026-03-05
relmgr --as rita revoke demo@1.2.0 --reason "path traversal" --cve CVE-2026-1234
relmgr --as rita publish ../dist --key ../keys/rita.sec.asc   # the revoke, published
relmgr log demo                                 # the audit trail
relmgr log --event 1 --export ../event-1        # one event's signed bytes, for gpg
relmgr fsck                                     # objects, signatures, the history, a replay
# tour:end
set +x
echo "Tour complete in $work$([ "${1:-}" = "--keep" ] && echo " (kept)" || echo " (removed)")."
