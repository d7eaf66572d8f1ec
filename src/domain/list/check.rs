//! The invariants a list's file must hold: what `podium check` reports.

use super::entry::{DupKey, Entry, Status, blocking_key};
use super::session::{FORMAT, Session};
use super::settings::{Settings, check_slots};
use crate::domain::kind::ListKind;
impl Session {
    /// Checks the invariants a file must hold; what `podium check` reports.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.format != FORMAT {
            out.push(format!("format is \"{}\", not \"{FORMAT}\"", self.format));
        }
        let mut last = 0;
        for e in &self.entries {
            if e.id <= last {
                out.push(format!("entry #{} is out of order or repeated", e.id));
            }
            last = e.id;
            if e.id >= self.next_id {
                out.push(format!(
                    "entry #{} is not below next_id {}",
                    e.id, self.next_id
                ));
            }
            if e.order >= self.next_order {
                out.push(format!("entry #{} has an order beyond the counter", e.id));
            }
            if e.delegation.trim().is_empty() || e.speaker.trim().is_empty() {
                out.push(format!("entry #{} lacks a delegation or a speaker", e.id));
            }
            if e.status == Status::Spoken && e.spoken_seconds.is_none() {
                out.push(format!(
                    "entry #{} has spoken but no time is recorded",
                    e.id
                ));
            }
            if e.limit_seconds < 1 {
                out.push(format!("entry #{} has a limit below one second", e.id));
            }
            // A status the entry's times cannot have: a waiting entry has not ended nor spoken.
            if e.status == Status::Waiting && (e.ended_at.is_some() || e.spoken_seconds.is_some()) {
                out.push(format!(
                    "entry #{} is waiting but has a recorded end or speaking time",
                    e.id
                ));
            }
            if e.status == Status::Current && e.ended_at.is_some() {
                out.push(format!(
                    "entry #{} is at the podium but has a recorded end",
                    e.id
                ));
            }
        }
        if self.settings.limit_seconds < 1
            || self.settings.chair_limit_seconds < 1
            || self.settings.second_limit_seconds < 1
        {
            out.push("the speaking limit is zero or less".into());
        }
        if self.settings.changeover_seconds < 0 {
            out.push("the changeover between speakers is below zero".into());
        }
        let current: Vec<u64> = self
            .entries
            .iter()
            .filter(|e| e.status == Status::Current)
            .map(|e| e.id)
            .collect();
        match (&self.speech, current.as_slice()) {
            (None, []) => {}
            (Some(s), [id]) if s.entry == *id => {}
            (s, ids) => out.push(format!(
                "the speech at the podium ({}) does not match the entries marked current ({ids:?})",
                s.as_ref()
                    .map(|s| format!("#{}", s.entry))
                    .unwrap_or_else(|| "none".into())
            )),
        }
        // The fields of the list kinds (R11, R12): each only where its kind has it.
        let mut replies: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for e in &self.entries {
            match (self.kind, e.reply) {
                (_, Some(n)) if n != 1 && n != 2 => {
                    out.push(format!("entry #{} has reply {n}, not 1 or 2", e.id))
                }
                (ListKind::Reply, _) => {}
                (_, Some(_)) => out.push(format!(
                    "entry #{} has a reply number on a list that is not a reply list",
                    e.id
                )),
                _ => {}
            }
            if self.kind != ListKind::Opening && (e.role.is_some() || e.moved) {
                out.push(format!(
                    "entry #{} has a role or a President's move on a list that is not an opening list",
                    e.id
                ));
            }
            if self.kind == ListKind::Reply && e.status != Status::Withdrawn {
                let n = replies.entry(e.delegation.to_lowercase()).or_default();
                *n += 1;
                if *n == 3 {
                    out.push(format!(
                        "{} has more than two replies on this list (R12)",
                        e.delegation
                    ));
                }
            }
        }
        // The duplicate rule of `add`, through its key: one pass, so that checking a list of
        // 100,000 imported entries takes a moment rather than an hour. A reply list holds no
        // key (R12: a delegation may reply twice).
        let mut seen: std::collections::HashMap<DupKey, &Entry> = std::collections::HashMap::new();
        for b in self.entries.iter().filter(|_| self.kind != ListKind::Reply) {
            let Some(key) = blocking_key(b) else {
                continue;
            };
            if let Some(a) = seen.get(&key) {
                out.push(format!(
                    "#{} and #{} are the same inscription of {}",
                    a.id, b.id, a.delegation
                ));
                if out.len() > 50 {
                    break;
                }
            } else {
                seen.insert(key, b);
            }
        }
        if Settings::check_window(self.settings.opens, self.settings.closes).is_err() {
            out.push("the window opens after it closes".into());
        }
        if check_slots(self.settings.slots.clone()).is_err() {
            out.push("the meeting slots overlap or end before they start".into());
        }
        out
    }
}
