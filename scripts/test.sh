#!/usr/bin/env bash
# The README's test command: installs what a fresh machine lacks, then runs every test.
#
#   scripts/test.sh               set up, then `cargo test --locked` (extra arguments go to cargo test)
#   scripts/test.sh --setup-only  set up only (what .ci/run does before fmt and clippy)
#
# What the tests need besides Rust:
#   gpg, gpgconf   the first judge of signatures and KEYS (Debian: gnupg)
#   sqv            Sequoia's verifier, the second judge (Debian: sqv)
#   rnp            RNP's verifier (Thunderbird's OpenPGP), the third judge of KEYS (Debian: rnp)
#   sha512sum      the judge of .sha512 files (coreutils)
#   sqlite3        checks the index as an LTS system's sqlite3 would (Debian 12: 3.40)
#   gcc, curl      build tests/support/old_sqlite_check.c against SQLite 3.34.1 (RHEL 9's), from
#                  the sqlite3-src 0.3.0 crate's amalgamation, into ~/.cache/relmgr/ (once)
#   python3        the fetch tests' HTTP servers (http.server, tests/support/http_faults.py)
#   pkg-config, libssl-dev   SHA-512 and sequoia's OpenPGP crypto come from OpenSSL's libcrypto
#   libclang-dev   sequoia's OpenSSL backend (the ossl crate) generates its bindings with bindgen
#   cargo-audit    .ci/run's check of Cargo.lock against the RustSec advisories (cargo install)
#   chromium, tidy the judges of the download pages (headless rendering, HTML validation)
#   groff          the judge of the man pages (no warning with -ww)
#   .venv          the SBOM validators, pyspdxtools (spdx-tools) and cyclonedx-python-lib, and
#                  aiosmtpd, the SMTP server the mail tests send to
# Missing Debian packages are installed with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "scripts/test.sh: installing $* (Debian packages)" >&2
  "${sudo[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need=()
command -v gpg >/dev/null && command -v gpgconf >/dev/null || need+=(gnupg)
command -v sqv >/dev/null || need+=(sqv)
command -v rnp >/dev/null || need+=(rnp)
command -v sha512sum >/dev/null || need+=(coreutils)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v pkg-config >/dev/null || need+=(pkg-config)
pkg-config --exists openssl 2>/dev/null || need+=(libssl-dev)
ls /usr/lib/llvm-*/lib/libclang.so >/dev/null 2>&1 || need+=(libclang-dev)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
command -v chromium >/dev/null || need+=(chromium)
command -v tidy >/dev/null || need+=(tidy)
command -v groff >/dev/null || need+=(groff-base)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v curl >/dev/null || need+=(curl ca-certificates)
if [ ${#need[@]} -gt 0 ]; then
  apt_install "${need[@]}"
fi

# The Python test tools live in .venv (ignored by git); the SBOM and mail tests fail without them.
if [ ! -x .venv/bin/pyspdxtools ] || ! .venv/bin/python -c 'import cyclonedx.validation.json, aiosmtpd' 2>/dev/null; then
  echo "scripts/test.sh: installing the SBOM validators and aiosmtpd into .venv" >&2
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check spdx-tools 'cyclonedx-python-lib[json-validation]' aiosmtpd
fi

# cargo-audit, built from crates.io the first time (a few minutes), for .ci/run.
if ! cargo audit --version >/dev/null 2>&1; then
  echo "scripts/test.sh: installing cargo-audit (cargo install)" >&2
  cargo install --locked cargo-audit
fi

# SQLite 3.34.1, the oldest an LTS system ships (RHEL 9), for tests/cli/old_sqlite.rs: no crate
# of libsqlite3-sys bundles 3.34, sqlite3-src 0.3.0 does. Downloaded and built once (about a
# minute), checked by its SHA-256; rebuilt only when tests/support/old_sqlite_check.c changes.
# JSON1 is compiled in, as RHEL 9 and Debian 11 build it (json_valid is in the schema's CHECKs).
old_sqlite_dir="${XDG_CACHE_HOME:-$HOME/.cache}/relmgr/sqlite-3.34.1"
old_sqlite_check="$old_sqlite_dir/old-sqlite-check"
if [ ! -x "$old_sqlite_check" ] || [ tests/support/old_sqlite_check.c -nt "$old_sqlite_check" ]; then
  echo "scripts/test.sh: building SQLite 3.34.1's checker into $old_sqlite_dir" >&2
  mkdir -p "$old_sqlite_dir"
  if [ ! -f "$old_sqlite_dir/sqlite3.c" ]; then
    crate="$old_sqlite_dir/sqlite3-src-0.3.0.crate"
    curl -sSfL -o "$crate.part" https://static.crates.io/crates/sqlite3-src/sqlite3-src-0.3.0.crate
    echo "a260b07ce75a0644c6f5891f34f46db9869e731838e95293469ab17999abcfa3  $crate.part" | sha256sum -c --quiet
    tar -xzf "$crate.part" -C "$old_sqlite_dir" --strip-components=2 \
      sqlite3-src-0.3.0/source/sqlite3.c sqlite3-src-0.3.0/source/sqlite3.h
    rm -f "$crate.part"
  fi
  gcc -O1 -w -DSQLITE_ENABLE_JSON1 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION \
    -I "$old_sqlite_dir" -o "$old_sqlite_check.part" \
    tests/support/old_sqlite_check.c "$old_sqlite_dir/sqlite3.c" -lm
  mv "$old_sqlite_check.part" "$old_sqlite_check"
fi

if [ "${1:-}" = "--setup-only" ]; then
  exit 0
fi
exec cargo test --locked "$@"
