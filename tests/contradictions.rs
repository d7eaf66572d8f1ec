//! SPEC 5: "A file whose parts contradict each other (two entries at the podium, a speech on an
//! entry that is not at the podium, two entries with one id, a limit of zero or less, an entry
//! with a status it cannot have) is refused by every command that would write it (exit 1, file
//! untouched), and `check` names each contradiction; read-only commands still show it."

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_podium");

fn podium(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("PODIUM_NOW", "2022-10-17T10:00:00+02:00")
        .stdin(Stdio::null())
        .output()
        .expect("podium runs")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A sound session: Peru at the podium (a speech), Chile and Fiji waiting.
fn sound(dir: &Path) -> (PathBuf, Value) {
    let file = dir.join("s.json");
    assert!(podium(&["new", s(&file)]).status.success());
    for d in ["Peru", "Chile", "Fiji"] {
        let out = podium(&[
            "add",
            s(&file),
            "--delegation",
            d,
            "--speaker",
            "S",
            "--level",
            "delegate",
        ]);
        assert!(out.status.success(), "{out:?}");
    }
    assert!(podium(&["next", s(&file)]).status.success());
    let v = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    (file, v)
}

/// Each contradiction, made by hand, and the words `check` must name it with.
/// What a contradiction is, how it is made in the file, and how `check` names it.
type Contradiction = (&'static str, fn(&mut Value), &'static str);

fn contradictions() -> Vec<Contradiction> {
    vec![
        (
            "two entries at the podium",
            |v| v["entries"][1]["status"] = "current".into(),
            "entries marked current ([1, 2])",
        ),
        (
            "a speech on a waiting entry",
            |v| v["speech"]["entry"] = 2.into(),
            "the speech at the podium (#2) does not match",
        ),
        (
            "two entries with one id",
            |v| v["entries"][2]["id"] = 2.into(),
            "entry #2 is out of order or repeated",
        ),
        (
            "a limit of zero",
            |v| v["settings"]["limit_seconds"] = 0.into(),
            "the speaking limit is zero or less",
        ),
        (
            "an entry's limit below zero",
            |v| v["entries"][2]["limit_seconds"] = (-5).into(),
            "entry #3 has a limit below one second",
        ),
        (
            "a waiting entry that has ended",
            |v| v["entries"][2]["ended_at"] = "2022-10-17T09:00:00+02:00".into(),
            "entry #3 is waiting but has a recorded end",
        ),
        (
            "a spoken entry with no time",
            |v| v["entries"][2]["status"] = "spoken".into(),
            "entry #3 has spoken but no time is recorded",
        ),
    ]
}

#[test]
fn every_writer_refuses_a_contradicting_file_and_leaves_it_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
         2022-10-17T09:00:00+02:00,Kenya,S,delegate,,,,\n",
    )
    .unwrap();
    for (what, spoil, _) in contradictions() {
        let (file, mut v) = sound(dir.path());
        spoil(&mut v);
        std::fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        let before = std::fs::read(&file).unwrap();
        let f = s(&file);
        let writers: Vec<Vec<&str>> = vec![
            vec![
                "add",
                f,
                "--delegation",
                "Kenya",
                "--speaker",
                "S",
                "--level",
                "delegate",
            ],
            vec!["next", f],
            vec!["withdraw", f, "3"],
            vec!["mark", f, "3", "--statement-received"],
            vec!["set", f, "limit", "4m"],
            vec!["absent", f, "2"],
            vec!["import", f, s(&csv)],
            // The screen refuses before it takes the terminal.
            vec!["--file", f],
        ];
        for args in writers {
            let out = podium(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{what}: {args:?} was not refused: {err}"
            );
            assert!(
                err.starts_with("error: ") && err.contains("contradicts itself"),
                "{what}: {args:?}: {err}"
            );
            assert_eq!(
                std::fs::read(&file).unwrap(),
                before,
                "{what}: {args:?} wrote"
            );
        }
        // Read-only commands still show it.
        for args in [
            vec!["list", f],
            vec!["status", f],
            vec!["report", f],
            vec!["export", f, "--format", "json"],
        ] {
            let out = podium(&args);
            assert!(out.status.success(), "{what}: {args:?}: {out:?}");
        }
        std::fs::remove_file(&file).unwrap();
        let _ = std::fs::remove_file(podium::store::backup_path(&file));
    }
}

#[test]
fn check_names_each_contradiction() {
    let dir = tempfile::tempdir().unwrap();
    for (what, spoil, named) in contradictions() {
        let (file, mut v) = sound(dir.path());
        spoil(&mut v);
        std::fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        let out = podium(&["check", s(&file)]);
        assert_eq!(out.status.code(), Some(1), "{what}");
        let listed = String::from_utf8_lossy(&out.stdout);
        assert!(listed.contains(named), "{what}: {named:?} not in {listed}");
        std::fs::remove_file(&file).unwrap();
        let _ = std::fs::remove_file(podium::store::backup_path(&file));
    }
}
