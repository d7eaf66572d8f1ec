//! Why an entry stands where it stands, read from the change log (SPEC section 4).

use super::entry::{Change, LogRecord};
use super::queue::Part;
use super::session::Session;
use crate::domain::kind::{ListKind, Role};
use crate::domain::time::Time;
impl Session {
    /// Why the entry stands where it stands, read from the change log (SPEC section 4).
    pub fn why(&self, id: u64) -> Vec<String> {
        let Some(e) = self.entry(id) else {
            return Vec::new();
        };
        let name = |id: Option<u64>| {
            id.and_then(|i| self.entry(i))
                .map(|e| e.delegation.clone())
                .unwrap_or_else(|| "?".into())
        };
        let records: Vec<&LogRecord> = self
            .log
            .iter()
            .filter(|r| !r.undone && (r.entry == Some(id) || r.other == Some(id)))
            .collect();
        // The tier dates from the request, or from the notice of a change of speaker that moved
        // the entry to the other tier (R4).
        let requeued = records
            .iter()
            .rev()
            .find(|r| r.what == Change::Replaced && r.requeued);
        let tier = e.tier_words();
        // The day and the hour, in the list's zone (SPEC section 4): two delegations may write
        // on the same day.
        let fmt_day = |t: Time| self.local(t).format("%-d %B %H:%M").to_string();
        let mut out = vec![match requeued.and_then(|r| r.notice_at) {
            _ if self.kind != ListKind::General => self.why_of_kind(e).unwrap_or_default(),
            Some(notice) => format!(
                "{tier} since the notice of a change of speaker on {}",
                fmt_day(notice)
            ),
            None => format!("{tier} since the request of {}", fmt_day(e.requested_at)),
        }];
        if self.part(e) == Part::Observers {
            out.push("an observer: speaks after the parties".into());
        }
        for r in records {
            let day = fmt_day(r.notice_at.unwrap_or(r.at));
            match r.what {
                Change::Added if r.reason.is_some() => out.push(format!(
                    "accepted outside the window: {}",
                    r.reason.clone().unwrap_or_default()
                )),
                Change::Replaced => out.push(format!("{} ({day})", r.text)),
                Change::Swapped => {
                    let with = if r.entry == Some(id) {
                        r.other
                    } else {
                        r.entry
                    };
                    out.push(format!(
                        "swapped with {} on {day} at the notice of {}",
                        name(with),
                        name(r.entry)
                    ));
                }
                Change::Absent => out.push(r.text.clone()),
                Change::Moved => out.push(format!(
                    "{} on {day}: {}",
                    r.text,
                    r.reason.clone().unwrap_or_default()
                )),
                Change::Added if e.role.is_some() => out.push(format!(
                    "inscribed as the {}",
                    e.role.map(Role::label).unwrap_or("")
                )),
                _ => {}
            }
        }
        out
    }
}
