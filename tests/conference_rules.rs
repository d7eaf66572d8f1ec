//! The rules of the opening statements (R11) and of the right of reply (R12), SPEC section 8,
//! one test (at least) for each, named after the rule.

use podium::domain::{
    Change, Group, Inscription, Level, ListKind, Role, RuleError, Session, Setting, Settings,
    Status, Time, parse_time,
};

fn t(s: &str) -> Time {
    parse_time(s).expect("test time")
}

const NOW: &str = "2022-10-14T09:00:00+02:00";

fn list(kind: ListKind) -> Session {
    let mut s = Session::new(
        "COP11",
        Settings::for_kind(kind),
        t("2022-09-01T09:00:00+02:00"),
    );
    s.kind = kind;
    s
}

/// The opening statements, with the high-level deadline of R11: noon on Friday 7 October 2022.
fn opening() -> Session {
    let mut s = list(ListKind::Opening);
    s.set(
        Setting::HighLevelDeadline(Some(t("2022-10-07T12:00:00+02:00"))),
        t(NOW),
    )
    .expect("deadline set");
    s
}

fn ins(delegation: &str, level: Level, at: &str) -> Inscription {
    Inscription {
        requested_at: Some(t(at)),
        ..Inscription::new(delegation, &format!("Speaker of {delegation}"), level)
    }
}

fn add(s: &mut Session, i: Inscription, role: Option<Role>) -> u64 {
    s.add_as(i, role, t(NOW))
        .expect("inscription accepted")
        .entry
        .expect("an id")
}

fn order(s: &Session) -> Vec<String> {
    s.queue().iter().map(|e| e.delegation.clone()).collect()
}

/// ED, Head of State, chair, incoming President, outgoing President, in that order of request.
fn the_five(s: &mut Session) -> [u64; 5] {
    let ed = add(
        s,
        ins(
            "UNODC",
            Level::HeadOfDelegation,
            "2022-10-01T10:00:00+02:00",
        ),
        Some(Role::ExecutiveHead),
    );
    let hos = add(
        s,
        ins("Ecuador", Level::HeadOfState, "2022-10-02T10:00:00+02:00"),
        None,
    );
    let chair = add(
        s,
        Inscription {
            chair_of: Some(Group::African),
            ..ins(
                "Nigeria",
                Level::HeadOfDelegation,
                "2022-10-03T10:00:00+02:00",
            )
        },
        None,
    );
    let incoming = add(
        s,
        ins("Thailand", Level::Minister, "2022-10-04T10:00:00+02:00"),
        Some(Role::IncomingPresident),
    );
    let outgoing = add(
        s,
        ins(
            "Austria",
            Level::HeadOfDelegation,
            "2022-10-05T10:00:00+02:00",
        ),
        Some(Role::OutgoingPresident),
    );
    [ed, hos, chair, incoming, outgoing]
}

#[test]
fn r11_the_opening_statements_go_by_class_whatever_the_order_of_request() {
    let mut s = opening();
    the_five(&mut s);
    assert_eq!(
        order(&s),
        ["Austria", "Thailand", "UNODC", "Ecuador", "Nigeria"],
        "outgoing President, incoming President, Executive Director, Head of State, chair"
    );
    // Everyone has five minutes, the chair too.
    assert!(s.queue().iter().all(|e| e.limit_seconds == 300));
    assert!(!s.settings.observers_last);
    // A minister with no role is in the sixth class, after the chairs.
    add(
        &mut s,
        ins("Italy", Level::Minister, "2022-09-10T10:00:00+02:00"),
        None,
    );
    assert_eq!(order(&s).last().map(String::as_str), Some("Italy"));
}

#[test]
fn r11_a_head_of_state_requested_after_the_high_level_deadline_is_refused_without_late() {
    let mut s = opening();
    let late = ins("Ecuador", Level::HeadOfState, "2022-10-08T10:00:00+02:00");
    let err = s.add_as(late.clone(), None, t(NOW)).expect_err("refused");
    assert!(matches!(err, RuleError::HighLevelLate { .. }), "{err}");
    assert!(err.to_string().starts_with("R11"), "{err}");
    assert!(
        err.to_string().contains("2022-10-07 12:00"),
        "names the deadline: {err}"
    );
    assert!(s.entries.is_empty(), "nothing added");
    // With the President's reason it goes in, and the reason is kept.
    let id = add(
        &mut s,
        Inscription {
            late: Some("accepted by the President".into()),
            ..late
        },
        None,
    );
    assert_eq!(
        s.entry(id).and_then(|e| e.late_reason.clone()).as_deref(),
        Some("accepted by the President")
    );
    // The deadline is for high-level speakers only: a chair may register later.
    add(
        &mut s,
        Inscription {
            chair_of: Some(Group::Weog),
            ..ins(
                "Canada",
                Level::HeadOfDelegation,
                "2022-10-12T10:00:00+02:00",
            )
        },
        None,
    );
}

#[test]
fn r11_move_puts_an_entry_at_place_n_logs_the_reason_and_later_entries_go_in_by_class() {
    let mut s = opening();
    let [_, hos, chair, ..] = the_five(&mut s);
    let done = s
        .move_to(chair, 1, "the Chair must leave for the airport", t(NOW))
        .expect("moved");
    assert!(done.message.contains("place 1"), "{}", done.message);
    assert_eq!(
        order(&s),
        ["Nigeria", "Austria", "Thailand", "UNODC", "Ecuador"]
    );
    assert_eq!(s.position(chair), Some(1), "position agrees with the queue");
    let rec = s.log.last().expect("logged");
    assert_eq!(rec.what, Change::Moved);
    assert_eq!(
        rec.reason.as_deref(),
        Some("the Chair must leave for the airport")
    );
    assert!(
        s.why(chair)
            .iter()
            .any(|l| l.contains("the Chair must leave for the airport")),
        "the why panel tells it: {:?}",
        s.why(chair)
    );
    // A later Head of State goes in by class (after Ecuador, before nobody: last); the moved
    // chair stays first.
    add(
        &mut s,
        ins("Chile", Level::HeadOfState, "2022-10-06T10:00:00+02:00"),
        None,
    );
    assert_eq!(
        order(&s),
        [
            "Nigeria", "Austria", "Thailand", "UNODC", "Ecuador", "Chile"
        ]
    );
    // An earlier Head of State goes in front of the first unmoved entry after it by class and
    // time: before Ecuador; the moved chair does not move.
    add(
        &mut s,
        ins("Ghana", Level::HeadOfState, "2022-10-01T09:00:00+02:00"),
        None,
    );
    assert_eq!(
        order(&s),
        [
            "Nigeria", "Austria", "Thailand", "UNODC", "Ghana", "Ecuador", "Chile"
        ]
    );
    assert_eq!(s.position(hos), Some(6));
    // Places outside 1..=waiting are refused; nothing changes.
    let before = s.clone();
    for to in [0, 8] {
        let err = s.move_to(hos, to, "x", t(NOW)).expect_err("refused");
        assert!(matches!(err, RuleError::MoveOutOfRange { .. }), "{err}");
    }
    assert_eq!(s, before);
    // A move to the entry's own place is accepted and counts as moved.
    s.move_to(hos, 6, "stays", t(NOW)).expect("accepted");
    assert!(s.entry(hos).is_some_and(|e| e.moved));
}

#[test]
fn r11_move_on_a_general_list_and_a_role_on_a_reply_list_are_refused() {
    let mut g = list(ListKind::General);
    let id = add(
        &mut g,
        ins("Peru", Level::Delegate, "2022-10-01T10:00:00+02:00"),
        None,
    );
    let err = g.move_to(id, 1, "a reason", t(NOW)).expect_err("refused");
    assert!(err.to_string().starts_with("R11"), "{err}");
    assert!(err.to_string().contains("R2"), "{err}");
    let mut r = list(ListKind::Reply);
    let err = r
        .add_as(
            ins("Peru", Level::Delegate, "2022-10-01T10:00:00+02:00"),
            Some(Role::ExecutiveHead),
            t(NOW),
        )
        .expect_err("refused");
    assert!(err.to_string().starts_with("R11"), "{err}");
    assert!(r.entries.is_empty());
}

#[test]
fn r11_a_swap_on_the_opening_list_exchanges_places_and_keeps_each_moved_mark() {
    let mut s = opening();
    let a = add(
        &mut s,
        ins("Peru", Level::Delegate, "2022-10-01T10:00:00+02:00"),
        None,
    );
    let b = add(
        &mut s,
        ins("Chile", Level::Delegate, "2022-10-02T10:00:00+02:00"),
        None,
    );
    s.move_to(a, 1, "kept first", t(NOW)).expect("moved");
    s.swap(a, b, None, t(NOW)).expect("swapped");
    assert_eq!(order(&s), ["Chile", "Peru"]);
    assert!(s.entry(a).is_some_and(|e| e.moved));
    assert!(s.entry(b).is_some_and(|e| !e.moved));
}

#[test]
fn r12_a_third_reply_is_refused_and_the_first_and_second_get_ten_and_five_minutes() {
    let mut s = list(ListKind::Reply);
    let first = add(
        &mut s,
        ins("Ghana", Level::Delegate, "2022-10-17T17:00:00+02:00"),
        None,
    );
    let other = add(
        &mut s,
        ins("Kenya", Level::Minister, "2022-10-17T17:01:00+02:00"),
        None,
    );
    // Any case: the same delegation.
    let second = add(
        &mut s,
        ins("GHANA", Level::Delegate, "2022-10-17T17:02:00+02:00"),
        None,
    );
    let e = |id| s.entry(id).expect("entry");
    assert_eq!((e(first).reply, e(first).limit_seconds), (Some(1), 600));
    assert_eq!((e(second).reply, e(second).limit_seconds), (Some(2), 300));
    assert_eq!(e(other).reply, Some(1));
    // No priority tier: the minister waits behind the first reply.
    assert_eq!(order(&s), ["Ghana", "Kenya", "GHANA"]);
    let err = s
        .add(
            ins("ghana", Level::Delegate, "2022-10-17T17:03:00+02:00"),
            t(NOW),
        )
        .expect_err("a third reply");
    assert!(matches!(err, RuleError::ThirdReply { .. }), "{err}");
    assert!(err.to_string().starts_with("R12"), "{err}");
    // A chair's limit does not apply to a reply.
    let chair = add(
        &mut s,
        Inscription {
            chair_of: Some(Group::African),
            ..ins("Egypt", Level::Delegate, "2022-10-17T17:04:00+02:00")
        },
        None,
    );
    assert_eq!(s.entry(chair).map(|e| e.limit_seconds), Some(600));
    // A withdrawn reply frees its number.
    s.withdraw(second, None, t(NOW)).expect("withdrawn");
    let again = add(
        &mut s,
        ins("Ghana", Level::Delegate, "2022-10-17T17:05:00+02:00"),
        None,
    );
    assert_eq!(s.entry(again).and_then(|e| e.reply), Some(2));
    assert_eq!(s.count(Status::Waiting), 4);
}

#[test]
fn r12_the_limits_follow_the_settings_of_the_reply_list() {
    let mut s = list(ListKind::Reply);
    let a = add(
        &mut s,
        ins("Peru", Level::Delegate, "2022-10-17T17:00:00+02:00"),
        None,
    );
    let b = add(
        &mut s,
        ins("Peru", Level::Delegate, "2022-10-17T17:01:00+02:00"),
        None,
    );
    s.set(Setting::SecondLimit(240), t(NOW)).expect("set");
    s.set(Setting::Limit(480), t(NOW)).expect("set");
    assert_eq!(s.entry(a).map(|e| e.limit_seconds), Some(480));
    assert_eq!(s.entry(b).map(|e| e.limit_seconds), Some(240));
}

#[test]
fn r11_a_reinstated_opening_entry_is_seated_by_the_rule_for_a_new_entry_and_loses_its_move() {
    let mut s = opening();
    let [_, hos, chair, ..] = the_five(&mut s);
    // The President put the Head of State first; then Ecuador withdrew.
    s.move_to(hos, 1, "leaves early", t(NOW)).expect("moved");
    assert_eq!(order(&s)[0], "Ecuador");
    s.withdraw(hos, None, t(NOW)).expect("withdrawn");
    // The chair is moved too: a moved entry stays where it was put.
    s.move_to(chair, 4, "asked to speak later", t(NOW))
        .expect("moved");
    let before_chair = s.position(chair);
    s.reinstate(hos, None, t(NOW)).expect("reinstated");
    // Class 5 (Head of State) after the outgoing, incoming President and executive head: in
    // front of nobody unmoved that comes after it, so last; not first where it was moved.
    assert_eq!(
        order(&s),
        ["Austria", "Thailand", "UNODC", "Nigeria", "Ecuador"]
    );
    assert_eq!(s.position(chair), before_chair, "the moved chair stays");
    assert!(s.entry(hos).is_some_and(|e| !e.moved), "no longer moved");
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn r12_reinstating_a_reply_is_refused_when_the_delegation_already_replies_twice() {
    let mut s = list(ListKind::Reply);
    let first = add(
        &mut s,
        ins("Ghana", Level::Delegate, "2022-10-17T17:00:00+02:00"),
        None,
    );
    add(
        &mut s,
        ins("Ghana", Level::Delegate, "2022-10-17T17:01:00+02:00"),
        None,
    );
    assert!(
        s.problems().is_empty(),
        "two replies are sound: {:?}",
        s.problems()
    );
    s.withdraw(first, None, t(NOW)).expect("withdrawn");
    add(
        &mut s,
        ins("Ghana", Level::Delegate, "2022-10-17T17:02:00+02:00"),
        None,
    );
    let before = s.clone();
    let err = s.reinstate(first, None, t(NOW)).expect_err("a third reply");
    assert!(matches!(err, RuleError::ThirdReply { .. }), "{err}");
    assert_eq!(s, before);
    // A reply number on a general list, or a third number, is a contradiction.
    let mut g = list(ListKind::General);
    add(
        &mut g,
        ins("Ghana", Level::Delegate, "2022-10-17T17:00:00+02:00"),
        None,
    );
    g.entries[0].reply = Some(1);
    assert!(!g.problems().is_empty());
    s.entries[1].reply = Some(3);
    assert!(!s.problems().is_empty());
}
