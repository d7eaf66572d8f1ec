//! Opening, changing, reading and copying a list: the one path by which a front end touches a
//! state file (as gitui's asyncgit opens, applies and returns, and the UI only calls it).

use super::AppError;
use crate::domain::{Done, RuleError, Session, Time};
use crate::store::{self, StoreError, Writer};
use std::path::Path;

/// Takes the lock of an existing list and loads it. `what` names the holder for the message
/// another podium shows ("podium add").
pub fn open_for_writing(file: &Path, what: &str) -> Result<(Writer, Session), AppError> {
    if !file.exists() {
        return Err(StoreError::Missing {
            path: file.display().to_string(),
        }
        .into());
    }
    let writer = Writer::acquire(file, &store::holder(what))?;
    let session = writer.load()?;
    Ok((writer, session))
}

/// Takes the lock of a list and loads it, or, where there is no file yet, creates it as
/// `fresh` makes it (the screen opens a new list so). True when it was created.
pub fn open_or_create(
    file: &Path,
    what: &str,
    fresh: impl FnOnce() -> Session,
) -> Result<(Writer, Session, bool), AppError> {
    let writer = Writer::acquire(file, &store::holder(what))?;
    match writer.load() {
        Ok(session) => Ok((writer, session, false)),
        Err(StoreError::Missing { .. }) => {
            let session = fresh();
            writer.create(&session)?;
            Ok((writer, session, true))
        }
        Err(e) => Err(e.into()),
    }
}

/// Creates a new list under the lock; refuses to overwrite a file.
pub fn create(file: &Path, what: &str, session: &Session) -> Result<(), AppError> {
    let writer = Writer::acquire(file, &store::holder(what))?;
    writer.create(session)?;
    Ok(())
}

/// Applies one change under the lock and saves it, the running speech checkpointed; a refused
/// change writes nothing. What was done (its message and warnings) is returned, not printed.
pub fn change(
    file: &Path,
    what: &str,
    now: Time,
    apply: impl FnOnce(&mut Session) -> Result<Done, RuleError>,
) -> Result<Done, AppError> {
    let (writer, mut session) = open_for_writing(file, what)?;
    let done = apply(&mut session)?;
    // Every time in the file with the list's offset, whatever clock or command gave it.
    session.normalise_times();
    // Every save is a checkpoint of the running timer (SPEC section 5).
    if let Some(speech) = session.speech.as_mut() {
        speech.checkpoint(now);
    }
    writer.save(&session)?;
    Ok(done)
}

/// Reads a list without the lock (list, status, check, export, report, display).
pub fn read(file: &Path) -> Result<Session, AppError> {
    Ok(store::load(file)?)
}

/// Reads a list without the lock and as written, its texts not cleaned (`podium check` names
/// what a hand edit put there).
pub fn read_as_written(file: &Path) -> Result<Session, AppError> {
    Ok(store::load_as_written(file)?)
}

/// Writes a copy of a session to `path` as the state file holds it (a rehearsal's working copy,
/// the copy the rehearsal screen saves), atomically.
pub fn save_copy(session: &Session, path: &Path) -> std::io::Result<()> {
    store::save_bytes(path, &store::encode(session)?)
}

/// Writes an export or a report to a file of its own, atomically: a reader never sees half a
/// file.
pub fn write_output(out: &Path, bytes: &[u8]) -> Result<(), AppError> {
    store::save_bytes(out, bytes).map_err(|e| {
        AppError::Io(format!(
            "cannot write {} ({e}); nothing was written there. Check the folder exists and may be written",
            out.display()
        ))
    })
}
