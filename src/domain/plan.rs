//! The meeting plan: when each waiting entry is expected to start (SPEC section 4), from the
//! limits, the changeover and the meeting's slots.

use super::list::entry::Entry;
use super::list::session::Session;
use super::time::Time;
use chrono::Duration;

/// Projected start times for the queue, in queue order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// One per waiting entry, in queue order: `None` past the last slot (or with no slots).
    pub starts: Vec<Option<Time>>,
    /// When the last entry that fits is expected to end.
    pub expected_end: Option<Time>,
    /// How many waiting entries will not be reached in the slots.
    pub not_reached: usize,
}

impl Plan {
    /// The plan for `queue` (the session's queue, in order) at `now`.
    ///
    /// The first waiting entry starts when the current speech would end at its full limit (or,
    /// with nobody speaking, at the later of now and the start of the first slot not yet over);
    /// each next one when the one before would end at its full limit, plus the changeover. An
    /// entry fits when its start plus its limit is at or before its slot's end; one that does
    /// not fit moves to the start of the next slot, with no changeover.
    pub fn compute(session: &Session, queue: &[&Entry], now: Time) -> Plan {
        Plan::compute_busy(session, queue, now, &[])
    }

    /// The plan of a list whose day it shares with `earlier` lists of its conference, which
    /// speak first (SPEC section 8; in the order given). Each earlier list is planned in turn
    /// (after the ones before it); the time it takes (its speech under way, to the full limit,
    /// then each planned speech to its full limit plus the changeover) is busy, and in a slot
    /// of this list that busy time overlaps, nobody of this list starts before the busy time
    /// there ends.
    pub fn compute_after(
        session: &Session,
        queue: &[&Entry],
        now: Time,
        earlier: &[&Session],
    ) -> Plan {
        let mut busy: Vec<(Time, Time)> = Vec::new();
        for s in earlier {
            let q = s.queue();
            let plan = Plan::compute_busy(s, &q, now, &busy);
            let changeover = s.settings.changeover_seconds;
            if let (Some(_), Some(remaining)) = (s.current(), s.remaining(now))
                && let Some(end) = plus(now, remaining.max(0).saturating_add(changeover))
            {
                busy.push((now, end));
            }
            for (e, start) in q.iter().zip(&plan.starts) {
                if let Some(start) = start
                    && let Some(end) = plus(*start, e.limit_seconds.saturating_add(changeover))
                {
                    busy.push((*start, end));
                }
            }
        }
        Plan::compute_busy(session, queue, now, &busy)
    }

    /// [`Plan::compute`] with times already taken by other lists.
    fn compute_busy(session: &Session, queue: &[&Entry], now: Time, busy: &[(Time, Time)]) -> Plan {
        let slots = &session.settings.slots;
        // In each slot, nobody starts before the busy time overlapping it has ended.
        let blocked: Vec<Option<Time>> = slots
            .iter()
            .map(|slot| {
                busy.iter()
                    .filter(|(a, b)| *a < slot.end && *b > slot.start)
                    .map(|(_, b)| *b)
                    .max()
            })
            .collect();
        if slots.is_empty() {
            return Plan {
                starts: vec![None; queue.len()],
                expected_end: None,
                not_reached: 0,
            };
        }
        let changeover = session.settings.changeover_seconds;
        let none_reached = Plan {
            starts: vec![None; queue.len()],
            expected_end: None,
            not_reached: queue.len(),
        };
        let mut cursor = match (session.current(), session.remaining(now)) {
            // In overtime the speech would already have ended: the next one starts now.
            (Some(_), Some(remaining)) => match plus(now, remaining.max(0)) {
                Some(t) => t,
                None => return none_reached,
            },
            _ => match slots.iter().find(|s| s.end > now) {
                Some(s) => s.start.max(now),
                None => {
                    return Plan {
                        starts: vec![None; queue.len()],
                        expected_end: None,
                        not_reached: queue.len(),
                    };
                }
            },
        };
        let mut starts = Vec::with_capacity(queue.len());
        let mut slot = 0;
        let mut expected_end = None;
        let mut past = false;
        for e in queue {
            if past {
                starts.push(None);
                continue;
            }
            // The first slot that is not over at the cursor.
            while slot < slots.len() && slots[slot].end <= cursor {
                slot += 1;
            }
            let mut placed = None;
            while slot < slots.len() {
                let mut start = cursor.max(slots[slot].start);
                if let Some(b) = blocked[slot] {
                    start = start.max(b);
                }
                if let Some(end) = plus(start, e.limit_seconds)
                    && end <= slots[slot].end
                {
                    placed = Some((start, end));
                    break;
                }
                slot += 1;
                if slot < slots.len() {
                    cursor = slots[slot].start;
                }
            }
            match placed {
                Some((start, end)) => {
                    starts.push(Some(start));
                    expected_end = Some(end);
                    match plus(end, changeover) {
                        Some(t) => cursor = t,
                        None => past = true,
                    }
                }
                None => {
                    past = true;
                    starts.push(None);
                }
            }
        }
        let not_reached = starts.iter().filter(|s| s.is_none()).count();
        Plan {
            starts,
            expected_end,
            not_reached,
        }
    }
}

/// `t` plus `seconds`, or `None` where the sum leaves the calendar (a limit of millions of
/// years, from an absurd setting or a damaged file): such an entry does not fit in any slot.
fn plus(t: Time, seconds: i64) -> Option<Time> {
    Duration::try_seconds(seconds).and_then(|d| t.checked_add_signed(d))
}
