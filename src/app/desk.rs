//! Opening, changing, reading and copying a list: the one path by which a front end touches a
//! state file (as gitui's asyncgit opens, applies and returns, and the UI only calls it).

use super::error::AppError;
use crate::domain::{Change, Done, RuleError, Session, Time, fmt_seconds};
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

/// Resumes a running speech found in the file (SPEC section 5): as if it never stopped, or
/// paused with a warning when the wall clock went back or the gap is over 10 minutes. Returns
/// the notice and whether it is a warning; the change is logged.
pub fn recover(session: &mut Session, now: Time) -> Option<(String, bool)> {
    let speech = session.speech.as_mut()?;
    if !speech.running {
        return None;
    }
    let gap = now - speech.checkpoint_at;
    let id = speech.entry;
    let who = session
        .entry(id)
        .map(|e| format!("#{id} {}", e.title()))
        .unwrap_or_else(|| format!("#{id}"));
    let speech = session.speech.as_mut()?;
    let (text, warning) = if gap < chrono::Duration::zero() || gap > chrono::Duration::minutes(10) {
        // Checkpoint at the time spent before the gap: the gap is not counted.
        speech.running = false;
        speech.checkpoint_at = now;
        let spent = speech.spent_ms.div_euclid(1000);
        (
            format!(
                "recovered the speech of {who} PAUSED at {}: the clock {}; check the time with the speaker and press Space to resume",
                fmt_seconds(spent),
                if gap < chrono::Duration::zero() {
                    "went backwards since the last checkpoint".to_string()
                } else {
                    format!(
                        "shows {} minutes since the last checkpoint",
                        gap.num_minutes()
                    )
                }
            ),
            true,
        )
    } else {
        (
            format!(
                "recovered: the speech of {who} goes on at {} (the speaker kept talking)",
                fmt_seconds(speech.elapsed_seconds(now))
            ),
            false,
        )
    };
    session.log_change(now, Change::Recovered, text.clone());
    Some((text, warning))
}

/// A list held open for writing by a screen: its lock, and the one way the screen saves it.
#[derive(Debug)]
pub struct Held {
    writer: Writer,
}

impl Held {
    /// Saves the list, every time in it with the list's offset (SPEC section 10).
    pub fn save(&self, session: &mut Session) -> Result<(), AppError> {
        session.normalise_times();
        self.writer.save(session)?;
        Ok(())
    }
}

/// A list opened by [`hold`].
#[derive(Debug)]
pub struct Opened {
    pub held: Held,
    pub session: Session,
    /// Created now, there being no file.
    pub created: bool,
    /// A running speech found in the file, resumed: the notice, and whether it is a warning.
    pub recovered: Option<(String, bool)>,
}

/// Opens a list for a screen: takes its lock (`what` names the holder), loads it, or where there
/// is no file creates it as `fresh` makes it (`None`: a missing file is an error), and resumes a
/// running speech found in it ([`recover`]), saved at once.
pub fn hold(
    file: &Path,
    what: &str,
    now: Time,
    fresh: Option<&dyn Fn() -> Session>,
) -> Result<Opened, AppError> {
    let (writer, mut session, created) = match fresh {
        Some(fresh) => open_or_create(file, what, fresh)?,
        None => {
            let writer = Writer::acquire(file, &store::holder(what))?;
            let session = writer.load()?;
            (writer, session, false)
        }
    };
    let recovered = recover(&mut session, now);
    let held = Held { writer };
    if recovered.is_some() {
        held.writer.save(&session)?;
    }
    Ok(Opened {
        held,
        session,
        created,
        recovered,
    })
}
