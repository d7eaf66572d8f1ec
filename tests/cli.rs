//! The command line, run as the real binary: exit codes, `error:` lines, untouched files, the
//! JSON shapes of SPEC section 3, the lock, broken and foreign files.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

mod support;

use support::cli::{Desk, add_args};

/// The lists here are COP11's: open from 5 September to noon on 17 October 2022.
fn cop11() -> Desk {
    Desk::with(&[
        "--title",
        "COP11 general discussion",
        "--opens",
        "2022-09-05T00:00:00+02:00",
        "--closes",
        "2022-10-17T12:00:00+02:00",
    ])
}

impl Desk {
    fn add(&self, delegation: &str, level: &str, at: &str) {
        self.ok(&add_args(delegation, level, &["--at", at]));
    }
}

fn delegations(list: &Value) -> Vec<String> {
    list["entries"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["delegation"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_refusal_exits_1_with_one_error_line_and_leaves_the_file_byte_for_byte() {
    let d = cop11();
    d.add("Ghana", "minister", "2022-09-06T10:00:00+02:00");
    d.add("Japan", "head-of-government", "2022-09-07T10:00:00+02:00");
    d.ok(&add_args(
        "Ghana",
        "minister",
        &["--chair-of", "african", "--at", "2022-09-08T10:00:00+02:00"],
    ));
    d.add("Peru", "delegate", "2022-09-09T10:00:00+02:00");
    let late = d.refused_with(
        &add_args("Chile", "delegate", &["--at", "2022-10-17T12:00:01+02:00"]),
        1,
    );
    assert!(late.contains("--late"), "says what to do: {late}");
    d.refused_with(
        &add_args("ghana", "delegate", &["--at", "2022-09-10T10:00:00+02:00"]),
        1,
    );
    d.refused_with(&add_args("Chile", "delegate", &["--at", "yesterday"]), 1);
    d.refused_with(
        &add_args(" ", "delegate", &["--at", "2022-09-10T10:00:00+02:00"]),
        1,
    );
    let across = d.refused_with(&["swap", "1", "2"], 1);
    assert!(across.contains("same level"), "{across}");
    let ambiguous = d.refused_with(&["withdraw", "ghana"], 1);
    assert!(
        ambiguous.contains("#1") && ambiguous.contains("#3"),
        "lists the candidates: {ambiguous}"
    );
    d.refused_with(&["withdraw", "Narnia"], 1);
    d.refused_with(&["withdraw", "99"], 1);
    d.refused_with(
        &[
            "replace",
            "4",
            "--speaker",
            "X",
            "--level",
            "minister",
            "--at",
            "2022-09-01T10:00:00+02:00",
        ],
        1,
    );
    d.refused_with(&["set", "limit", "three minutes"], 1);
    d.refused_with(&["set", "colour", "red"], 1);
    d.refused_with(&["set", "opens", "2022-11-01T00:00:00+02:00"], 1);
    d.refused_with(
        &[
            "set",
            "slots",
            "2022-10-17T13:00:00+02:00/2022-10-17T10:00:00+02:00",
        ],
        1,
    );
    d.ok(&["next"]);
    d.refused_with(&["withdraw", "1"], 1); // Ghana is at the podium, not waiting
    d.refused_with(&["swap", "2", "1"], 1);
    d.ok(&["withdraw", "4"]);
    d.refused_with(&["mark", "99", "--statement-received"], 1);
    d.refused_with(&["mark", "4", "--introducer", " "], 1);
    d.ok(&["next"]);
    d.ok(&["next"]);
    d.ok(&["next"]);
    d.refused_with(&["next"], 1);
}

#[test]
fn usage_errors_exit_2() {
    let d = cop11();
    d.refused_with(&["add", "--delegation", "Chile", "--speaker", "S"], 2);
    d.refused_with(&add_args("Chile", "king", &[]), 2);
    d.refused_with(&add_args("Chile", "delegate", &["--mode", "telepathy"]), 2);
    d.refused_with(&add_args("Chile", "delegate", &["--chair-of", "nordic"]), 2);
    d.refused_with(&["mark", "1"], 2);
    d.refused_with(&["list", "--frobnicate"], 2);
}

#[test]
fn words_are_accepted_in_any_case_and_groups_by_their_full_names() {
    let d = cop11();
    d.ok(&add_args(
        "Peru",
        "Head-Of-Delegation",
        &[
            "--chair-of",
            "Latin American and Caribbean States",
            "--category",
            "STATE-PARTY",
            "--mode",
            "Remote",
            "--at",
            "2022-09-09T10:00:00+02:00",
        ],
    ));
    let l = d.list();
    let e = &l["entries"][0];
    assert_eq!(e["level"], "head-of-delegation");
    assert_eq!(e["chair_of"], "latin-american-caribbean");
    assert_eq!(e["mode"], "remote");
    assert_eq!(e["limit_seconds"], 300);
}

#[test]
fn list_json_gives_display_order_positions_and_times_as_the_spec_says() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    d.add("Egypt", "minister", "2022-09-07T10:00:00+02:00");
    d.add("Kenya", "minister", "2022-09-08T10:00:00+02:00");
    d.add("Chile", "delegate", "2022-09-30T10:00:00+02:00");
    d.add("Fiji", "delegate", "2022-10-02T10:00:00+02:00");
    assert_eq!(
        delegations(&d.list()),
        ["Egypt", "Kenya", "Peru", "Chile", "Fiji"]
    );
    // R4 through the command line: Egypt's minister replaced on 1 October.
    d.ok(&[
        "replace",
        "egypt",
        "--speaker",
        "Deputy",
        "--level",
        "deputy-minister",
        "--at",
        "2022-10-01T10:00:00+02:00",
    ]);
    let l = d.list();
    assert_eq!(delegations(&l), ["Kenya", "Peru", "Chile", "Egypt", "Fiji"]);
    let egypt = &l["entries"][3];
    assert_eq!(egypt["position"], 4);
    assert_eq!(egypt["requested_at"], "2022-09-07T10:00:00+02:00");
    assert_eq!(egypt["queued_at"], "2022-10-01T10:00:00+02:00");
    assert_eq!(egypt["priority"], false);
    d.ok(&["swap", "peru", "chile", "--at", "2022-10-05T10:00:00+02:00"]);
    let l = d.list();
    assert_eq!(delegations(&l), ["Kenya", "Chile", "Peru", "Egypt", "Fiji"]);
    assert_eq!(
        l["entries"][1]["queued_at"], "2022-09-06T10:00:00+02:00",
        "a swap exchanges queued_at"
    );
    d.ok(&["next"]);
    d.ok(&["withdraw", "fiji"]);
    d.ok(&["next"]);
    let l = d.list();
    assert_eq!(delegations(&l), ["Kenya", "Chile", "Peru", "Egypt", "Fiji"]);
    let statuses: Vec<&str> = l["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["spoken", "current", "waiting", "waiting", "withdrawn"]
    );
    assert_eq!(l["entries"][0]["spoken_seconds"], 0);
    assert_eq!(l["entries"][0]["position"], Value::Null);
    assert_eq!(l["entries"][2]["position"], 1);
    assert_eq!(l["window"], "open");
    assert_eq!(l["title"], "COP11 general discussion");
}

#[test]
fn status_json_counts_down_from_the_file_checkpoint() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    d.add("Chile", "delegate", "2022-09-07T10:00:00+02:00");
    d.ok(&["next"]);
    let out = d
        .cmd(&["status", "--json"])
        .env("PODIUM_NOW", "2022-10-17T10:03:10+02:00")
        .output()
        .expect("run");
    let st: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(st["current"]["delegation"], "Peru");
    assert_eq!(st["current"]["elapsed_seconds"], 190);
    assert_eq!(st["current"]["remaining_seconds"], -10);
    assert_eq!(st["current"]["running"], true);
    assert_eq!(st["waiting"], 1);
    assert_eq!(st["spoken"], 0);
    let human = d.ok(&["status"]);
    assert!(human.contains("Peru"), "{human}");
}

#[test]
fn absent_and_mark_through_the_command_line() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    d.add("Chile", "delegate", "2022-09-07T10:00:00+02:00");
    d.add("Fiji", "delegate", "2022-09-08T10:00:00+02:00");
    d.ok(&["next"]);
    d.ok(&["absent", "peru"]);
    assert_eq!(delegations(&d.list()), ["Chile", "Peru", "Fiji"]);
    d.ok(&["set", "absent", "drop"]);
    d.ok(&["absent", "Chile"]);
    assert_eq!(d.list()["entries"][2]["status"], "withdrawn");
    d.ok(&["mark", "fiji", "--statement-received", "--no-post"]);
    d.ok(&["mark", "fiji", "--introducer", "H.E. Ambassador"]);
    let l = d.list();
    let fiji = l["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["delegation"] == "Fiji")
        .cloned()
        .unwrap();
    assert_eq!(fiji["statement_received"], true);
    assert_eq!(fiji["no_post"], true);
    assert_eq!(fiji["introducer"], "H.E. Ambassador");
}

#[test]
fn new_never_overwrites_and_check_passes_on_a_sound_file() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    let before = std::fs::read(&d.file).unwrap();
    let out = d.cmd(&["new"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error:"));
    assert_eq!(std::fs::read(&d.file).unwrap(), before);
    let ok = d.ok(&["check"]);
    assert!(ok.contains("sound"), "{ok}");
    // Only FILE, FILE.bak and FILE.lock beside it.
    let mut names: Vec<String> = std::fs::read_dir(d.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["s.json", "s.json.bak", "s.json.lock"]);
}

#[test]
fn a_second_writer_is_refused_while_the_lock_is_held_and_readers_still_work() {
    let d = cop11();
    // The holder's record names a live process (a dead one's record is passed over).
    let _held =
        podium::store::Writer::acquire(&d.file, &podium::store::holder("podium screen")).unwrap();
    let err = d.refused_with(
        &add_args("Peru", "delegate", &["--at", "2022-09-06T10:00:00+02:00"]),
        1,
    );
    let pid = format!("pid {}, podium screen", std::process::id());
    assert!(err.contains(&pid), "names the holder: {err}");
    d.ok(&["list", "--json"]);
    d.ok(&["status", "--json"]);
    d.ok(&["check"]);
}

#[test]
fn a_stale_temporary_file_is_removed_by_the_next_writer() {
    let d = cop11();
    let tmp = podium::store::temp_path(&d.file);
    std::fs::write(&tmp, b"half a save").unwrap();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    assert!(!tmp.exists());
}

fn broken(d: &Desk, content: &[u8]) -> String {
    std::fs::write(&d.file, content).unwrap();
    let mut last = String::new();
    for args in [
        &["list", "--json"][..],
        &["status"],
        &["check"],
        &["next"],
        &add_args("Peru", "delegate", &[]),
    ] {
        last = d.refused_with(args, 1);
    }
    last
}

#[test]
fn a_file_cut_in_half_is_refused_with_line_and_column_and_left_untouched() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    let whole = std::fs::read(&d.file).unwrap();
    let err = broken(&d, &whole[..whole.len() / 2]);
    assert!(err.contains("line") && err.contains("column"), "{err}");
    let path = d.path();
    assert!(
        err.contains(&format!("cp {path}.bak {path}")),
        "FILE.bak loads, so the message says how to fall back to it: {err}"
    );
}

#[test]
fn a_broken_file_offers_no_fall_back_to_a_backup_that_is_broken_too() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    let whole = std::fs::read(&d.file).unwrap();
    std::fs::write(
        podium::store::backup_path(&d.file),
        b"{\"format\": \"podium-ses",
    )
    .unwrap();
    let err = broken(&d, &whole[..whole.len() / 2]);
    assert!(err.contains("line") && err.contains("column"), "{err}");
    assert!(
        !err.contains("cp "),
        "no advice to copy a broken FILE.bak: {err}"
    );
    assert!(err.contains("no good previous version"), "{err}");
}

#[test]
fn a_file_that_is_not_json_is_called_not_a_podium_session_file() {
    let d = cop11();
    for text in [
        "[server]\nport = 8080\n",
        "delegation,speaker\nPeru,X\n",
        "[1, 2]\n",
    ] {
        let err = broken(&d, text.as_bytes());
        assert!(
            err.contains("is not a podium session file"),
            "{text}: {err}"
        );
        assert!(!err.contains("broken at line"), "{text}: {err}");
        assert!(!err.contains(".bak"), "{text}: no backup advice: {err}");
    }
}

#[test]
fn a_folder_that_does_not_exist_is_named_as_missing() {
    let d = cop11();
    let file = d.dir.path().join("no-such-folder").join("s.json");
    let out = Command::cargo_bin("podium")
        .unwrap()
        .env("HOME", d.dir.path())
        .arg("--file")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(!err.to_lowercase().contains("free some space"), "{err}");
}

#[test]
fn mark_reports_every_mark_it_made() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    let said = d.ok(&["mark", "peru", "--statement-received", "--no-post"]);
    assert!(said.contains("statement received"), "{said}");
    assert!(said.contains("do not post"), "{said}");
    assert_eq!(said.lines().count(), 2, "one line per mark: {said}");
}

#[test]
fn a_time_that_does_not_parse_is_refused_in_plain_words() {
    let d = cop11();
    let err = d.refused_with(
        &add_args("Peru", "delegate", &["--at", "5 Sep 09:12:00 tomorrow"]),
        1,
    );
    assert!(
        err.contains("2022-10-14T09:30:00+02:00"),
        "shows a form: {err}"
    );
    for jargon in [
        "premature",
        "input contains",
        "invalid characters",
        "trailing input",
    ] {
        assert!(!err.contains(jargon), "no parser jargon ({jargon}): {err}");
    }
}

#[test]
fn a_file_of_version_99_is_refused_with_a_clear_message_and_left_untouched() {
    let d = cop11();
    let text = std::fs::read_to_string(&d.file)
        .unwrap()
        .replace("\"version\": 2", "\"version\": 99");
    let err = broken(&d, text.as_bytes());
    assert!(err.contains("version 99"), "{err}");
    let err = broken(&d, br#"{"format": "something-else", "version": 1}"#);
    assert!(err.contains("not a podium session"), "{err}");
}

#[test]
fn a_version_1_file_is_read_as_a_general_list_and_written_back_as_version_2() {
    let d = cop11();
    d.add("Peru", "delegate", "2022-09-06T10:00:00+02:00");
    // A version 1 file had neither kind nor time zone.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&d.file).unwrap()).unwrap();
    v["version"] = Value::from(1);
    let o = v.as_object_mut().unwrap();
    o.remove("kind");
    o.remove("time_zone");
    std::fs::write(&d.file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let before = std::fs::read(&d.file).unwrap();
    // Read-only commands leave it as it is.
    assert!(d.ok(&["list"]).contains("Peru"));
    assert_eq!(std::fs::read(&d.file).unwrap(), before);
    d.ok(&add_args(
        "Chile",
        "delegate",
        &["--at", "2022-09-07T10:00:00+02:00"],
    ));
    let after: Value = serde_json::from_str(&std::fs::read_to_string(&d.file).unwrap()).unwrap();
    assert_eq!(after["version"], 2);
    assert_eq!(after["kind"], "general");
    assert!(after["time_zone"].as_str().is_some_and(|z| !z.is_empty()));
}

#[test]
fn a_missing_file_is_named_with_the_command_that_creates_it() {
    let d = cop11();
    let out = Command::cargo_bin("podium")
        .unwrap()
        .args(["list", d.dir.path().join("nope.json").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("podium new"));
}

/// The contract's own shape check (SPEC section 3), a Python script kept in the repository
/// (tests/tools/check-contract, a copy of the shared one: tests/cli_doc.rs keeps them equal).
#[test]
fn the_shared_contract_check_passes() {
    if !support::needs::tool(
        "python3",
        &["--version"],
        "the contract check tests/tools/check-contract is a Python script",
    ) {
        return;
    }
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/check-contract");
    let out = std::process::Command::new("python3")
        .arg(&tool)
        .env("PODIUM", env!("CARGO_BIN_EXE_podium"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run check-contract");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("hold"), "{text}");
}
