//! The state of one list, as the file holds it. Its commands are in `list.rs`, its queries in
//! the files beside this one.

use super::entry::{Entry, LogRecord};
use super::settings::Settings;
use crate::domain::kind::ListKind;
use crate::domain::timer::{SimulatedClock, Speech};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "podium-session";
/// Version 2: kinds, time zone, roles, replies, moves (SPEC section 5). Version 1 is still read.
pub const VERSION: u32 = 2;
/// The oldest version this podium reads (and writes back as [`VERSION`]).
pub const OLDEST_VERSION: u32 = 1;

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
    pub rehearsal_clock: Option<SimulatedClock>,
    /// The next id to give; ids are never reused.
    pub next_id: u64,
    /// The next value of the order counter (`Entry::order`, `Entry::closed_order`).
    pub next_order: u64,
    pub log: Vec<LogRecord>,
}
