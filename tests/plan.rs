//! The meeting plan (SPEC section 4): projected start times from the limits, the changeover and
//! the slots of the annex "Proposed organization of work" (17 October 2022, 10-13 and 15-18).

use assert_cmd::Command;
use chrono::Duration;
use podium::domain::plan::Plan;
use podium::domain::{Inscription, Level, Session, Settings, Slot, Time, parse_time};

fn t(s: &str) -> Time {
    parse_time(s).expect("test time")
}

fn cop11_day(changeover: i64) -> Session {
    let settings = Settings {
        changeover_seconds: changeover,
        slots: vec![
            Slot {
                start: t("2022-10-17T10:00:00+02:00"),
                end: t("2022-10-17T13:00:00+02:00"),
            },
            Slot {
                start: t("2022-10-17T15:00:00+02:00"),
                end: t("2022-10-17T18:00:00+02:00"),
            },
        ],
        ..Settings::default()
    };
    Session::new("plan", settings, t("2022-10-01T10:00:00+02:00"))
}

fn fill(s: &mut Session, n: usize) {
    for i in 0..n {
        let at = t("2022-09-06T10:00:00+02:00") + Duration::minutes(i as i64);
        let ins = Inscription {
            requested_at: Some(at),
            ..Inscription::new(&format!("Delegation {i:03}"), "S", Level::Delegate)
        };
        s.add(ins, at).expect("inscription");
    }
}

fn starts(s: &Session, now: Time) -> Plan {
    Plan::compute(s, &s.queue(), now)
}

fn hm(t: Option<Time>) -> String {
    t.map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_else(|| "-".into())
}

#[test]
fn before_the_meeting_the_first_speaker_starts_with_the_first_slot_then_limit_plus_changeover() {
    let mut s = cop11_day(30);
    fill(&mut s, 3);
    let p = starts(&s, t("2022-10-17T08:00:00+02:00"));
    let got: Vec<String> = p.starts.iter().map(|t| hm(*t)).collect();
    assert_eq!(got, ["10:00:00", "10:03:30", "10:07:00"]);
    assert_eq!(hm(p.expected_end), "10:10:00");
    assert_eq!(p.not_reached, 0);
}

#[test]
fn an_entry_that_would_end_after_13_00_starts_at_15_00_with_no_changeover() {
    let mut s = cop11_day(30);
    fill(&mut s, 60);
    let p = starts(&s, t("2022-10-17T08:00:00+02:00"));
    // 3:30 a speaker: the 52nd would start at 12:58:30 and end at 13:01:30, so it opens the
    // afternoon, with no changeover.
    assert_eq!(hm(p.starts[50]), "12:55:00");
    assert_eq!(hm(p.starts[51]), "15:00:00");
    assert_eq!(hm(p.starts[52]), "15:03:30");
}

#[test]
fn a_changeover_of_zero_packs_the_slot() {
    let mut s = cop11_day(0);
    fill(&mut s, 61);
    let p = starts(&s, t("2022-10-17T08:00:00+02:00"));
    assert_eq!(
        hm(p.starts[59]),
        "12:57:00",
        "60 speakers of 3 minutes fill 10-13 exactly"
    );
    assert_eq!(hm(p.starts[60]), "15:00:00");
}

#[test]
fn entries_past_18_00_have_no_projected_start_and_are_counted() {
    let mut s = cop11_day(30);
    fill(&mut s, 110);
    let p = starts(&s, t("2022-10-17T08:00:00+02:00"));
    let placed = p.starts.iter().filter(|s| s.is_some()).count();
    assert_eq!(placed, 102, "51 in the morning, 51 in the afternoon");
    assert!(p.starts[102..].iter().all(|s| s.is_none()));
    assert_eq!(p.not_reached, 8);
    assert_eq!(hm(p.expected_end), "17:58:00");
}

#[test]
fn a_running_speech_counts_from_its_real_remaining_time_and_in_overtime_from_now() {
    let mut s = cop11_day(30);
    fill(&mut s, 3);
    let called = t("2022-10-17T10:10:00+02:00");
    s.next(called).expect("next");
    let p = starts(&s, called + Duration::seconds(60));
    assert_eq!(
        hm(p.starts[0]),
        "10:13:00",
        "the current speech would end at its full limit"
    );
    assert_eq!(hm(p.starts[1]), "10:16:30");
    let late = called + Duration::seconds(200); // 20 s into overtime
    let p = starts(&s, late);
    assert_eq!(hm(p.starts[0]), "10:13:20");
}

#[test]
fn without_slots_the_plan_is_empty() {
    let mut s = Session::new(
        "no slots",
        Settings::default(),
        t("2022-10-01T10:00:00+02:00"),
    );
    fill(&mut s, 3);
    let p = starts(&s, t("2022-10-17T08:00:00+02:00"));
    assert_eq!(p.starts, vec![None, None, None]);
    assert_eq!(p.expected_end, None);
}

#[test]
fn during_the_lunch_break_the_queue_starts_at_15_00_and_after_the_day_nothing_fits() {
    let mut s = cop11_day(30);
    fill(&mut s, 2);
    let p = starts(&s, t("2022-10-17T13:30:00+02:00"));
    assert_eq!(hm(p.starts[0]), "15:00:00");
    let p = starts(&s, t("2022-10-17T18:30:00+02:00"));
    assert_eq!(p.starts, vec![None, None]);
    assert_eq!(p.not_reached, 2);
}

#[test]
fn list_json_gives_the_projected_start_of_each_waiting_entry() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("s.json");
    let f = file.to_str().expect("utf-8 path");
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("podium")
            .expect("binary")
            .env("PODIUM_NOW", "2022-10-17T09:00:00+02:00")
            // A list in Vienna: its times carry Vienna's offset.
            .env("TZ", "Europe/Vienna")
            .env("HOME", dir.path())
            .args(args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&[
        "new",
        f,
        "--slot",
        "2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00",
        "--slot",
        "2022-10-17T15:00:00+02:00/2022-10-17T18:00:00+02:00",
    ]);
    run(&[
        "add",
        f,
        "--delegation",
        "Peru",
        "--speaker",
        "S",
        "--level",
        "delegate",
        "--at",
        "2022-09-06T10:00:00+02:00",
    ]);
    run(&[
        "add",
        f,
        "--delegation",
        "Ghana",
        "--speaker",
        "S",
        "--level",
        "delegate",
        "--chair-of",
        "african",
        "--at",
        "2022-09-07T10:00:00+02:00",
    ]);
    run(&["set", f, "changeover", "1m"]);
    let l: serde_json::Value = serde_json::from_str(&run(&["list", f, "--json"])).expect("json");
    assert_eq!(
        l["entries"][0]["projected_start"],
        "2022-10-17T10:00:00+02:00"
    );
    assert_eq!(
        l["entries"][1]["projected_start"],
        "2022-10-17T10:04:00+02:00"
    );
    run(&["next", f]);
    let l: serde_json::Value = serde_json::from_str(&run(&["list", f, "--json"])).expect("json");
    assert_eq!(
        l["entries"][0]["projected_start"],
        serde_json::Value::Null,
        "not waiting"
    );
    assert_eq!(
        l["entries"][1]["projected_start"],
        "2022-10-17T10:00:00+02:00"
    );
    run(&["set", f, "slots", "none"]);
    let l: serde_json::Value = serde_json::from_str(&run(&["list", f, "--json"])).expect("json");
    assert_eq!(l["entries"][1]["projected_start"], serde_json::Value::Null);
}
