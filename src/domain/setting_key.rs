//! The names of the settings (`podium set KEY`, the screen's settings popup), as one enum: each
//! front end matches on it instead of on strings.

use super::words::words;

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

words! {
    SettingKey, "a setting";
    Limit => "limit",
    ChairLimit => "chair-limit",
    Changeover => "changeover",
    Opens => "opens",
    Closes => "closes",
    VideoDeadline => "video-deadline",
    Slots => "slots",
    ObserversLast => "observers-last",
    ProtocolOrder => "protocol-order",
    Absent => "absent",
    SecondLimit => "second-limit",
    HighLevelDeadline => "high-level-deadline",
    StartOnCall => "start-on-call",
    Messages => "messages",
    Warning => "warning",
    Title => "title",
    TimeZone => "time-zone",
}

/// A key equals its word: `key == "title"` reads as the settings are named.
impl PartialEq<&str> for SettingKey {
    fn eq(&self, word: &&str) -> bool {
        self.word() == *word
    }
}
