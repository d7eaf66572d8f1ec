//! A session file in a temporary folder and the real binary run on it, for the tests of the
//! command line: `HOME` and the data folder inside the temporary folder, `NO_COLOR`, and the
//! clock pinned at 10:00 on 17 October 2022 with `PODIUM_NOW`, the machine's zone
//! `Europe/Vienna` (`TZ`).
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use tempfile::TempDir;

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
        let mut c = Command::cargo_bin("podium").expect("binary");
        c.env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("NO_COLOR", "1")
            // The machine's zone of a desk in Vienna, where COP11 sat: `new` takes it.
            .env("TZ", "Europe/Vienna")
            .env("PODIUM_NOW", "2022-10-17T10:00:00+02:00");
        let mut all: Vec<&str> = vec![args[0], self.path()];
        all.extend(&args[1..]);
        c.args(all);
        c
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
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
