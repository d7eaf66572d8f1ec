//! A tool a test needs (tmux, python3, chromium, libreoffice, bash, man...): shared by every
//! test file that runs one, so that no such test passes without running.
//!
//! Under CI (`CI` set, and not `false` or `0`) a missing tool fails the test, saying what is
//! missing. Elsewhere the test is skipped with a line written straight to the terminal's
//! standard error, which `cargo test` shows (a `println!` would be captured and hidden).

use std::io::Write;
use std::process::{Command, Stdio};

/// Whether the run is CI's: there, a test that cannot run is a failure.
pub fn under_ci() -> bool {
    std::env::var("CI")
        .map(|v| {
            let v = v.trim().to_lowercase();
            !(v.is_empty() || v == "false" || v == "0")
        })
        .unwrap_or(false)
}

/// Whether `program args` runs and succeeds here (e.g. `tmux -V`), quietly.
pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// True when `program` (probed with `probe`, e.g. `["-V"]`) is here. When it is not: under CI,
/// panics naming the tool and what it is for; elsewhere writes a visible skip line and returns
/// false, and the caller returns.
pub fn tool(program: &str, probe: &[&str], what_for: &str) -> bool {
    if runs(program, probe) {
        return true;
    }
    missing(program, what_for);
    false
}

/// Reports a missing tool as [`tool`] does (for tools found another way).
pub fn missing(program: &str, what_for: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    if under_ci() {
        panic!(
            "{program} is missing, so {test} cannot run ({what_for}); CI is set, so this is a failure: install {program}"
        );
    }
    skip(&test, &format!("{program} is missing ({what_for})"));
}

/// A tool the test checks with when it is here, and does without otherwise, even under CI
/// (zsh, fish, pwsh: not every machine has them). True when present; a skip line otherwise.
pub fn optional(program: &str, probe: &[&str], what_for: &str) -> bool {
    if runs(program, probe) {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    skip(
        &test,
        &format!("{program} is not here ({what_for}), an optional check"),
    );
    false
}

fn skip(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {why}");
}
