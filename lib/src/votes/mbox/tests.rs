//! Table tests of the mbox reader: vote lines, message bodies, whole threads.

use super::body::*;
use super::*;

/// The vote of a message body, if any.
fn find_vote(body: &str) -> Option<Value> {
    match read_body(body) {
        BodyReading::Vote(v, _, _) => Some(v),
        _ => None,
    }
}

/// What a body reads as, in short: `+1`, `0`, `-1`, `review`, `template`, `quoted`, `none`.
fn verdict(body: &str) -> String {
    match read_body(body) {
        BodyReading::Vote(v, _, _) => v.to_string(),
        BodyReading::Review(..) => "review".into(),
        BodyReading::Template => "template".into(),
        BodyReading::Quoted => "quoted".into(),
        BodyReading::Nothing => "none".into(),
    }
}

/// Votes anywhere in the sender's own words (#29 item 2), and what is not a vote.
#[test]
fn votes_in_own_words() {
    let table: &[(&str, &str)] = &[
        ("Checked sigs and hashes, so that's a +1 from me.\n", "+1"),
        ("Here is my +1 (binding)\n", "+1"),
        ("my +1 (binding)\n", "+1"),
        ("Thanks Ann! +1, verified everything.\n", "+1"),
        ("I'm -1 on this: the LICENSE misses jquery.\n", "-1"),
        ("Count me as +0, no time.\n", "0"),
        ("-0 from me\n", "0"),
        ("\u{2212}1 (binding): NOTICE is wrong\n", "-1"),
        ("+1\nAgain +1 from me, all good.\n", "+1"),
        // Not votes: phone numbers, URLs, versions, words, time zones, percentages.
        ("Call me at +1 650 555 0100 anytime\n", "none"),
        ("Call +1-650-555-0100 or +1 (650) 555-0100\n", "none"),
        ("See https://example.org/vote/+1 and www.x.org/-1\n", "none"),
        ("Built 1.2.0-1 on rc-1 with n+1 threads\n", "none"),
        ("The meeting is at 10:00 GMT +1\n", "none"),
        ("Coverage went +10 and -1.5 percent, +1% overall\n", "none"),
        ("I found 0 issues\n", "none"),
        ("Looks fine.\n\n-- \nBob, +1 650 555 0100\n+1\n", "none"),
        // Templates: boxes, a +1/0/-1 group, an enumeration on one line.
        (
            "[ ] +1 approve\n[ ] +0 no opinion\n[ ] -1 disapprove\n",
            "template",
        ),
        ("Please vote +1, 0 or -1.\n", "template"),
        (
            "Please vote:\n+1 Release\n0 Don't care\n-1 Don't release because\n\nMy own +1.\n",
            "+1",
        ),
        // Quoted text is someone else's.
        ("Agreed.\n\n> so that's a +1 from me\n", "quoted"),
    ];
    for (body, want) in table {
        assert_eq!(verdict(body), *want, "{body:?}");
    }
}

/// Changes of vote in any wording, withdrawals, and what needs review (#29 items 2 and 3).
#[test]
fn changes_withdrawals_and_reviews() {
    let table: &[(&str, &str)] = &[
        ("I withdraw my -1, the NOTICE was fine after all.\n", "0"),
        ("Please consider my -1 withdrawn.\n", "0"),
        ("-1 retracted: my mistake.\n", "0"),
        ("Scratch my -1, +1 (binding).\n", "+1"),
        ("I retract my earlier -1 and vote +1 instead.\n", "+1"),
        ("I'd like to withdraw my -1.\n", "0"),
        ("Let me change that -1 to a +1.\n", "+1"),
        (
            "-1 because of the LICENSE.\nUpdate: the LICENSE is fine, +1 now.\n",
            "+1",
        ),
        ("I change my -1 to +1\n", "+1"),
        ("Switching to +1, the fix is in.\n", "+1"),
        // Never guess.
        ("+1\n...\n-1\n", "review"),
        ("+1 if the NOTICE gets fixed\n", "review"),
        ("+1 (binding) once the KEYS file is updated\n", "review"),
        ("If the NOTICE is fixed, +1.\n", "review"),
        ("I would be +1 but the year is wrong\n", "review"),
        ("+0.5, I only checked the sigs\n", "review"),
        ("-0.5 from me\n", "review"),
    ];
    for (body, want) in table {
        assert_eq!(verdict(body), *want, "{body:?}");
    }
    // What a review shows: why, and the lines.
    match read_body("Fine by me, +1.\nActually the NOTICE is wrong, -1.\n") {
        BodyReading::Review(why, lines) => {
            assert!(why.contains("different votes"), "{why}");
            assert_eq!(
                lines,
                ["Fine by me, +1.", "Actually the NOTICE is wrong, -1."]
            );
        }
        other => panic!("{other:?}"),
    }
    match read_body("I withdraw my -1.\n") {
        BodyReading::Vote(v, how, lines) => {
            assert_eq!(v, Value::Zero);
            assert_eq!(how.as_deref(), Some("withdrew -1: counts as 0"));
            assert_eq!(lines, ["I withdraw my -1."]);
        }
        other => panic!("{other:?}"),
    }
}

/// An HTML body as a person reads it: blockquotes and Gmail's quote are not the sender's.
#[test]
fn html_bodies() {
    let gmail = r#"<div dir="ltr">+1 (binding), checked sigs.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Ann wrote:<br></div><blockquote class="gmail_quote">-1 from me</blockquote></div>"#;
    assert_eq!(verdict(&html_text(gmail)), "+1", "{}", html_text(gmail));
    let apple = "<html><body>so that&#39;s a &#43;1 from me<div><br><blockquote type=\"cite\">-1 here</blockquote></div></body></html>";
    assert_eq!(verdict(&html_text(apple)), "+1", "{}", html_text(apple));
    let quoted_only = "<p>Agreed</p><blockquote>+1</blockquote>";
    assert_eq!(verdict(&html_text(quoted_only)), "quoted");
}

/// The vote at the start of a trimmed line, if any.
fn vote_line(line: &str) -> Option<Value> {
    vote_token(line).filter(|t| t.1).map(|t| t.0)
}

#[test]
fn vote_lines() {
    let table: &[(&str, Option<Value>)] = &[
        ("+1", Some(Value::Plus)),
        ("+1 (binding)", Some(Value::Plus)),
        ("+1 binding", Some(Value::Plus)),
        ("+1, checked sigs and hashes", Some(Value::Plus)),
        ("+1. Looks good", Some(Value::Plus)),
        ("+1!", Some(Value::Plus)),
        ("-1 (non-binding)", Some(Value::Minus)),
        ("-1: LICENSE is wrong", Some(Value::Minus)),
        ("\u{2212}1", Some(Value::Minus)),
        ("0", Some(Value::Zero)),
        ("+0", Some(Value::Zero)),
        ("-0 not sure", Some(Value::Zero)),
        ("0 (non-binding)", Some(Value::Zero)),
        ("[x] +1 Release this package", Some(Value::Plus)),
        ("[X] -1 Do not release", Some(Value::Minus)),
        ("[ ] +1 Release this package", None),
        ("[] +1", None),
        ("[ ]  0 I don't feel strongly", None),
        ("1", None),
        ("1. checked signatures", None),
        ("0 issues found", None),
        ("+10", None),
        ("+1.5", None),
        ("-0.5 meh", None),
        ("+1x", None),
        ("1.2.0 is out", None),
        ("I am +1", None),
        ("", None),
        ("[", None),
        ("+", None),
    ];
    for (line, want) in table {
        assert_eq!(vote_line(line), *want, "{line:?}");
    }
}

#[test]
fn body_rules() {
    let cases: &[(&str, Option<Value>)] = &[
        ("+1\n", Some(Value::Plus)),
        ("> +1\n", None),
        ("  > +1\n", None),
        ("| +1\n", None),
        ("Hi\n\n-- \nBob\n+1 555 0100\n", None),
        // Two values and no word of a change: never guessed (#29 item 3).
        ("-1\nthen I looked again\n+1\n", None),
        (
            "+1\n\n---------- Forwarded message ---------\n-1\n",
            Some(Value::Plus),
        ),
        ("see below\n-----Original Message-----\n+1\n", None),
        (
            "Please vote:\n\n+1 Release this\n 0 I don't mind\n-1 Do not release because\n",
            None,
        ),
        (
            "+1 Release this\n0 I don't mind\n-1 Do not release\n\nMy vote:\n\n\n\n+1 (binding)\n",
            Some(Value::Plus),
        ),
        (
            "On Mon, Bob wrote:\n> +1\n\n-1 because\n",
            Some(Value::Minus),
        ),
        // A vote announced as a change, as people write it on Apache lists.
        ("Changing my vote to +1\n", Some(Value::Plus)),
        ("I change my vote to +1 (binding)\n", Some(Value::Plus)),
        ("Revising my vote: -1\n", Some(Value::Minus)),
        (
            "-1\n\nOn second thought, changing my vote to +1.\n",
            Some(Value::Plus),
        ),
        (
            "+1 at first\nI've changed my vote to 0, no time to check\n",
            Some(Value::Zero),
        ),
        (
            "So I am changing my vote from -1 to +1 (binding)\n",
            Some(Value::Plus),
        ),
        (
            "Updating my vote to -1: the NOTICE is wrong\n",
            Some(Value::Minus),
        ),
        (
            "The year is fine after all. Changing my vote to +1\n",
            Some(Value::Plus),
        ),
        (
            "Revising my vote: -1, the LICENSE misses jquery\n",
            Some(Value::Minus),
        ),
        ("Changing my vote - -1\n", Some(Value::Minus)),
        // ... but not a change without a value, a conditional, or someone else's words.
        ("I'd change my vote if the NOTICE were fixed\n", None),
        (
            "I would change my vote to +1 if the NOTICE were fixed\n",
            None,
        ),
        ("Changing my vote to +1 once the NOTICE is fixed\n", None),
        ("I will change my vote to +1 later\n", None),
        ("Please change your vote to +1\n", None),
        ("If it gets fixed, I change my vote to +1\n", None),
        (
            "Sorry for changing my vote to +1 so late\n",
            Some(Value::Plus),
        ),
        ("> Changing my vote to +1\n", None),
        (
            "On Tue, Carol wrote:\n> +1 (binding)\n\nThanks for checking.\n",
            None,
        ),
    ];
    for (body, want) in cases {
        assert_eq!(find_vote(body), *want, "{body:?}");
    }
}

fn msg(from: &str, subject: &str, body: &str) -> String {
    format!(
        "From {from} Mon Jan  1 00:00:00 2024\nFrom: {from}\nSubject: {subject}\n\
         Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <{subject}@x>\n\n{body}\n"
    )
}

#[test]
fn malformed() {
    for input in [
        &b""[..],
        b"\n\n",
        b"Subject: hi\n\n+1\n",
        b"From a@b Mon Jan  1 00:00:00 2024\n",
    ] {
        assert!(
            matches!(parse_thread(input), Err(MboxError::Malformed(_))),
            "{input:?}"
        );
    }
}

#[test]
fn result_and_no_vote_are_ignored() {
    let mbox = [
        msg("a@x.org", "[VOTE] x", "+1"),
        msg("B@X.org", "Re: [VOTE] x", "looks fine"),
        msg("c@x.org", "[RESULT][VOTE] x", "+1 (binding): a"),
        msg("d@x.org", "Re: [VOTE] x", "+1 late"),
    ]
    .concat();
    let t = parse_thread(mbox.as_bytes()).unwrap();
    let votes: Vec<&MailMessage> = t.messages.iter().filter(|m| m.vote().is_some()).collect();
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].from_email.as_deref(), Some("a@x.org"));
    assert_eq!(votes[0].message_id.as_deref(), Some("[VOTE] x@x"));
    assert_eq!(votes[0].date, Some("2024-01-01T10:00:00Z".parse().unwrap()));
    let ignored = t.ignored();
    assert_eq!(ignored.len(), 3, "{ignored:?}");
    assert!(ignored[0].contains("b@x.org: no vote line"));
    assert!(ignored[1].contains("[RESULT]"));
    assert!(ignored[2].contains("d@x.org"));
}

/// Every message is read, and says what it gave: the call, votes, replaced votes, templates,
/// quoted votes, nothing, after [RESULT], unreadable.
#[test]
fn every_message_is_read() {
    let mbox = [
        msg(
            "rm@x.org",
            "[VOTE] Release x 1.0",
            "Please vote:\n\n[ ] +1 approve\n[ ]  0 no opinion\n[ ] -1 disapprove\n",
        ),
        msg(
            "a@x.org",
            "Re: [VOTE] Release x 1.0",
            "-1 (binding), NOTICE is wrong",
        ),
        msg(
            "b@x.org",
            "Re: [VOTE] Release x 1.0",
            "Thanks!\n\nOn Mon, rm wrote:\n> [ ] +1 approve\n> [ ]  0 no opinion\n> [ ] -1 no\n",
        ),
        msg(
            "c@x.org",
            "Re: [VOTE] Release x 1.0",
            "Agreed with Alice.\n\nOn Mon, a wrote:\n> -1 (binding), NOTICE is wrong\n",
        ),
        msg(
            "d@x.org",
            "Re: [VOTE] Release x 1.0",
            "I'd change my vote if it were fixed.",
        ),
        msg(
            "a@x.org",
            "Re: [VOTE] Release x 1.0",
            "Fixed upstream: changing my vote to +1",
        ),
        "From nobody Mon Jan  1 00:00:00 2024\nSubject: Re: [VOTE] Release x 1.0\n\n+1\n"
            .to_string(),
        msg("rm@x.org", "[RESULT] [VOTE] Release x 1.0", "+1: a"),
        msg("e@x.org", "Re: [VOTE] Release x 1.0", "+1"),
    ]
    .concat();
    let t = parse_thread(mbox.as_bytes()).unwrap();
    /// (number, sender, call, reading, replaced by)
    type Row<'a> = (usize, Option<&'a str>, bool, Reading, Option<usize>);
    let got: Vec<Row> = t
        .messages
        .iter()
        .map(|m| {
            (
                m.number,
                m.from_email.as_deref(),
                m.call,
                m.reading.clone(),
                m.replaced_by,
            )
        })
        .collect();
    let want = vec![
        (1, Some("rm@x.org"), true, Reading::Template, None),
        (
            2,
            Some("a@x.org"),
            false,
            Reading::Vote(Value::Minus),
            Some(6),
        ),
        (3, Some("b@x.org"), false, Reading::Template, None),
        (4, Some("c@x.org"), false, Reading::Quoted, None),
        (5, Some("d@x.org"), false, Reading::NoVote, None),
        (6, Some("a@x.org"), false, Reading::Vote(Value::Plus), None),
        (
            7,
            None,
            false,
            Reading::Unreadable("no sender address".into()),
            None,
        ),
        (8, Some("rm@x.org"), false, Reading::AfterResult, None),
        (9, Some("e@x.org"), false, Reading::AfterResult, None),
    ];
    assert_eq!(got, want);
    let last: Vec<(Option<&str>, usize, Value)> = last_votes(&t)
        .iter()
        .map(|(m, v)| (m.from_email.as_deref(), m.number, *v))
        .collect();
    assert_eq!(last, vec![(Some("a@x.org"), 6, Value::Plus)]);
}

#[test]
fn the_call_is_the_first_vote_subject_that_is_no_reply() {
    let cases: &[(&str, bool)] = &[
        ("[VOTE] Release Demo 1.2.0 (rc1)", true),
        ("[vote] release demo", true),
        ("[VOTE][LAZY] Release", true),
        ("Re: [VOTE] Release Demo", false),
        ("RE: [VOTE] Release Demo", false),
        ("AW: [VOTE] Release Demo", false),
        ("Fwd: [VOTE] Release Demo", false),
        ("[DISCUSS] Release Demo", false),
        ("", false),
    ];
    for (subject, want) in cases {
        assert_eq!(is_call_subject(subject), *want, "{subject:?}");
    }
}

#[test]
fn from_escapes_and_splitting() {
    // `>From ` in a body is unescaped, not split on; an unescaped `From `
    // after a non-blank line without a year is body text.
    let mbox = "From a@x.org Mon Jan  1 00:00:00 2024\nFrom: a@x.org\nSubject: s\n\n\
                hello\n>From here on\nFrom my side: fine\n+1\n";
    let t = parse_thread(mbox.as_bytes()).unwrap();
    assert_eq!(t.messages.len(), 1);
    assert_eq!(t.messages[0].reading, Reading::Vote(Value::Plus));
    let raw = split_mbox(mbox.as_bytes()).unwrap();
    let body = String::from_utf8_lossy(&raw[0].bytes).to_string();
    assert!(body.contains("\nFrom here on\n"), "{body}");
}

#[test]
fn envelope_sender_fallback_and_multipart() {
    let mbox = "From z@x.org Mon Jan  1 00:00:00 2024\nSubject: s\n\
        Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n\
        Content-Type: text/html\n\n<p>-1</p>\n--b\n\
        Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\
        KzEgKGJpbmRpbmcpCg==\n--b--\n";
    let t = parse_thread(mbox.as_bytes()).unwrap();
    assert_eq!(t.messages.len(), 1, "{:?}", t.ignored());
    assert_eq!(t.messages[0].from_email.as_deref(), Some("z@x.org"));
    assert_eq!(t.messages[0].reading, Reading::Vote(Value::Plus));
}

#[test]
fn last_votes_per_sender() {
    let mbox = [
        msg("b@x.org", "1", "-1"),
        msg("a@x.org", "2", "+1"),
        msg("b@x.org", "3", "+1"),
    ]
    .concat();
    let t = parse_thread(mbox.as_bytes()).unwrap();
    let last: Vec<_> = last_votes(&t)
        .iter()
        .map(|(m, v)| (m.from_email.as_deref(), m.number, *v))
        .collect();
    assert_eq!(
        last,
        vec![
            (Some("a@x.org"), 2, Value::Plus),
            (Some("b@x.org"), 3, Value::Plus)
        ]
    );
    assert_eq!(t.messages[0].replaced_by, Some(3));
    assert_eq!(t.messages[2].replaced_by, None);
}

#[test]
fn fixture_thread() {
    let t = parse_thread(include_bytes!("../../../../fixtures/votes/thread.mbox")).unwrap();
    let got: Vec<(usize, &str, Reading, Option<usize>)> = t
        .messages
        .iter()
        .map(|m| {
            (
                m.number,
                m.from_email.as_deref().unwrap(),
                m.reading.clone(),
                m.replaced_by,
            )
        })
        .collect();
    use Reading::*;
    use Value::*;
    assert_eq!(
        got,
        vec![
            (1, "alice@apache.org", Vote(Plus), None),
            (2, "bob@apache.org", Vote(Plus), None),
            (3, "carol@apache.org", Vote(Minus), Some(5)),
            (4, "dave@apache.org", Vote(Zero), None),
            (5, "carol@apache.org", Vote(Plus), None),
            (6, "eve@example.com", Vote(Plus), None),
            (7, "frank@apache.org", Vote(Plus), None),
            (8, "grace@apache.org", NoVote, None),
            (9, "heidi@apache.org", Vote(Plus), None),
            (10, "alice@apache.org", AfterResult, None),
        ]
    );
    assert!(t.messages[0].call);
    assert!(t.messages.iter().skip(1).all(|m| !m.call));
    assert_eq!(t.messages[0].from_name.as_deref(), Some("Alice Release"));
    assert_eq!(t.messages[0].subject, "[VOTE] Release Demo 1.2.0 (rc1)");
    assert!(t.messages.iter().all(|m| m.date.is_some()));
    let ignored = t.ignored();
    assert_eq!(ignored.len(), 2, "{ignored:?}");
    assert!(ignored[0].contains("grace@apache.org: no vote line"));
    assert!(ignored[1].contains("[RESULT]"));
    let last: Vec<(&str, Value)> = last_votes(&t)
        .iter()
        .map(|(m, v)| (m.from_email.as_deref().unwrap(), *v))
        .collect();
    assert_eq!(
        last,
        vec![
            ("alice@apache.org", Plus),
            ("bob@apache.org", Plus),
            ("carol@apache.org", Plus),
            ("dave@apache.org", Zero),
            ("eve@example.com", Plus),
            ("frank@apache.org", Plus),
            ("heidi@apache.org", Plus),
        ]
    );
}

/// Hostile bodies (#29 item 6): one long line or many lines of tokens, 150 to 500 KiB each.
/// Every search that was made per token or per line over the whole line or body (a retain
/// over the template lines, a filter of the tokens per sentence, `from`/`to` found again per
/// token, the line lower-cased before each token, the rest of the line split per token) made
/// one of these take many minutes (50k tokens, each a search of the whole line); read in one
/// pass each takes about a second in a debug build (200k tokens: twice the time of 100k). No wall clock is asserted: a quadratic path shows as a test that
/// does not end, and the readings are checked.
#[test]
fn hostile_bodies_are_read_in_one_pass() {
    let n = 50_000;
    let cases: Vec<(String, &str)> = vec![
        ("+1 ".repeat(n), "+1"),
        ("+1;".repeat(n), "+1"),
        ("+1. ".repeat(n), "+1"),
        ("+1 binding ".repeat(n / 3), "+1"),
        ("if +1 ".repeat(n / 2), "review"),
        ("GMT +1 ".repeat(n / 2), "none"),
        ("my vote is 0 ".repeat(n / 4), "0"),
        ("changed from -1 to +1 ".repeat(n / 6), "+1"),
        ("withdraw my -1 ".repeat(n / 4), "0"),
        (
            "+1 Release\n0 Don't care\n-1 Do not\n".repeat(n / 10),
            "template",
        ),
        ("> +1\n".repeat(n / 2), "quoted"),
        ("+0.5 ".repeat(n / 2), "review"),
        (format!("+1, {}", "0".repeat(3 * n)), "+1"),
    ];
    for (body, want) in &cases {
        let head: String = body.chars().take(24).collect();
        assert_eq!(verdict(body), *want, "{head:?}…");
    }
    // The review lists a few short lines, whatever the size of the body.
    match read_body(&"+1 if fixed\n".repeat(n / 4)) {
        BodyReading::Review(_, lines) => assert!(lines.len() <= 6, "{lines:?}"),
        other => panic!("{other:?}"),
    }
}

/// A message of many `>From ` lines is copied once (unescaped), and the other messages of the
/// thread stay borrowed from the mbox.
#[test]
fn from_escapes_in_a_long_message() {
    let n = 100_000;
    let mut mbox = String::from("From a@x.org Mon Jan  1 00:00:00 2024\nFrom: a@x.org\n\n");
    mbox.push_str(&">From here\n".repeat(n));
    mbox.push_str("+1\n\nFrom b@x.org Mon Jan  1 00:00:00 2024\nFrom: b@x.org\n\n-1\n");
    let raw = split_mbox(mbox.as_bytes()).unwrap();
    assert_eq!(raw.len(), 2);
    assert!(matches!(raw[0].bytes, Cow::Owned(_)));
    assert!(matches!(raw[1].bytes, Cow::Borrowed(_)));
    let body = String::from_utf8_lossy(&raw[0].bytes);
    assert_eq!(body.lines().filter(|l| *l == "From here").count(), n);
    assert!(!body.contains(">From"));
    let t = parse_thread(mbox.as_bytes()).unwrap();
    assert_eq!(t.messages[0].reading, Reading::Vote(Value::Plus));
    assert_eq!(t.messages[1].reading, Reading::Vote(Value::Minus));
}

mod props {
    use super::super::body::*;
    use super::super::*;
    use super::find_vote;
    use proptest::prelude::*;

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("From a@b.org Mon Jan  1 00:00:00 2024".to_string()),
            Just("From ".to_string()),
            Just(">From x".to_string()),
            Just(String::new()),
            Just("-- ".to_string()),
            Just("+1 (binding)".to_string()),
            Just("[x] -1".to_string()),
            Just("[".to_string()),
            Just("0".to_string()),
            Just("From: \"A\" <a@b.org>".to_string()),
            Just("From: =?utf-8?q?=E2=82?= <".to_string()),
            Just("Subject: [RESULT]".to_string()),
            Just("Date: Mon, 99 Foo 2024 99:99:99 +9999".to_string()),
            Just("Content-Type: multipart/mixed; boundary=b".to_string()),
            Just("Content-Transfer-Encoding: quoted-printable".to_string()),
            Just("Content-Transfer-Encoding: base64".to_string()),
            Just("--b".to_string()),
            Just("=2B1=".to_string()),
            ".*",
            "[ -~]{0,20}",
        ]
    }

    proptest! {
        #[test]
        fn never_panics_on_bytes(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse_thread(&data);
            let mut with_from = b"From a@b Mon Jan  1 00:00:00 2024\n".to_vec();
            with_from.extend_from_slice(&data);
            let _ = parse_thread(&with_from);
        }

        #[test]
        fn never_panics_on_lines(lines in proptest::collection::vec(line(), 0..60), crlf in any::<bool>()) {
            let sep = if crlf { "\r\n" } else { "\n" };
            let text = lines.join(sep);
            let _ = parse_thread(text.as_bytes());
            let with_from = format!("From a@b Mon Jan  1 00:00:00 2024{sep}{text}");
            if let Ok(t) = parse_thread(with_from.as_bytes()) {
                prop_assert!(t.messages.iter().enumerate().all(|(i, m)| m.number == i + 1));
                prop_assert!(t.messages.iter().all(|m| m.replaced_by.is_none() || m.vote().is_some()));
                let _ = last_votes(&t);
            }
        }

        #[test]
        fn vote_line_never_panics(s in ".*") {
            let _ = vote_token(s.trim());
            let _ = find_vote(&s);
        }
    }
}

/// A message from `from` dated `date` (RFC 2822), or undated.
fn dated(from: &str, n: usize, date: Option<&str>, body: &str) -> String {
    let date = date.map(|d| format!("Date: {d}\n")).unwrap_or_default();
    format!("From {from} Mon Jan  1 00:00:00 2024\nFrom: {from}\nSubject: m{n}\n{date}\n{body}\n")
}

#[test]
fn the_window_keeps_out_votes_dated_outside_it() {
    let ts = |s: &str| s.parse::<Timestamp>().unwrap();
    let (opened, closes, now) = (
        ts("2024-01-02T00:00:00Z"),
        ts("2024-01-05T00:00:00Z"),
        ts("2024-01-04T00:00:00Z"),
    );
    let cases = [
        (None, Some(Outside::Undated)),
        (Some("2024-01-01T23:59:59Z"), Some(Outside::BeforeOpen)),
        (Some("2024-01-02T00:00:00Z"), None),
        (Some("2024-01-04T00:00:00Z"), None),
        (Some("2024-01-04T00:00:01Z"), Some(Outside::InFuture)),
        (Some("2024-01-06T00:00:00Z"), Some(Outside::InFuture)),
    ];
    for (date, want) in cases {
        assert_eq!(
            outside_window(date.map(ts), opened, closes, now),
            want,
            "{date:?}"
        );
    }
    // After the end, and before now: late.
    let later = ts("2024-01-09T00:00:00Z");
    assert_eq!(
        outside_window(Some(ts("2024-01-06T00:00:00Z")), opened, closes, later),
        Some(Outside::AfterClose)
    );

    // b's last vote in the window counts; its later ones outside it do not replace it.
    let mbox = [
        dated("b@x.org", 1, Some("Mon, 1 Jan 2024 10:00:00 +0000"), "-1"),
        dated("b@x.org", 2, Some("Tue, 2 Jan 2024 10:00:00 +0000"), "+1"),
        dated("b@x.org", 3, Some("Tue, 2 Jan 2024 11:00:00 +0000"), "0"),
        dated("b@x.org", 4, Some("Mon, 8 Jan 2024 10:00:00 +0000"), "-1"),
        dated("b@x.org", 5, None, "-1"),
    ]
    .concat();
    let mut t = parse_thread(mbox.as_bytes()).unwrap();
    apply_window(&mut t, opened, closes, now);
    let got: Vec<_> = t
        .messages
        .iter()
        .map(|m| (m.number, m.outside, m.replaced_by))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some(Outside::BeforeOpen), None),
            (2, None, Some(3)),
            (3, None, None),
            (4, Some(Outside::InFuture), None),
            (5, Some(Outside::Undated), None),
        ]
    );
    let last: Vec<_> = last_votes(&t).iter().map(|(m, v)| (m.number, *v)).collect();
    assert_eq!(last, [(3, Value::Zero)]);
    assert_eq!(t.ignored().len(), 3, "{:?}", t.ignored());
}

#[test]
fn many_senders_link_their_own_replaced_votes() {
    let mbox: String = (0..2000)
        .map(|i| msg(&format!("u{}@x.org", i % 1000), &format!("s{i}"), "+1"))
        .collect();
    let t = parse_thread(mbox.as_bytes()).unwrap();
    for (i, m) in t.messages.iter().enumerate() {
        let want = (i < 1000).then_some(i + 1001);
        assert_eq!(m.replaced_by, want, "message {}", m.number);
    }
    assert_eq!(last_votes(&t).len(), 1000);
}
