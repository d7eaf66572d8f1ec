//! The rules of the list, pure: no terminal, no file, no clock. Every time is passed in.

pub mod floor;
pub mod history;
pub mod kind;
pub mod level;
pub mod list;
pub mod names;
pub mod plan;
pub mod setting_key;
pub mod text;
pub mod time;
pub mod timer;
pub mod when;
pub mod words;
pub mod zone;

pub use kind::{ListKind, Role};
pub use level::{Category, Group, Level, Mode};
pub use list::{
    AbsentPolicy, Accepts, Change, Done, Entry, Field, Inscription, LogRecord, Mark, Part,
    RuleError, Section, Session, Setting, Settings, Slot, Status, Tier, WindowState,
};
pub use setting_key::SettingKey;
pub use timer::{SimulatedClock, Speech};
pub use words::Words;

pub use time::{Time, fmt_day, fmt_seconds, fmt_time};
pub use when::{parse_duration, parse_slot, parse_time};
