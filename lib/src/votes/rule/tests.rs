//! The rule's tables of cases: outcomes, closing, policies, edge times.

use super::*;

const T0: &str = "2024-01-01T00:00:00Z";

fn t0() -> Timestamp {
    T0.parse().unwrap()
}

fn at(h: i64) -> Timestamp {
    t0().checked_add(SignedDuration::from_hours(h)).unwrap()
}

fn pol(min_hours: u32, manual: bool, pause_on_veto: bool) -> Policy {
    Policy {
        min_hours,
        manual,
        pause_on_veto,
        checklist: None,
    }
}

fn b(voter: &str, value: &str, binding: bool, h: i64) -> Ballot {
    Ballot {
        voter: voter.to_string(),
        value: value.parse().unwrap(),
        binding,
        cast_at: at(h),
    }
}

/// `n` binding ballots of `value` from voters `{prefix}0..`.
fn many(prefix: &str, n: usize, value: &str, binding: bool) -> Vec<Ballot> {
    (0..n)
        .map(|i| b(&format!("{prefix}{i}"), value, binding, 1))
        .collect()
}

fn cat(parts: &[Vec<Ballot>]) -> Vec<Ballot> {
    parts.concat()
}

struct Case {
    name: &'static str,
    policy: Policy,
    hours: Option<u32>,
    ballots: Vec<Ballot>,
    now_h: i64,
    already: Closure,
    request: CloseRequest,
    want: Result<Outcome, CloseRefusal>,
}

fn case(
    name: &'static str,
    policy: Policy,
    ballots: Vec<Ballot>,
    now_h: i64,
    request: CloseRequest,
    want: Result<Outcome, CloseRefusal>,
) -> Case {
    Case {
        name,
        policy,
        hours: None,
        ballots,
        now_h,
        already: Closure::Open,
        request,
        want,
    }
}

fn too_early(h: i64) -> Result<Outcome, CloseRefusal> {
    Err(CloseRefusal::TooEarly { closes_at: at(h) })
}

fn cases() -> Vec<Case> {
    use CloseRequest::*;
    use Outcome::*;
    let std = Policy::default;
    let pause = || pol(72, false, true);
    let manual = || pol(72, true, false);
    let three = || many("pmc", 3, "+1", true);
    vec![
        // --- counts
        case(
            "2 binding +1 fails",
            std(),
            many("p", 2, "+1", true),
            72,
            AsIs,
            Ok(Failed),
        ),
        case("3 binding +1 passes", std(), three(), 72, AsIs, Ok(Passed)),
        case(
            "3 +1 vs 3 -1 fails",
            std(),
            cat(&[three(), many("m", 3, "-1", true)]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case(
            "4 +1 vs 3 -1 passes",
            std(),
            cat(&[many("p", 4, "+1", true), many("m", 3, "-1", true)]),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "non-binding +1 never count",
            std(),
            cat(&[many("p", 2, "+1", true), many("n", 5, "+1", false)]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case(
            "non-binding -1 never count",
            std(),
            cat(&[three(), many("n", 5, "-1", false)]),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "zeros do not count",
            std(),
            cat(&[many("p", 2, "+1", true), many("z", 4, "0", true)]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case("no ballots fails", std(), vec![], 72, AsIs, Ok(Failed)),
        // --- min hours
        case("too early refused", std(), three(), 71, AsIs, too_early(72)),
        case("exactly at closes_at", std(), three(), 72, AsIs, Ok(Passed)),
        Case {
            hours: Some(96),
            ..case(
                "--hours 96 extends the window",
                std(),
                three(),
                80,
                AsIs,
                too_early(96),
            )
        },
        case(
            "min 0, rule holds: closes at once",
            pol(0, false, false),
            three(),
            0,
            AsIs,
            Ok(Passed),
        ),
        Case {
            hours: Some(24),
            ..case(
                "min 0 + --hours 24, rule holds: early close",
                pol(0, false, false),
                three(),
                1,
                AsIs,
                Ok(Passed),
            )
        },
        Case {
            hours: Some(24),
            ..case(
                "min 0 + --hours 24, rule fails: too early",
                pol(0, false, false),
                many("p", 2, "+1", true),
                1,
                AsIs,
                too_early(24),
            )
        },
        Case {
            hours: Some(24),
            ..case(
                "min 0 + --hours 24, rule fails after window",
                pol(0, false, false),
                many("p", 2, "+1", true),
                24,
                AsIs,
                Ok(Failed),
            )
        },
        case(
            "min 0, no --hours, rule fails: fails at once",
            pol(0, false, false),
            many("p", 2, "+1", true),
            0,
            AsIs,
            Ok(Failed),
        ),
        // --- pause on veto
        case(
            "pause: binding -1 awaits",
            pause(),
            cat(&[many("p", 4, "+1", true), many("m", 1, "-1", true)]),
            72,
            AsIs,
            Ok(AwaitingConfirmation),
        ),
        case(
            "pause: non-binding -1 awaits",
            pause(),
            cat(&[three(), many("n", 1, "-1", false)]),
            72,
            AsIs,
            Ok(AwaitingConfirmation),
        ),
        case(
            "pause: no -1 passes",
            pause(),
            three(),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "pause: -1 and rule fails -> failed",
            pause(),
            cat(&[many("p", 2, "+1", true), many("m", 1, "-1", true)]),
            72,
            AsIs,
            Ok(Failed),
        ),
        Case {
            already: Closure::Closed,
            ..case(
                "pause: confirm a paused vote",
                pause(),
                cat(&[three(), many("m", 1, "-1", true)]),
                80,
                Confirm,
                Ok(Passed),
            )
        },
        Case {
            already: Closure::Closed,
            ..case(
                "pause: abandon a paused vote",
                pause(),
                cat(&[three(), many("m", 1, "-1", true)]),
                80,
                Abandon,
                Ok(Abandoned),
            )
        },
        Case {
            already: Closure::Closed,
            ..case(
                "pause: as-is again on a paused vote",
                pause(),
                cat(&[three(), many("m", 1, "-1", true)]),
                80,
                AsIs,
                Err(CloseRefusal::AlreadyClosed(AwaitingConfirmation)),
            )
        },
        case(
            "pause: confirm an open vote directly",
            pause(),
            cat(&[three(), many("m", 1, "-1", true)]),
            72,
            Confirm,
            Ok(Passed),
        ),
        case(
            "pause: confirm an open vote too early",
            pause(),
            cat(&[three(), many("m", 1, "-1", true)]),
            10,
            Confirm,
            too_early(72),
        ),
        case(
            "pause: confirm without a veto",
            pause(),
            three(),
            72,
            Confirm,
            Err(CloseRefusal::NothingToConfirm),
        ),
        case(
            "pause + min 0: awaits at once",
            pol(0, false, true),
            cat(&[three(), many("m", 1, "-1", false)]),
            0,
            AsIs,
            Ok(AwaitingConfirmation),
        ),
        case(
            "no pause: confirm refused",
            std(),
            three(),
            72,
            Confirm,
            Err(CloseRefusal::NothingToConfirm),
        ),
        // --- manual
        case(
            "manual: as-is refused",
            manual(),
            three(),
            72,
            AsIs,
            Err(CloseRefusal::ManualNeedsDecision),
        ),
        case(
            "manual: as-is refused even early",
            manual(),
            three(),
            1,
            AsIs,
            Err(CloseRefusal::ManualNeedsDecision),
        ),
        case(
            "manual: confirm too early",
            manual(),
            three(),
            10,
            Confirm,
            too_early(72),
        ),
        case(
            "manual: confirm passes whatever the count",
            manual(),
            many("m", 3, "-1", true),
            72,
            Confirm,
            Ok(Passed),
        ),
        case(
            "manual: abandon any time",
            manual(),
            three(),
            1,
            Abandon,
            Ok(Abandoned),
        ),
        case(
            "manual + min 0: confirm at once",
            pol(0, true, false),
            vec![],
            0,
            Confirm,
            Ok(Passed),
        ),
        // --- abandon and closed votes
        case(
            "abandon before the window",
            std(),
            three(),
            1,
            Abandon,
            Ok(Abandoned),
        ),
        Case {
            already: Closure::Confirmed,
            ..case(
                "confirmed is final",
                pause(),
                three(),
                90,
                Abandon,
                Err(CloseRefusal::AlreadyClosed(Passed)),
            )
        },
        Case {
            already: Closure::Abandoned,
            ..case(
                "abandoned is final",
                std(),
                three(),
                90,
                AsIs,
                Err(CloseRefusal::AlreadyClosed(Abandoned)),
            )
        },
        Case {
            already: Closure::Closed,
            ..case(
                "closed & passed is final",
                std(),
                three(),
                90,
                Confirm,
                Err(CloseRefusal::AlreadyClosed(Passed)),
            )
        },
        Case {
            already: Closure::Closed,
            ..case(
                "closed & failed is final",
                std(),
                vec![],
                90,
                Abandon,
                Err(CloseRefusal::AlreadyClosed(Failed)),
            )
        },
        // --- changed votes, ties, roles
        case(
            "last counts: +1 then -1",
            std(),
            cat(&[three(), vec![b("pmc2", "-1", true, 5)]]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case(
            "last counts: -1 then +1",
            std(),
            cat(&[
                many("p", 2, "+1", true),
                vec![b("c", "-1", true, 1), b("c", "+1", true, 5)],
            ]),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "last by time, not slice order",
            std(),
            cat(&[
                many("p", 2, "+1", true),
                vec![b("c", "-1", true, 9), b("c", "+1", true, 5)],
            ]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case(
            "tie in time: later in slice wins (-1)",
            std(),
            cat(&[
                many("p", 2, "+1", true),
                vec![b("c", "+1", true, 5), b("c", "-1", true, 5)],
            ]),
            72,
            AsIs,
            Ok(Failed),
        ),
        case(
            "tie in time: later in slice wins (+1)",
            std(),
            cat(&[
                many("p", 2, "+1", true),
                vec![b("c", "-1", true, 5), b("c", "+1", true, 5)],
            ]),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "lost role later: earlier ballot stays binding",
            std(),
            cat(&[many("p", 2, "+1", true), vec![b("former", "+1", true, 1)]]),
            72,
            AsIs,
            Ok(Passed),
        ),
        case(
            "lost role, then re-voted: non-binding",
            std(),
            cat(&[
                many("p", 2, "+1", true),
                vec![b("former", "+1", true, 1), b("former", "+1", false, 30)],
            ]),
            72,
            AsIs,
            Ok(Failed),
        ),
    ]
}

#[test]
fn close_table() {
    let cases = cases();
    assert!(cases.len() >= 25);
    for c in cases {
        let closes = closes_at(t0(), &c.policy, c.hours).unwrap();
        let got = close(
            &c.policy,
            &c.ballots,
            t0(),
            closes,
            at(c.now_h),
            c.request,
            &c.already,
        );
        assert_eq!(got, c.want, "case {:?}", c.name);
        // evaluate agrees with close.
        let ev = evaluate(&c.policy, &c.ballots, t0(), closes, at(c.now_h), &c.already);
        assert!(!ev.reason.is_empty(), "case {:?}", c.name);
        if c.already == Closure::Open && !c.policy.manual && c.request == CloseRequest::AsIs {
            assert_eq!(ev.outcome, Outcome::Open, "case {:?}", c.name);
            assert_eq!(ev.can_close, got.is_ok(), "case {:?}", c.name);
            if let Ok(o) = got {
                assert_eq!(ev.projected, o, "case {:?}", c.name);
                // Storing the closure shows that outcome.
                let closure = match o {
                    Outcome::Abandoned => Closure::Abandoned,
                    _ => Closure::Closed,
                };
                let after = evaluate(&c.policy, &c.ballots, t0(), closes, at(c.now_h), &closure);
                assert_eq!(after.outcome, o, "case {:?}", c.name);
            }
        }
    }
}

#[test]
fn evaluate_open_reasons() {
    let p = Policy::default();
    let closes = closes_at(t0(), &p, None).unwrap();
    let two = many("p", 2, "+1", true);
    let ev = evaluate(&p, &two, t0(), closes, at(1), &Closure::Open);
    assert_eq!(ev.outcome, Outcome::Open);
    assert_eq!(ev.projected, Outcome::Failed);
    assert!(!ev.can_close);
    assert!(
        ev.reason.contains("3 binding +1 needed, 2 so far"),
        "{}",
        ev.reason
    );

    let ev = evaluate(
        &p,
        &many("p", 3, "+1", true),
        t0(),
        closes,
        at(72),
        &Closure::Open,
    );
    assert!(ev.can_close);
    assert!(ev.reason.starts_with("Would pass"), "{}", ev.reason);

    let m = pol(72, true, false);
    let ev = evaluate(&m, &two, t0(), closes, at(80), &Closure::Open);
    assert_eq!(
        (ev.outcome, ev.projected, ev.can_close),
        (Outcome::Open, Outcome::Open, true)
    );
    let ev = evaluate(&m, &two, t0(), closes, at(80), &Closure::Confirmed);
    assert_eq!((ev.outcome, ev.can_close), (Outcome::Passed, false));
    let ev = evaluate(&m, &two, t0(), closes, at(80), &Closure::Closed);
    assert_eq!(
        (ev.outcome, ev.can_close),
        (Outcome::AwaitingConfirmation, true)
    );
}

#[test]
fn evaluate_paused_and_abandoned() {
    let p = pol(72, false, true);
    let closes = closes_at(t0(), &p, None).unwrap();
    let ballots = cat(&[many("p", 3, "+1", true), vec![b("x", "-1", false, 2)]]);
    let ev = evaluate(&p, &ballots, t0(), closes, at(90), &Closure::Closed);
    assert_eq!(ev.outcome, Outcome::AwaitingConfirmation);
    assert!(ev.can_close);
    assert!(ev.reason.contains("confirm or abandon"), "{}", ev.reason);
    let ev = evaluate(&p, &ballots, t0(), closes, at(90), &Closure::Abandoned);
    assert_eq!((ev.outcome, ev.can_close), (Outcome::Abandoned, false));
}

#[test]
fn tally_keeps_last_ballot_and_its_binding_flag() {
    let ballots = vec![
        b("carol", "-1", true, 1),
        b("alice", "+1", true, 1),
        b("carol", "+1", true, 3),
        b("bob", "0", false, 2),
        b("dave", "+1", true, 1),
        b("dave", "-1", false, 4), // cast after losing the role
    ];
    let t = tally(&ballots);
    assert_eq!(
        t.binding,
        Tally {
            plus: 2,
            zero: 0,
            minus: 0
        }
    );
    assert_eq!(
        t.non_binding,
        Tally {
            plus: 0,
            zero: 1,
            minus: 1
        }
    );
    let voters: Vec<_> = t
        .voters
        .iter()
        .map(|b| (b.voter.as_str(), b.value, b.binding))
        .collect();
    assert_eq!(
        voters,
        vec![
            ("alice", Value::Plus, true),
            ("bob", Value::Zero, false),
            ("carol", Value::Plus, true),
            ("dave", Value::Minus, false),
        ]
    );
    assert!(t.has_veto());
}

#[test]
fn value_parse_and_display() {
    for (s, v) in [
        ("+1", Value::Plus),
        ("1", Value::Plus),
        (" +1 ", Value::Plus),
        ("0", Value::Zero),
        ("+0", Value::Zero),
        ("-0", Value::Zero),
        ("-1", Value::Minus),
        ("\u{2212}1", Value::Minus),
    ] {
        assert_eq!(s.parse::<Value>(), Ok(v), "{s:?}");
    }
    for s in ["", "2", "+2", "yes", "+1 binding", "--1"] {
        let err = s.parse::<Value>().unwrap_err();
        assert!(err.to_string().contains("+1, 1, 0, +0, -0, -1"), "{err}");
    }
    assert_eq!(Value::Plus.to_string(), "+1");
    assert_eq!(Value::Zero.to_string(), "0");
    assert_eq!(Value::Minus.to_string(), "-1");
}

#[test]
fn closes_at_window() {
    let p = Policy::default();
    assert_eq!(closes_at(t0(), &p, None), Ok(at(72)));
    assert_eq!(closes_at(t0(), &p, Some(100)), Ok(at(100)));
    assert_eq!(
        closes_at(t0(), &p, Some(24)),
        Err(WindowError::BelowMinimum {
            hours: 24,
            min_hours: 72
        })
    );
    assert_eq!(closes_at(t0(), &pol(0, false, false), None), Ok(t0()));
    assert_eq!(
        closes_at(Timestamp::MAX, &p, None),
        Err(WindowError::OutOfRange)
    );
}

#[test]
fn serde_names() {
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, StrDeserializer};
    for o in [
        Outcome::Open,
        Outcome::Passed,
        Outcome::Failed,
        Outcome::AwaitingConfirmation,
        Outcome::Abandoned,
    ] {
        let name = o.to_string();
        let de: StrDeserializer<'_, Error> = name.as_str().into_deserializer();
        assert_eq!(Outcome::deserialize(de), Ok(o), "{name}");
    }
    let de: StrDeserializer<'_, Error> = "awaiting-confirmation".into_deserializer();
    assert_eq!(Outcome::deserialize(de), Ok(Outcome::AwaitingConfirmation));
    let de: StrDeserializer<'_, Error> = "-1".into_deserializer();
    assert_eq!(Value::deserialize(de), Ok(Value::Minus));
}

#[test]
fn refusal_messages() {
    let e = CloseRefusal::TooEarly { closes_at: at(72) };
    assert_eq!(
        e.to_string(),
        "the vote cannot be closed before 2024-01-04T00:00:00Z"
    );
    assert_eq!(
        CloseRefusal::AlreadyClosed(Outcome::Passed).to_string(),
        "the vote is already closed: passed"
    );
    assert!(
        CloseRefusal::ManualNeedsDecision
            .to_string()
            .contains("--confirm")
    );
}

/// A stored vote is exactly `+1`, `0` or `-1` (and a review's decision those or `none`): what a
/// person may type (`1`, `+0`) is for the command line, and nothing else reads as a default.
#[test]
fn stored_values_and_decisions_read_only_in_their_one_form() {
    for v in [Value::Plus, Value::Zero, Value::Minus] {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(text, format!("\"{v}\""));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        let d = Decision::Vote(v);
        assert_eq!(serde_json::from_str::<Decision>(&text).unwrap(), d);
        assert_eq!(serde_json::to_string(&d).unwrap(), text);
        assert_eq!(Value::from_number(v.as_number().into()), Some(v));
    }
    assert_eq!(
        serde_json::from_str::<Decision>("\"none\"").unwrap(),
        Decision::Ignore
    );
    assert_eq!(
        serde_json::to_string(&Decision::Ignore).unwrap(),
        "\"none\""
    );
    for bad in [
        "\"+2\"", "\"1\"", "\"+0\"", "\" +1\"", "\"none\"", "1", "null",
    ] {
        let err = serde_json::from_str::<Value>(bad).unwrap_err();
        assert!(!err.to_string().is_empty(), "{bad}");
    }
    let err = serde_json::from_str::<Value>("\"+2\"").unwrap_err();
    assert!(err.to_string().contains("\"+2\" is not a vote"), "{err}");
    for bad in ["\"maybe\"", "\"1\"", "\"None\"", "0"] {
        assert!(serde_json::from_str::<Decision>(bad).is_err(), "{bad}");
    }
    assert_eq!(Value::from_number(2), None);
    // The command line still takes what people type.
    assert_eq!("1".parse::<Value>().unwrap(), Value::Plus);
}
