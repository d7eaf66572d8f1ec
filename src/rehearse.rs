//! `podium rehearse`: the screen on a copy of the built-in COP11 sample session (or of FILE),
//! with a simulated clock. The copy lives in a fresh folder under the system's temporary
//! directory, so a rehearsal writes neither FILE nor anything under HOME or the data directory.

use crate::domain::Time;
use crate::store::{self, StoreError};
use chrono::Duration;
use std::path::{Path, PathBuf};

/// The COP11 general discussion, 41 inscriptions across the five regional groups and observers,
/// built by `scripts/make-sample.sh` through podium's own commands.
pub const SAMPLE: &str = include_str!("../assets/sample-session.json");

/// The opening statements of 17 October 2022 (item 1 (a), R11), built by
/// `scripts/make-conference.sh`.
pub const SAMPLE_OPENING: &str = include_str!("../assets/sample-opening.json");

/// An empty right-of-reply list for the end of that day (R12).
pub const SAMPLE_REPLY: &str = include_str!("../assets/sample-reply.json");

/// The sample conference: (file name in the rehearsal's folder, text). The screen opens the
/// first, the opening statements, and holds the others beside it (SPEC section 8).
pub const SAMPLE_CONFERENCE: [(&str, &str); 3] = [
    ("rehearsal.json", SAMPLE_OPENING),
    ("rehearsal-general.json", SAMPLE),
    ("rehearsal-reply.json", SAMPLE_REPLY),
];

/// A rehearsal ready to open.
#[derive(Debug, Clone)]
pub struct Rehearsal {
    /// The working copy the screen saves to.
    pub path: PathBuf,
    /// Where the simulated clock starts.
    pub start: Time,
}

/// Copies the sample (or FILE, read without its lock) into a new temporary folder.
pub fn prepare(file: Option<&Path>, real_now: Time) -> Result<Rehearsal, StoreError> {
    let lists: Vec<(&str, crate::domain::Session)> = match file {
        Some(f) => vec![("rehearsal.json", store::load(f)?)],
        None => SAMPLE_CONFERENCE
            .iter()
            .map(|(name, text)| {
                store::parse(Path::new("the built-in sample session"), text).map(|s| (*name, s))
            })
            .collect::<Result<_, _>>()?,
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("podium-rehearsal-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Save {
        path: dir.display().to_string(),
        source,
    })?;
    for (name, session) in &lists {
        let path = dir.join(name);
        crate::app::save_copy(session, &path).map_err(|source| StoreError::Save {
            path: path.display().to_string(),
            source,
        })?;
    }
    let (first, session) = &lists[0];
    let path = dir.join(first);
    // A list with a speech under way rehearses from now; otherwise from five minutes before
    // its first meeting slot, so the officer sees the meeting open.
    let start = match (&session.speech, session.settings.slots.first()) {
        (None, Some(slot)) => slot.start - Duration::minutes(5),
        _ => real_now,
    };
    Ok(Rehearsal { path, start })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Status, parse_time};

    #[test]
    fn the_sample_session_is_the_cop11_general_discussion_and_passes_check() {
        let s = store::parse(Path::new("sample"), SAMPLE).expect("the sample parses");
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        assert!(s.entries.len() >= 38, "about 40 entries");
        assert_eq!(s.settings.slots.len(), 2);
        let groups: std::collections::HashSet<_> = s
            .entries
            .iter()
            .filter_map(|e| crate::delegations::find(&e.delegation).and_then(|d| d.group))
            .collect();
        assert_eq!(groups.len(), 5, "all five regional groups");
        assert_eq!(s.entries.iter().filter(|e| e.chair_of.is_some()).count(), 2);
        assert!(
            s.entries
                .iter()
                .any(|e| e.mode == crate::domain::Mode::Remote)
        );
        assert!(
            s.entries
                .iter()
                .any(|e| e.mode == crate::domain::Mode::Video)
        );
        assert!(s.entries.iter().any(|e| e.is_priority()));
        assert!(s.entries.iter().all(|e| e.status == Status::Waiting));
        // Delegations are spelled as in the reference data, observers aside.
        for e in &s.entries {
            if e.category.is_party() && e.delegation != "European Union" {
                assert!(
                    crate::delegations::find(&e.delegation).is_some(),
                    "{}",
                    e.delegation
                );
            }
        }
    }

    #[test]
    fn a_rehearsal_starts_five_minutes_before_the_first_slot_in_a_temporary_folder() {
        let now = parse_time("2026-11-28T10:00:00+01:00").expect("time");
        let r = prepare(None, now).expect("prepared");
        assert_eq!(
            r.start,
            parse_time("2022-10-17T09:55:00+02:00").expect("time")
        );
        assert!(r.path.starts_with(std::env::temp_dir()));
        assert!(store::load(&r.path).is_ok());
        let _ = std::fs::remove_dir_all(r.path.parent().expect("folder"));
    }
}
