//! The SQLite schema and its forward migrations, tracked by `PRAGMA user_version` (the way cargo
//! does it). Constraints live in the schema, not only in Rust: CHECKs on every enumerated
//! column, UNIQUE on natural keys, foreign keys, and triggers that keep the event log
//! append-only and frozen revisions frozen.

use anyhow::{Context, bail};
use rusqlite::{Connection, OptionalExtension};

/// Each entry moves the schema one version forward. Never edit a released entry: append.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;

const V1: &str = r#"
CREATE TABLE users (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    name        TEXT,
    email       TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'service')),
    consent     INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    consent_at  TEXT,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE projects (
    key           TEXT PRIMARY KEY CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9-]*' AND length(key) <= 64),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    description   TEXT,
    homepage      TEXT,
    source_url    TEXT,
    license       TEXT,
    support_url   TEXT,
    notify_emails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notify_emails)),
    version       TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE products (
    project       TEXT NOT NULL REFERENCES projects(key),
    key           TEXT NOT NULL CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9-]*' AND length(key) <= 64),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    description   TEXT,
    homepage      TEXT,
    source_url    TEXT,
    license       TEXT,
    support_url   TEXT,
    notify_emails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notify_emails)),
    version       TEXT,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (project, key)
) STRICT;

-- project = '' for the store-wide roles admin and member.
CREATE TABLE roles (
    project    TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id),
    role       TEXT NOT NULL CHECK (role IN ('pmc', 'committer', 'rm', 'admin', 'member')),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    PRIMARY KEY (project, user_id, role),
    CHECK ((project = '' AND role IN ('admin', 'member'))
        OR (project <> '' AND role IN ('pmc', 'committer', 'rm')))
) STRICT;

CREATE TABLE keys (
    fingerprint  TEXT PRIMARY KEY CHECK (length(fingerprint) IN (40, 64) AND fingerprint NOT GLOB '*[^0-9A-F]*'),
    key_id       TEXT NOT NULL CHECK (length(key_id) = 16),
    user_id      TEXT REFERENCES users(id),
    algorithm    TEXT NOT NULL,
    bits         INTEGER,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    revoked_at   TEXT,
    revocation   TEXT,
    user_ids     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(user_ids)),
    can_sign     INTEGER NOT NULL CHECK (can_sign IN (0, 1)),
    retired_at   TEXT,
    imported_at  TEXT NOT NULL,
    armored      TEXT NOT NULL CHECK (armored LIKE '-----BEGIN PGP PUBLIC KEY BLOCK-----%' AND armored NOT LIKE '%PRIVATE KEY%')
) STRICT;
CREATE INDEX keys_by_id ON keys(key_id);
CREATE INDEX keys_by_user ON keys(user_id);

CREATE TABLE subkeys (
    fingerprint TEXT PRIMARY KEY,
    key_id      TEXT NOT NULL,
    primary_fpr TEXT NOT NULL REFERENCES keys(fingerprint) ON DELETE CASCADE,
    algorithm   TEXT NOT NULL,
    bits        INTEGER,
    created_at  TEXT NOT NULL,
    expires_at  TEXT,
    for_signing INTEGER NOT NULL CHECK (for_signing IN (0, 1))
) STRICT;
CREATE INDEX subkeys_by_id ON subkeys(key_id);

-- target is 'project' or 'project/product'; NULL fields of a product inherit the project's.
CREATE TABLE policies (
    target        TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    min_hours     INTEGER CHECK (min_hours >= 0),
    manual        INTEGER CHECK (manual IN (0, 1)),
    pause_on_veto INTEGER CHECK (pause_on_veto IN (0, 1)),
    checklist     TEXT,
    set_by        TEXT NOT NULL REFERENCES users(id),
    set_at        TEXT NOT NULL,
    PRIMARY KEY (target, version)
) STRICT;

CREATE TABLE releases (
    id          INTEGER PRIMARY KEY,
    project     TEXT NOT NULL REFERENCES projects(key),
    target      TEXT NOT NULL,
    version     TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    stage       TEXT NOT NULL CHECK (stage IN ('candidate', 'current', 'revoked')),
    phase       TEXT CHECK (phase IN ('draft', 'voting', 'passed', 'failed', 'distributing', 'announced', 'archived')),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    reason      TEXT,
    UNIQUE (target, version),
    CHECK ((stage = 'candidate' AND phase IN ('draft', 'voting', 'passed', 'failed'))
        OR (stage = 'current' AND phase IN ('distributing', 'announced', 'archived'))
        OR (stage = 'revoked'))
) STRICT;

CREATE TABLE stage_history (
    release_id INTEGER NOT NULL REFERENCES releases(id),
    seq        INTEGER NOT NULL,
    stage      TEXT NOT NULL,
    phase      TEXT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    note       TEXT,
    PRIMARY KEY (release_id, seq)
) STRICT;

CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    release_id    INTEGER NOT NULL REFERENCES releases(id),
    number        INTEGER NOT NULL CHECK (number >= 1),
    phase         TEXT NOT NULL CHECK (phase IN ('draft', 'voting', 'passed', 'failed')),
    created_at    TEXT NOT NULL,
    frozen_at     TEXT,
    manifest_hash TEXT,
    UNIQUE (release_id, number)
) STRICT;

CREATE TABLE packages (
    id           INTEGER PRIMARY KEY,
    revision_id  INTEGER NOT NULL REFERENCES revisions(id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1024 AND name NOT GLOB '/*' AND name NOT GLOB '*/' AND '/' || name || '/' NOT GLOB '*/../*' AND '/' || name || '/' NOT GLOB '*/./*' AND name NOT GLOB '*//*'),
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    sha512       TEXT CHECK (sha512 IS NULL OR (length(sha512) = 128 AND sha512 NOT GLOB '*[^0-9a-f]*')),
    media_type   TEXT,
    platform     TEXT,
    arch         TEXT,
    channel      TEXT,
    external_url TEXT,
    added_at     TEXT NOT NULL,
    UNIQUE (revision_id, name),
    CHECK ((external_url IS NULL AND sha512 IS NOT NULL) OR (external_url IS NOT NULL AND size > 0))
) STRICT;

CREATE TABLE signatures (
    package_id  INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL REFERENCES keys(fingerprint),
    signer_fpr  TEXT NOT NULL,
    armored     TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    PRIMARY KEY (package_id, fingerprint)
) STRICT;

CREATE TABLE vote_rounds (
    revision_id     INTEGER PRIMARY KEY REFERENCES revisions(id),
    policy_target   TEXT NOT NULL,
    policy_version  INTEGER,
    policy          TEXT NOT NULL CHECK (json_valid(policy)),
    manifest_hash   TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    closes_at       TEXT NOT NULL,
    started_by      TEXT NOT NULL REFERENCES users(id),
    acknowledged    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(acknowledged)),
    closure         TEXT CHECK (closure IN ('closed', 'confirmed', 'abandoned')),
    outcome         TEXT CHECK (outcome IN ('passed', 'failed', 'awaiting-confirmation', 'abandoned')),
    closed_at       TEXT,
    closed_by       TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE ballots (
    id          INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES vote_rounds(revision_id),
    voter       TEXT NOT NULL REFERENCES users(id),
    value       INTEGER NOT NULL CHECK (value IN (-1, 0, 1)),
    binding     INTEGER NOT NULL CHECK (binding IN (0, 1)),
    comment     TEXT,
    cast_at     TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('cli', 'mail')),
    signature   TEXT,
    signer_fpr  TEXT
) STRICT;

CREATE TABLE cves (
    id         TEXT PRIMARY KEY CHECK (id GLOB 'CVE-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*' AND substr(id, 10) NOT GLOB '*[^0-9]*'),
    title      TEXT NOT NULL,
    date       TEXT NOT NULL,
    severity   TEXT,
    state      TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE cve_links (
    cve        TEXT NOT NULL REFERENCES cves(id),
    target     TEXT NOT NULL,
    release_id INTEGER REFERENCES releases(id),
    linked_at  TEXT NOT NULL,
    UNIQUE (cve, target, release_id)
) STRICT;

CREATE TABLE check_ignores (
    target   TEXT NOT NULL,
    pattern  TEXT NOT NULL CHECK (length(pattern) > 0),
    reason   TEXT NOT NULL CHECK (length(reason) > 0),
    added_by TEXT NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (target, pattern)
) STRICT;

CREATE TABLE check_results (
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    results     TEXT NOT NULL CHECK (json_valid(results)),
    checked_at  TEXT NOT NULL,
    PRIMARY KEY (revision_id)
) STRICT;

CREATE TABLE publications (
    dir          TEXT PRIMARY KEY,
    version      INTEGER NOT NULL CHECK (version >= 1),
    published_at TEXT NOT NULL
) STRICT;

-- The audit log. hash = SHA-256(prev_hash || canonical event); pii holds erasable personal
-- data (with a salt) outside the hash, which covers only pii_hash.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY,
    time       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('person', 'service', 'system')),
    type       TEXT NOT NULL,
    target     TEXT NOT NULL,
    payload    TEXT NOT NULL CHECK (json_valid(payload)),
    pii        TEXT CHECK (pii IS NULL OR json_valid(pii)),
    pii_hash   TEXT,
    prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash       TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX events_by_target ON events(target);

CREATE TRIGGER events_no_update BEFORE UPDATE OF seq, time, actor, actor_kind, type, target, payload, pii_hash, prev_hash, hash ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- Nothing of a frozen revision ever changes.
CREATE TRIGGER packages_frozen_insert BEFORE INSERT ON packages
WHEN (SELECT phase FROM revisions WHERE id = NEW.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_update BEFORE UPDATE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_delete BEFORE DELETE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER signatures_frozen_insert BEFORE INSERT ON signatures
WHEN (SELECT r.phase FROM revisions r JOIN packages p ON p.revision_id = r.id WHERE p.id = NEW.package_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER signatures_frozen_delete BEFORE DELETE ON signatures
WHEN (SELECT r.phase FROM revisions r JOIN packages p ON p.revision_id = r.id WHERE p.id = OLD.package_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
"#;

/// V2: a package's source flag (`stage --source` 1, `--binary` 0, NULL: judged by the checks)
/// and the SPDX ids a project or product accepts in file headers (`--header-license`).
const V2: &str = r#"
ALTER TABLE packages ADD COLUMN source INTEGER CHECK (source IS NULL OR source IN (0, 1));
ALTER TABLE projects ADD COLUMN header_licenses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(header_licenses));
ALTER TABLE products ADD COLUMN header_licenses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(header_licenses));
"#;

/// V3: the indexes that list commands and fsck need at 10,000 releases: ballots of a vote, CVE links
/// of a release, packages by object (unstage, fsck), a project's releases, events by time
/// (`log --since`), a user's roles.
const V3: &str = r#"
CREATE INDEX ballots_by_revision ON ballots(revision_id);
CREATE INDEX cve_links_by_release ON cve_links(release_id);
CREATE INDEX cve_links_by_target ON cve_links(target);
CREATE INDEX packages_by_sha256 ON packages(sha256);
CREATE INDEX releases_by_project ON releases(project);
CREATE INDEX events_by_time ON events(time);
CREATE INDEX roles_by_user ON roles(user_id);
"#;

/// V4: the shared history (SPEC §6). An event names the events it was written after
/// (`parents`, a JSON array of hashes; NULL for the linear log of earlier versions, whose parent
/// is `prev_hash`); its `hash` is then the SHA-256 of its canonical record, parents included.
/// `void` holds why an event that is kept changed nothing (invalid in the merged order).
/// `heads` are the events no other event follows: the next event's parents. `sync_state` holds
/// this clone's bookkeeping (which events went to git).
const V4: &str = r#"
ALTER TABLE events ADD COLUMN parents TEXT CHECK (parents IS NULL OR json_valid(parents));
ALTER TABLE events ADD COLUMN void TEXT;
CREATE TABLE heads (hash TEXT PRIMARY KEY) STRICT;
INSERT INTO heads SELECT hash FROM events ORDER BY seq DESC LIMIT 1;
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
"#;

/// V5: signed history (SPEC §7). An event's detached OpenPGP signature over its canonical record
/// and the primary fingerprint of the key that made it; a policy's `signed_events` level.
const V5: &str = r#"
ALTER TABLE events ADD COLUMN signature TEXT;
ALTER TABLE events ADD COLUMN signer TEXT;
ALTER TABLE policies ADD COLUMN signed_events TEXT CHECK (signed_events IS NULL OR signed_events IN ('none', 'binding', 'all'));
"#;

/// V6: projects and products are one table, `projects`, a row per *target*: a project (`parent`
/// NULL, `target` its key) or a product (`parent` its project, `target` `project/product`). A
/// product's parent is a project by a foreign key, and a project's releases reference its row by
/// `target`. SQLite changes constraints only by rebuilding a table: make the new one, copy, drop
/// the old, rename; [`migrate`] runs it with foreign keys off and checks them before committing.
/// `releases` is rebuilt too (same rows, same ids) because its key moves from `projects(key)`,
/// no longer unique, to `projects(target)`, and its target, now a row of the one table, gains a
/// key of its own; the tables that reference `releases(id)` keep referencing it by name.
const V6: &str = r#"
CREATE TABLE projects_v6 (
    target        TEXT PRIMARY KEY,
    parent        TEXT REFERENCES projects_v6(target),
    key           TEXT NOT NULL CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9-]*' AND length(key) <= 64),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    description   TEXT,
    homepage      TEXT,
    source_url    TEXT,
    license       TEXT,
    support_url   TEXT,
    notify_emails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notify_emails)),
    version       TEXT,
    created_at    TEXT NOT NULL,
    header_licenses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(header_licenses)),
    UNIQUE (parent, key),
    -- A product's parent is a project: targets are one or two levels, never three.
    CHECK (parent IS NULL OR parent NOT GLOB '*/*'),
    CHECK (target = CASE WHEN parent IS NULL THEN key ELSE parent || '/' || key END)
) STRICT;
INSERT INTO projects_v6 (target, parent, key, name, description, homepage, source_url, license,
        support_url, notify_emails, version, created_at, header_licenses)
    SELECT key, NULL, key, name, description, homepage, source_url, license,
        support_url, notify_emails, version, created_at, header_licenses FROM projects
    UNION ALL
    SELECT project || '/' || key, project, key, name, description, homepage, source_url, license,
        support_url, notify_emails, version, created_at, header_licenses FROM products;
DROP TABLE products;
DROP TABLE projects;
ALTER TABLE projects_v6 RENAME TO projects;

CREATE TABLE releases_v6 (
    id          INTEGER PRIMARY KEY,
    project     TEXT NOT NULL REFERENCES projects(target) CHECK (project NOT GLOB '*/*'),
    target      TEXT NOT NULL REFERENCES projects(target)
                CHECK (target = project OR substr(target, 1, length(project) + 1) = project || '/'),
    version     TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    stage       TEXT NOT NULL CHECK (stage IN ('candidate', 'current', 'revoked')),
    phase       TEXT CHECK (phase IN ('draft', 'voting', 'passed', 'failed', 'distributing', 'announced', 'archived')),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    reason      TEXT,
    UNIQUE (target, version),
    CHECK ((stage = 'candidate' AND phase IN ('draft', 'voting', 'passed', 'failed'))
        OR (stage = 'current' AND phase IN ('distributing', 'announced', 'archived'))
        OR (stage = 'revoked'))
) STRICT;
INSERT INTO releases_v6 (id, project, target, version, stage, phase, created_at, revoked_at, reason)
    SELECT id, project, target, version, stage, phase, created_at, revoked_at, reason FROM releases;
DROP TABLE releases;
ALTER TABLE releases_v6 RENAME TO releases;
CREATE INDEX releases_by_project ON releases(project);
"#;

/// V7: a package's digests are checked as lower-case hex by `unhex` and `lower`, not by
/// `NOT GLOB '*[^0-9a-f]*'`, which SQLite matches by backtracking at each character: over
/// 100,000 packages that CHECK alone cost `integrity_check` (fsck) 0.27 s of 0.57 s. The same
/// values pass both (`unhex` refuses any other character, `lower` the upper-case hex digits).
/// `unhex` needs SQLite 3.41 to write the table or check it; older `sqlite3` programs still
/// read it. The table is rebuilt (SQLite's twelve steps), with its index and triggers.
const V7: &str = r#"
CREATE TABLE packages_v7 (
    id           INTEGER PRIMARY KEY,
    revision_id  INTEGER NOT NULL REFERENCES revisions(id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1024 AND name NOT GLOB '/*' AND name NOT GLOB '*/' AND '/' || name || '/' NOT GLOB '*/../*' AND '/' || name || '/' NOT GLOB '*/./*' AND name NOT GLOB '*//*'),
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND unhex(sha256) IS NOT NULL AND sha256 = lower(sha256)),
    sha512       TEXT CHECK (sha512 IS NULL OR (length(sha512) = 128 AND unhex(sha512) IS NOT NULL AND sha512 = lower(sha512))),
    media_type   TEXT,
    platform     TEXT,
    arch         TEXT,
    channel      TEXT,
    external_url TEXT,
    added_at     TEXT NOT NULL,
    source       INTEGER CHECK (source IS NULL OR source IN (0, 1)),
    UNIQUE (revision_id, name),
    CHECK ((external_url IS NULL AND sha512 IS NOT NULL) OR (external_url IS NOT NULL AND size > 0))
) STRICT;
INSERT INTO packages_v7 (id, revision_id, name, size, sha256, sha512, media_type, platform, arch,
        channel, external_url, added_at, source)
    SELECT id, revision_id, name, size, sha256, sha512, media_type, platform, arch,
        channel, external_url, added_at, source FROM packages;
DROP TABLE packages;
-- The triggers of signatures name packages: a rename in the current mode would check them
-- while no packages table exists (SQLite's documented way: the legacy rename).
PRAGMA legacy_alter_table = ON;
ALTER TABLE packages_v7 RENAME TO packages;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX packages_by_sha256 ON packages(sha256);
CREATE TRIGGER packages_frozen_insert BEFORE INSERT ON packages
WHEN (SELECT phase FROM revisions WHERE id = NEW.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_update BEFORE UPDATE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_delete BEFORE DELETE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
"#;

/// V8: no `unhex` (SQLite 3.41+) in the schema, so that the `sqlite3` of today's LTS systems
/// (Debian 12: 3.40) can check the index: `PRAGMA integrity_check` failed there with "unknown
/// function: unhex()". Every lower-case-hex test SQLite 3.34 knows (`NOT GLOB '*[^0-9a-f]*'`,
/// `ltrim(x, '0123456789abcdef') = ''`, sixteen `replace`s) costs `integrity_check` 7 to 13 times
/// what `unhex` did (0.5-1.0 s against 0.08 s over 100,000 packages), which fsck pays on every
/// run. So the CHECK keeps the digests' lengths, and triggers refuse a digest that is not
/// lower-case hex when a row is written: the GLOB runs once per package written, never again
/// in fsck, which compares every digest with the object it names anyway. `snapshots_seen`
/// keeps, per project, the highest `snapshot.json` version this store has written or verified:
/// `verify --dir` refuses an older one (a rollback). It is this clone's bookkeeping, like
/// `sync_state`, not shared history.
const V8: &str = r#"
CREATE TABLE packages_v8 (
    id           INTEGER PRIMARY KEY,
    revision_id  INTEGER NOT NULL REFERENCES revisions(id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1024 AND name NOT GLOB '/*' AND name NOT GLOB '*/' AND '/' || name || '/' NOT GLOB '*/../*' AND '/' || name || '/' NOT GLOB '*/./*' AND name NOT GLOB '*//*'),
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    sha512       TEXT CHECK (sha512 IS NULL OR length(sha512) = 128),
    media_type   TEXT,
    platform     TEXT,
    arch         TEXT,
    channel      TEXT,
    external_url TEXT,
    added_at     TEXT NOT NULL,
    source       INTEGER CHECK (source IS NULL OR source IN (0, 1)),
    UNIQUE (revision_id, name),
    CHECK ((external_url IS NULL AND sha512 IS NOT NULL) OR (external_url IS NOT NULL AND size > 0))
) STRICT;
INSERT INTO packages_v8 (id, revision_id, name, size, sha256, sha512, media_type, platform, arch,
        channel, external_url, added_at, source)
    SELECT id, revision_id, name, size, sha256, sha512, media_type, platform, arch,
        channel, external_url, added_at, source FROM packages;
DROP TABLE packages;
-- The triggers of signatures name packages: a rename in the current mode would check them
-- while no packages table exists (SQLite's documented way: the legacy rename).
PRAGMA legacy_alter_table = ON;
ALTER TABLE packages_v8 RENAME TO packages;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX packages_by_sha256 ON packages(sha256);
CREATE TRIGGER packages_frozen_insert BEFORE INSERT ON packages
WHEN (SELECT phase FROM revisions WHERE id = NEW.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_update BEFORE UPDATE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_delete BEFORE DELETE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;

CREATE TRIGGER packages_hex_insert BEFORE INSERT ON packages
WHEN NEW.sha256 GLOB '*[^0-9a-f]*' OR NEW.sha512 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a package digest is not lower-case hex'); END;
CREATE TRIGGER packages_hex_update BEFORE UPDATE OF sha256, sha512 ON packages
WHEN NEW.sha256 GLOB '*[^0-9a-f]*' OR NEW.sha512 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a package digest is not lower-case hex'); END;
CREATE TABLE snapshots_seen (
    project  TEXT PRIMARY KEY,
    version  INTEGER NOT NULL CHECK (version >= 1),
    seen_at  TEXT NOT NULL
) STRICT;
"#;

/// V9: no `STRICT` table, so that the `sqlite3` of every LTS system still supported reads the
/// index: `STRICT` needs SQLite 3.37, and an older one (RHEL 9 ships 3.34) cannot even parse the
/// schema ("malformed database schema (users) - near \"STRICT\": syntax error"), so neither
/// `sqlite3 index.db` nor any backup or inspection tool there opens the store. Every table is
/// rebuilt with the same columns, keys, references, CHECKs, indexes and triggers, and what
/// `STRICT` enforced is kept by CHECKs that SQLite 3.34 knows: each column's `typeof` (a
/// nullable column's may also be `'null'`), and `NOT NULL` on every PRIMARY KEY column (a
/// `STRICT` table's primary key is never NULL). An INTEGER PRIMARY KEY is the rowid, always an
/// integer. Values convert as before: the column's type affinity turns `'12'` into 12 in an
/// INTEGER column and 5 into `'5'` in a TEXT one, as `STRICT` did, and what it refused (a blob
/// in TEXT, `'abc'` or 1.5 in INTEGER) the CHECK refuses. Costs `integrity_check` about a third
/// more CPU than `STRICT`'s own type test (see docs/decisions.md).
const V9: &str = r#"
-- Each table: make the new one, copy, drop the old, rename (SQLite's twelve steps; foreign keys
-- are off and checked before commit, see [`migrate`]). The legacy rename leaves the other tables'
-- REFERENCES and triggers naming the table as they are: they name it again once it is renamed.
PRAGMA legacy_alter_table = ON;

CREATE TABLE users_v9 (
    id          TEXT PRIMARY KEY NOT NULL CHECK (typeof(id) = 'text') CHECK (length(id) BETWEEN 1 AND 64),
    name        TEXT CHECK (typeof(name) IN ('text', 'null')),
    email       TEXT CHECK (typeof(email) IN ('text', 'null')),
    kind        TEXT NOT NULL CHECK (typeof(kind) = 'text') CHECK (kind IN ('person', 'service')),
    consent     INTEGER NOT NULL DEFAULT 0 CHECK (typeof(consent) = 'integer') CHECK (consent IN (0, 1)),
    consent_at  TEXT CHECK (typeof(consent_at) IN ('text', 'null')),
    created_at  TEXT NOT NULL CHECK (typeof(created_at) = 'text')
);
INSERT INTO users_v9 (id, name, email, kind, consent, consent_at, created_at)
    SELECT id, name, email, kind, consent, consent_at, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_v9 RENAME TO users;

CREATE TABLE roles_v9 (
    project    TEXT NOT NULL CHECK (typeof(project) = 'text'),
    user_id    TEXT NOT NULL CHECK (typeof(user_id) = 'text') REFERENCES users(id),
    role       TEXT NOT NULL CHECK (typeof(role) = 'text') CHECK (role IN ('pmc', 'committer', 'rm', 'admin', 'member')),
    granted_at TEXT NOT NULL CHECK (typeof(granted_at) = 'text'),
    granted_by TEXT NOT NULL CHECK (typeof(granted_by) = 'text'),
    PRIMARY KEY (project, user_id, role),
    CHECK ((project = '' AND role IN ('admin', 'member'))
        OR (project <> '' AND role IN ('pmc', 'committer', 'rm')))
);
INSERT INTO roles_v9 (project, user_id, role, granted_at, granted_by)
    SELECT project, user_id, role, granted_at, granted_by FROM roles;
DROP TABLE roles;
ALTER TABLE roles_v9 RENAME TO roles;

CREATE TABLE keys_v9 (
    fingerprint  TEXT PRIMARY KEY NOT NULL CHECK (typeof(fingerprint) = 'text') CHECK (length(fingerprint) IN (40, 64) AND fingerprint NOT GLOB '*[^0-9A-F]*'),
    key_id       TEXT NOT NULL CHECK (typeof(key_id) = 'text') CHECK (length(key_id) = 16),
    user_id      TEXT CHECK (typeof(user_id) IN ('text', 'null')) REFERENCES users(id),
    algorithm    TEXT NOT NULL CHECK (typeof(algorithm) = 'text'),
    bits         INTEGER CHECK (typeof(bits) IN ('integer', 'null')),
    created_at   TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    expires_at   TEXT CHECK (typeof(expires_at) IN ('text', 'null')),
    revoked_at   TEXT CHECK (typeof(revoked_at) IN ('text', 'null')),
    revocation   TEXT CHECK (typeof(revocation) IN ('text', 'null')),
    user_ids     TEXT NOT NULL DEFAULT '[]' CHECK (typeof(user_ids) = 'text') CHECK (json_valid(user_ids)),
    can_sign     INTEGER NOT NULL CHECK (typeof(can_sign) = 'integer') CHECK (can_sign IN (0, 1)),
    retired_at   TEXT CHECK (typeof(retired_at) IN ('text', 'null')),
    imported_at  TEXT NOT NULL CHECK (typeof(imported_at) = 'text'),
    armored      TEXT NOT NULL CHECK (typeof(armored) = 'text') CHECK (armored LIKE '-----BEGIN PGP PUBLIC KEY BLOCK-----%' AND armored NOT LIKE '%PRIVATE KEY%')
);
INSERT INTO keys_v9 (fingerprint, key_id, user_id, algorithm, bits, created_at, expires_at, revoked_at, revocation, user_ids, can_sign, retired_at, imported_at, armored)
    SELECT fingerprint, key_id, user_id, algorithm, bits, created_at, expires_at, revoked_at, revocation, user_ids, can_sign, retired_at, imported_at, armored FROM keys;
DROP TABLE keys;
ALTER TABLE keys_v9 RENAME TO keys;

CREATE TABLE subkeys_v9 (
    fingerprint TEXT PRIMARY KEY NOT NULL CHECK (typeof(fingerprint) = 'text'),
    key_id      TEXT NOT NULL CHECK (typeof(key_id) = 'text'),
    primary_fpr TEXT NOT NULL CHECK (typeof(primary_fpr) = 'text') REFERENCES keys(fingerprint) ON DELETE CASCADE,
    algorithm   TEXT NOT NULL CHECK (typeof(algorithm) = 'text'),
    bits        INTEGER CHECK (typeof(bits) IN ('integer', 'null')),
    created_at  TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    expires_at  TEXT CHECK (typeof(expires_at) IN ('text', 'null')),
    for_signing INTEGER NOT NULL CHECK (typeof(for_signing) = 'integer') CHECK (for_signing IN (0, 1))
);
INSERT INTO subkeys_v9 (fingerprint, key_id, primary_fpr, algorithm, bits, created_at, expires_at, for_signing)
    SELECT fingerprint, key_id, primary_fpr, algorithm, bits, created_at, expires_at, for_signing FROM subkeys;
DROP TABLE subkeys;
ALTER TABLE subkeys_v9 RENAME TO subkeys;

CREATE TABLE policies_v9 (
    target        TEXT NOT NULL CHECK (typeof(target) = 'text'),
    version       INTEGER NOT NULL CHECK (typeof(version) = 'integer') CHECK (version >= 1),
    min_hours     INTEGER CHECK (typeof(min_hours) IN ('integer', 'null')) CHECK (min_hours >= 0),
    manual        INTEGER CHECK (typeof(manual) IN ('integer', 'null')) CHECK (manual IN (0, 1)),
    pause_on_veto INTEGER CHECK (typeof(pause_on_veto) IN ('integer', 'null')) CHECK (pause_on_veto IN (0, 1)),
    checklist     TEXT CHECK (typeof(checklist) IN ('text', 'null')),
    set_by        TEXT NOT NULL CHECK (typeof(set_by) = 'text') REFERENCES users(id),
    set_at        TEXT NOT NULL CHECK (typeof(set_at) = 'text'),
    signed_events TEXT CHECK (typeof(signed_events) IN ('text', 'null')) CHECK (signed_events IS NULL OR signed_events IN ('none', 'binding', 'all')),
    PRIMARY KEY (target, version)
);
INSERT INTO policies_v9 (target, version, min_hours, manual, pause_on_veto, checklist, set_by, set_at, signed_events)
    SELECT target, version, min_hours, manual, pause_on_veto, checklist, set_by, set_at, signed_events FROM policies;
DROP TABLE policies;
ALTER TABLE policies_v9 RENAME TO policies;

CREATE TABLE stage_history_v9 (
    release_id INTEGER NOT NULL CHECK (typeof(release_id) = 'integer') REFERENCES releases(id),
    seq        INTEGER NOT NULL CHECK (typeof(seq) = 'integer'),
    stage      TEXT NOT NULL CHECK (typeof(stage) = 'text'),
    phase      TEXT CHECK (typeof(phase) IN ('text', 'null')),
    at         TEXT NOT NULL CHECK (typeof(at) = 'text'),
    actor      TEXT NOT NULL CHECK (typeof(actor) = 'text'),
    note       TEXT CHECK (typeof(note) IN ('text', 'null')),
    PRIMARY KEY (release_id, seq)
);
INSERT INTO stage_history_v9 (release_id, seq, stage, phase, at, actor, note)
    SELECT release_id, seq, stage, phase, at, actor, note FROM stage_history;
DROP TABLE stage_history;
ALTER TABLE stage_history_v9 RENAME TO stage_history;

CREATE TABLE revisions_v9 (
    id            INTEGER PRIMARY KEY,
    release_id    INTEGER NOT NULL CHECK (typeof(release_id) = 'integer') REFERENCES releases(id),
    number        INTEGER NOT NULL CHECK (typeof(number) = 'integer') CHECK (number >= 1),
    phase         TEXT NOT NULL CHECK (typeof(phase) = 'text') CHECK (phase IN ('draft', 'voting', 'passed', 'failed')),
    created_at    TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    frozen_at     TEXT CHECK (typeof(frozen_at) IN ('text', 'null')),
    manifest_hash TEXT CHECK (typeof(manifest_hash) IN ('text', 'null')),
    UNIQUE (release_id, number)
);
INSERT INTO revisions_v9 (id, release_id, number, phase, created_at, frozen_at, manifest_hash)
    SELECT id, release_id, number, phase, created_at, frozen_at, manifest_hash FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_v9 RENAME TO revisions;

CREATE TABLE signatures_v9 (
    package_id  INTEGER NOT NULL CHECK (typeof(package_id) = 'integer') REFERENCES packages(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL CHECK (typeof(fingerprint) = 'text') REFERENCES keys(fingerprint),
    signer_fpr  TEXT NOT NULL CHECK (typeof(signer_fpr) = 'text'),
    armored     TEXT NOT NULL CHECK (typeof(armored) = 'text'),
    signed_at   TEXT NOT NULL CHECK (typeof(signed_at) = 'text'),
    PRIMARY KEY (package_id, fingerprint)
);
INSERT INTO signatures_v9 (package_id, fingerprint, signer_fpr, armored, signed_at)
    SELECT package_id, fingerprint, signer_fpr, armored, signed_at FROM signatures;
DROP TABLE signatures;
ALTER TABLE signatures_v9 RENAME TO signatures;

CREATE TABLE vote_rounds_v9 (
    revision_id     INTEGER PRIMARY KEY REFERENCES revisions(id),
    policy_target   TEXT NOT NULL CHECK (typeof(policy_target) = 'text'),
    policy_version  INTEGER CHECK (typeof(policy_version) IN ('integer', 'null')),
    policy          TEXT NOT NULL CHECK (typeof(policy) = 'text') CHECK (json_valid(policy)),
    manifest_hash   TEXT NOT NULL CHECK (typeof(manifest_hash) = 'text'),
    opened_at       TEXT NOT NULL CHECK (typeof(opened_at) = 'text'),
    closes_at       TEXT NOT NULL CHECK (typeof(closes_at) = 'text'),
    started_by      TEXT NOT NULL CHECK (typeof(started_by) = 'text') REFERENCES users(id),
    acknowledged    TEXT NOT NULL DEFAULT '[]' CHECK (typeof(acknowledged) = 'text') CHECK (json_valid(acknowledged)),
    closure         TEXT CHECK (typeof(closure) IN ('text', 'null')) CHECK (closure IN ('closed', 'confirmed', 'abandoned')),
    outcome         TEXT CHECK (typeof(outcome) IN ('text', 'null')) CHECK (outcome IN ('passed', 'failed', 'awaiting-confirmation', 'abandoned')),
    closed_at       TEXT CHECK (typeof(closed_at) IN ('text', 'null')),
    closed_by       TEXT CHECK (typeof(closed_by) IN ('text', 'null')) REFERENCES users(id)
);
INSERT INTO vote_rounds_v9 (revision_id, policy_target, policy_version, policy, manifest_hash, opened_at, closes_at, started_by, acknowledged, closure, outcome, closed_at, closed_by)
    SELECT revision_id, policy_target, policy_version, policy, manifest_hash, opened_at, closes_at, started_by, acknowledged, closure, outcome, closed_at, closed_by FROM vote_rounds;
DROP TABLE vote_rounds;
ALTER TABLE vote_rounds_v9 RENAME TO vote_rounds;

CREATE TABLE ballots_v9 (
    id          INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL CHECK (typeof(revision_id) = 'integer') REFERENCES vote_rounds(revision_id),
    voter       TEXT NOT NULL CHECK (typeof(voter) = 'text') REFERENCES users(id),
    value       INTEGER NOT NULL CHECK (typeof(value) = 'integer') CHECK (value IN (-1, 0, 1)),
    binding     INTEGER NOT NULL CHECK (typeof(binding) = 'integer') CHECK (binding IN (0, 1)),
    comment     TEXT CHECK (typeof(comment) IN ('text', 'null')),
    cast_at     TEXT NOT NULL CHECK (typeof(cast_at) = 'text'),
    source      TEXT NOT NULL CHECK (typeof(source) = 'text') CHECK (source IN ('cli', 'mail')),
    signature   TEXT CHECK (typeof(signature) IN ('text', 'null')),
    signer_fpr  TEXT CHECK (typeof(signer_fpr) IN ('text', 'null'))
);
INSERT INTO ballots_v9 (id, revision_id, voter, value, binding, comment, cast_at, source, signature, signer_fpr)
    SELECT id, revision_id, voter, value, binding, comment, cast_at, source, signature, signer_fpr FROM ballots;
DROP TABLE ballots;
ALTER TABLE ballots_v9 RENAME TO ballots;

CREATE TABLE cves_v9 (
    id         TEXT PRIMARY KEY NOT NULL CHECK (typeof(id) = 'text') CHECK (id GLOB 'CVE-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*' AND substr(id, 10) NOT GLOB '*[^0-9]*'),
    title      TEXT NOT NULL CHECK (typeof(title) = 'text'),
    date       TEXT NOT NULL CHECK (typeof(date) = 'text'),
    severity   TEXT CHECK (typeof(severity) IN ('text', 'null')),
    state      TEXT CHECK (typeof(state) IN ('text', 'null')),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text')
);
INSERT INTO cves_v9 (id, title, date, severity, state, created_at)
    SELECT id, title, date, severity, state, created_at FROM cves;
DROP TABLE cves;
ALTER TABLE cves_v9 RENAME TO cves;

CREATE TABLE cve_links_v9 (
    cve        TEXT NOT NULL CHECK (typeof(cve) = 'text') REFERENCES cves(id),
    target     TEXT NOT NULL CHECK (typeof(target) = 'text'),
    release_id INTEGER CHECK (typeof(release_id) IN ('integer', 'null')) REFERENCES releases(id),
    linked_at  TEXT NOT NULL CHECK (typeof(linked_at) = 'text'),
    UNIQUE (cve, target, release_id)
);
INSERT INTO cve_links_v9 (cve, target, release_id, linked_at)
    SELECT cve, target, release_id, linked_at FROM cve_links;
DROP TABLE cve_links;
ALTER TABLE cve_links_v9 RENAME TO cve_links;

CREATE TABLE check_ignores_v9 (
    target   TEXT NOT NULL CHECK (typeof(target) = 'text'),
    pattern  TEXT NOT NULL CHECK (typeof(pattern) = 'text') CHECK (length(pattern) > 0),
    reason   TEXT NOT NULL CHECK (typeof(reason) = 'text') CHECK (length(reason) > 0),
    added_by TEXT NOT NULL CHECK (typeof(added_by) = 'text') REFERENCES users(id),
    added_at TEXT NOT NULL CHECK (typeof(added_at) = 'text'),
    PRIMARY KEY (target, pattern)
);
INSERT INTO check_ignores_v9 (target, pattern, reason, added_by, added_at)
    SELECT target, pattern, reason, added_by, added_at FROM check_ignores;
DROP TABLE check_ignores;
ALTER TABLE check_ignores_v9 RENAME TO check_ignores;

CREATE TABLE check_results_v9 (
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    results     TEXT NOT NULL CHECK (typeof(results) = 'text') CHECK (json_valid(results)),
    checked_at  TEXT NOT NULL CHECK (typeof(checked_at) = 'text'),
    PRIMARY KEY (revision_id)
);
INSERT INTO check_results_v9 (revision_id, results, checked_at)
    SELECT revision_id, results, checked_at FROM check_results;
DROP TABLE check_results;
ALTER TABLE check_results_v9 RENAME TO check_results;

CREATE TABLE publications_v9 (
    dir          TEXT PRIMARY KEY NOT NULL CHECK (typeof(dir) = 'text'),
    version      INTEGER NOT NULL CHECK (typeof(version) = 'integer') CHECK (version >= 1),
    published_at TEXT NOT NULL CHECK (typeof(published_at) = 'text')
);
INSERT INTO publications_v9 (dir, version, published_at)
    SELECT dir, version, published_at FROM publications;
DROP TABLE publications;
ALTER TABLE publications_v9 RENAME TO publications;

CREATE TABLE events_v9 (
    seq        INTEGER PRIMARY KEY,
    time       TEXT NOT NULL CHECK (typeof(time) = 'text'),
    actor      TEXT NOT NULL CHECK (typeof(actor) = 'text'),
    actor_kind TEXT NOT NULL CHECK (typeof(actor_kind) = 'text') CHECK (actor_kind IN ('person', 'service', 'system')),
    type       TEXT NOT NULL CHECK (typeof(type) = 'text'),
    target     TEXT NOT NULL CHECK (typeof(target) = 'text'),
    payload    TEXT NOT NULL CHECK (typeof(payload) = 'text') CHECK (json_valid(payload)),
    pii        TEXT CHECK (typeof(pii) IN ('text', 'null')) CHECK (pii IS NULL OR json_valid(pii)),
    pii_hash   TEXT CHECK (typeof(pii_hash) IN ('text', 'null')),
    prev_hash  TEXT NOT NULL CHECK (typeof(prev_hash) = 'text') CHECK (length(prev_hash) = 64),
    hash       TEXT NOT NULL UNIQUE CHECK (typeof(hash) = 'text') CHECK (length(hash) = 64),
    parents    TEXT CHECK (typeof(parents) IN ('text', 'null')) CHECK (parents IS NULL OR json_valid(parents)),
    void       TEXT CHECK (typeof(void) IN ('text', 'null')),
    signature  TEXT CHECK (typeof(signature) IN ('text', 'null')),
    signer     TEXT CHECK (typeof(signer) IN ('text', 'null'))
);
INSERT INTO events_v9 (seq, time, actor, actor_kind, type, target, payload, pii, pii_hash, prev_hash, hash, parents, void, signature, signer)
    SELECT seq, time, actor, actor_kind, type, target, payload, pii, pii_hash, prev_hash, hash, parents, void, signature, signer FROM events;
DROP TABLE events;
ALTER TABLE events_v9 RENAME TO events;

CREATE TABLE heads_v9 (
    hash TEXT PRIMARY KEY NOT NULL CHECK (typeof(hash) = 'text')
);
INSERT INTO heads_v9 (hash)
    SELECT hash FROM heads;
DROP TABLE heads;
ALTER TABLE heads_v9 RENAME TO heads;

CREATE TABLE sync_state_v9 (
    key   TEXT PRIMARY KEY NOT NULL CHECK (typeof(key) = 'text'),
    value TEXT NOT NULL CHECK (typeof(value) = 'text')
);
INSERT INTO sync_state_v9 (key, value)
    SELECT key, value FROM sync_state;
DROP TABLE sync_state;
ALTER TABLE sync_state_v9 RENAME TO sync_state;

CREATE TABLE projects_v9 (
    target        TEXT PRIMARY KEY NOT NULL CHECK (typeof(target) = 'text'),
    parent        TEXT CHECK (typeof(parent) IN ('text', 'null')) REFERENCES projects(target),
    key           TEXT NOT NULL CHECK (typeof(key) = 'text') CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9-]*' AND length(key) <= 64),
    name          TEXT NOT NULL CHECK (typeof(name) = 'text') CHECK (length(name) > 0),
    description   TEXT CHECK (typeof(description) IN ('text', 'null')),
    homepage      TEXT CHECK (typeof(homepage) IN ('text', 'null')),
    source_url    TEXT CHECK (typeof(source_url) IN ('text', 'null')),
    license       TEXT CHECK (typeof(license) IN ('text', 'null')),
    support_url   TEXT CHECK (typeof(support_url) IN ('text', 'null')),
    notify_emails TEXT NOT NULL DEFAULT '[]' CHECK (typeof(notify_emails) = 'text') CHECK (json_valid(notify_emails)),
    version       TEXT CHECK (typeof(version) IN ('text', 'null')),
    created_at    TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    header_licenses TEXT NOT NULL DEFAULT '[]' CHECK (typeof(header_licenses) = 'text') CHECK (json_valid(header_licenses)),
    UNIQUE (parent, key),
    -- A product's parent is a project: targets are one or two levels, never three.
    CHECK (parent IS NULL OR parent NOT GLOB '*/*'),
    CHECK (target = CASE WHEN parent IS NULL THEN key ELSE parent || '/' || key END)
);
INSERT INTO projects_v9 (target, parent, key, name, description, homepage, source_url, license, support_url, notify_emails, version, created_at, header_licenses)
    SELECT target, parent, key, name, description, homepage, source_url, license, support_url, notify_emails, version, created_at, header_licenses FROM projects;
DROP TABLE projects;
ALTER TABLE projects_v9 RENAME TO projects;

CREATE TABLE releases_v9 (
    id          INTEGER PRIMARY KEY,
    project     TEXT NOT NULL CHECK (typeof(project) = 'text') REFERENCES projects(target) CHECK (project NOT GLOB '*/*'),
    target      TEXT NOT NULL CHECK (typeof(target) = 'text') REFERENCES projects(target)
                CHECK (target = project OR substr(target, 1, length(project) + 1) = project || '/'),
    version     TEXT NOT NULL CHECK (typeof(version) = 'text') CHECK (length(version) BETWEEN 1 AND 100),
    stage       TEXT NOT NULL CHECK (typeof(stage) = 'text') CHECK (stage IN ('candidate', 'current', 'revoked')),
    phase       TEXT CHECK (typeof(phase) IN ('text', 'null')) CHECK (phase IN ('draft', 'voting', 'passed', 'failed', 'distributing', 'announced', 'archived')),
    created_at  TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    revoked_at  TEXT CHECK (typeof(revoked_at) IN ('text', 'null')),
    reason      TEXT CHECK (typeof(reason) IN ('text', 'null')),
    UNIQUE (target, version),
    CHECK ((stage = 'candidate' AND phase IN ('draft', 'voting', 'passed', 'failed'))
        OR (stage = 'current' AND phase IN ('distributing', 'announced', 'archived'))
        OR (stage = 'revoked'))
);
INSERT INTO releases_v9 (id, project, target, version, stage, phase, created_at, revoked_at, reason)
    SELECT id, project, target, version, stage, phase, created_at, revoked_at, reason FROM releases;
DROP TABLE releases;
ALTER TABLE releases_v9 RENAME TO releases;

CREATE TABLE packages_v9 (
    id           INTEGER PRIMARY KEY,
    revision_id  INTEGER NOT NULL CHECK (typeof(revision_id) = 'integer') REFERENCES revisions(id),
    name         TEXT NOT NULL CHECK (typeof(name) = 'text') CHECK (length(name) BETWEEN 1 AND 1024 AND name NOT GLOB '/*' AND name NOT GLOB '*/' AND '/' || name || '/' NOT GLOB '*/../*' AND '/' || name || '/' NOT GLOB '*/./*' AND name NOT GLOB '*//*'),
    size         INTEGER NOT NULL CHECK (typeof(size) = 'integer') CHECK (size >= 0),
    sha256       TEXT NOT NULL CHECK (typeof(sha256) = 'text') CHECK (length(sha256) = 64),
    sha512       TEXT CHECK (typeof(sha512) IN ('text', 'null')) CHECK (sha512 IS NULL OR length(sha512) = 128),
    media_type   TEXT CHECK (typeof(media_type) IN ('text', 'null')),
    platform     TEXT CHECK (typeof(platform) IN ('text', 'null')),
    arch         TEXT CHECK (typeof(arch) IN ('text', 'null')),
    channel      TEXT CHECK (typeof(channel) IN ('text', 'null')),
    external_url TEXT CHECK (typeof(external_url) IN ('text', 'null')),
    added_at     TEXT NOT NULL CHECK (typeof(added_at) = 'text'),
    source       INTEGER CHECK (typeof(source) IN ('integer', 'null')) CHECK (source IS NULL OR source IN (0, 1)),
    UNIQUE (revision_id, name),
    CHECK ((external_url IS NULL AND sha512 IS NOT NULL) OR (external_url IS NOT NULL AND size > 0))
);
INSERT INTO packages_v9 (id, revision_id, name, size, sha256, sha512, media_type, platform, arch, channel, external_url, added_at, source)
    SELECT id, revision_id, name, size, sha256, sha512, media_type, platform, arch, channel, external_url, added_at, source FROM packages;
DROP TABLE packages;
ALTER TABLE packages_v9 RENAME TO packages;

CREATE TABLE snapshots_seen_v9 (
    project  TEXT PRIMARY KEY NOT NULL CHECK (typeof(project) = 'text'),
    version  INTEGER NOT NULL CHECK (typeof(version) = 'integer') CHECK (version >= 1),
    seen_at  TEXT NOT NULL CHECK (typeof(seen_at) = 'text')
);
INSERT INTO snapshots_seen_v9 (project, version, seen_at)
    SELECT project, version, seen_at FROM snapshots_seen;
DROP TABLE snapshots_seen;
ALTER TABLE snapshots_seen_v9 RENAME TO snapshots_seen;
PRAGMA legacy_alter_table = OFF;

-- Dropping a table dropped its indexes and triggers: all of them come back, as they were.

CREATE INDEX keys_by_id ON keys(key_id);
CREATE INDEX keys_by_user ON keys(user_id);
CREATE INDEX subkeys_by_id ON subkeys(key_id);
CREATE INDEX events_by_target ON events(target);
CREATE INDEX ballots_by_revision ON ballots(revision_id);
CREATE INDEX cve_links_by_release ON cve_links(release_id);
CREATE INDEX cve_links_by_target ON cve_links(target);
CREATE INDEX events_by_time ON events(time);
CREATE INDEX roles_by_user ON roles(user_id);
CREATE INDEX releases_by_project ON releases(project);
CREATE INDEX packages_by_sha256 ON packages(sha256);
CREATE TRIGGER events_no_update BEFORE UPDATE OF seq, time, actor, actor_kind, type, target, payload, pii_hash, prev_hash, hash ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER signatures_frozen_insert BEFORE INSERT ON signatures
WHEN (SELECT r.phase FROM revisions r JOIN packages p ON p.revision_id = r.id WHERE p.id = NEW.package_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER signatures_frozen_delete BEFORE DELETE ON signatures
WHEN (SELECT r.phase FROM revisions r JOIN packages p ON p.revision_id = r.id WHERE p.id = OLD.package_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_insert BEFORE INSERT ON packages
WHEN (SELECT phase FROM revisions WHERE id = NEW.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_update BEFORE UPDATE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_frozen_delete BEFORE DELETE ON packages
WHEN (SELECT phase FROM revisions WHERE id = OLD.revision_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the revision is frozen'); END;
CREATE TRIGGER packages_hex_insert BEFORE INSERT ON packages
WHEN NEW.sha256 GLOB '*[^0-9a-f]*' OR NEW.sha512 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a package digest is not lower-case hex'); END;
CREATE TRIGGER packages_hex_update BEFORE UPDATE OF sha256, sha512 ON packages
WHEN NEW.sha256 GLOB '*[^0-9a-f]*' OR NEW.sha512 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a package digest is not lower-case hex'); END;
"#;

/// V10: a project's (or product's) download page and the base URL its candidates are served
/// under (`project edit --download-url`, `--candidates-url`), for the release mails. Columns
/// added (NULL in every existing row), typed by CHECK as V9 types every column.
const V10: &str = r#"
ALTER TABLE projects ADD COLUMN download_url TEXT CHECK (typeof(download_url) IN ('text', 'null'));
ALTER TABLE projects ADD COLUMN candidates_url TEXT CHECK (typeof(candidates_url) IN ('text', 'null'));
"#;

/// Brings the schema to [`CURRENT`], refusing a store written by a newer relmgr.
///
/// A migration that rebuilds a table drops the old one, which foreign keys would refuse (or
/// cascade) while rows still reference it, and `PRAGMA foreign_keys` cannot change inside a
/// transaction: so they are off while migrating, each migration's transaction checks every
/// foreign key (`PRAGMA foreign_key_check`) before it commits, and they are back as they were
/// afterwards, also on error.
pub fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    let have: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if have > CURRENT {
        bail!(
            "this store has schema version {have}, but this relmgr knows versions up to {CURRENT}: \
             it was written by a newer relmgr; upgrade relmgr to use it"
        );
    }
    if have == CURRENT {
        return Ok(());
    }
    let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = migrate_from(conn, have);
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    migrated
}

fn migrate_from(conn: &mut Connection, have: u32) -> anyhow::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(have as usize) {
        let version = i as u32 + 1;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now >= version {
            continue;
        }
        tx.execute_batch(sql)
            .with_context(|| format!("while migrating the store to schema version {version}"))?;
        let broken: Option<(String, Option<i64>, String)> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((table, rowid, parent)) = broken {
            bail!(
                "while migrating the store to schema version {version}: row {} of {table} \
                 references a missing row of {parent}",
                rowid.map_or("?".into(), |r| r.to_string())
            );
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
