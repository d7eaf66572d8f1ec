//! SPEC 5, texts: "Control characters (C0, DEL, C1) and bidirectional overrides (U+202A–U+202E,
//! U+2066–U+2069) are refused in every text that comes from the command line, the screen or an
//! import. A file that carries them anyway (edited by hand) is shown with each such character
//! replaced by U+FFFD on every output ..., and `check` names them. No output of podium ever
//! sends a raw control sequence that came from a file or an argument." And 200 characters at
//! most, the error saying so. Checked by bytes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_podium");

fn podium(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("PODIUM_NOW", "2022-10-17T10:00:00+02:00")
        .output()
        .expect("podium runs")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The raw control bytes and sequences a terminal would act on: C0 but line feed and tab (and a
/// carriage return before a line feed), DEL, C1 in UTF-8, and the bidirectional overrides.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        if (b < 0x20 && b != b'\n' && b != b'\t' && !crlf) || b == 0x7f {
            found.push(format!("byte {b:#04x} at {i}"));
        }
        if b == 0xc2 && matches!(bytes.get(i + 1), Some(0x80..=0x9f)) {
            found.push(format!("C1 at {i}"));
        }
        if b == 0xe2
            && matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            )
        {
            found.push(format!("bidirectional override at {i}"));
        }
    }
    found
}

fn new_session(dir: &Path) -> PathBuf {
    let file = dir.join("s.json");
    let out = podium(&["new", s(&file)]);
    assert!(out.status.success(), "{out:?}");
    for d in ["Peru", "Chile"] {
        let out = podium(&[
            "add",
            s(&file),
            "--delegation",
            d,
            "--speaker",
            "A speaker",
            "--level",
            "delegate",
        ]);
        assert!(out.status.success(), "{out:?}");
    }
    file
}

/// A refusal: exit 1, one clean `error:` line, the file byte for byte as it was.
fn refused(file: &Path, args: &[&str]) -> String {
    let before = std::fs::read(file).unwrap();
    let out = podium(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(
        err.starts_with("error: ") && err.lines().count() == 1,
        "{err}"
    );
    assert!(raw_controls(&out.stderr).is_empty(), "{err:?}");
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "{args:?} changed the file"
    );
    err
}

const HOSTILE: [&str; 6] = [
    "\u{1b}]0;owned\u{7}",
    "Peru\u{1b}[2J",
    "Pe\u{7f}ru",
    "Pe\u{9b}31mru",
    "Peru\u{202e}txt.exe",
    "Pe\u{2066}ru",
];

#[test]
fn control_characters_and_bidi_overrides_are_refused_in_every_text_of_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let late = dir.path().join("late.json");
    let out = podium(&["new", s(&late), "--closes", "2022-10-01T00:00:00+02:00"]);
    assert!(out.status.success(), "{out:?}");
    for bad in HOSTILE {
        let other = dir.path().join("other.json");
        let out = podium(&["new", s(&other), "--title", bad]);
        assert_eq!(out.status.code(), Some(1), "title {bad:?}: {out:?}");
        assert!(!other.exists(), "a session was created with title {bad:?}");
        assert!(raw_controls(&out.stderr).is_empty());
        for (flag, good) in [("--delegation", "--speaker"), ("--speaker", "--delegation")] {
            refused(
                &file,
                &[
                    "add",
                    s(&file),
                    flag,
                    bad,
                    good,
                    "Kenya",
                    "--level",
                    "delegate",
                ],
            );
        }
        refused(
            &late,
            &[
                "add",
                s(&late),
                "--delegation",
                "Kenya",
                "--speaker",
                "S",
                "--level",
                "delegate",
                "--late",
                bad,
            ],
        );
        refused(&file, &["mark", s(&file), "1", "--introducer", bad]);
        refused(
            &file,
            &[
                "replace",
                s(&file),
                "1",
                "--speaker",
                bad,
                "--level",
                "delegate",
            ],
        );
    }
}

#[test]
fn control_characters_and_bidi_overrides_are_refused_in_the_messages_to_the_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let out = podium(&["next", s(&file)]);
    assert!(out.status.success(), "{out:?}");
    for bad in HOSTILE {
        // A ready-made message is checked only by the setting; the message itself by both.
        let messages = format!("Please conclude|{bad}");
        refused(&file, &["set", s(&file), "messages", &messages]);
        refused(&file, &["message", s(&file), bad]);
    }
}

#[test]
fn two_hundred_characters_is_the_limit_of_every_text_and_the_error_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let long = "é".repeat(201);
    let ok = "é".repeat(200);
    for flag in ["--delegation", "--speaker"] {
        let other = if flag == "--delegation" {
            "--speaker"
        } else {
            "--delegation"
        };
        let err = refused(
            &file,
            &[
                "add",
                s(&file),
                flag,
                &long,
                other,
                "Kenya",
                "--level",
                "delegate",
            ],
        );
        assert!(err.contains("200 characters"), "{err}");
    }
    let out = podium(&["new", s(&dir.path().join("t.json")), "--title", &long]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("200 characters"));
    let err = refused(&file, &["mark", s(&file), "1", "--introducer", &long]);
    assert!(err.contains("200 characters"), "{err}");
    let out = podium(&[
        "add",
        s(&file),
        "--delegation",
        &ok,
        "--speaker",
        "Kenya",
        "--level",
        "delegate",
    ]);
    assert!(out.status.success(), "200 characters are allowed: {out:?}");
}

#[test]
fn an_import_with_a_control_character_or_an_overlong_cell_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let header = "requested_at,delegation,speaker,level,chair_of,category,mode,no_post";
    for bad in ["Ke\u{1b}[2Jnya", "Ke\u{202e}nya", &"x".repeat(201)] {
        let csv = dir.path().join("in.csv");
        std::fs::write(
            &csv,
            format!("{header}\n2022-10-17T09:00:00+02:00,{bad},S,delegate,,,,\n"),
        )
        .unwrap();
        refused(&file, &["import", s(&file), s(&csv)]);
    }
}

#[test]
fn a_csv_cell_a_spreadsheet_would_run_gets_a_quote_and_the_import_takes_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    for (d, sp) in [
        (formula, "=1+1"),
        ("+Kenya", "@SUM(A1)"),
        ("-Fiji", "Ms. Tui"),
    ] {
        let (d, sp) = (format!("--delegation={d}"), format!("--speaker={sp}"));
        let out = podium(&["add", s(&file), &d, &sp, "--level", "delegate"]);
        assert!(out.status.success(), "{out:?}");
    }
    let out = podium(&["export", s(&file), "--format", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let cells: Vec<String> = rdr
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for c in &cells {
        assert!(
            !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run: {c:?}"
        );
    }
    assert!(cells.contains(&format!("'{formula}")), "{csv}");
    assert!(cells.contains(&"'=1+1".to_string()), "{csv}");
    // The import takes the quote back off.
    let other = dir.path().join("other.json");
    assert!(podium(&["new", s(&other)]).status.success());
    let inscriptions = dir.path().join("in.csv");
    std::fs::write(
        &inscriptions,
        "requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
         2022-10-17T09:00:00+02:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'=1+1,delegate,,,,\n",
    )
    .unwrap();
    let out = podium(&["import", s(&other), s(&inscriptions)]);
    assert!(out.status.success(), "{out:?}");
    let list: Value =
        serde_json::from_slice(&podium(&["list", s(&other), "--json"]).stdout).unwrap();
    assert_eq!(list["entries"][0]["delegation"], formula);
    assert_eq!(list["entries"][0]["speaker"], "=1+1");
}

/// A session edited by hand: escape sequences, a bell, a carriage return, C1 and a
/// right-to-left override in the title, names, the message and a reason.
fn hand_edited(dir: &Path) -> PathBuf {
    let file = new_session(dir);
    let mut v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    v["title"] = "COP\u{1b}]0;owned\u{7} list".into();
    v["message"] = "Please\rconclude\u{9b}2J".into();
    v["entries"][0]["delegation"] = "Peru\u{1b}[31m\u{202e}".into();
    v["entries"][0]["speaker"] = "Ms.\u{7f} Rojas\u{1b}[2J".into();
    v["entries"][1]["late_reason"] = "late\u{2066}".into();
    std::fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    file
}

#[test]
fn a_hand_edited_files_control_bytes_reach_no_output_raw_and_show_as_the_replacement_character() {
    let dir = tempfile::tempdir().unwrap();
    let file = hand_edited(dir.path());
    let f = s(&file);
    for args in [
        vec!["list", f],
        vec!["list", f, "--json"],
        vec!["status", f],
        vec!["status", f, "--json"],
        vec!["report", f],
        vec!["check", f],
        vec!["export", f, "--format", "md"],
        vec!["export", f, "--format", "csv"],
        vec!["export", f, "--format", "json"],
        vec!["export", f, "--format", "journal"],
        vec!["export", f, "--format", "html"],
        vec!["report", f, "--format", "html"],
    ] {
        let out = podium(&args);
        let raw = raw_controls(&out.stdout);
        assert!(raw.is_empty(), "{args:?}: {raw:?}");
        assert!(raw_controls(&out.stderr).is_empty(), "{args:?} stderr");
        let text = String::from_utf8_lossy(&out.stdout);
        // The Journal prints the speakers still to be heard, not the title or the message.
        if !matches!(args[0], "check" | "status") && !args.contains(&"journal") {
            assert!(text.contains('\u{fffd}'), "{args:?}: no U+FFFD in {text}");
        }
    }
    // A writer shows it the same way, and saves the cleaned text.
    let out = podium(&["next", f]);
    assert!(out.status.success(), "{out:?}");
    assert!(raw_controls(&out.stdout).is_empty());
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{fffd}'));
    let out = podium(&["status", f]);
    assert!(raw_controls(&out.stdout).is_empty());
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{fffd}'));
}

#[test]
fn check_names_each_control_character_and_override_of_a_hand_edited_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = hand_edited(dir.path());
    let out = podium(&["check", s(&file)]);
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    for named in [
        "the title has a control character (U+001B)",
        "the title has a control character (U+0007)",
        "the message to the speaker has a control character (U+000D)",
        "the message to the speaker has a control character (U+009B)",
        "entry #1's delegation has a bidirectional override (U+202E)",
        "entry #1's speaker has a control character (U+007F)",
        "entry #2's late reason has a bidirectional override (U+2066)",
    ] {
        assert!(listed.contains(named), "{named} not in:\n{listed}");
    }
}

#[test]
fn check_names_a_hand_edited_text_over_two_hundred_characters() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_session(dir.path());
    let mut v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    v["entries"][1]["speaker"] = "y".repeat(250).into();
    std::fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let out = podium(&["check", s(&file)]);
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("entry #2's speaker is 250 characters long, over the limit of 200"),
        "{listed}"
    );
}
