//! One list of speakers: its settings, its entries, the speech at the podium and the change log.
//! Every rule of SPEC section 1 is enforced here, as a command that either applies (and is logged)
//! or is refused with a [`RuleError`] that names the rule and says what to do. The time of each
//! change is passed in; nothing here reads a clock or touches a file.

use super::kind::{ListKind, Role};
use super::level::{Category, Group, Level, Mode};
use super::names::name_key;
use super::timer::{Speech, remaining_seconds};
use super::{Time, fmt_time};
use serde::{Deserialize, Serialize};

mod kinds;
mod refusal;
pub use kinds::opening_class;
pub use refusal::{Done, Field, RuleError};

pub const FORMAT: &str = "podium-session";
/// Version 2: kinds, time zone, roles, replies, moves (SPEC section 5). Version 1 is still read.
pub const VERSION: u32 = 2;
/// The oldest version this podium reads (and writes back as [`VERSION`]).
pub const OLDEST_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Waiting,
    Current,
    Spoken,
    Withdrawn,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Current => "current",
            Status::Spoken => "spoken",
            Status::Withdrawn => "withdrawn",
        }
    }
}

/// What happens to a speaker who is not in the room when called (beyond the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum AbsentPolicy {
    /// Moved back behind the next speaker (the practice at the CND).
    #[default]
    BehindNext,
    EndOfTier,
    Drop,
}

impl AbsentPolicy {
    pub const ALL: [AbsentPolicy; 3] = [
        AbsentPolicy::BehindNext,
        AbsentPolicy::EndOfTier,
        AbsentPolicy::Drop,
    ];
    pub fn word(self) -> &'static str {
        match self {
            AbsentPolicy::BehindNext => "behind-next",
            AbsentPolicy::EndOfTier => "end-of-tier",
            AbsentPolicy::Drop => "drop",
        }
    }
}

impl super::words::Words for AbsentPolicy {
    const ALL: &'static [AbsentPolicy] = &AbsentPolicy::ALL;
    const WHAT: &'static str = "a way to treat an absent speaker";
    fn word(self) -> &'static str {
        AbsentPolicy::word(self)
    }
}

/// A meeting slot, e.g. 10:00-13:00 (annex, "Proposed organization of work").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub start: Time,
    pub end: Time,
}

/// The settings of one list (R1, R6, R7 and the "beyond the text" settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// R6: 3 minutes for every speaker.
    pub limit_seconds: i64,
    /// R6: 5 minutes for the Chair of a regional group speaking for the group.
    pub chair_limit_seconds: i64,
    /// Time between two speakers, counted in the projected start times.
    pub changeover_seconds: i64,
    /// R1: the window. `None` means no bound on that side.
    pub opens: Option<Time>,
    pub closes: Option<Time>,
    /// R7: the submission deadline for pre-recorded video statements.
    pub video_deadline: Option<Time>,
    pub slots: Vec<Slot>,
    /// Parties (state-party, reio) before all others.
    pub observers_last: bool,
    /// Orders the priority tier by the ladder (equal standing at the top).
    pub protocol_order: bool,
    pub absent: AbsentPolicy,
    /// R12: the limit of a second reply on a reply list.
    #[serde(default = "default_second_limit")]
    pub second_limit_seconds: i64,
    /// R11: requests to register a high-level speaker close then (opening lists).
    #[serde(default)]
    pub high_level_deadline: Option<Time>,
    /// SPEC section 9: `next` starts the clock (on), or only calls the speaker (off).
    #[serde(default = "default_true")]
    pub start_on_call: bool,
    /// SPEC section 9: the ready-made messages, keys 1-9.
    #[serde(default = "default_messages")]
    pub messages: Vec<String>,
    /// The countdown turns amber this many seconds before the limit.
    #[serde(default = "default_warning")]
    pub warning_seconds: i64,
}

fn default_second_limit() -> i64 {
    300
}

fn default_true() -> bool {
    true
}

fn default_warning() -> i64 {
    30
}

/// `30 seconds left|Please conclude|Time is up` (SPEC section 9).
pub fn default_messages() -> Vec<String> {
    ["30 seconds left", "Please conclude", "Time is up"]
        .map(String::from)
        .to_vec()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            limit_seconds: 180,
            chair_limit_seconds: 300,
            changeover_seconds: 30,
            opens: None,
            closes: None,
            video_deadline: None,
            slots: Vec::new(),
            observers_last: true,
            protocol_order: false,
            absent: AbsentPolicy::BehindNext,
            second_limit_seconds: default_second_limit(),
            high_level_deadline: None,
            start_on_call: true,
            messages: default_messages(),
            warning_seconds: default_warning(),
        }
    }
}

impl Settings {
    /// The limit an entry gets (R6): the chair's limit when speaking for a regional group.
    pub fn limit_for(&self, chair_of: Option<Group>) -> i64 {
        if chair_of.is_some() {
            self.chair_limit_seconds
        } else {
            self.limit_seconds
        }
    }

    /// The limit an entry gets on a list of `kind`: R6 (the chair's limit for a regional group's
    /// statement), or R12 on a reply list (the first reply `limit`, the second `second-limit`;
    /// chairs' limits do not apply there).
    pub fn limit_of(&self, kind: ListKind, chair_of: Option<Group>, reply: Option<u8>) -> i64 {
        match kind {
            ListKind::Reply if reply == Some(2) => self.second_limit_seconds,
            ListKind::Reply => self.limit_seconds,
            _ => self.limit_for(chair_of),
        }
    }

    /// The defaults of a new list of `kind` (SPEC section 8): the opening statements at five
    /// minutes for everyone, observers not set apart; the replies at ten and five minutes.
    pub fn for_kind(kind: ListKind) -> Settings {
        let mut s = Settings::default();
        match kind {
            ListKind::General => {}
            ListKind::Opening => {
                s.limit_seconds = 300;
                s.chair_limit_seconds = 300;
                s.observers_last = false;
            }
            ListKind::Reply => {
                s.limit_seconds = 600;
                s.second_limit_seconds = 300;
            }
        }
        s
    }

    /// A window must not open after it closes (`new`, `set` and `check` all hold to this).
    pub fn check_window(opens: Option<Time>, closes: Option<Time>) -> Result<(), RuleError> {
        match (opens, closes) {
            (Some(o), Some(c)) if o > c => Err(RuleError::WindowInverted {
                opens: fmt_time(o),
                closes: fmt_time(c),
            }),
            _ => Ok(()),
        }
    }
}

/// One inscription on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    pub delegation: String,
    pub speaker: String,
    pub level: Level,
    pub chair_of: Option<Group>,
    pub category: Category,
    pub mode: Mode,
    /// R2: when the request reached the secretariat. Never changes.
    pub requested_at: Time,
    /// The time the queue orders by: `requested_at`, or the notice of a replacement that changed
    /// tier (R4); a swap exchanges it (R5).
    pub queued_at: Time,
    /// Ties on `queued_at` keep the order of the commands that set them: this counter records it.
    pub order: u64,
    pub limit_seconds: i64,
    pub status: Status,
    #[serde(default)]
    pub statement_received: bool,
    #[serde(default)]
    pub no_post: bool,
    /// R7: who introduces a video statement.
    #[serde(default)]
    pub introducer: Option<String>,
    /// R1: the reason given for accepting a request outside the window.
    #[serde(default)]
    pub late_reason: Option<String>,
    #[serde(default)]
    pub started_at: Option<Time>,
    #[serde(default)]
    pub ended_at: Option<Time>,
    #[serde(default)]
    pub spoken_seconds: Option<i64>,
    /// The order in which spoken and withdrawn entries left the queue.
    #[serde(default)]
    pub closed_order: Option<u64>,
    /// R11: the role of an opening statement (opening lists only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// R12: 1 for a delegation's first reply, 2 for its second (reply lists only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<u8>,
    /// R11: placed by the President (`move`); stays where it was put.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// R11: the entry's place in the President's order of an opening list (the queue there is
    /// an explicit sequence, since a moved entry stays where it was put: see `kinds.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<u64>,
}

impl Entry {
    pub fn is_priority(&self) -> bool {
        self.level.is_priority()
    }

    /// R3: "priority tier" or "general tier", as the log and the messages say it.
    pub fn tier_words(&self) -> &'static str {
        if self.is_priority() {
            "priority tier"
        } else {
            "general tier"
        }
    }

    /// "Ghana" or "Ghana (for the African States)".
    pub fn title(&self) -> String {
        match self.chair_of {
            Some(g) => format!("{} (for the {})", self.delegation, g.name()),
            None => self.delegation.clone(),
        }
    }

    /// R7: a video requested after the video deadline.
    pub fn video_late(&self, settings: &Settings) -> bool {
        self.mode == Mode::Video
            && settings
                .video_deadline
                .is_some_and(|deadline| self.requested_at > deadline)
    }
}

/// The kinds of change the log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Created,
    Added,
    Replaced,
    Swapped,
    Withdrawn,
    Called,
    Ended,
    Paused,
    PointOfOrder,
    Resumed,
    ExtraTime,
    Absent,
    Marked,
    Setting,
    Message,
    Undone,
    Redone,
    Recovered,
    Imported,
    /// R11: the President put an entry of an opening list at a place.
    Moved,
    /// A spelling corrected (`rename`): the entry keeps its place.
    Renamed,
    /// A withdrawn entry waits again at its own `queued_at` (`reinstate`).
    Reinstated,
}

/// One line of the change log: what, when, and the reason where one was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRecord {
    /// When the change was made at the desk.
    pub at: Time,
    pub what: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<u64>,
    /// The second entry of a swap (the first is the proposing delegation's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<u64>,
    /// The time of the notice to the secretariat (replacement, swap, withdrawal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A replacement that moved the entry to the other tier (R4).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub requeued: bool,
    /// Set while the change this record belongs to stands undone (the log is never rolled
    /// back): the "why" panel and the report pass over it; a redo clears it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undone: bool,
    /// The change in words, as the officer reads it back.
    pub text: String,
}

/// A request for inscription, as typed in from the email or read from a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inscription {
    pub delegation: String,
    pub speaker: String,
    pub level: Level,
    pub chair_of: Option<Group>,
    pub category: Category,
    pub mode: Mode,
    /// `None`: now.
    pub requested_at: Option<Time>,
    /// R1: the override, with the President's reason.
    pub late: Option<String>,
    pub no_post: bool,
}

impl Inscription {
    pub fn new(delegation: &str, speaker: &str, level: Level) -> Inscription {
        Inscription {
            delegation: delegation.to_string(),
            speaker: speaker.to_string(),
            level,
            chair_of: None,
            category: Category::StateParty,
            mode: Mode::Floor,
            requested_at: None,
            late: None,
            no_post: false,
        }
    }
}

/// Which entries a command accepts when a delegation's name is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    Waiting,
    /// Waiting or at the podium (`absent`).
    WaitingOrCurrent,
    /// Any entry not withdrawn (`mark`).
    AnyButWithdrawn,
    /// Any entry at all (`rename`: a spelling is corrected in the record of a heard one too).
    Any,
    /// Withdrawn entries only (`reinstate`).
    Withdrawn,
}

/// The whole state of one list, as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub version: u32,
    pub title: String,
    /// SPEC section 8: fixed at `new`. Version 1 files are general lists.
    #[serde(default)]
    pub kind: ListKind,
    /// SPEC section 10: the IANA name of the list's zone, e.g. `Europe/Vienna`. Every time shown
    /// to a person is in this zone. Version 1 files take the machine's zone when read (store).
    #[serde(default)]
    pub time_zone: String,
    pub settings: Settings,
    /// In the order of inscription (ids ascending).
    pub entries: Vec<Entry>,
    /// The speech at the podium, as of the last checkpoint.
    pub speech: Option<Speech>,
    /// The short message to the speaker on the presenter views.
    #[serde(default)]
    pub message: Option<String>,
    /// A rehearsal's file: its simulated clock (SPEC section 11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rehearsal_clock: Option<super::timer::SimulatedClock>,
    /// The next id to give; ids are never reused.
    pub next_id: u64,
    /// The next value of the order counter (`Entry::order`, `Entry::closed_order`).
    pub next_order: u64,
    pub log: Vec<LogRecord>,
}

/// The queue's sort key: part (parties first), tier (priority first), protocol rank, seat (the
/// President's order of an opening list; 0 elsewhere), time, order.
type QueueKey = (u8, u8, u8, u64, Time, u64);

impl Session {
    pub fn new(title: &str, settings: Settings, now: Time) -> Session {
        let mut s = Session {
            format: FORMAT.to_string(),
            version: VERSION,
            title: title.to_string(),
            kind: ListKind::General,
            time_zone: "UTC".to_string(),
            settings,
            entries: Vec::new(),
            speech: None,
            message: None,
            rehearsal_clock: None,
            next_id: 1,
            next_order: 1,
            log: Vec::new(),
        };
        s.record(
            now,
            Change::Created,
            None,
            format!("list \"{title}\" created"),
        );
        s
    }

    // ----- reading -----

    /// The list's time zone (SPEC section 10); an unknown name (a hand-edited file) reads as UTC.
    pub fn zone(&self) -> chrono_tz::Tz {
        super::zone::parse_zone(&self.time_zone).unwrap_or(chrono_tz::UTC)
    }

    /// `t` in the list's zone, for showing to a person.
    pub fn local(&self, t: Time) -> chrono::DateTime<chrono_tz::Tz> {
        t.with_timezone(&self.zone())
    }

    pub fn entry(&self, id: u64) -> Option<&Entry> {
        self.find(id).map(|i| &self.entries[i])
    }

    fn entry_mut(&mut self, id: u64) -> Option<&mut Entry> {
        self.find(id).map(move |i| &mut self.entries[i])
    }

    /// Where entry `id` is. Entries are kept in id order, so a binary search finds one; a file
    /// edited by hand (or damaged) may not keep that order, and then a scan still finds it.
    fn find(&self, id: u64) -> Option<usize> {
        match self.entries.binary_search_by_key(&id, |e| e.id) {
            Ok(i) => Some(i),
            Err(_) => self.entries.iter().position(|e| e.id == id),
        }
    }

    fn index_of(&self, id: u64) -> usize {
        self.find(id).unwrap_or(usize::MAX)
    }

    /// The part of the queue an entry belongs to: 0 for the parties, 1 for observers when
    /// observers speak last.
    pub fn part(&self, e: &Entry) -> u8 {
        // The opening statements go by R11's classes alone (the Executive Director, an observer,
        // speaks third whatever observers-last says).
        u8::from(
            self.kind != ListKind::Opening
                && self.settings.observers_last
                && !e.category.is_party(),
        )
    }

    /// R3: the priority tier first.
    pub fn tier(e: &Entry) -> u8 {
        u8::from(!e.is_priority())
    }

    fn key(&self, e: &Entry) -> QueueKey {
        if self.kind == ListKind::Opening {
            return self.opening_key(e);
        }
        let (part, tier, rank) = self.class(e);
        (part, tier, rank, 0, e.queued_at, e.order)
    }

    /// The stretch of the queue an entry cannot leave by its times alone: its part, its tier and,
    /// with protocol order, its rank. Inside one class the queue is ordered by time (and
    /// command order), so moving an entry (absent) means moving it inside its class.
    fn class(&self, e: &Entry) -> (u8, u8, u8) {
        match self.kind {
            // R12: every reply is equal; observers-last as set.
            ListKind::Reply => return (self.part(e), 0, 0),
            // R11: the six classes.
            ListKind::Opening => return (0, 0, opening_class(e)),
            ListKind::General => {}
        }
        let rank = if self.settings.protocol_order && e.is_priority() {
            e.level.protocol_rank()
        } else {
            0
        };
        (self.part(e), Self::tier(e), rank)
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
    pub fn window_state(&self, now: Time) -> &'static str {
        match (self.settings.opens, self.settings.closes) {
            (Some(o), _) if now < o => "not-open",
            (_, Some(c)) if now > c => "closed",
            _ => "open",
        }
    }

    /// The window in words, for messages and the header.
    pub fn window_words(&self) -> String {
        match (self.settings.opens, self.settings.closes) {
            (None, None) => "is always open".to_string(),
            (Some(o), None) => format!("opens at {}", fmt_time(o)),
            (None, Some(c)) => format!("closes at {}", fmt_time(c)),
            (Some(o), Some(c)) => format!("is open from {} to {}", fmt_time(o), fmt_time(c)),
        }
    }

    fn in_window(&self, at: Time) -> bool {
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

    fn waiting(&self, id: u64, action: &'static str) -> Result<&Entry, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if e.status != Status::Waiting {
            return Err(RuleError::NotWaiting {
                id,
                delegation: e.delegation.clone(),
                status: e.status.word(),
                action,
            });
        }
        Ok(e)
    }

    /// The limit an entry gets (R6): the chair's limit when speaking for a regional group.
    pub fn limit_for(&self, chair_of: Option<Group>) -> i64 {
        self.settings.limit_for(chair_of)
    }

    /// Two entries (by index) exchange their places in the queue: their queue times and their
    /// command order (R5 swaps, an absent speaker moved behind the next).
    fn exchange_places(&mut self, i: usize, j: usize) {
        let (qi, oi, si) = (
            self.entries[i].queued_at,
            self.entries[i].order,
            self.entries[i].seat,
        );
        self.entries[i].queued_at = self.entries[j].queued_at;
        self.entries[i].order = self.entries[j].order;
        self.entries[i].seat = self.entries[j].seat;
        self.entries[j].queued_at = qi;
        self.entries[j].order = oi;
        self.entries[j].seat = si;
    }

    fn take_order(&mut self) -> u64 {
        let o = self.next_order;
        self.next_order = o.saturating_add(1);
        o
    }

    pub(super) fn record(
        &mut self,
        at: Time,
        what: Change,
        entry: Option<u64>,
        text: String,
    ) -> &mut LogRecord {
        self.log.push(LogRecord {
            at,
            what,
            entry,
            other: None,
            notice_at: None,
            reason: None,
            requeued: false,
            undone: false,
            text,
        });
        let last = self.log.len() - 1;
        &mut self.log[last]
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

    // ----- commands -----

    /// An inscription (R1, R2, R3, R6, R7, one entry per delegation).
    pub fn add(&mut self, ins: Inscription, now: Time) -> Result<Done, RuleError> {
        self.add_as(ins, None, now)
    }

    /// An inscription with a role of the opening statements (R11; refused on other kinds).
    pub fn add_as(
        &mut self,
        ins: Inscription,
        role: Option<Role>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let checked = self.check_inscription(ins, role, now)?;
        let key = dup_key(&checked);
        // The group first: it is cheap to compare, the name's key is computed only where the
        // group matches. A list of replies holds no key: a second reply is the same delegation.
        if self.kind != ListKind::Reply
            && let Some(dup) = self.entries.iter().find(|e| {
                e.chair_of == key.1
                    && e.status != Status::Withdrawn
                    && blocking_key(e).as_ref() == Some(&key)
            })
        {
            return Err(duplicate(dup));
        }
        let (id, warnings) = self.admit(checked, now);
        let place = self.position(id).unwrap_or(0);
        Ok(Done {
            message: format!(
                "#{id} added, place {place} of {}",
                self.count(Status::Waiting)
            ),
            warnings,
            entry: Some(id),
        })
    }

    /// Several inscriptions as one change (an import), all or none: each is checked by the same
    /// rules as [`Session::add`], in order, so a duplicate inside the batch is refused like one
    /// already on the list. The duplicate rule goes through an index here, because `add`'s scan
    /// of every entry would make an import of 100,000 rows quadratic. On a refusal the session is
    /// left exactly as it was and the error carries the index of the refused inscription.
    ///
    /// `label` says where the batch came from; it is logged once (`Change::Imported`) before the
    /// one `Added` record per entry.
    pub fn add_many(
        &mut self,
        batch: Vec<Inscription>,
        label: &str,
        now: Time,
    ) -> Result<Vec<Done>, (usize, RuleError)> {
        let (entries, log, next_id, next_order) = (
            self.entries.len(),
            self.log.len(),
            self.next_id,
            self.next_order,
        );
        let mut taken: std::collections::HashMap<DupKey, u64> = self
            .entries
            .iter()
            .filter_map(|e| Some((blocking_key(e)?, e.id)))
            .collect();
        let count = batch.len();
        self.record(
            now,
            Change::Imported,
            None,
            format!("{label}: {count} inscriptions"),
        );
        let mut done = Vec::with_capacity(count);
        for (i, ins) in batch.into_iter().enumerate() {
            let step = self.check_inscription(ins, None, now).and_then(|checked| {
                let key = dup_key(&checked);
                match taken.get(&key).and_then(|id| self.entry(*id)) {
                    // R12: on a reply list a delegation may be inscribed twice.
                    Some(dup) if self.kind != ListKind::Reply => Err(duplicate(dup)),
                    _ => Ok((key, checked)),
                }
            });
            match step {
                Ok((key, checked)) => {
                    let (id, warnings) = self.admit(checked, now);
                    taken.insert(key, id);
                    done.push(Done {
                        message: format!("#{id} added"),
                        warnings,
                        entry: Some(id),
                    });
                }
                Err(e) => {
                    // All or none: put back exactly what the batch added.
                    self.entries.truncate(entries);
                    self.log.truncate(log);
                    self.next_id = next_id;
                    self.next_order = next_order;
                    return Err((i, e));
                }
            }
        }
        Ok(done)
    }

    /// The checks of an inscription that need no other entry (R1 and the empty fields), and the
    /// entry it would become (its id and order are given by `admit`).
    fn check_inscription(
        &self,
        ins: Inscription,
        role: Option<Role>,
        now: Time,
    ) -> Result<Entry, RuleError> {
        if role.is_some() && self.kind != ListKind::Opening {
            return Err(RuleError::RoleNotOpening {
                kind: self.kind.label(),
            });
        }
        let delegation = ins.delegation.trim().to_string();
        let speaker = ins.speaker.trim().to_string();
        if delegation.is_empty() {
            return Err(RuleError::Empty("delegation"));
        }
        if speaker.is_empty() {
            return Err(RuleError::Empty("speaker's name"));
        }
        one_line(&delegation, "delegation")?;
        one_line(&speaker, "speaker's name")?;
        let at = ins.requested_at.unwrap_or(now);
        // The override lifts only the window check, and only where it is needed: a reason
        // given for a request in time is not recorded as an override.
        let reason = ins.late.as_deref().map(str::trim).filter(|r| !r.is_empty());
        let late = if self.in_window(at) {
            None
        } else {
            match reason {
                Some(r) => {
                    one_line(r, "reason")?;
                    Some(r.to_string())
                }
                None => {
                    return Err(RuleError::OutsideWindow {
                        window: self.window_words(),
                        at: fmt_time(at),
                    });
                }
            }
        };
        // R11: a high-level speaker requested after the high-level deadline, as for R1.
        let late = match self.high_level_late(role, ins.level, ins.chair_of, at) {
            None => late,
            Some(deadline) => match reason {
                Some(r) => Some(r.to_string()),
                None => {
                    return Err(RuleError::HighLevelLate {
                        deadline: fmt_time(deadline),
                        at: fmt_time(at),
                    });
                }
            },
        };
        let reply = self.reply_number(&delegation)?;
        Ok(Entry {
            id: 0,
            delegation,
            speaker,
            level: ins.level,
            chair_of: ins.chair_of,
            category: ins.category,
            mode: ins.mode,
            requested_at: at,
            queued_at: at,
            order: 0,
            limit_seconds: self.settings.limit_of(self.kind, ins.chair_of, reply),
            status: Status::Waiting,
            statement_received: false,
            no_post: ins.no_post,
            introducer: None,
            late_reason: late,
            started_at: None,
            ended_at: None,
            spoken_seconds: None,
            closed_order: None,
            role,
            reply,
            moved: false,
            seat: None,
        })
    }

    /// Puts a checked inscription on the list and logs it; returns its id and the R7 warnings.
    fn admit(&mut self, mut entry: Entry, now: Time) -> (u64, Vec<String>) {
        // Ids are never reused, even where a damaged file's counter fell behind its entries
        // (entries are kept in id order, so the last holds the highest; `check` reports a file
        // where they are not).
        let id = self
            .next_id
            .max(self.entries.last().map_or(0, |e| e.id.saturating_add(1)));
        self.next_id = id.saturating_add(1);
        entry.id = id;
        entry.order = self.take_order();
        let at = entry.requested_at;
        let late = entry.late_reason.clone();
        let mut warnings = Vec::new();
        if entry.video_late(&self.settings)
            && let Some(deadline) = self.settings.video_deadline
        {
            warnings.push(format!(
                "R7: this video statement was requested after the video deadline ({})",
                fmt_time(deadline)
            ));
        }
        if entry.mode == Mode::Video {
            warnings.push(
                "R7: a video statement is introduced by a representative present in the hall, or by the President: record who as the entry's introducer".to_string(),
            );
        }
        if at > now {
            warnings.push(format!(
                "the request time {} is later than now: accepted as typed in ahead",
                fmt_time(at)
            ));
        }
        let tier = entry.tier_words();
        let text = format!(
            "added {} ({}, {}), requested {}, {}{}",
            entry.title(),
            entry.speaker,
            entry.level.label(),
            fmt_time(at),
            tier,
            if late.is_some() {
                " outside the window, by override"
            } else {
                ""
            }
        );
        self.entries.push(entry);
        if self.kind == ListKind::Opening {
            self.seat_by_rule(id);
        }
        let rec = self.record(now, Change::Added, Some(id), text);
        rec.reason = late;
        rec.notice_at = Some(at);
        (id, warnings)
    }

    /// R4: a change of speaker. A change of tier re-queues the entry at the notice time.
    pub fn replace(
        &mut self,
        id: u64,
        speaker: &str,
        level: Level,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let speaker = speaker.trim().to_string();
        if speaker.is_empty() {
            return Err(RuleError::Empty("speaker's name"));
        }
        one_line(&speaker, "speaker's name")?;
        let notice = notice.unwrap_or(now);
        let e = self.waiting(id, "replaced")?;
        if notice < e.requested_at {
            return Err(RuleError::NoticeBeforeRequest {
                id,
                notice: fmt_time(notice),
                requested: fmt_time(e.requested_at),
            });
        }
        // On the opening statements and the replies there are no tiers: the entry keeps its
        // place and its queue time (SPEC section 8).
        let tier_changed =
            self.kind == ListKind::General && e.level.is_priority() != level.is_priority();
        let before = format!("{} ({})", e.speaker, e.level.label());
        let order = if tier_changed {
            Some(self.take_order())
        } else {
            None
        };
        let Some(e) = self.entry_mut(id) else {
            return Err(RuleError::NoSuchEntry(id.to_string()));
        };
        e.speaker = speaker;
        e.level = level;
        if let Some(order) = order {
            e.queued_at = notice;
            e.order = order;
        }
        let text = format!(
            "speaker of {} replaced: {} by {} ({}), notified {}{}",
            e.title(),
            before,
            e.speaker,
            e.level.label(),
            fmt_time(notice),
            if tier_changed {
                if level.is_priority() {
                    "; joins the priority tier at the notice time"
                } else {
                    "; re-queued in the general tier at the notice time"
                }
            } else {
                "; same tier, keeps its place"
            }
        );
        let rec = self.record(now, Change::Replaced, Some(id), text);
        rec.notice_at = Some(notice);
        rec.requeued = tier_changed;
        let place = self.position(id).unwrap_or(0);
        Ok(Done::say(
            format!("#{id} replaced, now place {place}"),
            Some(id),
        ))
    }

    /// R5: two delegations change places; the first named is the proposing delegation.
    pub fn swap(
        &mut self,
        a: u64,
        b: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        if a == b {
            return Err(RuleError::SwapSameEntry(a));
        }
        let ea = self.waiting(a, "swapped")?;
        let eb = self.waiting(b, "swapped")?;
        if ea.delegation.to_lowercase() == eb.delegation.to_lowercase() {
            return Err(RuleError::SwapSameDelegation {
                a,
                b,
                delegation: ea.delegation.clone(),
            });
        }
        if ea.level != eb.level {
            return Err(RuleError::SwapAcrossLevels {
                a,
                a_delegation: ea.delegation.clone(),
                a_level: ea.level.word(),
                b,
                b_delegation: eb.delegation.clone(),
                b_level: eb.level.word(),
            });
        }
        if self.part(ea) != self.part(eb) {
            return Err(RuleError::SwapAcrossParts {
                a,
                a_delegation: ea.delegation.clone(),
                a_category: ea.category.word(),
                b,
                b_delegation: eb.delegation.clone(),
                b_category: eb.category.word(),
            });
        }
        let notice = notice.unwrap_or(now);
        let (ia, ib) = (self.index_of(a), self.index_of(b));
        self.exchange_places(ia, ib);
        let text = format!(
            "{} and {} changed places at the notice of {} ({})",
            self.entries[ia].title(),
            self.entries[ib].title(),
            self.entries[ia].delegation,
            fmt_time(notice)
        );
        let rec = self.record(now, Change::Swapped, Some(a), text);
        rec.other = Some(b);
        rec.notice_at = Some(notice);
        Ok(Done::say(
            format!(
                "#{a} is now place {}, #{b} place {}",
                self.position(a).unwrap_or(0),
                self.position(b).unwrap_or(0)
            ),
            Some(a),
        ))
    }

    pub fn withdraw(
        &mut self,
        id: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        self.waiting(id, "withdrawn")?;
        let order = self.take_order();
        let notice = notice.unwrap_or(now);
        let i = self.index_of(id);
        self.entries[i].status = Status::Withdrawn;
        self.entries[i].closed_order = Some(order);
        let text = format!(
            "{} withdrawn, notified {}",
            self.entries[i].title(),
            fmt_time(notice)
        );
        let rec = self.record(now, Change::Withdrawn, Some(id), text);
        rec.notice_at = Some(notice);
        Ok(Done::say(format!("#{id} withdrawn"), Some(id)))
    }

    /// Ends the current speech (if any) and calls the first waiting entry, its timer running.
    pub fn next(&mut self, now: Time) -> Result<Done, RuleError> {
        let first = self.queue().first().map(|e| e.id);
        if self.speech.is_none() && first.is_none() {
            return Err(RuleError::NothingToCall);
        }
        let mut said = Vec::new();
        // The message belongs to the speaker it was sent to (SPEC section 9).
        self.message = None;
        if let Some(ended) = self.end_speech(now) {
            said.push(ended);
        }
        match first {
            Some(id) => {
                let i = self.index_of(id);
                self.entries[i].status = Status::Current;
                self.entries[i].started_at = Some(now);
                // SPEC section 9: with start-on-call off the speaker is called, the clock at
                // 0:00 and not running, until it is started (resume).
                let start = self.settings.start_on_call;
                self.speech = Some(if start {
                    Speech::start(id, now)
                } else {
                    Speech::call(id, now)
                });
                let e = &self.entries[i];
                let text = format!(
                    "{} called: {} ({}), {}, {}",
                    e.title(),
                    e.speaker,
                    e.level.label(),
                    e.mode.word(),
                    fmt_seconds(e.limit_seconds)
                );
                said.push(if start {
                    format!("#{id} {} has the floor", e.title())
                } else {
                    format!(
                        "#{id} {} has the floor: at the podium, the clock at 0:00 until it is started",
                        e.title()
                    )
                });
                self.record(now, Change::Called, Some(id), text);
            }
            None => said.push("nobody is waiting: the floor is empty".to_string()),
        }
        Ok(Done::say(said.join("; "), first))
    }

    /// Ends the current speech, if any, recording the time spoken.
    fn end_speech(&mut self, now: Time) -> Option<String> {
        let speech = self.speech.take()?;
        let seconds = speech.elapsed_seconds(now);
        let order = self.take_order();
        let i = self.index_of(speech.entry);
        let e = self.entries.get_mut(i)?;
        e.status = Status::Spoken;
        e.spoken_seconds = Some(seconds);
        e.ended_at = Some(now);
        e.closed_order = Some(order);
        let over = seconds.saturating_sub(e.limit_seconds);
        let text = format!(
            "{} spoke {} of {}{}",
            e.title(),
            fmt_seconds(seconds),
            fmt_seconds(e.limit_seconds),
            if over > 0 {
                format!(", {} over", fmt_seconds(over))
            } else {
                String::new()
            }
        );
        let id = e.id;
        self.record(now, Change::Ended, Some(id), text.clone());
        Some(text)
    }

    fn speech_mut(&mut self) -> Result<&mut Speech, RuleError> {
        self.speech.as_mut().ok_or(RuleError::NoCurrentSpeech)
    }

    /// Space: pause or resume the current timer (a called speaker's clock starts).
    pub fn toggle_pause(&mut self, now: Time) -> Result<Done, RuleError> {
        if self.speech_mut()?.running {
            self.pause(now)
        } else {
            self.resume(now)
        }
    }

    /// A point of order pauses the current speaker's timer, marked as such; resuming continues.
    pub fn point_of_order(&mut self, now: Time) -> Result<Done, RuleError> {
        let speech = self.speech_mut()?;
        let id = speech.entry;
        speech.pause(now, true);
        let secs = speech.elapsed_seconds(now);
        self.record(
            now,
            Change::PointOfOrder,
            Some(id),
            format!("point of order: timer paused at {}", fmt_seconds(secs)),
        );
        Ok(Done::say(
            format!(
                "point of order: the clock of {} paused",
                self.current().map(Entry::title).unwrap_or_default()
            ),
            Some(id),
        ))
    }

    /// Extra time granted by the President (or taken back): raises the entry's limit.
    pub fn extra_time(&mut self, seconds: i64, now: Time) -> Result<Done, RuleError> {
        const MINIMUM: i64 = 30;
        let id = self
            .speech
            .as_ref()
            .ok_or(RuleError::NoCurrentSpeech)?
            .entry;
        let i = self.index_of(id);
        let left = self.remaining(now).unwrap_or(0);
        let e = self.entries.get_mut(i).ok_or(RuleError::NoCurrentSpeech)?;
        // SPEC section 9: time is taken only from time left.
        if seconds < 0 && left < seconds.saturating_neg() {
            return Err(RuleError::TooLittleLeft {
                delegation: e.title(),
                left: fmt_seconds(left.max(0)),
                asked: fmt_seconds(seconds.saturating_neg()),
            });
        }
        let limit = e.limit_seconds.saturating_add(seconds);
        if limit < MINIMUM {
            return Err(RuleError::LimitTooShort(MINIMUM));
        }
        e.limit_seconds = limit;
        let text = format!(
            "{} {} {}: limit now {}",
            if seconds >= 0 {
                "extra time for"
            } else {
                "time taken from"
            },
            e.title(),
            fmt_seconds(seconds.abs()),
            fmt_seconds(limit)
        );
        self.record(now, Change::ExtraTime, Some(id), text.clone());
        Ok(Done::say(text, Some(id)))
    }

    /// The speaker is not in the room when called: the absent setting applies.
    pub fn absent(&mut self, id: u64, now: Time) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        match e.status {
            Status::Waiting => {}
            Status::Current => {
                // The speaker never took the floor: back to the queue, the speech undone, and
                // the message sent to them goes with them.
                self.speech = None;
                self.message = None;
                let i = self.index_of(id);
                self.entries[i].status = Status::Waiting;
                self.entries[i].started_at = None;
            }
            status => {
                return Err(RuleError::NotWaiting {
                    id,
                    delegation: e.delegation.clone(),
                    status: status.word(),
                    action: "marked absent",
                });
            }
        }
        let policy = self.settings.absent;
        let i = self.index_of(id);
        let title = self.entries[i].title();
        let outcome = match policy {
            AbsentPolicy::Drop => {
                let order = self.take_order();
                self.entries[i].status = Status::Withdrawn;
                self.entries[i].closed_order = Some(order);
                "dropped from the list".to_string()
            }
            AbsentPolicy::EndOfTier if self.kind == ListKind::Opening => {
                // The opening statements have no tiers: the end of the queue.
                let last = self
                    .entries
                    .iter()
                    .filter(|e| e.status == Status::Waiting)
                    .filter_map(|e| e.seat)
                    .max()
                    .unwrap_or(0);
                self.entries[i].seat = Some(last.saturating_add(1));
                "moved to the end of the queue".to_string()
            }
            AbsentPolicy::BehindNext => {
                let class = self.class(&self.entries[i]);
                let opening = self.kind == ListKind::Opening;
                let queue = self.queue();
                let next = queue
                    .iter()
                    .skip_while(|e| e.id != id)
                    .nth(1)
                    .filter(|n| opening || self.class(n) == class)
                    .map(|n| n.id);
                match next {
                    Some(n) => {
                        let j = self.index_of(n);
                        self.exchange_places(i, j);
                        format!("moved behind {}", self.entries[j].title())
                    }
                    // R3 holds even here: an absent minister does not leave the priority tier.
                    None => "stays where it is: no other speaker of its tier (with protocol order on: of its rank) follows, and R3 keeps the tiers apart (withdraw it if the delegation does not come back)".to_string(),
                }
            }
            AbsentPolicy::EndOfTier => {
                let class = self.class(&self.entries[i]);
                let last = self
                    .entries
                    .iter()
                    .filter(|e| e.status == Status::Waiting && self.class(e) == class)
                    .map(|e| e.queued_at)
                    .max()
                    .unwrap_or(self.entries[i].queued_at);
                let order = self.take_order();
                self.entries[i].queued_at = last;
                self.entries[i].order = order;
                "moved to the end of its tier".to_string()
            }
        };
        let text = format!("{title} absent when called ({}): {outcome}", policy.word());
        self.record(now, Change::Absent, Some(id), text);
        Ok(Done::say(
            format!(
                "#{id} absent: {outcome}{}",
                self.position(id)
                    .map(|p| format!(", now place {p}"))
                    .unwrap_or_default()
            ),
            Some(id),
        ))
    }

    /// R9 and R7: statement received, do not post / post, who introduces a video.
    pub fn mark(&mut self, id: u64, mark: Mark, now: Time) -> Result<Done, RuleError> {
        let e = self
            .entry_mut(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        let what = match &mark {
            Mark::StatementReceived => {
                e.statement_received = true;
                "statement received".to_string()
            }
            Mark::NoPost => {
                e.no_post = true;
                "do not post the statement".to_string()
            }
            Mark::Post => {
                e.no_post = false;
                "the statement may be posted".to_string()
            }
            Mark::Introducer(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(RuleError::Empty("introducer's name"));
                }
                one_line(name, "introducer's name")?;
                e.introducer = Some(name.to_string());
                format!("video introduced by {name}")
            }
        };
        let text = format!("{}: {what}", e.title());
        self.record(now, Change::Marked, Some(id), text);
        Ok(Done::say(format!("#{id}: {what}"), Some(id)))
    }

    /// Corrects the spelling of an entry's speaker or delegation (`rename`): the entry keeps its
    /// place (`queued_at` and order untouched). A new delegation name (already resolved against
    /// the reference data by the caller) is checked by the one-entry-per-delegation rule.
    pub fn rename(
        &mut self,
        id: u64,
        speaker: Option<&str>,
        delegation: Option<&str>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if speaker.is_none() && delegation.is_none() {
            return Err(RuleError::BadValue(
                "say what to correct: the speaker's name, the delegation, or both".into(),
            ));
        }
        let mut changes = Vec::new();
        let mut next = e.clone();
        if let Some(name) = speaker {
            let name = name.trim();
            if name.is_empty() {
                return Err(RuleError::Empty("speaker's name"));
            }
            one_line(name, "speaker's name")?;
            if name != e.speaker {
                changes.push(format!("speaker \"{}\" is now \"{name}\"", e.speaker));
                next.speaker = name.to_string();
            }
        }
        if let Some(name) = delegation {
            let name = name.trim();
            if name.is_empty() {
                return Err(RuleError::Empty("delegation"));
            }
            one_line(name, "delegation")?;
            if name != e.delegation {
                changes.push(format!("delegation \"{}\" is now \"{name}\"", e.delegation));
                next.delegation = name.to_string();
            }
        }
        if changes.is_empty() {
            return Ok(Done::say(
                format!("#{id}: the spelling is already so; nothing changed"),
                Some(id),
            ));
        }
        if let Some(key) = blocking_key(&next)
            && let Some(dup) = self
                .entries
                .iter()
                .find(|o| o.id != id && blocking_key(o).as_ref() == Some(&key))
        {
            return Err(duplicate(dup));
        }
        let what = changes.join(", ");
        let i = self.index_of(id);
        self.entries[i].speaker = next.speaker;
        self.entries[i].delegation = next.delegation;
        let text = format!("spelling corrected: {what}; keeps its place");
        self.record(now, Change::Renamed, Some(id), text);
        Ok(Done::say(format!("#{id}: {what}"), Some(id)))
    }

    /// A withdrawn entry waits again, at its own `queued_at` and command order, so it takes back
    /// the place it had. Refused while another entry of its delegation (with the same
    /// `chair_of`) is on the list and not withdrawn: one entry per delegation.
    pub fn reinstate(
        &mut self,
        id: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if e.status != Status::Withdrawn {
            return Err(RuleError::BadValue(format!(
                "entry #{id} ({}) is {}, not withdrawn: only a withdrawn entry can be reinstated",
                e.delegation,
                e.status.word()
            )));
        }
        let key = dup_key(e);
        // R12: on a reply list the delegation may hold two replies; a third is refused.
        if self.kind == ListKind::Reply {
            let delegation = e.delegation.clone();
            self.reply_number(&delegation)?;
        } else if let Some(dup) = self
            .entries
            .iter()
            .find(|o| o.id != id && blocking_key(o).as_ref() == Some(&key))
        {
            return Err(RuleError::BadValue(format!(
                "{} already has entry #{} on this list ({}); one entry per delegation: withdraw #{} first to reinstate #{id}",
                dup.title(),
                dup.id,
                dup.status.word(),
                dup.id
            )));
        }
        let notice = notice.unwrap_or(now);
        let i = self.index_of(id);
        self.entries[i].status = Status::Waiting;
        self.entries[i].closed_order = None;
        // R11: on an opening list it is seated as a new entry would be (no-op elsewhere).
        self.seat_by_rule(id);
        let text = format!(
            "{} reinstated, notified {}: waits again from {}",
            self.entries[i].title(),
            fmt_time(notice),
            fmt_time(self.entries[i].queued_at)
        );
        let rec = self.record(now, Change::Reinstated, Some(id), text);
        rec.notice_at = Some(notice);
        let place = self.position(id).unwrap_or(0);
        Ok(Done::say(
            format!(
                "#{id} reinstated, place {place} of {}",
                self.count(Status::Waiting)
            ),
            Some(id),
        ))
    }

    /// Writes every time of the list with its zone's offset (the same instants): what the file
    /// and `list --json` show, and what every view prints (SPEC section 10).
    pub fn normalise_times(&mut self) {
        let zone = self.zone();
        let z = |t: &mut Time| *t = super::when::in_zone(*t, zone);
        let st = &mut self.settings;
        for t in [
            &mut st.opens,
            &mut st.closes,
            &mut st.video_deadline,
            &mut st.high_level_deadline,
        ]
        .into_iter()
        .flatten()
        {
            z(t);
        }
        for slot in &mut st.slots {
            z(&mut slot.start);
            z(&mut slot.end);
        }
        for e in &mut self.entries {
            z(&mut e.requested_at);
            z(&mut e.queued_at);
            for t in [&mut e.started_at, &mut e.ended_at].into_iter().flatten() {
                z(t);
            }
        }
        if let Some(sp) = self.speech.as_mut() {
            z(&mut sp.started_at);
            z(&mut sp.checkpoint_at);
        }
        for r in &mut self.log {
            z(&mut r.at);
            if let Some(t) = r.notice_at.as_mut() {
                z(t);
            }
        }
    }

    /// `t` (a time of the clock) written with the list's offset.
    pub fn in_zone(&self, t: Time) -> Time {
        super::when::in_zone(t, self.zone())
    }

    /// How this list reads a typed time: in its zone, a date without a year in the year of its
    /// `opens`, else of now.
    pub fn reading(&self, now: Time) -> super::when::Reading {
        super::when::Reading::for_list(self.zone(), self.settings.opens, now)
    }

    /// A message to the speaker on the presenter views; empty clears it.
    pub fn set_message(&mut self, text: &str, now: Time) -> Result<Done, RuleError> {
        let text = text.trim();
        one_line(text, "message")?;
        self.message = (!text.is_empty()).then(|| text.to_string());
        let said = match &self.message {
            Some(m) => format!("message to the speaker: \"{m}\""),
            None => "message to the speaker cleared".to_string(),
        };
        self.record(now, Change::Message, None, said.clone());
        Ok(Done::say(said, None))
    }

    /// Changes a setting. Limits apply to the waiting entries at once (the current speaker keeps
    /// the limit they were called with, extra time included).
    pub fn set(&mut self, setting: Setting, now: Time) -> Result<Done, RuleError> {
        let s = &mut self.settings;
        let said = match setting {
            Setting::Limit(v) | Setting::ChairLimit(v) | Setting::SecondLimit(v) if v < 1 => {
                return Err(RuleError::LimitTooShort(1));
            }
            Setting::Limit(v) => {
                s.limit_seconds = v;
                format!("limit {}", fmt_seconds(v))
            }
            Setting::ChairLimit(v) => {
                s.chair_limit_seconds = v;
                format!("chair-limit {}", fmt_seconds(v))
            }
            Setting::SecondLimit(v) => {
                s.second_limit_seconds = v;
                format!("second-limit {}", fmt_seconds(v))
            }
            Setting::HighLevelDeadline(t) => {
                s.high_level_deadline = t;
                format!(
                    "high-level deadline {}",
                    t.map(fmt_time).unwrap_or_else(|| "none".into())
                )
            }
            Setting::Changeover(v) => {
                if v < 0 {
                    return Err(RuleError::BadValue(
                        "a changeover cannot be negative: give e.g. 30s".into(),
                    ));
                }
                s.changeover_seconds = v;
                format!("changeover {}", fmt_seconds(v))
            }
            Setting::Opens(t) | Setting::Closes(t) => {
                let (opens, closes) = match setting {
                    Setting::Opens(_) => (t, s.closes),
                    _ => (s.opens, t),
                };
                Settings::check_window(opens, closes)?;
                s.opens = opens;
                s.closes = closes;
                format!(
                    "window opens {}, closes {}",
                    opens.map(fmt_time).unwrap_or_else(|| "any time".into()),
                    closes.map(fmt_time).unwrap_or_else(|| "never".into())
                )
            }
            Setting::VideoDeadline(t) => {
                s.video_deadline = t;
                format!(
                    "video deadline {}",
                    t.map(fmt_time).unwrap_or_else(|| "none".into())
                )
            }
            Setting::Slots(slots) => {
                let slots = check_slots(slots)?;
                let words = if slots.is_empty() {
                    "none".to_string()
                } else {
                    slots
                        .iter()
                        .map(|s| format!("{}-{}", fmt_time(s.start), fmt_time(s.end)))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                s.slots = slots;
                format!("slots {words}")
            }
            Setting::ObserversLast(on) => {
                s.observers_last = on;
                format!("observers-last {}", on_off(on))
            }
            Setting::ProtocolOrder(on) => {
                s.protocol_order = on;
                format!("protocol-order {}", on_off(on))
            }
            Setting::Absent(p) => {
                s.absent = p;
                format!("absent {}", p.word())
            }
            Setting::StartOnCall(on) => {
                s.start_on_call = on;
                format!("start-on-call {}", on_off(on))
            }
            Setting::Messages(texts) => {
                let texts = super::floor::check_messages(texts)?;
                let words = if texts.is_empty() {
                    "none".to_string()
                } else {
                    texts.join("|")
                };
                s.messages = texts;
                format!("messages {words}")
            }
            Setting::Warning(v) => {
                if !(0..=3600).contains(&v) {
                    return Err(RuleError::BadValue(
                        "the amber warning is between 0s and 60m before the limit: give e.g. 30s"
                            .into(),
                    ));
                }
                s.warning_seconds = v;
                format!("warning {}s", v)
            }
            Setting::Title(title) => {
                let title = title.trim().to_string();
                if title.is_empty() {
                    return Err(RuleError::Empty("title"));
                }
                one_line(&title, "title")?;
                let said = format!("title \"{title}\" (was \"{}\")", self.title);
                self.title = title;
                said
            }
            Setting::TimeZone(name) => {
                let Some(zone) = super::zone::parse_zone(&name) else {
                    return Err(RuleError::BadValue(format!(
                        "\"{}\" is not a time zone podium knows: give an IANA name such as Europe/Vienna, America/New_York or UTC",
                        name.trim()
                    )));
                };
                let said = format!("time-zone {} (was {})", zone.name(), self.time_zone);
                self.time_zone = zone.name().to_string();
                self.normalise_times();
                said
            }
        };
        let settings = &self.settings;
        let kind = self.kind;
        for e in self
            .entries
            .iter_mut()
            .filter(|e| e.status == Status::Waiting)
        {
            e.limit_seconds = settings.limit_of(kind, e.chair_of, e.reply);
        }
        self.record(now, Change::Setting, None, format!("setting: {said}"));
        Ok(Done::say(format!("set {said}"), None))
    }

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
        if self.part(e) == 1 {
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

    /// Logs a change that is not an entry's (undo, redo, recovery).
    pub fn log_change(&mut self, now: Time, what: Change, text: String) {
        self.record(now, what, None, text);
    }

    /// The current remaining seconds, negative in overtime.
    pub fn remaining(&self, now: Time) -> Option<i64> {
        let s = self.speech.as_ref()?;
        let e = self.entry(s.entry)?;
        Some(remaining_seconds(e.limit_seconds, s.elapsed_ms(now)))
    }

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

/// What `mark` records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    StatementReceived,
    NoPost,
    Post,
    Introducer(String),
}

/// A setting and its new value, as `podium set` and the settings screen give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Limit(i64),
    ChairLimit(i64),
    Changeover(i64),
    Opens(Option<Time>),
    Closes(Option<Time>),
    VideoDeadline(Option<Time>),
    Slots(Vec<Slot>),
    ObserversLast(bool),
    ProtocolOrder(bool),
    Absent(AbsentPolicy),
    /// R12: the limit of a second reply.
    SecondLimit(i64),
    /// R11: requests for high-level speakers close then.
    HighLevelDeadline(Option<Time>),
    /// SPEC section 9.
    StartOnCall(bool),
    Messages(Vec<String>),
    /// Seconds before the limit when the countdown turns amber.
    Warning(i64),
    /// The list's title (SPEC section 3, `set title`).
    Title(String),
    /// The list's time zone, an IANA name (SPEC section 10); every time is then shown in it.
    TimeZone(String),
}

/// Sorts the slots and refuses empty or overlapping ones.
pub fn check_slots(mut slots: Vec<Slot>) -> Result<Vec<Slot>, RuleError> {
    slots.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
    for (i, s) in slots.iter().enumerate() {
        let overlaps = i > 0 && slots[i - 1].end > s.start;
        if s.end <= s.start || overlaps {
            return Err(RuleError::BadSlot(format!(
                "{}/{}",
                s.start.to_rfc3339(),
                s.end.to_rfc3339()
            )));
        }
    }
    Ok(slots)
}

/// The one-entry-per-delegation rule, kept in one place for `add` and `add_many`: a new entry
/// is refused when an entry that is not withdrawn has the same key, i.e. the same delegation (any
/// case) and the same `chair_of` (a group statement is a separate entry).
type DupKey = (String, Option<Group>);

fn dup_key(e: &Entry) -> DupKey {
    // Names as they are matched: "Türkiye" and "turkiye" are one delegation.
    (name_key(&e.delegation), e.chair_of)
}

/// The key an entry holds against new ones: none once withdrawn.
fn blocking_key(e: &Entry) -> Option<DupKey> {
    (e.status != Status::Withdrawn).then(|| dup_key(e))
}

/// The refusal of a duplicate inscription, naming the entry already on the list.
fn duplicate(dup: &Entry) -> RuleError {
    RuleError::Duplicate {
        delegation: dup.delegation.clone(),
        id: dup.id,
        what: match dup.chair_of {
            Some(g) => format!(" on behalf of the {}", g.name()),
            None => String::new(),
        },
    }
}

/// A text that comes in passes the one rule of texts (SPEC section 5, `text::check`): a line
/// break would also split an entry over two lines of the CSV export and of every table, so it
/// keeps its own message.
pub fn one_line(text: &str, what: &'static str) -> Result<(), RuleError> {
    match super::text::check(text) {
        Ok(()) => Ok(()),
        Err(super::text::Problem::Control('\n' | '\r')) => Err(RuleError::NotOneLine(what)),
        Err(p) => Err(RuleError::BadValue(format!(
            "the {what} {p}: {}",
            match p {
                super::text::Problem::TooLong(_) => "shorten it",
                _ => "type it without one",
            }
        ))),
    }
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// 180 -> "3:00", -5 -> "-0:05".
pub fn fmt_seconds(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}
