//! The rules of the opening statements (R11) and of the right of reply (R12), SPEC section 8.
//!
//! The queue of an opening list is not a pure sort: an entry moved by the President stays where
//! it was put, and a new entry goes in front of the first waiting entry *not moved* that would
//! come after it by class and `queued_at`. So each waiting entry of an opening list holds a seat
//! (`Entry::seat`), its place in one explicit sequence; `queue`, `position` and the plan all sort
//! by it. Seats are renumbered 1..n after every insertion or move (linear in the queue).

use super::entry::{Change, Entry, Status};
use super::refusal::{Done, RuleError};
use super::session::Session;
use crate::domain::kind::{ListKind, Role};
use crate::domain::level::{Group, Level};
use crate::domain::time::{Time, fmt_day};

/// R11: the class of an entry of the opening statements, the first of the six that applies:
/// 1 the outgoing President, 2 the incoming President, 3 the Executive Director, 4 a speaker of
/// Head of State level, 5 the Chair of a regional group, 6 everyone else.
pub fn opening_class(e: &Entry) -> u8 {
    class_of(e.role, e.level, e.chair_of)
}

fn class_of(role: Option<Role>, level: Level, chair_of: Option<Group>) -> u8 {
    match role {
        Some(Role::OutgoingPresident) => 1,
        Some(Role::IncomingPresident) => 2,
        Some(Role::ExecutiveHead) => 3,
        None if is_head_of_state_level(level) => 4,
        None if chair_of.is_some() => 5,
        None => 6,
    }
}

/// "Head of State level" (R11): a head of State or Government, or a vice-president.
fn is_head_of_state_level(level: Level) -> bool {
    matches!(
        level,
        Level::HeadOfState | Level::HeadOfGovernment | Level::VicePresident
    )
}

/// The words of a class, for the why panel.
pub fn class_words(class: u8) -> &'static str {
    match class {
        1 => "the outgoing President speaks first",
        2 => "the incoming President speaks second",
        3 => "the Executive Director speaks after the Presidents",
        4 => "a speaker of Head of State level, after the Presidents and the Executive Director",
        5 => "a Chair of a regional group, after the high-level speakers",
        _ => "after the Presidents, the Executive Director, the high-level speakers and the Chairs",
    }
}

impl Session {
    /// R11: the deadline a high-level inscription (class 4) requested at `at` is past, if any.
    pub(super) fn high_level_late(
        &self,
        role: Option<Role>,
        level: Level,
        chair_of: Option<Group>,
        at: Time,
    ) -> Option<Time> {
        if self.kind != ListKind::Opening || class_of(role, level, chair_of) != 4 {
            return None;
        }
        self.settings.high_level_deadline.filter(|d| at > *d)
    }

    /// R11: whether an inscription so made at `at` is past the high-level deadline (the add
    /// form asks the President's reason then).
    pub fn high_level_closed(
        &self,
        role: Option<Role>,
        level: Level,
        chair_of: Option<Group>,
        at: Time,
    ) -> bool {
        self.high_level_late(role, level, chair_of, at).is_some()
    }

    /// R12: the reply number of a new inscription of `delegation` on a reply list (1, or 2 when
    /// the delegation has another entry that is not withdrawn); a third is refused. `None` on
    /// other kinds.
    pub(super) fn reply_number(&self, delegation: &str) -> Result<Option<u8>, RuleError> {
        if self.kind != ListKind::Reply {
            return Ok(None);
        }
        let wanted = delegation.to_lowercase();
        let others: Vec<u64> = self
            .entries
            .iter()
            .filter(|e| e.status != Status::Withdrawn && e.delegation.to_lowercase() == wanted)
            .map(|e| e.id)
            .collect();
        match others.as_slice() {
            [] => Ok(Some(1)),
            [_] => Ok(Some(2)),
            [first, second, ..] => Err(RuleError::ThirdReply {
                delegation: delegation.to_string(),
                first: *first,
                second: *second,
            }),
        }
    }

    /// The waiting entries of an opening list in their order, by id.
    fn opening_sequence(&self) -> Vec<u64> {
        self.queue().iter().map(|e| e.id).collect()
    }

    /// Seats the waiting entries in `order`, 1..n.
    fn reseat(&mut self, order: &[u64]) {
        for (i, id) in order.iter().enumerate() {
            if let Some(k) = self.find(*id) {
                self.entries[k].seat = Some(i as u64 + 1);
            }
        }
    }

    /// Puts a waiting entry of an opening list in the queue by the rule for a new entry (SPEC
    /// section 8): in front of the first waiting entry not moved by the President that comes
    /// after it by class and `queued_at` (a later class, or the same class and a later time; on
    /// equal times the new entry goes after), or last; nothing else moves. `add` and `reinstate`
    /// use it. The entry is no longer counted as moved.
    pub fn seat_by_rule(&mut self, id: u64) {
        if self.kind != ListKind::Opening {
            return;
        }
        let Some(k) = self.find(id) else {
            return;
        };
        self.entries[k].moved = false;
        self.entries[k].seat = None;
        let mine = (opening_class(&self.entries[k]), self.entries[k].queued_at);
        let mut order: Vec<u64> = self
            .opening_sequence()
            .into_iter()
            .filter(|q| *q != id)
            .collect();
        let at = order
            .iter()
            .position(|q| {
                self.entry(*q)
                    .is_some_and(|e| !e.moved && (opening_class(e), e.queued_at) > mine)
            })
            .unwrap_or(order.len());
        order.insert(at, id);
        self.reseat(&order);
    }

    /// R11: only an opening list is in the President's order; elsewhere `move` is refused.
    pub fn may_move(&self) -> Result<(), RuleError> {
        let rule = match self.kind {
            ListKind::Opening => return Ok(()),
            ListKind::General => "R2",
            ListKind::Reply => "R12",
        };
        Err(RuleError::MoveNotOpening {
            kind: self.kind.label(),
            rule,
        })
    }

    /// R11: the President puts a waiting entry of an opening list at place `to` (1 to the number
    /// waiting); the reason is logged, and the entry stays there until moved again or it leaves
    /// the queue.
    pub fn move_to(
        &mut self,
        id: u64,
        to: usize,
        reason: &str,
        now: Time,
    ) -> Result<Done, RuleError> {
        self.may_move()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(RuleError::Empty("reason for the move"));
        }
        crate::domain::text::one_line(reason, "reason for the move")?;
        self.waiting(id, "moved")?;
        let mut order = self.opening_sequence();
        let waiting = order.len();
        if to < 1 || to > waiting {
            return Err(RuleError::MoveOutOfRange { to, waiting });
        }
        let from = order.iter().position(|q| *q == id).map_or(0, |p| p + 1);
        order.retain(|q| *q != id);
        order.insert(to - 1, id);
        self.reseat(&order);
        let k = self.index_of(id);
        self.entries[k].moved = true;
        let title = self.entries[k].title();
        let text = format!("{title} moved by the President from place {from} to place {to}");
        let rec = self.record(now, Change::Moved, Some(id), text);
        rec.reason = Some(reason.to_string());
        Ok(Done::say(
            format!("#{id} {title} is now place {to} (moved from place {from})"),
            Some(id),
        ))
    }

    /// The first line of the why panel on an opening or a reply list.
    pub(super) fn why_of_kind(&self, e: &Entry) -> Option<String> {
        let day = fmt_day(e.requested_at);
        match self.kind {
            ListKind::General => None,
            ListKind::Opening => Some(format!(
                "class {} of the opening statements: {}; requested {day}",
                opening_class(e),
                class_words(opening_class(e))
            )),
            ListKind::Reply => Some(format!(
                "reply {} of {}: first come, first served since the request of {day}",
                e.reply.unwrap_or(1),
                e.delegation
            )),
        }
    }
}
