//! The rule book as a table (issue #26): for each event type and each (actor role, state) case,
//! the command's refusal and replay's verdict on the same event at the same point of the history
//! agree: a command that exits 4 (not allowed), 5 (wrong state) or 2 (bad input) writes an event
//! that replay voids as not allowed, wrong state or forged, and an event the command writes is
//! one replay lets through.

use relmgr::machine::history::{Known, VoidKind, decide};
use relmgr::model::event::{Change, CveFields, MetaFields};
use relmgr::store::events::{Event, GENESIS};
use relmgr::votes::{Closure, Decision, Outcome, Value as Vote};
use serde_json::Value;

use crate::common::{T0, TestEnv, clean_source};

/// The first revision, as events name it.
const RC1: relmgr::model::RevisionNo = relmgr::model::RevisionNo(1);

/// The exit code a command refusing as replay voids gives (SPEC §5); 0 when replay lets the
/// event through.
fn replay_code(env: &TestEnv, actor: &str, target: &str, change: &Change) -> i32 {
    let (kind, payload) = change.to_parts();
    let e = Event {
        seq: 0,
        time: T0.into(),
        actor: actor.into(),
        actor_kind: "person".into(),
        kind,
        target: target.into(),
        payload,
        pii: None,
        pii_hash: None,
        hash: "x".repeat(64),
        prev_hash: GENESIS.into(),
        parents: Some(vec![]),
        void: None,
        signature: None,
        signer: None,
    };
    let db = env.db();
    let mut known = Known::of(&db).unwrap();
    let mut change = change.clone();
    match decide(&db, &e, &mut change, &mut known).unwrap() {
        None => 0,
        Some(v) => match v.kind {
            VoidKind::NotAllowed | VoidKind::Signature => 4,
            VoidKind::WrongState | VoidKind::Unseen => 5,
            VoidKind::Forged => 2,
        },
    }
}

/// One row: the command as `actor`, and the event it writes.
struct Case {
    what: &'static str,
    actor: &'static str,
    args: Vec<String>,
    target: String,
    change: Change,
}

fn case(
    what: &'static str,
    actor: &'static str,
    args: &[&str],
    target: &str,
    change: Change,
) -> Case {
    Case {
        what,
        actor,
        args: args.iter().map(|a| a.to_string()).collect(),
        target: target.into(),
        change,
    }
}

/// Checks each refused case: replay voids its event with the command's exit code, and the
/// command changed nothing.
fn refused(env: &TestEnv, cases: &[Case], want: i32) {
    for c in cases {
        let expected = replay_code(env, c.actor, &c.target, &c.change);
        let before = env.events();
        let mut args = vec!["--as", c.actor];
        args.extend(c.args.iter().map(String::as_str));
        let out = env.run(&args).get_output().clone();
        let code = out.status.code().unwrap_or(-1);
        assert_eq!(
            (code, expected),
            (want, want),
            "{}: the command exits {code}, replay says {expected}: {}",
            c.what,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(env.events(), before, "{}: nothing written", c.what);
    }
}

/// Checks an allowed case: replay lets its event through on the state before, and the command
/// writes it.
fn allowed(env: &TestEnv, c: Case) {
    assert_eq!(
        replay_code(env, c.actor, &c.target, &c.change),
        0,
        "{}: replay voids what the command may write",
        c.what
    );
    let mut args = vec!["--as", c.actor];
    args.extend(c.args.iter().map(String::as_str));
    env.ok(&args);
}

fn policy_change() -> Change {
    Change::PolicySet {
        version: None,
        min_hours: Some(5),
        manual: None,
        pause_on_veto: None,
        checklist: None,
        signed_events: None,
    }
}

fn ballot(voter: &str, binding: bool) -> Change {
    Change::VoteCast {
        revision: Some(RC1),
        voter: voter.parse().unwrap(),
        vote: Vote::Plus,
        binding,
        comment: None,
        signature: None,
        signer: None,
    }
}

/// The rm's decision on a message that needed review (#29).
fn review(decision: &str, voter: Option<&str>, binding: bool) -> Change {
    Change::VoteReview {
        revision: Some(RC1),
        message_id: "m1@x".into(),
        from: "someone@example.org".into(),
        decision: match decision {
            "none" => Decision::Ignore,
            v => Decision::Vote(Vote::parse_stored(v).unwrap()),
        },
        voter: voter.map(|v| v.parse().unwrap()),
        binding,
        cast_at: None,
    }
}

fn vote_start() -> Change {
    vote_start_at(None)
}

/// A vote.start naming `candidates_url`.
fn vote_start_at(candidates_url: Option<&str>) -> Change {
    Change::VoteStart {
        revision: Some(RC1),
        manifest_hash: String::new(),
        opened_at: None,
        closes_at: None,
        policy: Value::Null,
        policy_version: None,
        own_vote: None,
        binding: false,
        acknowledged: vec![],
        checks: Value::Null,
        candidates_url: candidates_url.map(str::to_string),
    }
}

/// A project.edit of demo setting `download_url` and `candidates_url`.
fn meta_urls(download: Option<&str>, candidates: Option<&str>) -> Change {
    Change::ProjectEdit {
        meta: MetaFields {
            name: "Demo".into(),
            download_url: download.map(str::to_string),
            candidates_url: candidates.map(str::to_string),
            ..MetaFields::default()
        },
    }
}

fn stage_change() -> Change {
    Change::Stage {
        release: None,
        revision: None,
        new_revision: false,
        packages: vec![],
        signed_by: None,
        signer: None,
    }
}

#[test]
fn the_command_refuses_exactly_what_replay_voids() {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    let rm_key = env.json(&["key", "list", "--user", "rm"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let rel = "demo@1.2.0";

    // A draft: who may do what.
    refused(
        &env,
        &[
            case(
                "policy.set by a committer",
                "dev",
                &["policy", "set", "demo", "--min-hours", "5"],
                "demo",
                policy_change(),
            ),
            case(
                "user.add by a committer",
                "dev",
                &["user", "add", "zed"],
                "user:zed",
                Change::UserAdd {
                    id: "zed".parse().unwrap(),
                    kind: relmgr::model::event::UserKind::Person,
                    consent: false,
                },
            ),
            case(
                "project.create by a pmc member",
                "pmc1",
                &[
                    "project",
                    "create",
                    "other",
                    "--name",
                    "O",
                    "--license",
                    "Apache-2.0",
                ],
                "other",
                Change::ProjectCreate {
                    meta: MetaFields {
                        name: "O".into(),
                        ..MetaFields::default()
                    },
                },
            ),
            case(
                "role.grant on the project by an rm",
                "rm",
                &["role", "grant", "demo", "guest", "committer"],
                "demo",
                Change::RoleGrant {
                    user: "guest".parse().unwrap(),
                    role: "committer".parse().unwrap(),
                    changed: true,
                },
            ),
            case(
                "role.grant of admin by a pmc member",
                "pmc1",
                &["role", "grant", "store", "guest", "admin"],
                "store",
                Change::RoleGrant {
                    user: "guest".parse().unwrap(),
                    role: "admin".parse().unwrap(),
                    changed: true,
                },
            ),
            case(
                "key.retire of another's key by a committer",
                "dev",
                &["key", "remove", &rm_key],
                "keys",
                Change::KeyRetire {
                    fingerprint: rm_key.parse().unwrap(),
                },
            ),
            case(
                "key.assign by an rm",
                "rm",
                &["key", "assign", &rm_key, "--user", "pmc1"],
                "keys",
                Change::KeyAssign {
                    fingerprint: rm_key.parse().unwrap(),
                    from: Some("rm".parse().unwrap()),
                    owner: "pmc1".parse().unwrap(),
                },
            ),
            case(
                "key.generate for another by an rm",
                "rm",
                &["key", "generate", "--user", "pmc1", "-o", "x.sec.asc"],
                "keys",
                Change::KeyGenerate {
                    owner: Some("pmc1".parse().unwrap()),
                    fingerprint: "0".repeat(40).parse().unwrap(),
                    certificate: String::new(),
                },
            ),
            case(
                "vote.start by a committer",
                "dev",
                &["vote", "start", rel],
                rel,
                vote_start(),
            ),
            case(
                "release.stage by a committer",
                "dev",
                &["stage", rel, "dist"],
                rel,
                stage_change(),
            ),
            case(
                "cve.add by a committer",
                "dev",
                &[
                    "cve",
                    "add",
                    "CVE-2026-0001",
                    "--title",
                    "x",
                    "--date",
                    "2026-01-01",
                ],
                "CVE-2026-0001",
                Change::CveAdd {
                    cve: CveFields {
                        id: "CVE-2026-0001".parse().unwrap(),
                        title: "x".into(),
                        date: "2026-01-01".into(),
                        severity: None,
                        state: None,
                    },
                },
            ),
            case(
                "check.ignore.add by a committer",
                "dev",
                &["check", "ignore", "add", "demo", "*.md", "--reason", "r"],
                "demo",
                Change::IgnoreAdd {
                    pattern: "*.md".into(),
                    reason: "r".into(),
                },
            ),
            case(
                "release.promote by a committer",
                "dev",
                &["promote", rel],
                rel,
                Change::Promote {
                    revision: Some(RC1),
                    archived: vec![],
                    version: None,
                },
            ),
        ],
        4,
    );
    // A draft: what its state allows.
    refused(
        &env,
        &[
            case(
                "vote.cast with no vote started",
                "pmc1",
                &["vote", "cast", rel, "+1"],
                rel,
                ballot("pmc1", true),
            ),
            case(
                "release.promote without a passed vote",
                "rm",
                &["promote", rel],
                rel,
                Change::Promote {
                    revision: Some(RC1),
                    archived: vec![],
                    version: None,
                },
            ),
            case(
                "key.assign of a key to its owner",
                "pmc1",
                &["key", "assign", &rm_key, "--user", "rm"],
                "keys",
                Change::KeyAssign {
                    fingerprint: rm_key.parse().unwrap(),
                    from: Some("rm".parse().unwrap()),
                    owner: "rm".parse().unwrap(),
                },
            ),
            case(
                "release.announce of a candidate",
                "rm",
                &["announce", rel],
                rel,
                Change::Announce {
                    subject: String::new(),
                    body: String::new(),
                },
            ),
        ],
        5,
    );
    // URLs and git references that the mails quote: the command refuses what replay voids.
    refused(
        &env,
        &[
            case(
                "vote.start with a candidates URL that is not http(s)",
                "rm",
                &[
                    "vote",
                    "start",
                    rel,
                    "--candidates-url",
                    "ftp://x.example.org/rc1/",
                ],
                rel,
                vote_start_at(Some("ftp://x.example.org/rc1/")),
            ),
            case(
                "project.edit with a download URL that is not http(s)",
                "rm",
                &[
                    "project",
                    "edit",
                    "demo",
                    "--download-url",
                    "ftp://x.example.org/demo/",
                ],
                "demo",
                meta_urls(Some("ftp://x.example.org/demo/"), None),
            ),
            case(
                "project.edit with a line break in the download URL",
                "rm",
                &[
                    "project",
                    "edit",
                    "demo",
                    "--download-url",
                    "https://x.example.org/\nBcc: y",
                ],
                "demo",
                meta_urls(Some("https://x.example.org/\nBcc: y"), None),
            ),
            case(
                "project.edit with a candidates URL that has a query",
                "rm",
                &[
                    "project",
                    "edit",
                    "demo",
                    "--candidates-url",
                    "https://x.example.org/dev/?a=1",
                ],
                "demo",
                meta_urls(None, Some("https://x.example.org/dev/?a=1")),
            ),
            case(
                "product.create with a candidates URL that is not a URL",
                "rm",
                &[
                    "product",
                    "create",
                    "demo/cli",
                    "--name",
                    "CLI",
                    "--candidates-url",
                    "dev/",
                ],
                "demo/cli",
                Change::ProductCreate {
                    meta: MetaFields {
                        name: "CLI".into(),
                        candidates_url: Some("dev/".into()),
                        ..MetaFields::default()
                    },
                },
            ),
            case(
                "release.check with a git reference that is an option",
                "rm",
                &["check", rel, "--git", "--upload-pack=x"],
                rel,
                Change::Check {
                    revision: Some(RC1),
                    pass: 0,
                    warn: 0,
                    fail: 0,
                    failing: vec![],
                    git: Some(relmgr::model::event::GitSource {
                        reference: "--upload-pack=x".into(),
                        commit: "0".repeat(40),
                    }),
                },
            ),
            case(
                "publish with a base URL that is not http(s)",
                "rm",
                &[
                    "publish",
                    "pub",
                    "--key",
                    "rm.sec.asc",
                    "--base-url",
                    "file:///srv/dist/",
                ],
                "store",
                Change::Publish {
                    dir: "pub".into(),
                    version: 1,
                    expires: None,
                    written: Value::Null,
                    removed: Value::Null,
                    fingerprint: None,
                    base_url: Some("file:///srv/dist/".into()),
                    canonical_url: None,
                },
            ),
        ],
        2,
    );
    allowed(
        &env,
        case(
            "project.edit with http(s) download and candidates URLs",
            "rm",
            &[
                "project",
                "edit",
                "demo",
                "--download-url",
                "https://downloads.example.org/demo/",
                "--candidates-url",
                "https://dist.example.org/dev/",
            ],
            "demo",
            meta_urls(
                Some("https://downloads.example.org/demo/"),
                Some("https://dist.example.org/dev/"),
            ),
        ),
    );
    allowed(
        &env,
        case(
            "policy.set by the rm",
            "rm",
            &["policy", "set", "demo", "--min-hours", "0"],
            "demo",
            policy_change(),
        ),
    );
    allowed(
        &env,
        case(
            "vote.start by the rm",
            "rm",
            &["vote", "start", rel],
            rel,
            vote_start(),
        ),
    );

    // Under vote.
    refused(
        &env,
        &[
            case(
                "vote.cast by a user with no role and no consent",
                "guest",
                &["vote", "cast", rel, "+1"],
                rel,
                ballot("guest", false),
            ),
            case(
                "vote.close by a committer",
                "dev",
                &["vote", "close", rel],
                rel,
                Change::VoteClose {
                    revision: Some(RC1),
                    request: Closure::Closed,
                    outcome: Outcome::Passed,
                },
            ),
            case(
                "vote.import by a committer",
                "dev",
                &["vote", "import", rel, "thread.mbox"],
                rel,
                Change::VoteImport {
                    revision: Some(RC1),
                    ballots: vec![],
                    guests: vec![],
                    review: vec![],
                },
            ),
            case(
                "vote.review by a committer",
                "dev",
                &["vote", "import", rel, "thread.mbox", "--ignore", "m1@x"],
                rel,
                review("none", None, false),
            ),
        ],
        4,
    );
    // A review by the rm: a vote of a user, binding as their role says, or none; what its
    // payload claims beyond that is forged.
    assert_eq!(
        replay_code(&env, "rm", rel, &review("+1", Some("pmc1"), true)),
        0
    );
    assert_eq!(
        replay_code(&env, "rm", rel, &review("none", None, false)),
        0
    );
    assert_eq!(
        replay_code(&env, "rm", rel, &review("+1", Some("dev"), true)),
        2
    );
    // A decision that is no vote is not one of the type: the payload does not read.
    assert!(
        Change::read(
            "vote.review",
            &serde_json::json!({"revision": "rc1", "message_id": "m1@x", "from": "a@b.org",
                                "decision": "+2", "voter": "pmc1", "binding": true})
        )
        .is_err()
    );
    assert_eq!(replay_code(&env, "rm", rel, &review("+1", None, false)), 2);
    assert_eq!(
        replay_code(&env, "rm", rel, &review("+1", Some("nobody"), false)),
        2
    );
    refused(
        &env,
        &[case(
            "vote.start of a revision under vote",
            "rm",
            &["vote", "start", rel],
            rel,
            vote_start(),
        )],
        5,
    );
    allowed(
        &env,
        case(
            "a binding vote.cast by a pmc member",
            "pmc1",
            &["vote", "cast", rel, "+1"],
            rel,
            ballot("pmc1", true),
        ),
    );
    allowed(
        &env,
        case(
            "a vote.cast by a committer",
            "dev",
            &["vote", "cast", rel, "+1"],
            rel,
            ballot("dev", false),
        ),
    );
    // What a payload claims is not taken: a committer's ballot that claims to bind, a ballot
    // in another's name.
    assert_eq!(replay_code(&env, "dev", rel, &ballot("dev", true)), 4);
    assert_eq!(replay_code(&env, "dev", rel, &ballot("pmc1", true)), 2);
    // Nor the outcome a close claims: one binding +1 does not pass a vote.
    let close = |outcome: Outcome| Change::VoteClose {
        revision: Some(RC1),
        request: Closure::Closed,
        outcome,
    };
    assert_eq!(replay_code(&env, "rm", rel, &close(Outcome::Passed)), 2);
    assert_eq!(replay_code(&env, "rm", rel, &close(Outcome::Failed)), 0);

    // Revoked.
    let revoke = Change::Revoke {
        reason: "bad".into(),
        cves: vec![],
        previous_stage: None,
    };
    allowed(
        &env,
        case(
            "release.revoke by the rm",
            "rm",
            &["revoke", rel, "--reason", "bad"],
            rel,
            revoke.clone(),
        ),
    );
    refused(
        &env,
        &[case(
            "release.revoke twice",
            "rm",
            &["revoke", rel, "--reason", "bad"],
            rel,
            revoke,
        )],
        5,
    );

    // A key moved by a pmc member; what the move names as its owner must be the one it has.
    let assign = |from: &str, owner: &str| Change::KeyAssign {
        fingerprint: rm_key.parse().unwrap(),
        from: Some(from.parse().unwrap()),
        owner: owner.parse().unwrap(),
    };
    assert_eq!(
        replay_code(&env, "pmc1", "keys", &assign("pmc3", "pmc2")),
        5
    );
    allowed(
        &env,
        case(
            "key.assign by a pmc member",
            "pmc1",
            &["key", "assign", &rm_key, "--user", "pmc2"],
            "keys",
            assign("rm", "pmc2"),
        ),
    );
    env.ok(&["key", "remove", &rm_key]);
    refused(
        &env,
        &[case(
            "key.assign of a retired key",
            "pmc1",
            &["key", "assign", &rm_key, "--user", "rm"],
            "keys",
            assign("pmc2", "rm"),
        )],
        5,
    );
}

/// The guests of a `vote.import` (senders who are no users) are judged like its ballots: a
/// vote value, an email address that is no user's (a user's vote is a ballot, with its
/// binding judged), a name without control characters. No command writes a bad one, so replay
/// alone is asked.
#[test]
fn a_forged_guest_of_an_import_is_void() {
    use relmgr::model::event::GuestVote;
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.ok(&["user", "edit", "dev", "--email", "dev@example.org"]);
    let import = |name: Option<&str>, email: &str, vote: &str| Change::VoteImport {
        revision: Some(RC1),
        ballots: vec![],
        guests: vec![GuestVote {
            name: name.map(str::to_string),
            email: email.into(),
            vote: Vote::parse_stored(vote).unwrap(),
            cast_at: None,
        }],
        review: vec![],
    };
    let code = |c: &Change| replay_code(&env, "rm", "demo@1.2.0", c);
    assert_eq!(code(&import(Some("Gina"), "gina@example.net", "+1")), 0);
    assert_eq!(code(&import(None, "gina@example.net", "-1")), 0);
    for (what, c) in [
        ("a user's email", import(None, "DEV@example.org", "+1")),
        ("not an email", import(None, "gina", "+1")),
        (
            "a name with a control character",
            import(Some("Gina\u{1b}[2J"), "gina@example.net", "+1"),
        ),
    ] {
        assert_eq!(code(&c), 2, "{what}: forged");
    }
    // Only the release manager imports, guests or not.
    assert_eq!(
        replay_code(
            &env,
            "dev",
            "demo@1.2.0",
            &import(None, "gina@example.net", "+1")
        ),
        4
    );
}
