//! The names of the settings (`podium set KEY`, the screen's settings popup), as one enum: each
//! front end matches on it instead of on strings.

use super::words::Words;
use std::fmt;

/// A setting of the list, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettingKey {
    Limit,
    ChairLimit,
    Changeover,
    Opens,
    Closes,
    VideoDeadline,
    Slots,
    ObserversLast,
    ProtocolOrder,
    Absent,
    SecondLimit,
    HighLevelDeadline,
    StartOnCall,
    Messages,
    Warning,
    Title,
    TimeZone,
}

impl Words for SettingKey {
    /// In the order the settings popup lists them.
    const ALL: &'static [SettingKey] = &[
        SettingKey::Limit,
        SettingKey::ChairLimit,
        SettingKey::Changeover,
        SettingKey::Opens,
        SettingKey::Closes,
        SettingKey::VideoDeadline,
        SettingKey::Slots,
        SettingKey::ObserversLast,
        SettingKey::ProtocolOrder,
        SettingKey::Absent,
        SettingKey::SecondLimit,
        SettingKey::HighLevelDeadline,
        SettingKey::StartOnCall,
        SettingKey::Messages,
        SettingKey::Warning,
        SettingKey::Title,
        SettingKey::TimeZone,
    ];
    const WHAT: &'static str = "a setting";
    fn word(self) -> &'static str {
        match self {
            SettingKey::Limit => "limit",
            SettingKey::ChairLimit => "chair-limit",
            SettingKey::Changeover => "changeover",
            SettingKey::Opens => "opens",
            SettingKey::Closes => "closes",
            SettingKey::VideoDeadline => "video-deadline",
            SettingKey::Slots => "slots",
            SettingKey::ObserversLast => "observers-last",
            SettingKey::ProtocolOrder => "protocol-order",
            SettingKey::Absent => "absent",
            SettingKey::SecondLimit => "second-limit",
            SettingKey::HighLevelDeadline => "high-level-deadline",
            SettingKey::StartOnCall => "start-on-call",
            SettingKey::Messages => "messages",
            SettingKey::Warning => "warning",
            SettingKey::Title => "title",
            SettingKey::TimeZone => "time-zone",
        }
    }
}

impl fmt::Display for SettingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that a width (`{key:<16}` in the settings popup) is honoured.
        f.pad(self.word())
    }
}

/// A key equals its word: `key == "title"` reads as the settings are named.
impl PartialEq<&str> for SettingKey {
    fn eq(&self, word: &&str) -> bool {
        self.word() == *word
    }
}
