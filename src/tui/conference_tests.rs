//! The screen and the conference (SPEC section 8), driven by messages: K and J move an entry of
//! the opening statements with the President's reason, the lists popup switches, a call is
//! refused while another list has a speaker at the podium, the add form asks for a role.

use super::app::{ListSummary, Model, Popup, update};
use super::fixtures::*;
use super::form::AddField;
use super::msg::Msg;
use crate::domain::{Change, Level, ListKind, Role, Session, Settings, Time};

fn send(m: &mut Model, msgs: &[Msg], now: Time) {
    for msg in msgs {
        update(m, *msg, now);
    }
}

fn type_text(m: &mut Model, text: &str, now: Time) {
    for c in text.chars() {
        update(m, Msg::Char(c), now);
    }
}

fn opening() -> Session {
    let mut s = Session::new(
        "Opening statements",
        Settings::for_kind(ListKind::Opening),
        at("2022-09-05T09:00:00+02:00"),
    );
    s.kind = ListKind::Opening;
    add(
        &mut s,
        "Ecuador",
        "H.E. Mr. A",
        Level::HeadOfState,
        "2022-10-01T10:00:00+02:00",
    );
    add(
        &mut s,
        "Peru",
        "Ms. B",
        Level::Delegate,
        "2022-10-02T10:00:00+02:00",
    );
    add(
        &mut s,
        "Chile",
        "Mr. C",
        Level::Delegate,
        "2022-10-03T10:00:00+02:00",
    );
    s
}

fn order(m: &Model) -> Vec<String> {
    m.queue
        .iter()
        .filter_map(|id| m.session.entry(*id).map(|e| e.delegation.clone()))
        .collect()
}

#[test]
fn r11_j_asks_the_reason_then_moves_the_selected_entry_down_and_logs_it() {
    let mut m = model(opening(), t0());
    send(&mut m, &[Msg::Top, Msg::MoveDown], t0());
    assert!(matches!(m.popup, Popup::Input { .. }), "asks the reason");
    // No reason, no move.
    update(&mut m, Msg::Submit, t0());
    assert_eq!(order(&m), ["Ecuador", "Peru", "Chile"]);
    type_text(&mut m, "the Head of State is delayed", t0());
    update(&mut m, Msg::Submit, t0());
    assert_eq!(m.popup, Popup::None);
    assert_eq!(order(&m), ["Peru", "Ecuador", "Chile"]);
    assert_eq!(m.selected, 1, "the moved entry stays selected");
    let rec = m.session.log.last().expect("logged");
    assert_eq!(rec.what, Change::Moved);
    assert!(
        m.why
            .iter()
            .any(|l| l.contains("the Head of State is delayed")),
        "{:?}",
        m.why
    );
    // K brings it back up; undo takes the move back.
    send(&mut m, &[Msg::MoveUp], t0());
    type_text(&mut m, "arrived", t0());
    update(&mut m, Msg::Submit, t0());
    assert_eq!(order(&m), ["Ecuador", "Peru", "Chile"]);
    update(&mut m, Msg::Undo, t0());
    assert_eq!(order(&m), ["Peru", "Ecuador", "Chile"]);
}

#[test]
fn r11_k_and_j_are_refused_on_a_general_list_and_at_the_ends_of_the_queue() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::MoveDown, t0());
    assert!(
        m.status.error && m.status.text.starts_with("R11"),
        "{:?}",
        m.status
    );
    assert_eq!(m.popup, Popup::None);
    let mut m = model(opening(), t0());
    send(&mut m, &[Msg::Top, Msg::MoveUp], t0());
    assert!(m.status.error, "{:?}", m.status);
    assert_eq!(m.popup, Popup::None);
}

#[test]
fn a_call_is_refused_while_another_list_has_a_speaker_at_the_podium() {
    let mut m = model(opening(), t0());
    m.floor_elsewhere =
        Some("#1 Peru is at the podium on the list \"General\": end that speech first".into());
    let before = m.session.clone();
    let effects = update(&mut m, Msg::Next, t0());
    assert!(!effects.save);
    assert!(m.status.error && m.status.text.contains("end that speech first"));
    assert_eq!(m.session, before, "nothing changed");
    m.floor_elsewhere = None;
    assert!(update(&mut m, Msg::Next, t0()).save);
}

#[test]
fn starting_the_clock_of_a_speaker_called_is_refused_while_another_list_has_the_floor() {
    let mut m = model(opening(), t0());
    m.session.settings.start_on_call = false;
    assert!(update(&mut m, Msg::Next, t0()).save);
    assert!(m.session.speech.as_ref().is_some_and(|sp| sp.not_started()));
    m.floor_elsewhere =
        Some("#1 Peru is at the podium on the list \"General\": end that speech first".into());
    let before = m.session.clone();
    let effects = update(&mut m, Msg::Pause, t0());
    assert!(!effects.save);
    assert!(m.status.error && m.status.text.contains("end that speech first"));
    assert_eq!(m.session, before, "the clock did not start");
    // Once the other speech is over, Space starts it.
    m.floor_elsewhere = None;
    assert!(update(&mut m, Msg::Pause, t0()).save);
    assert!(m.session.speech.as_ref().is_some_and(|sp| sp.running));
}

#[test]
fn the_lists_popup_switches_to_another_list_and_not_to_an_unreadable_one() {
    let mut m = model(opening(), t0());
    update(&mut m, Msg::Lists, t0());
    assert_eq!(
        m.popup,
        Popup::None,
        "a list alone in its folder: nothing to choose"
    );
    m.conference = vec![
        ListSummary {
            name: "1-opening.json".into(),
            title: "Opening statements".into(),
            kind: Some(ListKind::Opening),
            ..ListSummary::default()
        },
        ListSummary {
            name: "2-general.json".into(),
            title: "General discussion".into(),
            kind: Some(ListKind::General),
            ..ListSummary::default()
        },
        ListSummary {
            name: "3-broken.json".into(),
            error: Some("unreadable: broken at line 1".into()),
            ..ListSummary::default()
        },
    ];
    send(&mut m, &[Msg::Lists, Msg::Down, Msg::Down], t0());
    assert_eq!(update(&mut m, Msg::Submit, t0()).switch, None);
    assert!(
        m.status.error && m.status.text.contains("broken"),
        "{:?}",
        m.status
    );
    send(&mut m, &[Msg::Lists, Msg::Down], t0());
    // The loop performs the switch (it holds the other lists).
    assert_eq!(update(&mut m, Msg::Submit, t0()).switch, Some(1));
    assert_eq!(m.popup, Popup::None);
    // Enter on the list shown changes nothing.
    send(&mut m, &[Msg::Lists], t0());
    assert_eq!(update(&mut m, Msg::Submit, t0()).switch, None);
}

#[test]
fn r11_the_add_form_of_an_opening_list_asks_for_the_role() {
    let mut m = model(opening(), t0());
    update(&mut m, Msg::Add, t0());
    let Popup::Add(form) = &m.popup else {
        panic!("the add form");
    };
    assert!(
        form.visible_fields(&m.session, t0())
            .contains(&AddField::Role)
    );
    type_text(&mut m, "Austria", t0());
    send(&mut m, &[Msg::FocusNext], t0());
    type_text(&mut m, "H.E. Ms. Huber", t0());
    // Speaker -> Level -> Role: the outgoing President.
    send(&mut m, &[Msg::FocusNext, Msg::FocusNext, Msg::Right], t0());
    update(&mut m, Msg::Submit, t0());
    assert_eq!(m.popup, Popup::None, "{:?}", m.status);
    assert_eq!(order(&m).first().map(String::as_str), Some("Austria"));
    let first = m.queue.first().and_then(|id| m.session.entry(*id));
    assert_eq!(first.and_then(|e| e.role), Some(Role::OutgoingPresident));
    // On the general discussion there is no role to give.
    let g = model(twelve(), t0());
    let form = super::form::AddForm::new();
    assert!(
        !form
            .visible_fields(&g.session, t0())
            .contains(&AddField::Role)
    );
}
