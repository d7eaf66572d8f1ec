//! The clock (SPEC sections 5 and 6): a running speech survives a crash through the file, and
//! the screen's clock derives the time from a monotonic `Instant`, not from the wall clock.

use podium::clock::Clock;
use podium::domain::parse_time;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_podium");

fn podium(now: &str, args: &[&str], file: &Path) -> Output {
    let out = Command::new(BIN)
        .arg(args[0])
        .arg(file)
        .args(&args[1..])
        .env("PODIUM_NOW", now)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn status(now: &str, file: &Path) -> serde_json::Value {
    let out = podium(now, &["status", "--json"], file);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The speaker was called at 10:00:00; at 10:00:37 a change was saved (the checkpoint), then
/// podium crashed (killed: nothing more is written). Started again at 10:00:42, the file says
/// 42 seconds used: the speaker kept talking.
#[test]
fn a_crash_at_37_seconds_and_a_restart_5_seconds_later_shows_42_seconds_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    podium("2022-10-17T09:00:00+02:00", &["new"], &file);
    for d in ["Kenya", "Egypt"] {
        podium(
            "2022-10-17T09:30:00+02:00",
            &[
                "add",
                "--delegation",
                d,
                "--speaker",
                "S",
                "--level",
                "delegate",
            ],
            &file,
        );
    }
    podium("2022-10-17T10:00:00+02:00", &["next"], &file);
    // A change at 37 s banks the time spoken in the file.
    podium(
        "2022-10-17T10:00:37.400+02:00",
        &["mark", "Egypt", "--statement-received"],
        &file,
    );
    let saved = podium::store::load(&file).unwrap();
    let speech = saved.speech.as_ref().unwrap();
    assert_eq!(speech.spent_ms, 37_400);
    assert_eq!(
        speech.checkpoint_at,
        parse_time("2022-10-17T10:00:37.400+02:00").unwrap()
    );
    assert!(speech.running);

    // Crash; restart 5 s later.
    let s = status("2022-10-17T10:00:42.400+02:00", &file);
    assert_eq!(s["current"]["delegation"], "Kenya");
    assert_eq!(s["current"]["elapsed_seconds"], 42);
    assert_eq!(s["current"]["remaining_seconds"], 180 - 42);
    assert_eq!(s["current"]["running"], true);
    // Rounded down to the second: 41.999 s is 41, 42.999 s is 42.
    let s = status("2022-10-17T10:00:41.399+02:00", &file);
    assert_eq!(s["current"]["elapsed_seconds"], 41);
    let s = status("2022-10-17T10:00:42.399+02:00", &file);
    assert_eq!(s["current"]["elapsed_seconds"], 42);
    // And the time keeps running into overtime.
    let s = status("2022-10-17T10:03:10+02:00", &file);
    assert_eq!(s["current"]["remaining_seconds"], -10);
}

/// The screen's clock reads the wall clock once, then only a monotonic `Instant`: a clock
/// anchored in 2022 still reads 2022 a moment later, whatever the wall clock says now, so a jump
/// of the wall clock (NTP, a hand-set clock, daylight saving) cannot move the countdown.
#[test]
fn the_clock_derives_time_from_a_monotonic_instant() {
    let start = parse_time("2022-10-17T10:00:00+02:00").unwrap();
    let c = Clock::starting_at(start, 1.0);
    let a = c.now();
    std::thread::sleep(Duration::from_millis(20));
    let b = c.now();
    assert!(a >= start && b > a, "{a} {b}");
    // Far from today's wall clock: the reading is the anchor plus monotonic time, nothing else.
    assert!(b - start < chrono::Duration::minutes(10), "{b}");
    // The pure part: the time at a given monotonic offset.
    assert_eq!(
        c.at(Duration::from_millis(42_500)),
        start + chrono::Duration::milliseconds(42_500)
    );
    // Readings never go backwards over many calls.
    let mut last = c.now();
    for _ in 0..10_000 {
        let n = c.now();
        assert!(n >= last);
        last = n;
    }
}

/// A running speech checkpointed at every save (here: every 1.0004 s for three hours, times with
/// sub-millisecond parts, as a monotonic clock gives them) counts the same time as one never
/// checkpointed: no drift accumulates from the saves.
#[test]
fn three_hours_of_checkpoints_do_not_drift() {
    use podium::domain::Speech;
    let start = parse_time("2022-10-17T10:00:00+02:00").unwrap();
    let mut saved = Speech::start(1, start);
    let untouched = Speech::start(1, start);
    let step = chrono::Duration::microseconds(1_000_400);
    let mut now = start;
    for _ in 0..10_800 {
        now += step;
        saved.checkpoint(now);
    }
    assert_eq!(saved.elapsed_ms(now), untouched.elapsed_ms(now));
    assert_eq!(saved.elapsed_seconds(now), 10_804);
}
