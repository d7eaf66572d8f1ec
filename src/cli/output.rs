//! What the commands print: a read-only command's output (to the standard output or to
//! `--output PATH`), a change's message, and `error:` and `warning:` lines. Nothing below the
//! command line prints.

use crate::app::{self, AppError};
use crate::domain;
use crate::store;
use std::path::Path;

/// A refused command: one `error:` line on stderr, exit 1, the file as it was. The command
/// line's name for the application layer's error.
pub type CliError = AppError;

/// Prints what a read-only command shows. A reader that went away (`podium list FILE | head`)
/// is reported as an error, never a panic.
pub fn emit(text: &str) -> Result<(), CliError> {
    emit_bytes(text.as_bytes())
}

/// [`emit`] for bytes (an export).
pub fn emit_bytes(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    // No raw control sequence from a file or an argument ever reaches the terminal (SPEC
    // section 5): text is cleaned on its way out; only what is not text (a binary) passes.
    let cleaned = std::str::from_utf8(bytes).map(domain::text::clean_lines);
    let bytes = match &cleaned {
        Ok(text) => text.as_bytes(),
        Err(_) => bytes,
    };
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::Input(format!("cannot write to the standard output ({e})")))
}

/// Says what a saved change did. The change is made whether or not anyone reads this, so a
/// closed standard output is not an error (and never a panic).
pub fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", domain::text::clean_lines(text)).and_then(|()| out.flush());
}

/// One line on the standard error (an `error:` or a `warning:`), never a panic.
pub fn warn(text: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        domain::text::clean_lines(text)
    );
}

/// An export's or a report's bytes: to the standard output, or written atomically to
/// `--output PATH`, then `done` (e.g. "exported 12 entries of s.json to out.csv") on the
/// standard error.
pub fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    done: impl FnOnce(&Path) -> String,
) -> Result<(), CliError> {
    match output {
        Some(out) => {
            app::write_output(out, bytes)?;
            warn(&done(out));
            Ok(())
        }
        // A closed pipe (`podium export ... | head`) is reported, never a panic.
        None => emit_bytes(bytes),
    }
}

/// `--output` must not be the session file or its companions: an export is read-only on FILE,
/// and writing over it without the lock would race the writer that holds it.
pub fn refuse_session_paths(file: &Path, out: &Path) -> Result<(), CliError> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    for p in [
        file.to_path_buf(),
        store::backup_path(file),
        store::lock_path(file),
        store::temp_path(file),
    ] {
        if same(&p, out) {
            return Err(CliError::Input(format!(
                "--output {} is the session file or one of its companions; export to another path",
                out.display()
            )));
        }
    }
    Ok(())
}
