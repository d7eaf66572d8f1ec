//! The conference on the command line (SPEC section 8): one speech at a time across the lists
//! of a folder, `podium lists DIR --json`, the kinds in `list --json`, version 1 files.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const NOW: &str = "2022-10-17T10:00:00+02:00";

fn podium(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("podium")
        .expect("the binary")
        .env("PODIUM_NOW", NOW)
        .env("TZ", "Europe/Vienna")
        .args(args)
        .output()
        .expect("podium runs")
}

fn ok(args: &[&str]) -> String {
    let out = podium(args);
    assert!(
        out.status.success(),
        "podium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn p(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn add(file: &Path, delegation: &str, extra: &[&str]) {
    let speaker = format!("Speaker of {delegation}");
    let mut args = vec![
        "add",
        p(file),
        "--delegation",
        delegation,
        "--speaker",
        &speaker,
        "--level",
        "head-of-delegation",
    ];
    args.extend_from_slice(extra);
    ok(&args);
}

/// Every file of the folder with its bytes.
fn bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A folder with the opening statements (Austria at the podium) and the general discussion.
fn conference() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("folder");
    let opening = dir.path().join("opening.json");
    let general = dir.path().join("general.json");
    ok(&[
        "new",
        p(&opening),
        "--kind",
        "opening",
        "--title",
        "Opening statements",
    ]);
    ok(&["new", p(&general), "--title", "General discussion"]);
    add(&opening, "Austria", &["--role", "outgoing-president"]);
    add(&general, "Peru", &[]);
    ok(&["next", p(&opening)]);
    (dir, opening, general)
}

#[test]
fn next_while_another_list_of_the_folder_has_a_speaker_is_refused_naming_both_and_changes_no_file()
{
    let (dir, opening, general) = conference();
    let before = bytes(dir.path());
    let out = podium(&["next", p(&general)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error:"), "{err}");
    for named in [
        "Opening statements",
        "Austria",
        "General discussion",
        "end that speech first",
    ] {
        assert!(err.contains(named), "names {named}: {err}");
    }
    let after = bytes(dir.path());
    let changed: Vec<&String> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| &a.0)
        .collect();
    assert!(
        changed.is_empty() && before.len() == after.len(),
        "every file byte for byte as it was: {changed:?}"
    );
    // Once the speech ends on the opening list, the general discussion may call its speaker.
    ok(&["next", p(&opening)]);
    ok(&["next", p(&general)]);
    let status: Value =
        serde_json::from_str(&ok(&["status", p(&general), "--json"])).expect("json");
    assert_eq!(status["current"]["delegation"], "Peru");
}

#[test]
fn lists_json_has_the_shape_of_section_8_in_file_name_order() {
    let (dir, _opening, _general) = conference();
    std::fs::write(
        dir.path().join("broken.json"),
        b"{\"format\": \"podium-sess",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("other.json"),
        b"{\"format\": \"something else\"}",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("future.json"),
        b"{\"format\": \"podium-session\", \"version\": 99}",
    )
    .expect("write");
    let doc: Value = serde_json::from_str(&ok(&["lists", p(dir.path()), "--json"])).expect("json");
    let lists = doc["lists"].as_array().expect("lists");
    let files: Vec<&str> = lists.iter().filter_map(|l| l["file"].as_str()).collect();
    assert_eq!(
        files,
        ["broken.json", "future.json", "general.json", "opening.json"],
        "podium sessions and unreadable ones, in file name order; other JSON left alone"
    );
    let opening = &lists[3];
    assert_eq!(opening["title"], "Opening statements");
    assert_eq!(opening["kind"], "opening");
    assert_eq!(opening["window"], "open");
    assert_eq!(opening["waiting"], 0);
    assert_eq!(opening["spoken"], 0);
    assert_eq!(opening["current"]["delegation"], "Austria");
    assert_eq!(opening["current"]["id"], 1);
    assert_eq!(opening["error"], Value::Null);
    let general = &lists[2];
    assert_eq!(general["kind"], "general");
    assert_eq!(general["current"], Value::Null);
    assert_eq!(general["waiting"], 1);
    for unreadable in [&lists[0], &lists[1]] {
        assert!(unreadable["error"].as_str().is_some_and(|e| !e.is_empty()));
        for key in ["title", "kind", "window", "waiting", "spoken", "current"] {
            assert_eq!(unreadable[key], Value::Null, "{key}");
        }
    }
    for l in lists {
        let keys: Vec<&String> = l.as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), 8, "{keys:?}");
    }
}

#[test]
fn list_json_gives_the_kind_the_time_zone_the_role_and_the_reply() {
    let (dir, opening, general) = conference();
    let reply = dir.path().join("reply.json");
    ok(&["new", p(&reply), "--kind", "reply"]);
    add(&reply, "Ghana", &[]);
    add(&reply, "ghana", &[]);
    let third = podium(&[
        "add",
        p(&reply),
        "--delegation",
        "Ghana",
        "--speaker",
        "S",
        "--level",
        "delegate",
    ]);
    assert_eq!(third.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&third.stderr).contains("R12"));
    let role = podium(&[
        "add",
        p(&reply),
        "--delegation",
        "Peru",
        "--speaker",
        "S",
        "--level",
        "delegate",
        "--role",
        "executive-head",
    ]);
    assert_eq!(role.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&role.stderr).contains("R11"));
    let moved = podium(&["move", p(&general), "1", "--to", "1", "--reason", "why not"]);
    assert_eq!(moved.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&moved.stderr).contains("R11"));

    let r: Value = serde_json::from_str(&ok(&["list", p(&reply), "--json"])).expect("json");
    assert_eq!(r["kind"], "reply");
    assert_eq!(r["time_zone"], "Europe/Vienna");
    let limits: Vec<(i64, i64)> = r["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["reply"].as_i64().unwrap_or(0),
                e["limit_seconds"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(limits, [(1, 600), (2, 300)]);
    let o: Value = serde_json::from_str(&ok(&["list", p(&opening), "--json"])).expect("json");
    assert_eq!(o["kind"], "opening");
    assert_eq!(o["entries"][0]["role"], "outgoing-president");
    assert_eq!(o["entries"][0]["reply"], Value::Null);
    assert_eq!(o["entries"][0]["limit_seconds"], 300);
}

#[test]
fn a_version_1_file_opens_as_a_general_list() {
    let dir = tempfile::tempdir().expect("folder");
    let file = dir.path().join("v1.json");
    std::fs::write(
        &file,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/sample-session.json"
        )),
    )
    .expect("write");
    let doc: Value = serde_json::from_str(&ok(&["list", p(&file), "--json"])).expect("json");
    assert_eq!(doc["kind"], "general");
    ok(&["next", p(&file)]);
    let saved: Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    assert_eq!(saved["version"], 2);
}

/// A folder whose opening statements (two, 5 minutes each) and general discussion (Peru) share
/// the slot of 10:00-13:00 on 17 October.
fn one_slot_day() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("folder");
    let opening = dir.path().join("opening.json");
    let general = dir.path().join("general.json");
    let slot = "2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00";
    ok(&["new", p(&opening), "--kind", "opening", "--slot", slot]);
    ok(&["new", p(&general), "--slot", slot]);
    add(&opening, "Austria", &["--role", "outgoing-president"]);
    add(&opening, "Thailand", &["--role", "incoming-president"]);
    add(&general, "Peru", &[]);
    (dir, opening, general)
}

#[test]
fn the_plan_of_the_general_discussion_starts_after_the_opening_statements_of_the_same_slot() {
    let (_dir, opening, general) = one_slot_day();
    let g: Value = serde_json::from_str(&ok(&["list", p(&general), "--json"])).expect("json");
    // Two opening statements of 5 minutes, each followed by the 30-second changeover.
    assert_eq!(
        g["entries"][0]["projected_start"],
        "2022-10-17T10:11:00+02:00"
    );
    let o: Value = serde_json::from_str(&ok(&["list", p(&opening), "--json"])).expect("json");
    assert_eq!(
        o["entries"][0]["projected_start"], "2022-10-17T10:00:00+02:00",
        "the opening statements open the slot"
    );
}

#[test]
fn resume_of_a_speaker_called_but_not_started_is_refused_while_another_list_has_the_floor() {
    let (dir, _opening, _general) = conference();
    // A list whose speaker was called, clock not started, in a folder of its own, then brought
    // beside the opening statements (where Austria is at the podium).
    let apart = tempfile::tempdir().expect("folder");
    let reply = apart.path().join("reply.json");
    ok(&[
        "new",
        p(&reply),
        "--kind",
        "reply",
        "--title",
        "Right of reply",
    ]);
    ok(&["set", p(&reply), "start-on-call", "off"]);
    add(&reply, "Chile", &[]);
    ok(&["next", p(&reply)]);
    let moved = dir.path().join("reply.json");
    std::fs::copy(&reply, &moved).expect("copy");
    let before = bytes(dir.path());
    let out = podium(&["resume", p(&moved)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error:") && err.lines().count() == 1,
        "{err}"
    );
    for named in ["Opening statements", "Austria", "end that speech first"] {
        assert!(err.contains(named), "names {named}: {err}");
    }
    assert_eq!(
        bytes(dir.path()),
        before,
        "every file byte for byte as it was"
    );
    // Apart from the folder, the same resume starts the clock.
    ok(&["resume", p(&reply)]);
}

/// The exports' projected starts see the day as `list` does (SPEC section 8): the general
/// discussion's first speaker starts after the opening statements of the same slot, in the CSV,
/// the spreadsheet's rows (the CSV's columns) and the President's copy.
#[test]
fn the_exports_plan_the_general_discussion_after_the_opening_statements() {
    let (_dir, _, general) = one_slot_day();
    let g: Value = serde_json::from_str(&ok(&["list", p(&general), "--json"])).expect("json");
    let start = g["entries"][0]["projected_start"]
        .as_str()
        .expect("a projected start")
        .to_string();
    assert_eq!(start, "2022-10-17T10:11:00+02:00");
    let csv = ok(&["export", p(&general), "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().expect("a header").clone();
    let column = header
        .iter()
        .position(|h| h == "projected_start")
        .expect("a projected_start column");
    let row = rows.records().next().expect("a row").expect("a record");
    assert_eq!(&row[column], start, "{csv}");
    let html = ok(&["export", p(&general), "--format", "html"]);
    assert!(html.contains("10:11"), "the President's copy: {html}");
    assert!(
        !html.contains("10:00</td>"),
        "not at the slot's start: {html}"
    );
}
