//! The screen driven by messages: every change goes through the session's commands and asks
//! the loop to save; refusals say why and change nothing.

use super::app::{Effects, InputFor, Model, Popup, Question, update};
use super::fixtures::*;
use super::form::AddField;
use super::keymap::KeyMode;
use super::msg::Msg;
use crate::app::desk::recover;
use crate::domain::{Level, Status, Time};

fn send(m: &mut Model, msgs: &[Msg], now: Time) -> Effects {
    let mut last = Effects::default();
    for msg in msgs {
        last = update(m, *msg, now);
    }
    last
}

fn type_text(m: &mut Model, text: &str, now: Time) {
    for c in text.chars() {
        update(m, Msg::Char(c), now);
    }
}

fn select(m: &mut Model, delegation: &str) {
    let i = m
        .queue
        .iter()
        .position(|id| {
            m.session
                .entry(*id)
                .is_some_and(|e| e.delegation == delegation)
        })
        .expect("the delegation is waiting");
    update(m, Msg::Top, t0());
    for _ in 0..i {
        update(m, Msg::Down, t0());
    }
    assert_eq!(m.selected, i);
}

#[test]
fn add_through_the_form_with_completion_saves_once() {
    let mut m = model(session(), t0());
    update(&mut m, Msg::Add, t0());
    assert_eq!(m.key_mode(), KeyMode::Form);
    type_text(&mut m, "keny", t0());
    // Tab takes the suggestion and moves to the speaker.
    send(&mut m, &[Msg::FocusNext], t0());
    type_text(&mut m, "Ms. Wanjiru Kamau", t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert!(e.save, "a change is saved");
    assert_eq!(m.popup, Popup::None);
    assert_eq!(m.queue.len(), 1);
    let entry = m.session.entry(m.queue[0]).expect("the new entry");
    assert_eq!(entry.delegation, "Kenya");
    assert_eq!(entry.speaker, "Ms. Wanjiru Kamau");
    assert_eq!(entry.requested_at, t0());
    assert!(!m.status.error);
}

#[test]
fn the_add_form_shows_errors_beside_the_fields_and_saves_nothing() {
    let mut m = model(session(), t0());
    update(&mut m, Msg::Add, t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert!(!e.save);
    let Popup::Add(f) = &m.popup else {
        panic!("the form stays open")
    };
    assert!(f.error(AddField::Delegation).is_some());
    assert!(f.error(AddField::Speaker).is_some());
    assert!(m.session.entries.is_empty());
}

#[test]
fn a_late_request_asks_for_the_reason_only_outside_the_window() {
    let mut m = model(session(), t0());
    update(&mut m, Msg::Add, t0());
    type_text(&mut m, "Kenya", t0());
    update(&mut m, Msg::FocusNext, t0());
    type_text(&mut m, "Ms. Kamau", t0());
    let Popup::Add(f) = &m.popup else { panic!() };
    assert!(
        !f.visible_fields(&m.session, t0())
            .contains(&AddField::LateReason)
    );
    // 12:30 is after the list closed at noon.
    for _ in 0..5 {
        update(&mut m, Msg::FocusNext, t0());
    }
    type_text(&mut m, "12:30", t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert!(!e.save);
    let Popup::Add(f) = &m.popup else { panic!() };
    assert_eq!(f.focus, AddField::LateReason);
    assert!(
        f.error(AddField::LateReason)
            .is_some_and(|e| e.contains("window"))
    );
    type_text(&mut m, "accepted by the President", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(
        m.session.entries[0].late_reason.as_deref(),
        Some("accepted by the President")
    );
}

#[test]
fn a_duplicate_is_refused_beside_the_delegation() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Add, t0());
    type_text(&mut m, "Kenya", t0());
    update(&mut m, Msg::FocusNext, t0());
    type_text(&mut m, "Someone else", t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert!(!e.save);
    let Popup::Add(f) = &m.popup else { panic!() };
    assert!(
        f.error(AddField::Delegation)
            .is_some_and(|e| e.contains("already has entry"))
    );
}

#[test]
fn swap_is_refused_across_levels_with_the_rules_message() {
    let mut m = model(twelve(), t0());
    select(&mut m, "Egypt");
    update(&mut m, Msg::Swap, t0());
    assert_eq!(m.key_mode(), KeyMode::Swap);
    select(&mut m, "Brazil");
    let before = m.queue.clone();
    let e = update(&mut m, Msg::Swap, t0());
    assert!(!e.save);
    assert!(m.status.error);
    assert!(m.status.text.contains("R5"), "{}", m.status.text);
    assert_eq!(m.queue, before);
    // Esc cancels the swap.
    update(&mut m, Msg::Close, t0());
    assert_eq!(m.key_mode(), KeyMode::Main);
}

#[test]
fn swap_at_the_same_level_exchanges_the_places() {
    let mut m = model(twelve(), t0());
    select(&mut m, "Egypt");
    let egypt = m.selected_id().expect("Egypt");
    let egypt_place = m.selected;
    update(&mut m, Msg::Swap, t0());
    select(&mut m, "Kenya");
    let kenya = m.selected_id().expect("Kenya");
    let kenya_place = m.selected;
    // The second s asks the time of the written notice; Enter (empty: now) swaps.
    assert!(!update(&mut m, Msg::Swap, t0()).save);
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.queue[egypt_place], kenya);
    assert_eq!(m.queue[kenya_place], egypt);
    assert_eq!(m.swap_mark, None);
}

#[test]
fn replace_downgrading_a_minister_requeues_in_the_general_tier() {
    let mut m = model(twelve(), t0());
    select(&mut m, "Italy");
    let italy = m.selected_id().expect("Italy");
    assert!(m.selected < 4, "a minister is in the priority tier");
    update(&mut m, Msg::Replace, t0());
    type_text(&mut m, "Mr. Paolo Rossi", t0());
    update(&mut m, Msg::FocusNext, t0());
    // Minister -> Deputy Minister: one step down the ladder, out of the priority tier.
    update(&mut m, Msg::Right, t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert!(e.save, "{:?}", m.status);
    let entry = m.session.entry(italy).expect("Italy");
    assert_eq!(entry.level, Level::DeputyMinister);
    assert_eq!(entry.queued_at, t0(), "R4: re-queued at the notice time");
    // Last of the parties: only the observer (UNODC) comes after it.
    let place = m.queue.iter().position(|id| *id == italy).expect("waiting");
    assert_eq!(place, m.queue.len() - 2);
}

#[test]
fn next_calls_the_first_waiting_and_the_timer_runs() {
    let mut m = model(twelve(), t0());
    let first = m.queue[0];
    assert!(update(&mut m, Msg::Next, t0()).save);
    let speech = m.session.speech.as_ref().expect("a speech");
    assert_eq!(speech.entry, first);
    assert!(speech.running);
    assert_eq!(m.session.remaining(secs(t0(), 10)), Some(170));
    assert_eq!(m.queue.len(), 11);
}

#[test]
fn space_pauses_and_resumes_and_p_is_a_point_of_order() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    assert!(update(&mut m, Msg::Pause, secs(t0(), 20)).save);
    assert_eq!(m.session.speech.as_ref().map(|s| s.running), Some(false));
    assert_eq!(m.session.remaining(secs(t0(), 500)), Some(160));
    update(&mut m, Msg::Pause, secs(t0(), 500));
    assert_eq!(m.session.remaining(secs(t0(), 510)), Some(150));
    update(&mut m, Msg::PointOfOrder, secs(t0(), 510));
    let s = m.session.speech.as_ref().expect("a speech");
    assert!(s.point_of_order && !s.running);
}

#[test]
fn overtime_rings_the_bell_once_at_zero() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    assert!(!update(&mut m, Msg::Tick, secs(t0(), 179)).bell);
    assert!(update(&mut m, Msg::Tick, secs(t0(), 180)).bell);
    assert!(!update(&mut m, Msg::Tick, secs(t0(), 181)).bell);
    assert!(!update(&mut m, Msg::Tick, secs(t0(), 240)).bell);
    assert_eq!(m.session.remaining(secs(t0(), 192)), Some(-12));
}

#[test]
fn extra_time_and_undo_redo_across_a_hundred_steps() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    let id = m.session.speech.as_ref().expect("a speech").entry;
    for _ in 0..100 {
        assert!(update(&mut m, Msg::MoreTime, t0()).save);
    }
    assert_eq!(
        m.session.entry(id).map(|e| e.limit_seconds),
        Some(180 + 3000)
    );
    for _ in 0..100 {
        assert!(update(&mut m, Msg::Undo, t0()).save, "{:?}", m.status);
    }
    assert_eq!(m.session.entry(id).map(|e| e.limit_seconds), Some(180));
    for _ in 0..100 {
        assert!(update(&mut m, Msg::Redo, t0()).save);
    }
    assert_eq!(m.session.entry(id).map(|e| e.limit_seconds), Some(3180));
    // One more undo of the call itself, then of nothing.
    for _ in 0..100 {
        update(&mut m, Msg::Undo, t0());
    }
    assert!(update(&mut m, Msg::Undo, t0()).save, "undo the call");
    assert!(m.session.speech.is_none());
    let e = update(&mut m, Msg::Undo, t0());
    assert!(!e.save);
    assert!(m.status.error);
    // Undo and redo are logged like any change.
    assert!(
        m.session
            .log
            .iter()
            .filter(|r| r.what == crate::domain::Change::Undone)
            .count()
            >= 101
    );
}

#[test]
fn withdraw_asks_first() {
    let mut m = model(twelve(), t0());
    let id = m.queue[0];
    update(&mut m, Msg::Withdraw, t0());
    assert!(matches!(
        m.popup,
        Popup::Input {
            purpose: InputFor::WithdrawNotice(x),
            ..
        } if x == id
    ));
    assert!(!update(&mut m, Msg::No, t0()).save);
    assert_eq!(m.queue[0], id);
    update(&mut m, Msg::Withdraw, t0());
    assert!(update(&mut m, Msg::Yes, t0()).save);
    assert_eq!(
        m.session.entry(id).map(|e| e.status),
        Some(Status::Withdrawn)
    );
}

#[test]
fn quit_asks_only_while_a_timer_runs() {
    let mut m = model(twelve(), t0());
    assert!(update(&mut m, Msg::Quit, t0()).quit);
    update(&mut m, Msg::Next, t0());
    let e = update(&mut m, Msg::Quit, t0());
    assert!(!e.quit);
    assert_eq!(m.popup, Popup::Confirm(Question::Quit));
    assert!(update(&mut m, Msg::Yes, t0()).quit);
}

#[test]
fn q_while_not_saved_asks_changes_are_not_saved_quit_anyway() {
    let mut m = model(twelve(), t0());
    m.not_saved = Some("NOT SAVED: cannot write s.json (disk full)".into());
    let e = update(&mut m, Msg::Quit, t0());
    assert!(!e.quit, "quit at once with changes not saved");
    assert_eq!(m.popup, Popup::Confirm(Question::Quit));
    let shown = crate::tui::fixtures::screen_text(&m, t0());
    assert!(
        shown.contains("Changes are NOT SAVED. Quit anyway? (y/n)"),
        "{shown}"
    );
    // n keeps the screen; y quits.
    update(&mut m, Msg::No, t0());
    assert_eq!(m.popup, Popup::None);
    update(&mut m, Msg::Quit, t0());
    assert!(update(&mut m, Msg::Yes, t0()).quit);
}

#[test]
fn esc_closes_every_popup() {
    let mut m = model(twelve(), t0());
    for open in [
        Msg::Add,
        Msg::Replace,
        Msg::Find,
        Msg::Message,
        Msg::Settings,
        Msg::Help,
        Msg::Withdraw,
        Msg::Report,
    ] {
        update(&mut m, open, t0());
        assert_ne!(m.popup, Popup::None, "{open:?} opens a popup");
        update(&mut m, Msg::Close, t0());
        assert_eq!(m.popup, Popup::None, "{open:?} closes with Esc");
    }
    update(&mut m, Msg::Presenter, t0());
    assert_eq!(m.key_mode(), KeyMode::Presenter);
    update(&mut m, Msg::Close, t0());
    assert_eq!(m.key_mode(), KeyMode::Main);
}

#[test]
fn find_selects_a_delegation_ignoring_accents() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Find, t0());
    type_text(&mut m, "cote", t0());
    update(&mut m, Msg::Submit, t0());
    let e = m
        .selected_id()
        .and_then(|id| m.session.entry(id))
        .expect("selected");
    assert_eq!(e.delegation, "Côte d'Ivoire");
    assert!(!m.why.is_empty());
}

#[test]
fn settings_are_edited_through_parse_setting_and_set() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Settings, t0());
    // changeover is the third setting.
    send(&mut m, &[Msg::Down, Msg::Down, Msg::Submit], t0());
    for _ in 0..10 {
        update(&mut m, Msg::Backspace, t0());
    }
    type_text(&mut m, "45s", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.settings.changeover_seconds, 45);
    // A bad value is refused inside the popup, nothing saved.
    send(&mut m, &[Msg::Submit], t0());
    type_text(&mut m, "x", t0());
    assert!(!update(&mut m, Msg::Submit, t0()).save);
    assert!(matches!(&m.popup, Popup::Input { error: Some(_), .. }));
    update(&mut m, Msg::Close, t0());
    update(&mut m, Msg::Close, t0());
    assert_eq!(m.popup, Popup::None);
}

#[test]
fn message_to_the_speaker_is_saved_and_empty_clears_it() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    update(&mut m, Msg::Message, t0());
    type_text(&mut m, "Please conclude", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.message.as_deref(), Some("Please conclude"));
    update(&mut m, Msg::Message, t0());
    for _ in 0..20 {
        update(&mut m, Msg::Backspace, t0());
    }
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.message, None);
}

#[test]
fn absent_applies_to_the_speaker_called() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    let called = m.session.speech.as_ref().expect("a speech").entry;
    assert!(update(&mut m, Msg::Absent, t0()).save);
    assert!(m.session.speech.is_none());
    assert_eq!(m.queue[1], called, "behind the next speaker");
}

#[test]
fn rehearsal_speed_halves_and_doubles_only_in_a_rehearsal() {
    let mut m = model(twelve(), t0());
    assert_eq!(update(&mut m, Msg::Faster, t0()).speed, None);
    m.rehearsal = Some(60.0);
    assert_eq!(update(&mut m, Msg::Faster, t0()).speed, Some(120.0));
    assert_eq!(update(&mut m, Msg::Slower, t0()).speed, Some(60.0));
    update(&mut m, Msg::SaveCopy, t0());
    type_text(&mut m, "/tmp/copy.json", t0());
    let e = update(&mut m, Msg::Submit, t0());
    assert_eq!(
        e.save_copy.as_deref(),
        Some(std::path::Path::new("/tmp/copy.json"))
    );
}

#[test]
fn help_scrolled_past_the_end_answers_the_first_up() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Help, t0());
    for _ in 0..50 {
        update(&mut m, Msg::Down, t0());
    }
    m.clamp_scroll(12);
    update(&mut m, Msg::Up, t0());
    assert!(
        matches!(m.popup, Popup::Help { scroll: 11 }),
        "{:?}",
        m.popup
    );
}

#[test]
fn the_report_opens_scrolls_and_closes() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    update(&mut m, Msg::Next, secs(t0(), 200));
    update(&mut m, Msg::Report, secs(t0(), 210));
    assert_eq!(m.key_mode(), KeyMode::Report);
    update(&mut m, Msg::Down, t0());
    update(&mut m, Msg::Bottom, t0());
    m.clamp_scroll(7);
    assert!(matches!(m.popup, Popup::Report { scroll: 7, .. }));
    update(&mut m, Msg::Close, t0());
    assert_eq!(m.popup, Popup::None);
}

#[test]
fn a_running_speech_resumes_after_a_short_gap() {
    let mut s = twelve();
    s.next(t0()).expect("next");
    if let Some(sp) = s.speech.as_mut() {
        sp.checkpoint(secs(t0(), 30));
    }
    let (text, warning) = recover(&mut s, secs(t0(), 90)).expect("recovered");
    assert!(!warning, "{text}");
    assert_eq!(
        s.remaining(secs(t0(), 90)),
        Some(90),
        "the speaker kept talking"
    );
    assert_eq!(
        s.log.last().map(|r| r.what),
        Some(crate::domain::Change::Recovered)
    );
}

#[test]
fn a_running_speech_resumes_paused_after_a_long_gap_or_a_clock_gone_back() {
    for later in [secs(t0(), 30 + 11 * 60), secs(t0(), -3600)] {
        let mut s = twelve();
        s.next(t0()).expect("next");
        if let Some(sp) = s.speech.as_mut() {
            sp.checkpoint(secs(t0(), 30));
        }
        let (_, warning) = recover(&mut s, later).expect("recovered");
        assert!(warning);
        let sp = s.speech.as_ref().expect("a speech");
        assert!(!sp.running);
        assert_eq!(s.remaining(later + chrono::Duration::hours(1)), Some(150));
    }
}

#[test]
fn the_add_form_records_do_not_post_r9() {
    let mut m = model(session(), t0());
    update(&mut m, Msg::Add, t0());
    type_text(&mut m, "keny", t0());
    send(&mut m, &[Msg::FocusNext], t0());
    type_text(&mut m, "Ms. Wanjiru Kamau", t0());
    let mut steps = 0;
    while let Popup::Add(f) = &m.popup {
        if f.focus == AddField::NoPost || steps > 10 {
            break;
        }
        update(&mut m, Msg::FocusNext, t0());
        steps += 1;
    }
    assert!(
        matches!(&m.popup, Popup::Add(f) if f.focus == AddField::NoPost),
        "the form has a field for the delegation's objection to posting"
    );
    send(&mut m, &[Msg::Right, Msg::Submit], t0());
    let entry = m.session.entry(m.queue[0]).expect("the new entry");
    assert!(entry.no_post, "do not post is recorded");
}

/// After `u`, the why panel must not tell a delegation about a replacement or a swap that was
/// undone: undo marks the change's log records as undone (the log is never rolled back), and
/// `Session::why` passes over them.
#[test]
fn after_undo_the_why_panel_forgets_the_undone_replacement_and_swap() {
    let mut m = model(twelve(), t0());
    select(&mut m, "Italy");
    let italy = m.selected_id().expect("Italy");
    update(&mut m, Msg::Replace, t0());
    type_text(&mut m, "Mr. Paolo Rossi", t0());
    send(&mut m, &[Msg::FocusNext, Msg::Right, Msg::Submit], t0());
    update(&mut m, Msg::Undo, t0());
    select(&mut m, "Italy");
    assert_eq!(m.selected_id(), Some(italy));
    assert!(
        m.why
            .iter()
            .all(|w| !w.contains("Paolo Rossi") && !w.contains("notice of a change of speaker")),
        "{:?}",
        m.why
    );
    select(&mut m, "Italy");
    update(&mut m, Msg::Swap, t0());
    select(&mut m, "Japan");
    update(&mut m, Msg::Swap, t0());
    update(&mut m, Msg::Submit, t0());
    update(&mut m, Msg::Undo, t0());
    select(&mut m, "Italy");
    assert!(m.why.iter().all(|w| !w.contains("swapped")), "{:?}", m.why);
}

#[test]
fn the_card_records_the_introducer_and_statement_received_and_corrects_a_spelling() {
    let mut m = model(twelve(), t0());
    select(&mut m, "Kenya");
    let id = m.selected_id().expect("Kenya");
    let place = m.session.position(id);
    update(&mut m, Msg::Card, t0());
    assert_eq!(m.key_mode(), KeyMode::Form);
    for _ in 0..40 {
        update(&mut m, Msg::Backspace, t0());
    }
    for c in "Mr. Juma Otieno".chars() {
        update(&mut m, Msg::Char(c), t0());
    }
    update(&mut m, Msg::FocusNext, t0());
    update(&mut m, Msg::FocusNext, t0());
    for c in "H.E. the Ambassador".chars() {
        update(&mut m, Msg::Char(c), t0());
    }
    update(&mut m, Msg::FocusNext, t0());
    update(&mut m, Msg::Char(' '), t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    let e = m.session.entry(id).expect("entry");
    assert_eq!(e.speaker, "Mr. Juma Otieno");
    assert_eq!(e.introducer.as_deref(), Some("H.E. the Ambassador"));
    assert!(e.statement_received);
    assert_eq!(
        m.session.position(id),
        place,
        "a correction keeps the place"
    );
}

#[test]
fn v_shows_withdrawn_entries_and_the_card_reinstates_one_at_its_place() {
    let mut m = model(twelve(), t0());
    let id = m.queue[1];
    update(&mut m, Msg::Down, t0());
    update(&mut m, Msg::Withdraw, t0());
    assert!(update(&mut m, Msg::Char('y'), t0()).save);
    assert!(!m.rows.contains(&id));
    update(&mut m, Msg::ShowAll, t0());
    assert!(m.rows.contains(&id));
    while m.selected_id() != Some(id) {
        update(&mut m, Msg::Down, t0());
    }
    update(&mut m, Msg::Card, t0());
    for _ in 0..5 {
        update(&mut m, Msg::FocusNext, t0());
    }
    update(&mut m, Msg::Char(' '), t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.queue[1], id);
}

#[test]
fn a_setting_opens_selected_so_typing_replaces_it_and_space_turns_an_on_off_one() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Settings, t0());
    // limit is the first setting: its value "3:00" is replaced by what is typed.
    update(&mut m, Msg::Submit, t0());
    type_text(&mut m, "4m", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.settings.limit_seconds, 240);
    // observers-last (the eighth) turns with Space.
    let before = m.session.settings.observers_last;
    send(&mut m, &[Msg::Down; 7], t0());
    assert!(update(&mut m, Msg::Char(' '), t0()).save);
    assert_eq!(m.session.settings.observers_last, !before);
    // The title is editable: it follows the floor's settings (start-on-call, messages, warning).
    let title = super::app::SETTING_KEYS
        .iter()
        .position(|k| *k == "title")
        .expect("title is a setting");
    send(&mut m, &vec![Msg::Down; title - 7], t0());
    update(&mut m, Msg::Submit, t0());
    type_text(&mut m, "Item 1 (f)", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.title, "Item 1 (f)");
}

#[test]
fn find_puts_a_name_that_begins_with_the_text_before_one_that_contains_it() {
    let mut s = twelve();
    for d in ["INTERPOL", "Poland"] {
        s.add(
            crate::domain::Inscription::new(d, "S", Level::Delegate),
            t0(),
        )
        .expect("added");
    }
    let mut m = model(s, t0());
    update(&mut m, Msg::Find, t0());
    type_text(&mut m, "pol", t0());
    let poland = m.selected_id().and_then(|id| m.session.entry(id));
    assert_eq!(poland.map(|e| e.delegation.as_str()), Some("Poland"));
    update(&mut m, Msg::Submit, t0());
    // / and Enter again: the next match.
    update(&mut m, Msg::Find, t0());
    update(&mut m, Msg::Submit, t0());
    let next = m.selected_id().and_then(|id| m.session.entry(id));
    assert_eq!(next.map(|e| e.delegation.as_str()), Some("INTERPOL"));
}

#[test]
fn the_screen_s_messages_name_no_flag_of_the_command_line() {
    use super::app::screen_words;
    let duplicate = "Kenya already has entry #3 on this list; one entry per delegation (a statement on behalf of a regional group is a separate entry: use --chair-of). Withdraw #3 first to replace it";
    assert!(!screen_words(duplicate).contains("--"));
    let late = "R1: the list of speakers closes at 2022-10-17 12:00 +02:00; this request was made at 2022-10-18 09:00 +02:00. If it reached the secretariat in time, give its real time with --at; to accept it anyway, give the President's reason with --late REASON";
    assert!(!screen_words(late).contains("--"), "{}", screen_words(late));
}

#[test]
fn the_screen_names_the_delegation_of_every_entry_a_message_cites() {
    let mut s = twelve();
    let kenya = s
        .resolve("Kenya", crate::domain::Accepts::Waiting)
        .expect("Kenya");
    let egypt = s
        .resolve("Egypt", crate::domain::Accepts::Waiting)
        .expect("Egypt");
    let done = s.swap(kenya, egypt, None, t0()).expect("a swap");
    assert_eq!(
        done.message,
        format!("#{kenya} is now place 5, #{egypt} place 8"),
        "the command line's words"
    );
    assert_eq!(
        crate::tui::words::name_entries(&done.message, &s),
        format!("#{kenya} Kenya is now place 5, #{egypt} Egypt place 8")
    );
    // Named already, or no entry: as it was.
    let named = format!("#{kenya} Kenya has the floor; #999 and # alone");
    assert_eq!(crate::tui::words::name_entries(&named, &s), named);
}
