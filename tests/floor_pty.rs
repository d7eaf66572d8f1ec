//! The floor in a real terminal (tmux, 80x24 and 100x30; SPEC sections 4, 6 and 9): the message
//! of one speaker (`2` sends, `n` and `b` clear, `u` brings it back, `0` clears), start-on-call
//! off (`n` calls at 0:00, Space starts the clock), the header's time of day at rest with the
//! slot's end and the time left, eight rows of the queue at 80x24 with a speech running, no
//! command-line flag on any screen, and at rest no more than one redraw a minute.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::pty::{Tmux, add_delegates, podium, spoken, tmux_missing};

/// Under CI a missing tmux fails the test; elsewhere it is skipped with a line that says so
/// (`support::pty::tmux_missing`).
fn no_tmux() -> bool {
    tmux_missing()
}

const BIN: &str = env!("CARGO_BIN_EXE_podium");

/// A list in Vienna's zone with the morning slot 10:00-13:00 of 17 October 2022 and `n`
/// delegations waiting.
fn list(dir: &Path, n: usize) -> std::path::PathBuf {
    let file = dir.join("floor.json");
    let out = std::process::Command::new(BIN)
        .env("TZ", "Europe/Vienna")
        .arg("new")
        .arg(&file)
        .args([
            "--title",
            "Floor",
            "--slot",
            "2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00",
        ])
        .output()
        .expect("podium new runs");
    assert!(out.status.success(), "{out:?}");
    let names = [
        "Kenya", "Ghana", "Egypt", "Chile", "Peru", "Japan", "Italy", "Norway", "Mexico", "Brazil",
        "India", "Spain",
    ];
    let rows: Vec<(&str, &str)> = names.iter().take(n).map(|d| (*d, "Speaker")).collect();
    add_delegates(&file, &rows);
    file
}

/// The screen on FILE at 10:12 Vienna time, in a pane of `w`x`h`.
fn desk(file: &Path, name: &str, w: u16, h: u16) -> Tmux {
    let tmux = Tmux::start(name, w, h);
    tmux.shell(&format!(
        "TZ=Europe/Vienna PODIUM_NOW=2022-10-17T10:12:00+02:00 '{BIN}' --file '{}'; echo EXIT=$?",
        file.display()
    ));
    tmux.wait_for("the screen", |s| s.contains("Queue ("));
    tmux
}

/// The queue's entry rows on the pane: lines inside the queue's box that start with a place.
fn queue_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| {
            l.strip_prefix('│')
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|w| w.parse::<usize>().is_ok())
        })
        .count()
}

fn no_flag(screen: &str) {
    assert!(
        !screen.contains("--"),
        "a command-line flag on the screen:\n{screen}"
    );
}

#[test]
fn at_80x24_the_message_belongs_to_one_speaker_and_the_header_keeps_the_time() {
    if no_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = list(dir.path(), 12);
    let tmux = desk(&file, "floor80", 80, 24);
    // At rest: the time of day, the slot's end and the time left.
    let rest = tmux.wait_for("the header at rest", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("10:12") && h.contains("slot until 13:00, 2h48 left"))
    });
    no_flag(&rest);
    tmux.keys(&["n"]);
    let called = tmux.wait_for("the floor", |s| s.contains("has the floor"));
    no_flag(&called);
    assert!(queue_rows(&called) >= 8, "eight rows at 80x24:\n{called}");
    // 2 sends the second ready-made message.
    tmux.keys(&["2"]);
    let sent = tmux.wait_for("the message", |s| s.contains("\"Please conclude\""));
    assert!(queue_rows(&sent) >= 8, "{sent}");
    // n: the next speaker starts clean; u brings the message back with the speaker.
    tmux.keys(&["n"]);
    let next = tmux.wait_for("the next speaker", |s| {
        s.contains("Ghana has the floor") && !s.contains("\"Please conclude\"")
    });
    no_flag(&next);
    tmux.keys(&["u"]);
    tmux.wait_for("the message back", |s| {
        s.contains("undone") && s.contains("\"Please conclude\"")
    });
    // b on the speaker at the podium clears it; u brings it back.
    tmux.keys(&["b"]);
    let absent = tmux.wait_for("the speaker absent", |s| {
        s.contains("absent") && !s.contains("\"Please conclude\"")
    });
    no_flag(&absent);
    tmux.keys(&["u"]);
    tmux.wait_for("the message back again", |s| {
        s.contains("\"Please conclude\"")
    });
    // 0 clears it.
    tmux.keys(&["0"]);
    let cleared = tmux.wait_for("the message cleared", |s| {
        s.contains("cleared") && !s.contains("\"Please conclude\"")
    });
    no_flag(&cleared);
    // The help, every screen text the officer may open.
    tmux.keys(&["?"]);
    no_flag(&tmux.wait_for("the help", |s| s.contains("Keys")));
    tmux.keys(&["Escape"]);
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
    let status = podium(&file, &["status", "FILE", "--json"]);
    assert!(status.contains("\"message\":null"), "{status}");
}

#[test]
fn at_100x30_with_start_on_call_off_n_calls_at_zero_and_space_starts_the_clock() {
    if no_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = list(dir.path(), 3);
    podium(&file, &["set", "FILE", "start-on-call", "off"]);
    let tmux = desk(&file, "floor100", 100, 30);
    tmux.wait_for("the header at rest", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("10:12") && h.contains("slot until 13:00"))
    });
    tmux.keys(&["n"]);
    let called = tmux.wait_for("the call", |s| s.contains("CALLED: Space starts the clock"));
    no_flag(&called);
    assert_eq!(spoken(&called), Some(0), "{called}");
    // The minister walks to the podium: the clock stays at 0:00.
    std::thread::sleep(Duration::from_millis(1500));
    let waiting = tmux.capture();
    assert_eq!(spoken(&waiting), Some(0), "{waiting}");
    assert!(waiting.contains("CALLED"), "{waiting}");
    // The presenter clock says so too.
    tmux.keys(&["t"]);
    let clock = tmux.wait_for("the presenter clock", |s| s.contains("AT THE PODIUM"));
    no_flag(&clock);
    tmux.keys(&["t"]);
    tmux.keys(&["Space"]);
    tmux.wait_for("the clock running", |s| {
        s.contains("started") && spoken(s).is_some_and(|t| t >= 1)
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
}

#[test]
fn at_rest_the_screen_redraws_at_most_once_a_minute() {
    if no_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = list(dir.path(), 3);
    let count = dir.path().join("draws");
    // A rehearsal at 60 times real time: three simulated minutes pass in three seconds.
    let tmux = Tmux::start("floorrest", 100, 30);
    tmux.shell(&format!(
        "HOME='{home}' TMPDIR='{home}' PODIUM_COUNT_DRAWS='{}' '{BIN}' rehearse --speed 60 --file '{}'; echo EXIT=$?",
        count.display(),
        file.display(),
        home = dir.path().display(),
    ));
    tmux.wait_for("the rehearsal", |s| s.contains("Queue ("));
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(3));
    tmux.keys(&["q"]);
    let simulated_minutes = (started.elapsed().as_secs_f64() * 60.0 / 60.0).ceil() as u64;
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
    let draws: u64 = std::fs::read_to_string(&count)
        .expect("the count of frames")
        .trim()
        .parse()
        .expect("a number");
    println!("{draws} frames in {simulated_minutes} simulated minutes at rest");
    // The first frame, then one a minute (the header's clock and the plan), never more.
    assert!(
        draws >= 3,
        "the header's clock follows the minute: {draws} frames"
    );
    assert!(
        draws <= 1 + simulated_minutes,
        "{draws} frames in {simulated_minutes} simulated minutes at rest"
    );
}
