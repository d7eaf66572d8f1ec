//! Undo and redo of every change. A step keeps only what the change touched (the entries that
//! differ, and the small rest of the list), so 100 steps on a list of 1,000 entries cost little
//! memory. The log is never rolled back: undo and redo are changes, logged like the others.

use super::list::entry::{Change, Entry};
use super::list::refusal::{Done, RuleError};
use super::list::session::Session;
use super::list::settings::Settings;
use super::time::Time;
use super::timer::Speech;

/// At least 100 steps (SPEC section 4).
pub const STEPS: usize = 200;

/// What stands between an undo's label and the change it undid, in the log's words.
pub const UNDID: &str = " (the change: ";

/// The list as it was before a change: what undo puts back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    title: String,
    settings: Settings,
    entries: Vec<Entry>,
    speech: Option<Speech>,
    message: Option<String>,
    /// The length of the log then: the change's own records come after it.
    log_len: usize,
}

impl Snapshot {
    pub fn of(s: &Session) -> Snapshot {
        Snapshot {
            title: s.title.clone(),
            settings: s.settings.clone(),
            entries: s.entries.clone(),
            speech: s.speech.clone(),
            message: s.message.clone(),
            log_len: s.log.len(),
        }
    }
}

/// What turns the list after a change back into the list before it.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    title: String,
    settings: Settings,
    speech: Option<Speech>,
    message: Option<String>,
    /// Entries are only ever appended, so the earlier list is a prefix plus changed entries.
    len: usize,
    changed: Vec<(usize, Entry)>,
    /// The log records the change wrote: marked undone by an undo, cleared by a redo.
    records: std::ops::Range<usize>,
}

impl Step {
    /// The step that takes `now` back to `then`; `records` are the log records of the change.
    fn between(
        then: &Snapshot,
        now: &[Entry],
        label: String,
        records: std::ops::Range<usize>,
    ) -> Step {
        let changed = then
            .entries
            .iter()
            .enumerate()
            .filter(|(i, e)| now.get(*i) != Some(*e))
            .map(|(i, e)| (i, e.clone()))
            .collect();
        Step {
            label,
            title: then.title.clone(),
            settings: then.settings.clone(),
            speech: then.speech.clone(),
            message: then.message.clone(),
            len: then.entries.len(),
            changed,
            records,
        }
    }

    /// Applies the step to `s` and returns the step that reverses it.
    fn apply(self, s: &mut Session, what: Change, now: Time) -> Step {
        let here = Snapshot::of(s);
        let undone = what == Change::Undone;
        for r in s.log.get_mut(self.records.clone()).into_iter().flatten() {
            r.undone = undone;
        }
        s.entries.truncate(self.len);
        for (i, e) in self.changed {
            if i < s.entries.len() {
                s.entries[i] = e;
            } else {
                s.entries.push(e);
            }
        }
        let verb = if what == Change::Undone {
            "undone"
        } else {
            "redone"
        };
        // The log names the change by its own records' words, so the report can say what an
        // undo undid ("undone: 30 seconds more (the change: extra time for Ghana 0:30: ...)").
        let change: Vec<&str> = s
            .log
            .get(self.records.clone())
            .into_iter()
            .flatten()
            .map(|r| r.text.as_str())
            .collect();
        let said = if change.is_empty() {
            format!("{verb}: {}", self.label)
        } else {
            format!("{verb}: {}{UNDID}{})", self.label, change.join("; "))
        };
        let snapshot = Snapshot {
            title: self.title,
            settings: self.settings,
            entries: std::mem::take(&mut s.entries),
            speech: self.speech,
            message: self.message,
            log_len: here.log_len,
        };
        s.restore_snapshot(snapshot, what, &said, now);
        Step::between(&here, &s.entries, self.label, self.records)
    }
}

/// The undo and redo stacks of one screen.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a change: `before` is the list as it was, `after` the session now.
    pub fn record(&mut self, before: &Snapshot, after: &Session, label: &str) {
        self.undo.push(Step::between(
            before,
            &after.entries,
            label.to_string(),
            before.log_len..after.log.len(),
        ));
        if self.undo.len() > STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn undo(&mut self, s: &mut Session, now: Time) -> Result<Done, RuleError> {
        let step = self.undo.pop().ok_or(RuleError::NothingToUndo("undo"))?;
        let label = step.label.clone();
        self.redo.push(step.apply(s, Change::Undone, now));
        Ok(Done {
            message: format!("undone: {label} (Ctrl-r redoes)"),
            ..Done::default()
        })
    }

    pub fn redo(&mut self, s: &mut Session, now: Time) -> Result<Done, RuleError> {
        let step = self.redo.pop().ok_or(RuleError::NothingToUndo("redo"))?;
        let label = step.label.clone();
        self.undo.push(step.apply(s, Change::Redone, now));
        Ok(Done {
            message: format!("redone: {label}"),
            ..Done::default()
        })
    }
}

impl Session {
    /// Puts a snapshot's list back and logs it; the log and the id and order counters are kept,
    /// so ids are never reused.
    pub fn restore_snapshot(&mut self, snap: Snapshot, what: Change, said: &str, now: Time) {
        self.title = snap.title;
        self.settings = snap.settings;
        self.entries = snap.entries;
        self.speech = snap.speech;
        self.message = snap.message;
        self.log_change(now, what, said.to_string());
    }
}
