//! Helpers shared by the records tests (export, import, report): a temporary folder that is
//! also HOME and the data directory, the podium binary run in it with a pinned clock, and a
//! session built by commands.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;
use tempfile::TempDir;

/// A test's own folder; podium runs with HOME and XDG_DATA_HOME there, so nothing leaks out.
pub struct Env {
    pub dir: TempDir,
}

/// The time the inscriptions are typed in: inside the window of [`Env::meeting`].
pub const TYPING: &str = "2022-10-01T09:00:00+02:00";

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `podium ARGS` at the pinned time `now`.
    pub fn podium(&self, now: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_podium"));
        c.current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path())
            .env("PODIUM_NOW", now)
            // The lists take the machine's zone: Vienna's, where these meetings sit (+02:00).
            .env("TZ", "Europe/Vienna")
            .env("NO_COLOR", "1");
        c
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.podium(now).args(args).output().expect("podium runs");
        assert!(
            out.status.success(),
            "podium {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// A new list with the COP11 window (opens 5 September, closes at noon on 17 October).
    pub fn new_list(&self, name: &str) -> PathBuf {
        let file = self.path(name);
        let f = file.to_str().expect("a UTF-8 path");
        self.ok(
            TYPING,
            &[
                "new",
                f,
                "--title",
                "General discussion",
                "--opens",
                "2022-09-05T00:00:00+02:00",
                "--closes",
                "2022-10-17T12:00:00+02:00",
            ],
        );
        file
    }

    /// A meeting run by commands with a controlled clock (figures in the report test):
    ///
    /// | speaks | entry | limit | used |
    /// |---|---|---|---|
    /// | 10:00:00 | #1 Ghana, minister | 3:00 | 3:20 (+0:20) |
    /// | 10:03:20 | #2 Egypt for the African States | 5:00 | 3:40 |
    /// | 10:07:00 | #3 Kenya (speaker replaced) | 3:00 | 3:30 (+0:30) |
    /// | 10:10:30 | #5 Japan (swapped with Chile) | 3:00 | 1:30 |
    /// | 10:12:00 | #4 Chile | 3:00 | 3:00 |
    /// | 10:15:00 | #6 Holy See (no regional group) | 3:00 | 2:30 |
    /// | 10:17:30 | #8 France (late, by override) | 3:00 | at the podium |
    ///
    /// #7 Poland withdrew. Read it at 10:18:00.
    pub fn meeting(&self) -> PathBuf {
        let file = self.new_list("meeting.json");
        let f = file.to_str().expect("a UTF-8 path");
        let add = |args: &[&str]| {
            let mut all = vec!["add", f];
            all.extend_from_slice(args);
            self.ok(TYPING, &all);
        };
        add(&[
            "--delegation",
            "Ghana",
            "--speaker",
            "Ama Mensah",
            "--level",
            "minister",
            "--at",
            "2022-09-06T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Egypt",
            "--speaker",
            "Ahmed Ali",
            "--level",
            "head-of-delegation",
            "--chair-of",
            "african",
            "--at",
            "2022-09-07T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Kenya",
            "--speaker",
            "Jane Doe",
            "--level",
            "delegate",
            "--mode",
            "remote",
            "--at",
            "2022-09-08T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Chile",
            "--speaker",
            "Juan Pérez",
            "--level",
            "delegate",
            "--at",
            "2022-09-09T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Japan",
            "--speaker",
            "Sato Hanako",
            "--level",
            "delegate",
            "--at",
            "2022-09-10T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Holy See",
            "--speaker",
            "Mgr. Rossi",
            "--level",
            "head-of-delegation",
            // Counted with the parties, so that this meeting keeps its order: without it the
            // reference data makes the Holy See an observer State, which speaks last.
            "--category",
            "state-party",
            "--at",
            "2022-09-11T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "Poland",
            "--speaker",
            "Jan Kowalski",
            "--level",
            "deputy-minister",
            "--at",
            "2022-09-12T10:00:00+02:00",
        ]);
        add(&[
            "--delegation",
            "France",
            "--speaker",
            "Marie Dupont",
            "--level",
            "delegate",
            "--at",
            "2022-10-20T10:00:00+02:00",
            "--late",
            "accepted by the President on 17 October",
        ]);
        self.ok(
            "2022-10-10T12:30:00+02:00",
            &[
                "swap",
                f,
                "Japan",
                "Chile",
                "--at",
                "2022-10-10T12:00:00+02:00",
            ],
        );
        self.ok(
            "2022-10-11T09:30:00+02:00",
            &[
                "replace",
                f,
                "Kenya",
                "--speaker",
                "John Roe",
                "--level",
                "delegate",
                "--at",
                "2022-10-11T09:00:00+02:00",
            ],
        );
        self.ok(
            "2022-10-16T09:30:00+02:00",
            &["withdraw", f, "Poland", "--at", "2022-10-16T09:00:00+02:00"],
        );
        for t in [
            "10:00:00", "10:03:20", "10:07:00", "10:10:30", "10:12:00", "10:15:00", "10:17:30",
        ] {
            self.ok(&format!("2022-10-17T{t}+02:00"), &["next", f]);
        }
        file
    }
}

/// The time the meeting above is read at.
pub const READ: &str = "2022-10-17T10:18:00+02:00";
