//! An entry of the list and what the log says of it: its status, the inscription it comes
//! from, the changes and their records, the marks.

use super::settings::Settings;
use crate::domain::kind::Role;
use crate::domain::level::{Category, Group, Level, Mode};
use crate::domain::names::name_key;
use crate::domain::time::Time;
use serde::{Deserialize, Serialize};
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

/// What `mark` records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    StatementReceived,
    NoPost,
    Post,
    Introducer(String),
}
/// The one-entry-per-delegation rule, kept in one place for `add` and `add_many`: a new entry
/// is refused when an entry that is not withdrawn has the same key, i.e. the same delegation (any
/// case) and the same `chair_of` (a group statement is a separate entry).
pub(super) type DupKey = (String, Option<Group>);

pub(super) fn dup_key(e: &Entry) -> DupKey {
    // Names as they are matched: "Türkiye" and "turkiye" are one delegation.
    (name_key(&e.delegation), e.chair_of)
}

/// The key an entry holds against new ones: none once withdrawn.
pub(super) fn blocking_key(e: &Entry) -> Option<DupKey> {
    (e.status != Status::Withdrawn).then(|| dup_key(e))
}
