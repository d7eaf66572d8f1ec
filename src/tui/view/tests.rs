//! The screen rendered on a buffer: snapshots of whole screens, the countdown's colours cell by
//! cell, and every size from 1x1 to 120x40 without a panic.

use super::presenter::Presenter;
use crate::domain::Time;
use crate::tui::app::{Model, Popup, update};
use crate::tui::fixtures::*;
use crate::tui::msg::Msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

fn running(now_offset: i64) -> (Model, Time) {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Next, t0());
    m.status = Default::default();
    (m, secs(t0(), now_offset))
}

#[test]
fn snapshot_main_empty() {
    let m = model(session(), t0());
    insta::assert_snapshot!("main_empty_80x24", text(&render(&m, t0(), 80, 24)));
}

#[test]
fn snapshot_main_twelve_entries_both_tiers() {
    let m = model(twelve(), t0());
    insta::assert_snapshot!("main_twelve_100x30", text(&render(&m, t0(), 100, 30)));
    insta::assert_snapshot!("main_twelve_80x24", text(&render(&m, t0(), 80, 24)));
    insta::assert_snapshot!("main_twelve_160x45", text(&render(&m, t0(), 160, 45)));
}

#[test]
fn snapshot_running_speech() {
    let (m, now) = running(65);
    insta::assert_snapshot!("main_running_100x30", text(&render(&m, now, 100, 30)));
}

#[test]
fn snapshot_overtime_and_paused() {
    let (mut m, now) = running(192);
    insta::assert_snapshot!("main_overtime_100x30", text(&render(&m, now, 100, 30)));
    update(&mut m, Msg::PointOfOrder, now);
    m.status = Default::default();
    let t = text(&render(&m, now, 100, 30));
    assert!(t.contains("POINT OF ORDER"));
}

#[test]
fn snapshot_help() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Help, t0());
    insta::assert_snapshot!("help_100x30", text(&render(&m, t0(), 100, 30)));
}

#[test]
fn snapshot_add_form_with_an_error() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Add, t0());
    for c in "Kenya".chars() {
        update(&mut m, Msg::Char(c), t0());
    }
    update(&mut m, Msg::Submit, t0());
    assert!(matches!(m.popup, Popup::Add(_)));
    insta::assert_snapshot!("add_form_error_100x30", text(&render(&m, t0(), 100, 30)));
}

#[test]
fn snapshot_presenter_clock() {
    let (mut m, now) = running(65);
    m.session
        .set_message("Please conclude", now)
        .expect("message");
    let p = Presenter::new(&m.session, now, m.session.message.as_deref());
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
    (&p).render(buf.area, &mut buf);
    insta::assert_snapshot!("presenter_100x30", text(&buf));
    // The same through the t key, in a rehearsal: the banner stays.
    update(&mut m, Msg::Presenter, now);
    m.rehearsal = Some(60.0);
    let t = text(&render(&m, now, 100, 30));
    assert!(t.starts_with(" REHEARSAL"), "{t}");
    assert!(t.contains("Please conclude"));
}

#[test]
fn the_rehearsal_banner_never_leaves_the_screen() {
    let (mut m, now) = running(65);
    m.rehearsal = Some(60.0);
    for open in [
        None,
        Some(Msg::Help),
        Some(Msg::Add),
        Some(Msg::Settings),
        Some(Msg::Presenter),
        Some(Msg::Report),
    ] {
        if let Some(msg) = open {
            update(&mut m, msg, now);
        }
        for (w, h) in [(100, 30), (80, 24), (40, 10)] {
            let t = text(&render(&m, now, w, h));
            assert!(t.starts_with(" REHEARSAL"), "{open:?} at {w}x{h}:\n{t}");
        }
        update(&mut m, Msg::Close, now);
    }
}

#[test]
fn not_saved_banner_shows_until_a_save_succeeds() {
    let mut m = model(twelve(), t0());
    m.not_saved = Some("NOT SAVED: cannot write x.json (disk full)".into());
    let buf = render(&m, t0(), 100, 30);
    assert!(text(&buf).starts_with(" NOT SAVED"));
    assert_eq!(buf[(1, 0)].bg, Color::Red);
}

/// The colour of the countdown's big digits.
fn countdown_colours(buf: &Buffer) -> Vec<Color> {
    // The countdown sits in the right half of the current speaker's panel (rows 1 to 6).
    let mut colours = Vec::new();
    for y in 1..7 {
        for x in buf.area.width / 2..buf.area.width - 1 {
            let cell = &buf[(x, y)];
            if cell.symbol() != " " && cell.symbol() != "│" && cell.symbol() != "─" {
                colours.push(cell.fg);
            }
        }
    }
    colours.sort_by_key(|c| format!("{c:?}"));
    colours.dedup();
    colours
}

#[test]
fn countdown_is_green_then_amber_in_the_last_30_seconds_then_red() {
    let cases = [
        (10, Color::Green),
        (149, Color::Green),
        (150, Color::Yellow),
        (179, Color::Yellow),
        (180, Color::Red),
        (200, Color::Red),
    ];
    for (at, colour) in cases {
        let (m, now) = running(at);
        let buf = render(&m, now, 100, 30);
        assert_eq!(countdown_colours(&buf), vec![colour], "at {at} s");
    }
}

#[test]
fn overtime_counts_up_in_red() {
    let (m, now) = running(192);
    let t = text(&render(&m, now, 100, 30));
    assert!(t.contains("OVERTIME"));
    let p = Presenter::new(&m.session, now, None);
    let mut buf = Buffer::empty(Rect::new(0, 0, 30, 6));
    (&p).render(buf.area, &mut buf);
    // Too small for big digits: plain text, counting up.
    assert!(text(&buf).contains("+0:12"), "{}", text(&buf));
}

#[test]
fn no_color_keeps_the_meaning_without_colours() {
    let (mut m, now) = running(185);
    m.color = false;
    let buf = render(&m, now, 100, 30);
    for y in 0..30 {
        for x in 0..100 {
            let c = &buf[(x, y)];
            assert_eq!(c.fg, Color::Reset, "({x},{y}) {:?}", c.symbol());
            assert_eq!(c.bg, Color::Reset);
        }
    }
    assert!(text(&buf).contains("OVERTIME"));
}

#[test]
fn every_size_from_1x1_to_120x40_renders_without_a_panic() {
    let (mut m, now) = running(192);
    m.rehearsal = Some(2.0);
    m.not_saved = Some("NOT SAVED: test".into());
    for w in 1..=120 {
        for h in 0..=40 {
            render(&m, now, w, h);
        }
    }
    for open in [
        Msg::Help,
        Msg::Add,
        Msg::Settings,
        Msg::Presenter,
        Msg::Report,
    ] {
        update(&mut m, open, now);
        for w in (1..=120).step_by(7) {
            for h in (0..=40).step_by(3) {
                render(&m, now, w, h);
            }
        }
        update(&mut m, Msg::Close, now);
    }
}

#[test]
fn a_small_terminal_asks_to_enlarge_the_window() {
    let m = model(twelve(), t0());
    let t = text(&render(&m, t0(), 79, 24));
    assert!(t.contains("Enlarge the window"), "{t}");
}

#[test]
fn a_frame_of_ten_thousand_entries_shows_the_selected_end() {
    // Built directly (the session's add places each entry, which costs a sort per add).
    let mut s = session();
    add(
        &mut s,
        "Delegation 00000",
        "Speaker",
        crate::domain::Level::Minister,
        "2022-09-06T10:00:00+02:00",
    );
    let first = s.entries[0].clone();
    for i in 1..10_000u64 {
        let mut e = first.clone();
        e.id = s.next_id;
        e.order = s.next_order;
        s.next_id += 1;
        s.next_order += 1;
        e.delegation = format!("Delegation {i:05}");
        if i % 10 != 0 {
            e.level = crate::domain::Level::Delegate;
        }
        e.requested_at += chrono::Duration::seconds(i as i64);
        e.queued_at = e.requested_at;
        s.entries.push(e);
    }
    let mut m = model(s, t0());
    update(&mut m, Msg::Bottom, t0());
    // What a frame costs is measured by benches/frame.rs (README's performance table), not
    // asserted here: a timed test fails on a loaded machine and proves nothing on a fast one.
    assert!(text(&render(&m, t0(), 200, 50)).contains("Delegation 09999"));
}

#[test]
fn the_report_key_shows_the_report() {
    let (mut m, now) = running(200);
    update(&mut m, Msg::Next, now);
    update(&mut m, Msg::Report, now);
    let t = text(&render(&m, now, 100, 30));
    assert!(t.contains("Report: COP11 general discussion"), "{t}");
    assert!(t.contains("Italy"), "{t}");
}

#[test]
fn a_long_refusal_is_shown_whole_at_80_columns() {
    let mut m = model(twelve(), t0());
    m.fail("R5: a swap needs two speakers at the same level: #2 (Ghana) is deputy-prime-minister, #1 (Kenya) is head-of-delegation");
    let screen = text(&render(&m, t0(), 80, 24));
    let joined: String = screen.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(joined.contains("is head-of-delegation"), "{screen}");
}

/// The screen's text with each line trimmed and all lines joined by spaces: what wraps still
/// reads as one sentence.
fn joined(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim().trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_setting_whose_value_wraps_still_shows_its_error_and_help() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Settings, t0());
    for _ in 0..6 {
        update(&mut m, Msg::Down, t0());
    }
    update(&mut m, Msg::Submit, t0());
    assert!(matches!(m.popup, Popup::Input { .. }));
    // The two slots, one word of 103 characters, and a typing mistake at its end.
    update(&mut m, Msg::Char('x'), t0());
    update(&mut m, Msg::Submit, t0());
    let screen = text(&render(&m, t0(), 100, 30));
    assert!(screen.contains('✗'), "the refusal must show:\n{screen}");
    assert!(
        screen.contains("Enter sets"),
        "the help must show:\n{screen}"
    );
}

#[test]
fn the_why_panel_shows_a_replacement_whole() {
    let mut m = model(twelve(), t0());
    let italy = m
        .queue
        .iter()
        .position(|id| {
            m.session
                .entry(*id)
                .is_some_and(|e| e.delegation == "Italy")
        })
        .expect("Italy waits");
    m.selected = italy;
    update(&mut m, Msg::Down, t0());
    update(&mut m, Msg::Up, t0());
    update(&mut m, Msg::Replace, t0());
    for c in "Mr. Marco Bianchi".chars() {
        update(&mut m, Msg::Char(c), t0());
    }
    update(&mut m, Msg::FocusNext, t0());
    update(&mut m, Msg::Right, t0());
    update(&mut m, Msg::Submit, t0());
    assert!(matches!(m.popup, Popup::None), "replaced: {:?}", m.status);
    for (w, h) in [(100, 30), (80, 24)] {
        let screen = text(&render(&m, t0(), w, h));
        let all = joined(&screen);
        assert!(
            all.contains("by Mr. Marco Bianchi (Deputy Minister)"),
            "{w}x{h}:\n{screen}"
        );
    }
}

#[test]
fn speaker_names_show_whole_at_80_columns_and_a_cut_one_says_so() {
    let mut s = twelve();
    add(
        &mut s,
        "Germany",
        "H.E. Ms. Anna-Katharina von Hohenberg-Schwarzenfels",
        crate::domain::Level::Minister,
        "2022-09-05T10:00:00+02:00",
    );
    let m = model(s, t0());
    let screen = text(&render(&m, t0(), 80, 24));
    assert!(screen.contains("H.E. Mr. Carlo Nordio"), "{screen}");
    assert!(screen.contains("H.E. Mr. Bekir Bozdağ"), "{screen}");
    let germany = screen
        .lines()
        .find(|l| l.contains("Germany") && l.contains("floor"))
        .expect("Germany is on screen");
    assert!(germany.contains('…'), "a cut name ends in …: {germany}");
}

#[test]
fn the_message_to_the_speaker_shows_at_the_podium() {
    let (mut m, now) = running(20);
    update(&mut m, Msg::Message, now);
    for c in "Please conclude".chars() {
        update(&mut m, Msg::Char(c), now);
    }
    update(&mut m, Msg::Submit, now);
    m.status = Default::default();
    for (w, h) in [(100, 30), (80, 24)] {
        let screen = text(&render(&m, now, w, h));
        assert!(screen.contains("Please conclude"), "{w}x{h}:\n{screen}");
    }
}

#[test]
fn the_heard_line_has_no_dangling_separator() {
    let (mut m, now) = running(100);
    update(&mut m, Msg::Next, now);
    update(&mut m, Msg::Next, secs(now, 50));
    let screen = text(&render(&m, secs(now, 60), 100, 30));
    let heard = screen
        .lines()
        .find(|l| l.starts_with("Heard (2)"))
        .expect("the heard line");
    assert!(!heard.trim_end().ends_with('·'), "{heard}");
}

#[test]
fn the_summary_says_plainly_that_everyone_fits() {
    let mut s = session();
    add(
        &mut s,
        "Kenya",
        "Ms. Wanjiru Kamau",
        crate::domain::Level::Delegate,
        "2022-09-13T16:45:00+02:00",
    );
    let m = model(s, t0());
    let screen = text(&render(&m, t0(), 100, 30));
    assert!(!screen.contains("0 will not be reached"), "{screen}");
    assert!(screen.contains("everyone fits in the slots"), "{screen}");
}

#[test]
fn a_refusal_of_three_lines_is_shown_whole_at_80_columns() {
    let mut m = model(twelve(), t0());
    m.fail("R4: the notice of the change of speaker (2022-09-01 10:00 +02:00) is earlier than the request of #2 Italy (2022-09-07 11:00 +02:00): type the time the secretariat received the notice, at or after the request");
    let screen = text(&render(&m, t0(), 80, 24));
    assert!(
        joined(&screen).contains("at or after the request"),
        "{screen}"
    );
}

#[test]
fn wide_characters_at_every_narrow_size_do_not_panic() {
    // ratatui 0.30 panics wrapping a wide character into a text area exactly two columns wide;
    // names and messages typed at the desk may be Chinese or Japanese.
    let (mut m, now) = running(192);
    for e in m.session.entries.iter_mut() {
        e.delegation = "中华人民共和国".into();
        e.speaker = "a中b华c 代表团团长".into();
    }
    m.session.message = Some("请结束发言 a中b华c".into());
    m.fail("a中b华c 中华人民共和国 a中b华c");
    m.refresh(now);
    let check = |m: &Model| {
        for w in 1..=12 {
            for h in 0..=30 {
                render(m, now, w, h);
            }
        }
    };
    check(&m);
    for open in [
        Msg::Help,
        Msg::Add,
        Msg::Settings,
        Msg::Presenter,
        Msg::Report,
        Msg::Message,
    ] {
        update(&mut m, open, now);
        for c in "a中b华c".chars() {
            update(&mut m, Msg::Char(c), now);
        }
        check(&m);
        update(&mut m, Msg::Close, now);
    }
}

#[test]
fn measuring_wide_characters_in_two_columns_does_not_panic() {
    use ratatui::text::Line;
    use ratatui::widgets::Wrap;
    // "a中b华c" in two columns is the case that panics inside ratatui 0.30's wrapping.
    let texts = [
        "中华人民共和国代表团",
        "a中b华c",
        " 中",
        "中华 ",
        "Côte d'Ivoire 中",
    ];
    for width in 0..8 {
        for a in texts {
            let lines = vec![Line::from(a), Line::from("Ghana")];
            for trim in [true, false] {
                assert!(super::wrap::wrapped_rows(&lines, width, Wrap { trim }) >= 2);
            }
        }
    }
}

#[test]
fn the_card_and_the_notice_box_draw_at_every_size_without_panicking() {
    let mut m = model(twelve(), t0());
    update(&mut m, Msg::Card, t0());
    for (w, h) in [(80, 24), (100, 30), (40, 10), (20, 5), (1, 1)] {
        let shown = text(&render(&m, t0(), w, h));
        if (w, h) == (80, 24) {
            assert!(shown.contains("The card of"), "{shown}");
            assert!(shown.contains("statement received"), "{shown}");
        }
    }
    update(&mut m, Msg::Close, t0());
    update(&mut m, Msg::Withdraw, t0());
    for (w, h) in [(80, 24), (20, 5)] {
        render(&m, t0(), w, h);
    }
    assert!(text(&render(&m, t0(), 100, 30)).contains("written notice"));
}
