#!/usr/bin/env bash
# Builds relmgr and plays a release on the fixtures in a temp dir: the main job, end to end.
# It grows with every feature. Usage: scripts/demo.sh [--keep]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
relmgr="$root/target/release/relmgr"

work="$(mktemp -d)"
if [ "${1:-}" != "--keep" ]; then trap 'rm -rf "$work" "$work.laptop"' EXIT; fi
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

step "Keys: the RM generates a signing key; the PMC's keys come from a real KEYS file"
run key generate --user rita -o "$work/rita.sec.asc"
run key import "$root/fixtures/keys/sample-KEYS" --user alice || true
run -q key import "$root/fixtures/realworld/tomcat-KEYS" 2>/dev/null || echo "(tomcat-KEYS: weak keys refused, strong ones kept)"
run key export demo -o "$work/KEYS"

step "Stage and sign the release candidate in one read per file"
mkdir -p "$work/dist"
cp "$root/fixtures/checks/demo-1.2.0-src.tar.gz" "$work/dist/"
mkdir -p "$work/bin/demo-1.2.0-bin" && head -c 2000000 /dev/urandom > "$work/bin/demo-1.2.0-bin/demo.dat"
tar -C "$work/bin" -czf "$work/dist/demo-1.2.0-bin.tar.gz" demo-1.2.0-bin
run --as rita stage demo@1.2.0 "$work/dist" --sign "$work/rita.sec.asc" --platform any
run release show demo@1.2.0
run check demo@1.2.0
(cd .relmgr/releases/demo/1.2.0/rc1 && sha512sum -c ./*.sha512)

step "Vote: 72 hours, three binding +1"
run policy show demo
run --as rita vote start demo@1.2.0 --vote +1 -o "$work/vote-mail.txt"
head -3 "$work/vote-mail.txt"
for u in alice bob carol; do run --as "$u" vote cast demo@1.2.0 +1; done
run --as dave vote cast demo@1.2.0 0 --comment "checked the NOTICE"
run --as rita vote close demo@1.2.0 || echo "(too early: exit $?)"
export RELMGR_NOW="2026-03-05T09:00:00Z"
run vote status demo@1.2.0
run --as rita vote close demo@1.2.0

step "Promote, announce, publish, and verify what was published"
run --as rita promote demo@1.2.0
run --as rita announce demo@1.2.0 -o "$work/announce.txt"
head -1 "$work/announce.txt"
run --as rita publish "$work/www" --key "$work/rita.sec.asc"
run verify --dir "$work/www"
echo "Download pages: $(cd "$work/www" && ls index.html demo/index.html | tr '\n' ' ')"
grep -o 'href="[^"]*demo-1.2.0-src.tar.gz[^"]*"' "$work/www/demo/index.html"

step "A voter's kit: the checks on a downloaded candidate, with no store"
mkdir -p "$work/download" && cp "$work/www/demo/1.2.0/"demo-1.2.0-src.tar.gz* "$work/www/demo/KEYS" "$work/download/"
(cd "$work/download" && RELMGR_STORE= "$relmgr" check --dir . ) || echo "(check --dir exit $?)"
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg --batch -q --import "$work/www/demo/KEYS" 2>/dev/null
gpg --batch --ignore-time-conflict --verify "$work/www/snapshot.json.asc" "$work/www/snapshot.json" 2>&1 | grep -E "Good signature|BAD"
gpgconf --kill all

step "A team on many machines: the history shared through git, the bytes fetched and verified"
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.org GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.org
git init -q --bare "$work/remote.git" && git init -q "$work" && git -C "$work" remote add origin "$work/remote.git"
run sync
laptop="$work.laptop"   # a second machine: outside the first store's directory
git clone -q "$work/remote.git" "$laptop" 2>/dev/null
(cd "$laptop" && run sync --user bob && run fetch demo@1.2.0 --from "$work/www" && run verify demo@1.2.0 \
  && run vote status demo@1.2.0 | head -4 && git status --short | wc -l | xargs echo "files git sees in the clone:")

step "The audit trail, and a check of the whole store (objects, signatures, chain, replay)"
run log demo
run fsck
echo
echo "Demo complete. Store: $work/.relmgr$([ "${1:-}" = "--keep" ] && echo " (kept)" || echo " (removed)")"
