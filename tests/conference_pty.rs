//! The conference in a real terminal (SPEC section 8): the screen holds every list of its
//! folder, `L` switches between them while a clock keeps running (and is saved), and
//! `display --dir` follows the list that gets the floor.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::pty::{Tmux, exit_shown, podium, tmux_missing};

fn three_lists(dir: &Path) -> [PathBuf; 3] {
    let opening = dir.join("1-opening.json");
    let general = dir.join("2-general.json");
    let reply = dir.join("3-reply.json");
    podium(
        &opening,
        &[
            "new",
            "FILE",
            "--kind",
            "opening",
            "--title",
            "Opening statements",
        ],
    );
    podium(&general, &["new", "FILE", "--title", "General discussion"]);
    podium(
        &reply,
        &[
            "new",
            "FILE",
            "--kind",
            "reply",
            "--title",
            "Right of reply",
        ],
    );
    let add = |file: &Path, d: &str, extra: &[&str]| {
        let speaker = format!("Speaker of {d}");
        let mut args = vec!["add", "FILE", "--delegation", d, "--speaker", &speaker];
        args.extend_from_slice(&["--level", "head-of-delegation"]);
        args.extend_from_slice(extra);
        podium(file, &args);
    };
    add(&opening, "Austria", &["--role", "outgoing-president"]);
    add(&general, "Peru", &[]);
    add(&reply, "Ghana", &[]);
    [opening, general, reply]
}

fn speech(file: &Path) -> Value {
    let doc: Value = serde_json::from_slice(&std::fs::read(file).expect("the file")).expect("JSON");
    doc["speech"].clone()
}

#[test]
fn l_switches_between_three_lists_and_the_first_clock_keeps_running_and_is_saved() {
    if tmux_missing() {
        println!("SKIPPED: tmux is not installed, so the pseudo-terminal test cannot run");
        return;
    }
    let dir = tempfile::tempdir().expect("folder");
    let [opening, general, reply] = three_lists(dir.path());
    let tmux = Tmux::start("conference-l", 110, 30);
    tmux.shell(&format!(
        "'{}' --file '{}'; echo EXIT=$?",
        env!("CARGO_BIN_EXE_podium"),
        opening.display()
    ));
    tmux.wait_for("the opening statements", |s| {
        s.contains("Opening statements")
            && s.contains("opening statements")
            && s.contains("Austria")
    });
    // Every list is held: a second writer is refused on each.
    for f in [&general, &reply] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["next"])
            .arg(f)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{f:?} is locked by the screen");
    }
    tmux.keys(&["n"]);
    tmux.wait_for("the outgoing President at the podium", |s| {
        s.contains("At the podium: #1")
    });
    tmux.keys(&["L"]);
    tmux.wait_for("the three lists", |s| {
        s.contains("General discussion") && s.contains("Right of reply") && s.contains("heard 0")
    });
    tmux.keys(&["Down", "Enter"]);
    let shown = tmux.wait_for("the general discussion", |s| {
        s.contains("general discussion") && s.contains("Peru")
    });
    assert!(shown.contains("keeps running"), "{shown}");
    // Shown another list, the opening statements' speech is saved, still running.
    let saved = speech(&opening);
    assert_eq!(saved["running"], true, "{saved}");
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    // One speech at a time: the general discussion cannot call Peru now.
    tmux.keys(&["n"]);
    tmux.wait_for("the refusal", |s| s.contains("end that speech first"));
    // The third list, then back to the first: its clock ran on meanwhile.
    tmux.keys(&["L", "Down", "Enter"]);
    tmux.wait_for("the right of reply", |s| {
        s.contains("right of reply") && s.contains("Ghana")
    });
    tmux.keys(&["L", "Down", "Enter"]);
    let back = tmux.wait_for("the opening statements again, 2 seconds on", |s| {
        s.contains("At the podium: #1") && support::pty::spoken(s).is_some_and(|t| t >= 2)
    });
    assert!(back.contains("Austria"), "{back}");
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    let pane = tmux.wait_for("the exit", exit_shown);
    assert!(pane.contains("EXIT=0"), "{pane}");
    assert_eq!(
        speech(&opening)["running"],
        true,
        "still running in the file"
    );
    assert_eq!(speech(&general), Value::Null);
}

#[test]
fn display_dir_changes_to_the_list_that_gets_the_floor() {
    if tmux_missing() {
        println!("SKIPPED: tmux is not installed, so the pseudo-terminal test cannot run");
        return;
    }
    let dir = tempfile::tempdir().expect("folder");
    let [opening, general, _reply] = three_lists(dir.path());
    let tmux = Tmux::start("conference-display", 90, 30);
    tmux.shell(&format!(
        "'{}' display --dir '{}'; echo EXIT=$?",
        env!("CARGO_BIN_EXE_podium"),
        dir.path().display()
    ));
    // Nobody has spoken yet: the first list of the day, the opening statements, with the
    // outgoing President next.
    tmux.wait_for("the first list of the day", |s| {
        s.contains("No speaker") && s.contains("Austria")
    });
    podium(&general, &["next", "FILE"]);
    tmux.wait_for("the general discussion, which has the floor", |s| {
        s.contains("Peru") && !s.contains("Austria") && !s.contains("No speaker")
    });
    podium(&general, &["next", "FILE"]);
    podium(&opening, &["next", "FILE"]);
    tmux.wait_for("the opening statements, which have the floor now", |s| {
        s.contains("Austria") && !s.contains("Peru") && !s.contains("No speaker")
    });
    tmux.keys(&["q"]);
    let pane = tmux.wait_for("the exit", exit_shown);
    assert!(pane.contains("EXIT=0"), "{pane}");
}
