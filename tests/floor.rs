//! The floor on the command line (SPEC sections 3 and 9): `pause`, `resume`, `point-of-order`,
//! `time` and `message` are the screen's Space, `p`, `+`/`-` and `m`: the same changes, saved and
//! logged alike, refused with exit 1, one `error:` line and the file byte for byte as it was when
//! they do not apply; `start-on-call`, `messages` and `warning` are settings; `status --json`
//! has the message and the point of order.

mod support;

use serde_json::Value;
use support::cli::{Desk, add_args};

/// A list of two delegations, Kenya called (its clock running at 10:00).
fn called() -> Desk {
    let d = Desk::with(&[]);
    d.ok(&add_args("Kenya", "delegate", &[]));
    d.ok(&add_args("Ghana", "delegate", &[]));
    d.ok(&["next"]);
    d
}

fn status(d: &Desk) -> Value {
    serde_json::from_str(&d.ok(&["status", "--json"])).expect("status --json is JSON")
}

fn session(d: &Desk) -> Value {
    serde_json::from_str(&std::fs::read_to_string(&d.file).expect("the file")).expect("JSON")
}

/// The kinds of the log records, in order.
fn logged(d: &Desk) -> Vec<String> {
    session(d)["log"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|r| r["what"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `podium ARGS` at a later time of the same morning.
fn at(d: &Desk, time: &str, args: &[&str]) -> String {
    let out = d
        .cmd(args)
        .env("PODIUM_NOW", time)
        .output()
        .expect("podium runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pause_stops_the_clock_is_logged_and_is_refused_on_a_paused_clock() {
    let d = called();
    let said = at(&d, "2022-10-17T10:00:40+02:00", &["pause"]);
    assert!(said.contains("Kenya"), "{said}");
    let s = status(&d);
    assert_eq!(s["current"]["running"], false);
    assert_eq!(s["current"]["elapsed_seconds"], 40);
    assert_eq!(s["current"]["point_of_order"], false);
    assert_eq!(logged(&d).last().map(String::as_str), Some("paused"));
    let err = d.refused_with(&["pause"], 1);
    assert!(err.contains("not running"), "{err}");
}

#[test]
fn resume_starts_the_clock_again_and_is_refused_on_a_running_clock() {
    let d = called();
    let err = d.refused_with(&["resume"], 1);
    assert!(err.contains("already running"), "{err}");
    at(&d, "2022-10-17T10:00:40+02:00", &["pause"]);
    at(&d, "2022-10-17T10:05:00+02:00", &["resume"]);
    assert_eq!(logged(&d).last().map(String::as_str), Some("resumed"));
    // Forty seconds before the pause, ten after the resume.
    let out = d
        .cmd(&["status", "--json"])
        .env("PODIUM_NOW", "2022-10-17T10:05:10+02:00")
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(s["current"]["elapsed_seconds"], 50);
    assert_eq!(s["current"]["running"], true);
}

#[test]
fn point_of_order_pauses_marked_as_such() {
    let d = called();
    at(&d, "2022-10-17T10:01:00+02:00", &["point-of-order"]);
    let s = status(&d);
    assert_eq!(s["current"]["running"], false);
    assert_eq!(s["current"]["point_of_order"], true);
    assert_eq!(
        logged(&d).last().map(String::as_str),
        Some("point-of-order")
    );
    // Resume clears the mark.
    at(&d, "2022-10-17T10:02:00+02:00", &["resume"]);
    assert_eq!(status(&d)["current"]["point_of_order"], false);
}

#[test]
fn time_gives_and_takes_time_and_refuses_to_take_what_is_not_left() {
    let d = called();
    d.ok(&["time", "+30s"]);
    assert_eq!(status(&d)["current"]["limit_seconds"], 210);
    d.ok(&["time", "-1m"]);
    assert_eq!(status(&d)["current"]["limit_seconds"], 150);
    let kinds = logged(&d);
    assert_eq!(kinds[kinds.len() - 2..], ["extra-time", "extra-time"]);
    // With 20 seconds left, 30 cannot be taken.
    let file = std::fs::read(&d.file).expect("file");
    let out = d
        .cmd(&["time", "-30s"])
        .env("PODIUM_NOW", "2022-10-17T10:02:10+02:00")
        .output()
        .expect("time");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: ") && err.contains("0:20 left"),
        "{err}"
    );
    assert_eq!(std::fs::read(&d.file).expect("file"), file);
    // No direction, or no time at all: refused, the file as it was.
    d.refused_with(&["time", "30s"], 1);
    d.refused_with(&["time", "+0s"], 1);
    // A bare number is refused, as every duration (seconds or minutes? issue 12).
    d.refused_with(&["time", "+30"], 1);
}

#[test]
fn message_shows_in_status_and_no_text_clears_it() {
    let d = called();
    let said = d.ok(&["message", "Please conclude"]);
    assert!(said.contains("Please conclude"), "{said}");
    assert_eq!(status(&d)["message"], "Please conclude");
    assert_eq!(logged(&d).last().map(String::as_str), Some("message"));
    d.ok(&["message"]);
    assert_eq!(status(&d)["message"], Value::Null);
    // Words after FILE are joined, as typed.
    d.ok(&["message", "Time", "is", "up"]);
    assert_eq!(status(&d)["message"], "Time is up");
    // Too long, or on two lines: refused.
    d.refused_with(&["message", &"x".repeat(201)], 1);
    d.refused_with(&["message", "one\ntwo"], 1);
}

#[test]
fn next_clears_the_message_of_the_speaker_before() {
    let d = called();
    d.ok(&["message", "Please conclude"]);
    d.ok(&["next"]);
    assert_eq!(status(&d)["message"], Value::Null);
    assert_eq!(status(&d)["current"]["delegation"], "Ghana");
}

#[test]
fn absent_on_the_speaker_at_the_podium_clears_the_message() {
    let d = called();
    d.ok(&["message", "Please conclude"]);
    d.ok(&["absent", "Kenya"]);
    assert_eq!(status(&d)["message"], Value::Null);
}

#[test]
fn the_floor_commands_are_refused_with_nobody_at_the_podium() {
    let d = Desk::with(&[]);
    d.ok(&add_args("Kenya", "delegate", &[]));
    for args in [
        vec!["pause"],
        vec!["resume"],
        vec!["point-of-order"],
        vec!["time", "+30s"],
        vec!["time", "-30s"],
        vec!["message", "Please conclude"],
    ] {
        let err = d.refused_with(&args, 1);
        assert!(err.contains("nobody is at the podium"), "{args:?}: {err}");
    }
}

#[test]
fn with_start_on_call_off_next_calls_at_zero_and_resume_starts_the_clock() {
    let d = Desk::with(&[]);
    d.ok(&add_args("Kenya", "minister", &[]));
    d.ok(&["set", "start-on-call", "off"]);
    assert_eq!(session(&d)["settings"]["start_on_call"], false);
    let said = d.ok(&["next"]);
    assert!(said.contains("Kenya"), "{said}");
    let out = d
        .cmd(&["status", "--json"])
        .env("PODIUM_NOW", "2022-10-17T10:01:00+02:00")
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(s["current"]["delegation"], "Kenya");
    assert_eq!(s["current"]["running"], false);
    assert_eq!(s["current"]["elapsed_seconds"], 0);
    // The clock is not running: nothing to pause; resume starts it.
    d.refused_with(&["pause"], 1);
    at(&d, "2022-10-17T10:01:00+02:00", &["resume"]);
    let out = d
        .cmd(&["status", "--json"])
        .env("PODIUM_NOW", "2022-10-17T10:01:30+02:00")
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(s["current"]["running"], true);
    assert_eq!(s["current"]["elapsed_seconds"], 30);
    d.ok(&["set", "start-on-call", "on"]);
    d.refused_with(&["set", "start-on-call", "maybe"], 1);
}

#[test]
fn messages_and_warning_are_settings() {
    let d = Desk::with(&[]);
    assert_eq!(
        session(&d)["settings"]["messages"],
        serde_json::json!(["30 seconds left", "Please conclude", "Time is up"])
    );
    d.ok(&["set", "messages", "A|B|C"]);
    assert_eq!(
        session(&d)["settings"]["messages"],
        serde_json::json!(["A", "B", "C"])
    );
    d.refused_with(&["set", "messages", "1|2|3|4|5|6|7|8|9|10"], 1);
    d.refused_with(&["set", "messages", "A||C"], 1);
    d.refused_with(&["set", "messages", &"x".repeat(201)], 1);
    d.ok(&["set", "warning", "45s"]);
    assert_eq!(session(&d)["settings"]["warning_seconds"], 45);
    d.refused_with(&["set", "warning", "soon"], 1);
    d.refused_with(&["set", "warning", "45"], 1);
    assert_eq!(session(&d)["settings"]["warning_seconds"], 45);
    assert_eq!(logged(&d).last().map(String::as_str), Some("setting"));
}

#[test]
fn status_json_has_the_shape_of_the_spec() {
    let d = called();
    let s = status(&d);
    let mut keys: Vec<&str> = s
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(keys, ["current", "message", "spoken", "waiting"]);
    let mut current: Vec<&str> = s["current"]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    current.sort_unstable();
    assert_eq!(
        current,
        [
            "delegation",
            "elapsed_seconds",
            "id",
            "limit_seconds",
            "point_of_order",
            "remaining_seconds",
            "running",
            "speaker"
        ]
    );
}
