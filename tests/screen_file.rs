//! `podium display FILE` and `podium rehearse FILE` take FILE as a plain argument, as every other
//! command does (`--file FILE` still works); giving both is a usage error.

mod support;

use std::process::Command;
use support::pty::{Tmux, add_delegates, podium, tmux_missing};

fn exit_code(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .output()
        .expect("podium runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn display_and_rehearse_given_file_twice_is_a_usage_error() {
    for screen in ["display", "rehearse"] {
        let (code, err) = exit_code(&[screen, "a.json", "--file", "b.json"]);
        assert_eq!(code, Some(2), "{screen}: {err}");
        assert!(err.contains("--file"), "{screen}: {err}");
    }
}

#[test]
fn display_file_opens_the_presenter_view_on_that_file() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("s.json");
    podium(&file, &["new", "FILE", "--title", "Plain FILE"]);
    add_delegates(&file, &[("Kenya", "Ms. K"), ("Ghana", "Mr. G")]);
    let tmux = Tmux::start("display-file", 90, 30);
    tmux.shell(&format!(
        "'{}' display '{}'; echo EXIT=$?",
        env!("CARGO_BIN_EXE_podium"),
        file.display()
    ));
    tmux.wait_for("the presenter view of FILE", |s| {
        s.contains("No speaker") && s.contains("1. Kenya")
    });
    tmux.keys(&["q"]);
    let pane = tmux.wait_for("the exit status", support::pty::exit_shown);
    assert!(pane.contains("EXIT=0"), "{pane}");
}

#[test]
fn rehearse_file_opens_the_rehearsal_on_a_copy_of_that_file() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).expect("created");
    let file = dir.path().join("s.json");
    podium(&file, &["new", "FILE", "--title", "Plain FILE rehearsed"]);
    add_delegates(&file, &[("Kenya", "Ms. K")]);
    let bytes = std::fs::read(&file).expect("FILE");
    let tmux = Tmux::start("rehearse-file", 120, 30);
    tmux.shell(&format!(
        "TMPDIR='{}' '{}' rehearse '{}'; echo EXIT=$?",
        tmp.display(),
        env!("CARGO_BIN_EXE_podium"),
        file.display()
    ));
    tmux.wait_for("the rehearsal of FILE", |s| {
        s.contains("REHEARSAL") && s.contains("Kenya")
    });
    tmux.keys(&["q"]);
    let pane = tmux.wait_for("the exit status", |s| {
        if s.contains("Quit? (y/n)") {
            return false;
        }
        support::pty::exit_shown(s)
    });
    assert!(pane.contains("EXIT=0"), "{pane}");
    assert_eq!(std::fs::read(&file).expect("FILE"), bytes, "FILE unchanged");
}
