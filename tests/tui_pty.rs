//! The real binary in a pseudo-terminal (tmux): open a session, add a speaker through the form,
//! call them, watch the countdown fall, pause, undo, quit; the terminal comes back as it was
//! found and the file holds the change.

mod support;

use std::path::Path;
use std::process::Command;
use support::pty::{Tmux, exit_shown, holder_pid, spoken, tmux_missing};

#[test]
fn the_screen_in_a_real_terminal_adds_calls_pauses_undoes_and_quits_cleanly() {
    if tmux_missing() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_podium");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("session.json");
    let created = Command::new(bin)
        .args(["new"])
        .arg(&file)
        .args(["--title", "PTY test list"])
        .output()
        .expect("podium new runs");
    assert!(created.status.success(), "{created:?}");

    let tmux = Tmux::start("test", 100, 30);
    let line = format!("'{}' --file '{}'; echo EXIT=$?", bin, file.display());
    tmux.text(&line);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the screen", |s| {
        s.contains("PTY test list") && s.contains("Queue (0)")
    });
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "pty", "#{alternate_on}"])
            .trim(),
        "1"
    );

    // While the screen is open it holds the lock: another writer is refused, naming it.
    let refused = Command::new(bin)
        .args(["add"])
        .arg(&file)
        .args([
            "--delegation",
            "Ghana",
            "--speaker",
            "X",
            "--level",
            "delegate",
        ])
        .output()
        .expect("podium add runs");
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("podium screen"), "{said}");

    // Add a speaker through the form.
    tmux.keys(&["a"]);
    tmux.wait_for("the add form", |s| s.contains("Add an inscription"));
    tmux.text("Kenya");
    tmux.keys(&["Tab"]);
    tmux.text("Ms. Wanjiru Kamau");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the new entry", |s| {
        s.contains("Queue (1)") && s.contains("Wanjiru")
    });

    // Call them: the countdown falls.
    tmux.keys(&["n"]);
    let first = tmux.wait_for("the floor", |s| s.contains("has the floor"));
    let start = spoken(&first).expect("the time spoken is shown");
    tmux.wait_for("the countdown to fall", |s| {
        spoken(s).is_some_and(|t| t >= start + 2)
    });

    // Pause, then undo the pause: the timer runs again.
    tmux.keys(&["Space"]);
    tmux.wait_for("the pause", |s| s.contains("PAUSED"));
    tmux.keys(&["u"]);
    tmux.wait_for("the undo", |s| {
        s.contains("undone") && !s.contains("PAUSED")
    });

    // Quit: asked first while a timer runs.
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit status", exit_shown);
    let after = tmux.capture();
    assert!(after.contains("EXIT=0"), "{after}");
    tmux.assert_terminal_given_back("quitting");

    // The file holds the change, the speech still running.
    let list = Command::new(bin)
        .args(["list"])
        .arg(&file)
        .arg("--json")
        .output()
        .expect("podium list runs");
    let json = String::from_utf8_lossy(&list.stdout);
    assert!(list.status.success());
    assert!(json.contains("\"Kenya\""), "{json}");
    assert!(json.contains("\"current\""), "{json}");
    let status = Command::new(bin)
        .args(["status"])
        .arg(&file)
        .arg("--json")
        .output()
        .expect("podium status runs");
    assert!(String::from_utf8_lossy(&status.stdout).contains("\"running\":true"));
    assert_only_session_files(dir.path());
}

/// Beside FILE there are only FILE.bak and FILE.lock (SPEC section 5).
fn assert_only_session_files(dir: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["session.json", "session.json.bak", "session.json.lock"]
    );
}

#[test]
fn a_broken_file_is_refused_before_the_screen_opens_and_left_as_it_was() {
    let bin = env!("CARGO_BIN_EXE_podium");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("broken.json");
    let text = "{\n  \"format\": \"podium-session\",\n  \"version\": 1,\n  \"title\": oops\n}\n";
    std::fs::write(&file, text).expect("written");
    let out = Command::new(bin)
        .arg("--file")
        .arg(&file)
        .output()
        .expect("podium runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error:"), "{stderr}");
    assert!(stderr.contains("line 4"), "{stderr}");
    // There is no FILE.bak to fall back to, so none is offered.
    assert!(!stderr.contains("cp "), "{stderr}");
    // Nothing was written to the terminal: the alternate screen was never entered.
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("still there"), text);
}

#[test]
fn sigterm_gives_the_terminal_back_and_leaves_the_speech_running() {
    if tmux_missing() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_podium");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("session.json");
    for args in [
        vec!["new", "FILE"],
        vec![
            "add",
            "FILE",
            "--delegation",
            "Kenya",
            "--speaker",
            "Ms. K",
            "--level",
            "delegate",
        ],
        vec!["next", "FILE"],
    ] {
        let status = Command::new(bin)
            .args(args.iter().map(|a| {
                if *a == "FILE" {
                    file.as_os_str()
                } else {
                    std::ffi::OsStr::new(a)
                }
            }))
            .status()
            .expect("podium runs");
        assert!(status.success());
    }
    let tmux = Tmux::start("term", 80, 24);
    tmux.text(&format!(
        "'{bin}' --file '{}'; echo EXIT=$?",
        file.display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the screen", |s| s.contains("At the podium: #1"));
    let pid = holder_pid(&file).expect("the screen names itself in the lock file");
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let after = tmux.wait_for("the exit status", exit_shown);
    assert!(after.contains("EXIT=143"), "{after}");
    tmux.assert_terminal_given_back("SIGTERM");
    let status = Command::new(bin)
        .args(["status"])
        .arg(&file)
        .arg("--json")
        .output()
        .expect("podium status runs");
    assert!(String::from_utf8_lossy(&status.stdout).contains("\"running\":true"));
}
