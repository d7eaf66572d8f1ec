//! The floor as the officer runs it (SPEC section 9, issue 11), driven by messages: the message
//! of one speaker, the ready-made messages, start-on-call, the header's clock of the day, the
//! compact panels at 80x24, the flash at zero, and the screen's words.

use super::app::{Model, Popup, update};
use super::fixtures::*;
use super::msg::Msg;
use super::view::presenter::Presenter;
use crate::domain::{Setting, Status, Time};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

fn typed(m: &mut Model, text: &str, now: Time) {
    for c in text.chars() {
        update(m, Msg::Char(c), now);
    }
}

fn send_message(m: &mut Model, text: &str, now: Time) {
    update(m, Msg::Message, now);
    typed(m, text, now);
    assert!(update(m, Msg::Submit, now).save, "{:?}", m.status);
}

/// A list of twelve with the first speaker called.
fn called() -> Model {
    let mut m = model(twelve(), t0());
    assert!(update(&mut m, Msg::Next, t0()).save);
    m
}

#[test]
fn the_message_is_cleared_by_next_and_brought_back_by_undo() {
    let mut m = called();
    send_message(&mut m, "Please conclude", secs(t0(), 100));
    assert_eq!(m.session.message.as_deref(), Some("Please conclude"));
    assert!(update(&mut m, Msg::Next, secs(t0(), 200)).save);
    assert_eq!(m.session.message, None, "the next speaker starts clean");
    assert!(update(&mut m, Msg::Undo, secs(t0(), 201)).save);
    assert_eq!(m.session.message.as_deref(), Some("Please conclude"));
    assert_eq!(
        m.session.current().map(|e| e.delegation.as_str()),
        Some("Italy")
    );
    assert!(update(&mut m, Msg::Redo, secs(t0(), 202)).save);
    assert_eq!(m.session.message, None);
}

#[test]
fn the_message_is_cleared_by_absent_on_the_speaker_at_the_podium_and_restored_by_undo() {
    let mut m = called();
    send_message(&mut m, "Time is up", secs(t0(), 5));
    assert!(update(&mut m, Msg::Absent, secs(t0(), 10)).save);
    assert!(m.session.speech.is_none());
    assert_eq!(m.session.message, None);
    assert!(update(&mut m, Msg::Undo, secs(t0(), 11)).save);
    assert_eq!(m.session.message.as_deref(), Some("Time is up"));
    assert!(m.session.speech.is_some());
}

#[test]
fn absent_on_a_waiting_entry_keeps_the_message_of_the_speaker_at_the_podium() {
    let mut m = called();
    send_message(&mut m, "Please conclude", secs(t0(), 5));
    m.session.speech = None; // nobody at the podium: b applies to the selected waiting entry
    for e in m.session.entries.iter_mut() {
        if e.status == Status::Current {
            e.status = Status::Spoken;
            e.spoken_seconds = Some(5);
        }
    }
    m.refresh(t0());
    assert!(update(&mut m, Msg::Absent, secs(t0(), 10)).save);
    assert_eq!(m.session.message.as_deref(), Some("Please conclude"));
}

#[test]
fn key_2_sends_ready_made_message_2_and_0_clears_it() {
    let mut m = called();
    assert!(update(&mut m, Msg::Preset(2), t0()).save);
    assert_eq!(m.session.message.as_deref(), Some("Please conclude"));
    assert!(update(&mut m, Msg::Preset(1), t0()).save);
    assert_eq!(m.session.message.as_deref(), Some("30 seconds left"));
    assert!(update(&mut m, Msg::ClearMessage, t0()).save);
    assert_eq!(m.session.message, None);
    // A number the setting does not have is refused, in words, and nothing is saved.
    assert!(!update(&mut m, Msg::Preset(7), t0()).save);
    assert!(m.status.error);
    assert!(
        m.status.text.contains("no ready-made message 7"),
        "{:?}",
        m.status
    );
    // The list's own messages, set as `podium set FILE messages "A|B|C"` does.
    m.session
        .set(
            Setting::Messages(vec!["A".into(), "Bee".into(), "C".into()]),
            t0(),
        )
        .expect("three messages");
    assert!(update(&mut m, Msg::Preset(2), t0()).save);
    assert_eq!(m.session.message.as_deref(), Some("Bee"));
}

#[test]
fn the_digit_keys_send_on_the_main_screen_and_on_the_presenter_clock() {
    use super::keymap::{KeyMode, lookup};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    for mode in [KeyMode::Main, KeyMode::Presenter] {
        assert_eq!(lookup(mode, &key('2'), false), Some(Msg::Preset(2)));
        assert_eq!(lookup(mode, &key('9'), false), Some(Msg::Preset(9)));
        assert_eq!(lookup(mode, &key('0'), false), Some(Msg::ClearMessage));
    }
    // In an input a digit is text; Ctrl-u clears the field.
    assert_eq!(
        lookup(KeyMode::Input, &key('2'), false),
        Some(Msg::Char('2'))
    );
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(
        lookup(KeyMode::Input, &ctrl_u, false),
        Some(Msg::ClearField)
    );
}

#[test]
fn the_message_editor_opens_empty_shows_the_current_message_and_ctrl_u_clears_the_field() {
    let mut m = called();
    send_message(&mut m, "Please conclude", t0());
    update(&mut m, Msg::Message, t0());
    let Popup::Input { text: field, .. } = &m.popup else {
        panic!("the editor is open: {:?}", m.popup)
    };
    assert!(field.is_empty(), "the editor opens empty: {field:?}");
    let screen = text(&render(&m, t0(), 100, 30));
    assert!(screen.contains("now: \"Please conclude\""), "{screen}");
    typed(&mut m, "Thank you", t0());
    update(&mut m, Msg::ClearField, t0());
    let Popup::Input { text: field, .. } = &m.popup else {
        panic!("the editor is still open")
    };
    assert!(field.is_empty(), "Ctrl-u cleared the field: {field:?}");
    typed(&mut m, "Thank you", t0());
    assert!(update(&mut m, Msg::Submit, t0()).save);
    assert_eq!(m.session.message.as_deref(), Some("Thank you"));
}

#[test]
fn a_message_needs_a_speaker_and_at_most_200_characters() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Message, t0());
    typed(&mut m, "Please conclude", t0());
    assert!(!update(&mut m, Msg::Submit, t0()).save);
    assert!(
        matches!(&m.popup, Popup::Input { error: Some(e), .. } if e.contains("nobody is at the podium"))
    );
    update(&mut m, Msg::Close, t0());
    update(&mut m, Msg::Next, t0());
    update(&mut m, Msg::Message, t0());
    typed(&mut m, &"x".repeat(201), t0());
    assert!(!update(&mut m, Msg::Submit, t0()).save);
    assert!(matches!(&m.popup, Popup::Input { error: Some(e), .. } if e.contains("200")));
    assert_eq!(m.session.message, None);
}

#[test]
fn with_start_on_call_off_next_leaves_the_clock_at_zero_and_space_starts_it() {
    let mut s = twelve();
    s.set(Setting::StartOnCall(false), t0()).expect("a setting");
    let mut m = model(s, t0());
    assert!(update(&mut m, Msg::Next, t0()).save);
    let speech = m.session.speech.clone().expect("a speaker called");
    assert!(!speech.running && speech.not_started());
    // The minister walks to the podium: the clock waits.
    assert_eq!(m.session.remaining(secs(t0(), 40)), Some(180));
    let desk = text(&render(&m, secs(t0(), 40), 100, 30));
    assert!(desk.contains("CALLED: Space starts the clock"), "{desk}");
    update(&mut m, Msg::Presenter, secs(t0(), 40));
    let clock = text(&render(&m, secs(t0(), 40), 100, 30));
    assert!(clock.contains("AT THE PODIUM"), "{clock}");
    assert!(!clock.contains("PAUSED"), "{clock}");
    // Space starts it: from 0:00.
    assert!(update(&mut m, Msg::Pause, secs(t0(), 40)).save);
    assert!(m.timer_running());
    assert_eq!(m.session.remaining(secs(t0(), 50)), Some(170));
    assert!(m.status.text.contains("started"), "{:?}", m.status);
}

#[test]
fn the_header_shows_the_time_of_day_at_rest_and_the_end_of_the_slot_and_the_time_left() {
    let m = model(twelve(), t0());
    assert!(!m.timer_running());
    let now = secs(t0(), 12 * 60);
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = text(&render(&m, now, w, h));
        let header = screen.lines().next().unwrap_or_default();
        assert!(header.contains("10:12"), "{w}x{h}: {header}");
        assert!(
            header.contains("slot until 10:30, 18 min left"),
            "{w}x{h}: {header}"
        );
    }
    // Between the slots: the time, and no slot in progress.
    let lunch = at("2022-10-17T13:05:00+02:00");
    let header = text(&render(&m, lunch, 100, 30));
    let header = header.lines().next().unwrap_or_default().to_string();
    assert!(
        header.contains("13:05") && !header.contains("slot until"),
        "{header}"
    );
    // In the list's zone, whatever the offset of the clock.
    let utc = at("2022-10-17T08:12:00+00:00");
    let header = text(&render(&m, utc, 100, 30));
    assert!(header.lines().next().unwrap_or_default().contains("10:12"));
}

/// The entry rows of the queue on a screen: lines that start with a place number.
fn queue_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| {
            let inner = l.trim_start_matches('│');
            let place = inner.trim_start();
            inner.len() - place.len() >= 1
                && place
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.parse::<usize>().is_ok())
        })
        .count()
}

#[test]
fn at_80x24_with_a_speech_running_at_least_8_rows_of_the_queue_show() {
    let m = called();
    let now = secs(t0(), 65);
    let screen = text(&render(&m, now, 80, 24));
    assert!(
        queue_rows(&screen) >= 8,
        "{} rows:\n{screen}",
        queue_rows(&screen)
    );
    // The compact podium panel still says who speaks, the time left and the state.
    assert!(screen.contains("Italy"), "{screen}");
    assert!(screen.contains("1:55"), "{screen}");
    assert!(screen.contains("running"), "{screen}");
    // With a message and a long refusal too.
    let mut m = m;
    send_message(&mut m, "Please conclude", now);
    update(&mut m, Msg::Undo, now);
    update(&mut m, Msg::Undo, now);
    update(&mut m, Msg::Next, now);
    send_message(&mut m, "Please conclude", now);
    let screen = text(&render(&m, now, 80, 24));
    assert!(queue_rows(&screen) >= 8, "{screen}");
    assert!(screen.contains("Please conclude"), "{screen}");
}

#[test]
fn the_presenter_clock_keeps_its_big_digits_at_80x24() {
    let mut m = called();
    update(&mut m, Msg::Presenter, t0());
    let screen = text(&render(&m, secs(t0(), 65), 80, 24));
    // Big digits are drawn with block characters, not as the text "1:55".
    assert!(screen.contains('█') || screen.contains('▀'), "{screen}");
    assert!(!screen.contains("Queue ("), "{screen}");
}

#[test]
fn the_countdown_flashes_for_three_seconds_at_zero_on_the_presenter_views() {
    let m = called();
    let flash_cells = |now: Time| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        (&Presenter::new(&m.session, now, None)).render(buf.area, &mut buf);
        buf.content().iter().filter(|c| c.bg == Color::Red).count()
    };
    assert_eq!(flash_cells(secs(t0(), 179)), 0);
    for s in [180, 181, 182] {
        assert!(flash_cells(secs(t0(), s)) > 0, "flash at {s} s");
    }
    assert_eq!(flash_cells(secs(t0(), 183)), 0, "three seconds, no more");
    // Without colours: reversed.
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    (&Presenter::new(&m.session, secs(t0(), 180), None).color(false)).render(buf.area, &mut buf);
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    // One bell at zero.
    let mut m = m;
    assert!(update(&mut m, Msg::Tick, secs(t0(), 180)).bell);
    assert!(!update(&mut m, Msg::Tick, secs(t0(), 181)).bell);
}

#[test]
fn the_amber_warning_follows_the_warning_setting() {
    let mut m = called();
    m.session
        .set(Setting::Warning(45), t0())
        .expect("a warning of 45 s");
    let colour = |m: &Model, now: Time| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        (&Presenter::new(&m.session, now, None)).render(buf.area, &mut buf);
        buf.content()
            .iter()
            .filter(|c| c.symbol() != " " && matches!(c.fg, Color::Green | Color::Yellow))
            .map(|c| c.fg)
            .next()
    };
    assert_eq!(colour(&m, secs(t0(), 134)), Some(Color::Green), "46 s left");
    assert_eq!(
        colour(&m, secs(t0(), 136)),
        Some(Color::Yellow),
        "44 s left"
    );
}

#[test]
fn the_why_panel_gives_the_day_and_the_hour() {
    let m = model(twelve(), t0());
    let why = m.why.join("\n");
    assert!(
        why.contains("priority tier since the request of 7 September 11:00"),
        "{why}"
    );
}

#[test]
fn the_request_column_shows_queued_at_marked_when_it_differs_from_the_request() {
    let mut m = model(twelve(), t0());
    // Kenya and Egypt swap: each is queued by the other's time now.
    let kenya = m.queue.iter().copied().find(|id| {
        m.session
            .entry(*id)
            .is_some_and(|e| e.delegation == "Kenya")
    });
    let egypt = m.queue.iter().copied().find(|id| {
        m.session
            .entry(*id)
            .is_some_and(|e| e.delegation == "Egypt")
    });
    let (Some(k), Some(e)) = (kenya, egypt) else {
        panic!("Kenya and Egypt wait")
    };
    m.session.swap(k, e, None, t0()).expect("a swap");
    m.refresh(t0());
    let screen = text(&render(&m, t0(), 160, 45));
    let kenya_row = screen
        .lines()
        .find(|l| l.contains("Kenya"))
        .unwrap_or_default();
    assert!(kenya_row.contains("6 Sep 10:15*"), "{kenya_row}");
    let norway_row = screen
        .lines()
        .find(|l| l.contains("Norway"))
        .unwrap_or_default();
    assert!(norway_row.contains("3 Oct 09:00 "), "{norway_row}");
}

#[test]
fn the_screen_names_delegations_in_its_messages() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    assert!(m.status.text.contains("Italy"), "{:?}", m.status);
    update(&mut m, Msg::Down, t0());
    update(&mut m, Msg::Swap, t0());
    update(&mut m, Msg::Down, t0());
    update(&mut m, Msg::Swap, t0());
    // A refusal (two levels) names both delegations, not ids alone.
    assert!(m.status.error, "{:?}", m.status);
    assert!(!m.status.text.contains("#"), "{:?}", m.status);
}

#[test]
fn no_text_on_the_screen_names_a_command_line_flag() {
    // Screens a day at the desk shows: refusals of the forms, of the floor, of settings.
    let mut m = model(twelve(), t0());
    let late = at("2022-10-17T13:00:00+02:00");
    let mut screens = Vec::new();
    // An inscription after the window closed.
    update(&mut m, Msg::Add, late);
    typed(&mut m, "Chile", late);
    update(&mut m, Msg::FocusNext, late);
    typed(&mut m, "Mr. X", late);
    update(&mut m, Msg::Submit, late);
    screens.push(text(&render(&m, late, 100, 30)));
    update(&mut m, Msg::Close, late);
    // A second inscription of Egypt.
    update(&mut m, Msg::Add, t0());
    typed(&mut m, "Egypt", t0());
    update(&mut m, Msg::FocusNext, t0());
    typed(&mut m, "Mr. Y", t0());
    update(&mut m, Msg::Submit, t0());
    screens.push(text(&render(&m, t0(), 100, 30)));
    update(&mut m, Msg::Close, t0());
    // Floor refusals with nobody at the podium, and a bad setting.
    for msg in [Msg::Pause, Msg::LessTime, Msg::Preset(1), Msg::Undo] {
        update(&mut m, msg, t0());
        screens.push(text(&render(&m, t0(), 100, 30)));
    }
    update(&mut m, Msg::Settings, t0());
    update(&mut m, Msg::Submit, t0());
    update(&mut m, Msg::ClearField, t0());
    typed(&mut m, "--limit 3", t0());
    update(&mut m, Msg::Submit, t0());
    screens.push(text(&render(&m, t0(), 100, 30)));
    for screen in &screens {
        // The one "--" allowed is what the officer typed into the field.
        let without_typed = screen.replace("> --limit 3", "");
        assert!(!without_typed.contains("--"), "{screen}");
    }
    assert!(screens[0].contains("Late: reason"), "{}", screens[0]);
}

#[test]
fn the_settings_form_sets_start_on_call_the_messages_and_the_warning() {
    use super::app::SETTING_KEYS;
    let mut m = model(twelve(), t0());
    for (key, value) in [
        ("start-on-call", "off"),
        ("messages", "Thank you|Please conclude"),
        ("warning", "45s"),
    ] {
        let i = SETTING_KEYS
            .iter()
            .position(|k| *k == key)
            .expect("in the form");
        update(&mut m, Msg::Settings, t0());
        for _ in 0..i {
            update(&mut m, Msg::Down, t0());
        }
        update(&mut m, Msg::Submit, t0());
        update(&mut m, Msg::ClearField, t0());
        typed(&mut m, value, t0());
        assert!(
            update(&mut m, Msg::Submit, t0()).save,
            "{key}: {:?}",
            m.popup
        );
        update(&mut m, Msg::Close, t0());
    }
    assert!(!m.session.settings.start_on_call);
    assert_eq!(
        m.session.settings.messages,
        ["Thank you", "Please conclude"]
    );
    assert_eq!(m.session.settings.warning_seconds, 45);
    update(&mut m, Msg::Next, t0());
    assert!(!m.timer_running(), "start-on-call off: called, not started");
    update(&mut m, Msg::Preset(1), t0());
    assert_eq!(m.session.message.as_deref(), Some("Thank you"));
}
