//! The command line's harness: a desk's own temporary folder (also HOME and the data folder,
//! so nothing leaks out), and the real binary run in it with the machine's zone of a desk in
//! Vienna (`TZ`), `NO_COLOR`, and the clock pinned with `PODIUM_NOW`. [`Env`] is the folder
//! (the records' tests run many commands at many times in it); [`Desk`] is a folder with one
//! list made by `podium new`, run at 10:00 on 17 October 2022 (the tests of the command line).

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// `podium` run in `dir`, at the pinned time `now`: the one place the tests set podium's world.
pub fn podium_in(dir: &Path, now: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_podium"));
    c.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("PODIUM_NOW", now)
        // The lists take the machine's zone: Vienna's, where these meetings sit (+02:00).
        .env("TZ", "Europe/Vienna")
        .env("NO_COLOR", "1");
    c
}

/// Runs a command that must succeed (`args` as the test gave them, for the message); returns its
/// standard output.
fn succeeds(c: &mut Command, args: &[&str]) -> String {
    let out = c.output().expect("podium runs");
    assert!(
        out.status.success(),
        "podium {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

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
        podium_in(self.dir.path(), now)
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        succeeds(self.podium(now).args(args), args)
    }

    /// `podium add FILE ARGS` at [`TYPING`], inside the COP11 window.
    pub fn add(&self, file: &str, args: &[&str]) -> String {
        let mut all = vec!["add", file];
        all.extend_from_slice(args);
        self.ok(TYPING, &all)
    }

    /// For each row, in order, `add FILE --delegation D --speaker S --level L --at T MORE...`
    /// from `"D|S|L|T|MORE|..."` (one row a line, so that a table of inscriptions reads as one).
    pub fn inscribe(&self, file: &str, rows: &[&str]) {
        for row in rows {
            let cells: Vec<&str> = row.split('|').collect();
            let [delegation, speaker, level, at, more @ ..] = cells.as_slice() else {
                panic!("a row is DELEGATION|SPEAKER|LEVEL|TIME[|MORE...]: {row}");
            };
            let mut args = vec![
                "--delegation",
                delegation,
                "--speaker",
                speaker,
                "--level",
                level,
                "--at",
                at,
            ];
            args.extend_from_slice(more);
            self.add(file, &args);
        }
    }

    /// A new list with the COP11 window (opens 5 September, closes at noon on 17 October).
    pub fn new_list(&self, name: &str) -> PathBuf {
        self.new_list_with(name, &[])
    }

    /// [`Env::new_list`] with more options of `podium new` (`--slot ...`).
    pub fn new_list_with(&self, name: &str, more: &[&str]) -> PathBuf {
        let file = self.path(name);
        let f = file.to_str().expect("a UTF-8 path");
        let mut args = vec![
            "new",
            f,
            "--title",
            "General discussion",
            "--opens",
            "2022-09-05T00:00:00+02:00",
            "--closes",
            "2022-10-17T12:00:00+02:00",
        ];
        args.extend_from_slice(more);
        self.ok(TYPING, &args);
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
        self.inscribe(
            f,
            &[
                "Ghana|Ama Mensah|minister|2022-09-06T10:00:00+02:00",
                "Egypt|Ahmed Ali|head-of-delegation|2022-09-07T10:00:00+02:00|--chair-of|african",
                "Kenya|Jane Doe|delegate|2022-09-08T10:00:00+02:00|--mode|remote",
                "Chile|Juan Pérez|delegate|2022-09-09T10:00:00+02:00",
                "Japan|Sato Hanako|delegate|2022-09-10T10:00:00+02:00",
                // Counted with the parties, so that this meeting keeps its order: without it the
                // reference data makes the Holy See an observer State, which speaks last.
                "Holy See|Mgr. Rossi|head-of-delegation|2022-09-11T10:00:00+02:00|--category|state-party",
                "Poland|Jan Kowalski|deputy-minister|2022-09-12T10:00:00+02:00",
                "France|Marie Dupont|delegate|2022-10-20T10:00:00+02:00|--late|accepted by the President on 17 October",
            ],
        );
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

/// `add --delegation DELEGATION --speaker S --level LEVEL`, then `more`.
pub fn add_args<'a>(delegation: &'a str, level: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "add",
        "--delegation",
        delegation,
        "--speaker",
        "S",
        "--level",
        level,
    ];
    args.extend_from_slice(more);
    args
}

/// The time a [`Desk`]'s commands run at.
pub const DESK_NOW: &str = "2022-10-17T10:00:00+02:00";

/// A folder with one list in it, `s.json`.
pub struct Desk {
    pub dir: TempDir,
    pub file: PathBuf,
}

impl Desk {
    /// A new list created by `podium new FILE` with these options.
    pub fn with(new_args: &[&str]) -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("s.json");
        let d = Desk { dir, file };
        let mut args = vec!["new"];
        args.extend_from_slice(new_args);
        d.ok(&args);
        d
    }

    pub fn path(&self) -> &str {
        self.file.to_str().unwrap_or_default()
    }

    /// `podium ARGS[0] FILE ARGS[1..]`: the file right after the subcommand, as SPEC 3 writes it.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = podium_in(self.dir.path(), DESK_NOW);
        let mut all: Vec<&str> = vec![args[0], self.path()];
        all.extend(&args[1..]);
        c.args(all);
        c
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        succeeds(&mut self.cmd(args), args)
    }

    /// Runs a command that must be refused with `code` (for 1: one `error:` line on stderr),
    /// leaving the file byte for byte as it was; returns its stderr.
    pub fn refused_with(&self, args: &[&str], code: i32) -> String {
        let before = std::fs::read(&self.file).expect("file");
        let out = self.cmd(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        if code == 1 {
            let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), 1, "{args:?}: one line: {stderr}");
            assert!(lines[0].starts_with("error:"), "{stderr}");
        }
        assert_eq!(
            std::fs::read(&self.file).expect("file"),
            before,
            "{args:?} changed the file"
        );
        stderr
    }

    pub fn list(&self) -> Value {
        serde_json::from_str(&self.ok(&["list", "--json"])).expect("list --json is JSON")
    }
}
