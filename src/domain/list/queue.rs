//! Reading a list: its entries, the queue in speaking order (R2, R3, R11, R12, observers last),
//! the headings it falls into, the window, and an entry found by id or name.

use super::entry::{Accepts, Entry, Status};
use super::kinds::opening_class;
use super::refusal::RuleError;
use super::session::Session;
use crate::domain::kind::ListKind;
use crate::domain::names::name_key;
use crate::domain::time::{Time, fmt_time};
use crate::domain::words::words;

/// The queue's sort key: part (parties first), tier (priority first), protocol rank, seat (the
/// President's order of an opening list; 0 elsewhere), time, order.
pub(super) type QueueKey = (u8, u8, u8, u64, Time, u64);

/// The part of the queue: the parties, then the observers when they speak last (SPEC section 2,
/// `observers-last`). The order of the variants is the speaking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Parties = 0,
    Observers = 1,
}

/// R3's two tiers: representatives at ministerial level or higher, then all others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Ministerial = 0,
    Others = 1,
}

impl Tier {
    /// The tier in words, as every heading says it.
    pub fn words(self) -> &'static str {
        match self {
            Tier::Ministerial => "ministerial level and higher",
            Tier::Others => "other speakers",
        }
    }
}

/// The stretch of the queue an entry falls under: what the list, the screen and the records
/// head it with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The general discussion: a tier (R3) of a part.
    General { part: Part, tier: Tier },
    /// The opening statements, one sequence in the President's order (R11).
    Opening,
    /// The right of reply, first come, first served (R12), in a part.
    Reply { part: Part },
}

impl Section {
    /// The heading in words, without the part: "ministerial level and higher", "other
    /// speakers", "in the President's order (R11)", "replies, first come, first served (R12)".
    pub fn words(self) -> &'static str {
        match self {
            Section::General { tier, .. } => tier.words(),
            Section::Opening => "in the President's order (R11)",
            Section::Reply { .. } => "replies, first come, first served (R12)",
        }
    }

    /// Under the observers' part (they speak last).
    pub fn observers(self) -> bool {
        matches!(
            self,
            Section::General {
                part: Part::Observers,
                ..
            } | Section::Reply {
                part: Part::Observers
            }
        )
    }
}

/// Where the list's window stands (R1): `list --json`'s `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowState {
    NotOpen,
    Open,
    Closed,
}

words! {
    WindowState, "a state of the window";
    NotOpen => "not-open",
    Open => "open",
    Closed => "closed",
}

impl WindowState {
    /// Where a window from `opens` to `closes` (either may be open-ended) stands at `now`.
    pub fn at(opens: Option<Time>, closes: Option<Time>, now: Time) -> WindowState {
        match (opens, closes) {
            (Some(o), _) if now < o => WindowState::NotOpen,
            (_, Some(c)) if now > c => WindowState::Closed,
            _ => WindowState::Open,
        }
    }
}

/// A state equals its word: `s.window_state(now) == "open"` reads as SPEC writes it.
impl PartialEq<&str> for WindowState {
    fn eq(&self, word: &&str) -> bool {
        self.word() == *word
    }
}

impl Session {
    /// The list's time zone (SPEC section 10); an unknown name (a hand-edited file) reads as UTC.
    pub fn zone(&self) -> chrono_tz::Tz {
        crate::domain::zone::parse_zone(&self.time_zone).unwrap_or(chrono_tz::UTC)
    }

    /// `t` in the list's zone, for showing to a person.
    pub fn local(&self, t: Time) -> chrono::DateTime<chrono_tz::Tz> {
        t.with_timezone(&self.zone())
    }

    pub fn entry(&self, id: u64) -> Option<&Entry> {
        self.find(id).map(|i| &self.entries[i])
    }

    pub(super) fn entry_mut(&mut self, id: u64) -> Option<&mut Entry> {
        self.find(id).map(move |i| &mut self.entries[i])
    }

    /// Where entry `id` is. Entries are kept in id order, so a binary search finds one; a file
    /// edited by hand (or damaged) may not keep that order, and then a scan still finds it.
    pub(super) fn find(&self, id: u64) -> Option<usize> {
        match self.entries.binary_search_by_key(&id, |e| e.id) {
            Ok(i) => Some(i),
            Err(_) => self.entries.iter().position(|e| e.id == id),
        }
    }

    pub(super) fn index_of(&self, id: u64) -> usize {
        self.find(id).unwrap_or(usize::MAX)
    }

    /// The part of the queue an entry belongs to: the parties, then the observers when they
    /// speak last.
    pub fn part(&self, e: &Entry) -> Part {
        // The opening statements go by R11's classes alone (the Executive Director, an observer,
        // speaks third whatever observers-last says).
        if self.kind != ListKind::Opening && self.settings.observers_last && !e.category.is_party()
        {
            Part::Observers
        } else {
            Part::Parties
        }
    }

    /// R3: the ministerial tier first.
    pub fn tier(e: &Entry) -> Tier {
        if e.is_priority() {
            Tier::Ministerial
        } else {
            Tier::Others
        }
    }

    /// The stretch of the queue an entry of it falls under, as its heading names it: the two
    /// tiers of the general discussion (R3) in each part, the one sequence of the opening
    /// The sort key of an opening list: the seat; a waiting entry without one (a file edited by
    /// hand) comes after the seated ones, by class and time.
    pub(super) fn opening_key(&self, e: &Entry) -> QueueKey {
        match e.seat {
            Some(seat) => (0, 0, 0, seat, e.queued_at, e.order),
            None => (0, 1, opening_class(e), u64::MAX, e.queued_at, e.order),
        }
    }

    /// statements (R11), the replies (R12) in each part.
    pub fn section(&self, e: &Entry) -> Section {
        match self.kind {
            ListKind::General => Section::General {
                part: self.part(e),
                tier: Self::tier(e),
            },
            ListKind::Opening => Section::Opening,
            ListKind::Reply => Section::Reply { part: self.part(e) },
        }
    }

    pub(super) fn key(&self, e: &Entry) -> QueueKey {
        if self.kind == ListKind::Opening {
            return self.opening_key(e);
        }
        let (part, tier, rank) = self.class(e);
        (part, tier, rank, 0, e.queued_at, e.order)
    }

    /// The stretch of the queue an entry cannot leave by its times alone: its part, its tier and,
    /// with protocol order, its rank. Inside one class the queue is ordered by time (and
    /// command order), so moving an entry (absent) means moving it inside its class.
    pub(super) fn class(&self, e: &Entry) -> (u8, u8, u8) {
        match self.kind {
            // R12: every reply is equal; observers-last as set.
            ListKind::Reply => return (self.part(e) as u8, 0, 0),
            // R11: the six classes.
            ListKind::Opening => return (0, 0, opening_class(e)),
            ListKind::General => {}
        }
        let rank = if self.settings.protocol_order && e.is_priority() {
            e.level.protocol_rank()
        } else {
            0
        };
        (self.part(e) as u8, Self::tier(e) as u8, rank)
    }

    /// The queue: waiting entries in speaking order (R2, R3, observers last).
    pub fn queue(&self) -> Vec<&Entry> {
        let mut q: Vec<(QueueKey, &Entry)> = self
            .entries
            .iter()
            .filter(|e| e.status == Status::Waiting)
            .map(|e| (self.key(e), e))
            .collect();
        q.sort_unstable_by_key(|(k, _)| *k);
        q.into_iter().map(|(_, e)| e).collect()
    }

    /// Every entry in display order: spoken (in the order they spoke), the current one, the
    /// queue, then withdrawn ones (in the order they withdrew).
    pub fn display_order(&self) -> Vec<&Entry> {
        let closed = |status: Status| {
            let mut v: Vec<&Entry> = self.entries.iter().filter(|e| e.status == status).collect();
            v.sort_by_key(|e| e.closed_order.unwrap_or(0));
            v
        };
        let mut out = closed(Status::Spoken);
        out.extend(self.current());
        out.extend(self.queue());
        out.extend(closed(Status::Withdrawn));
        out
    }

    pub fn current(&self) -> Option<&Entry> {
        self.speech.as_ref().and_then(|s| self.entry(s.entry))
    }

    pub fn count(&self, status: Status) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }

    /// Where the window stands at `now`.
    pub fn window_state(&self, now: Time) -> WindowState {
        WindowState::at(self.settings.opens, self.settings.closes, now)
    }

    /// The window in words, for messages and the header.
    pub fn window_words(&self) -> String {
        self.window_words_with(fmt_time)
    }

    /// The window in words with its times written by `time`: "is open from A to B", "opens at
    /// A", "closes at B" or "is always open".
    pub fn window_words_with(&self, time: impl Fn(Time) -> String) -> String {
        match (self.settings.opens, self.settings.closes) {
            (None, None) => "is always open".to_string(),
            (Some(o), None) => format!("opens at {}", time(o)),
            (None, Some(c)) => format!("closes at {}", time(c)),
            (Some(o), Some(c)) => format!("is open from {} to {}", time(o), time(c)),
        }
    }

    pub(super) fn in_window(&self, at: Time) -> bool {
        self.settings.opens.is_none_or(|o| at >= o) && self.settings.closes.is_none_or(|c| at <= c)
    }

    /// Finds an entry by id, or by a delegation's name (any case). A name resolves to the one
    /// waiting entry it names (SPEC section 3); two waiting entries are an error that lists them.
    /// Where the name names no waiting entry, the commands that accept more (`absent` the entry
    /// at the podium, `mark` a spoken one) take the one entry of theirs it names.
    pub fn resolve(&self, text: &str, accepts: Accepts) -> Result<u64, RuleError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(RuleError::NoEntryNamed);
        }
        if let Ok(id) = t.trim_start_matches('#').parse::<u64>()
            && self.entry(id).is_some()
        {
            return Ok(id);
        }
        // Any case, accents and punctuation ignored, as names are matched (SPEC section 10).
        let wanted = name_key(t);
        let ok = |e: &Entry| match accepts {
            Accepts::Waiting => e.status == Status::Waiting,
            Accepts::WaitingOrCurrent => matches!(e.status, Status::Waiting | Status::Current),
            Accepts::AnyButWithdrawn => e.status != Status::Withdrawn,
            Accepts::Any => true,
            Accepts::Withdrawn => e.status == Status::Withdrawn,
        };
        let named: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| name_key(&e.delegation) == wanted)
            .collect();
        let waiting: Vec<&Entry> = named
            .iter()
            .copied()
            .filter(|e| e.status == Status::Waiting)
            .collect();
        let candidates: Vec<&Entry> = if waiting.is_empty() || accepts == Accepts::Withdrawn {
            named.iter().copied().filter(|e| ok(e)).collect()
        } else {
            waiting
        };
        match candidates.as_slice() {
            [one] => Ok(one.id),
            [] => match named.first() {
                // The delegation is on the list, but not in a state this command accepts:
                // say so rather than "no such entry".
                Some(e) => Err(RuleError::NotWaiting {
                    id: e.id,
                    delegation: e.delegation.clone(),
                    status: e.status.word(),
                    action: "named here",
                }),
                None => Err(RuleError::NoSuchEntry(t.to_string())),
            },
            many => Err(RuleError::Ambiguous {
                name: t.to_string(),
                count: many.len(),
                candidates: many
                    .iter()
                    .map(|e| {
                        format!(
                            "#{} {} ({}, {})",
                            e.id,
                            e.title(),
                            e.speaker,
                            e.status.word()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            }),
        }
    }

    /// The place (1-based) of a waiting entry in the queue: one more than the waiting entries
    /// that sort before it, counted in one pass rather than by sorting the whole queue.
    pub fn position(&self, id: u64) -> Option<usize> {
        let key = self
            .entry(id)
            .filter(|e| e.status == Status::Waiting)
            .map(|e| self.key(e))?;
        let before = self
            .entries
            .iter()
            .filter(|e| e.status == Status::Waiting && self.key(e) < key)
            .count();
        Some(before + 1)
    }
}
