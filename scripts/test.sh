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

if [ "${1:-}" = "--setup-only" ]; then
  exit 0
fi
exec cargo test --locked "$@"
