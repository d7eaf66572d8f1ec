//! The settings by name and value in words, as `podium set` and the screen's settings popup
//! take them and show them.

use super::error::AppError;
use crate::domain::when::Reading;
use crate::domain::{self, AbsentPolicy, Session, Setting, SettingKey, Time, Words};

/// Parses `podium set KEY VALUE`: the key by its name, then its value (times read as `reading`
/// reads them, in the list's zone).
pub fn parse_setting(key: &str, value: &str, reading: &Reading) -> Result<Setting, AppError> {
    let named = SettingKey::parse_word(key).ok_or_else(|| {
        AppError::Input(format!(
            "there is no setting \"{}\": the settings are limit, chair-limit, second-limit, changeover, opens, closes, video-deadline, high-level-deadline, slots, observers-last, protocol-order, absent, start-on-call, messages, warning, title and time-zone",
            key.trim().to_lowercase()
        ))
    })?;
    setting_of(named, value, reading)
}

/// A setting's value, read from the words `podium set` takes.
pub fn setting_of(key: SettingKey, value: &str, reading: &Reading) -> Result<Setting, AppError> {
    let none = value.trim().eq_ignore_ascii_case("none");
    let time = || -> Result<Option<Time>, AppError> {
        if none {
            Ok(None)
        } else {
            Ok(Some(reading.time(value)?))
        }
    };
    let on_off = || -> Result<bool, AppError> {
        match value.trim().to_lowercase().as_str() {
            "on" | "yes" | "true" => Ok(true),
            "off" | "no" | "false" => Ok(false),
            _ => Err(AppError::Input(format!(
                "{key} takes on or off, not \"{value}\""
            ))),
        }
    };
    Ok(match key {
        SettingKey::Limit => Setting::Limit(domain::parse_duration(value)?),
        SettingKey::ChairLimit => Setting::ChairLimit(domain::parse_duration(value)?),
        SettingKey::SecondLimit => Setting::SecondLimit(domain::parse_duration(value)?),
        SettingKey::HighLevelDeadline => Setting::HighLevelDeadline(time()?),
        SettingKey::Changeover => Setting::Changeover(domain::parse_duration(value)?),
        SettingKey::Opens => Setting::Opens(time()?),
        SettingKey::Closes => Setting::Closes(time()?),
        SettingKey::VideoDeadline => Setting::VideoDeadline(time()?),
        SettingKey::Slots => Setting::Slots(if none {
            Vec::new()
        } else {
            value
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| reading.slot(s))
                .collect::<Result<Vec<_>, _>>()?
        }),
        SettingKey::ObserversLast => Setting::ObserversLast(on_off()?),
        SettingKey::ProtocolOrder => Setting::ProtocolOrder(on_off()?),
        SettingKey::Absent => {
            Setting::Absent(AbsentPolicy::parse_word(value).ok_or_else(|| {
                AppError::Input(format!(
                    "absent takes behind-next, end-of-tier or drop, not \"{value}\""
                ))
            })?)
        }
        SettingKey::StartOnCall => Setting::StartOnCall(on_off()?),
        SettingKey::Messages => Setting::Messages(if none || value.trim().is_empty() {
            Vec::new()
        } else {
            value.split('|').map(str::to_string).collect()
        }),
        SettingKey::Warning => Setting::Warning(domain::parse_duration(value)?),
        SettingKey::Title => Setting::Title(value.to_string()),
        SettingKey::TimeZone => Setting::TimeZone(value.to_string()),
    })
}

/// The value of a setting as `podium set` would take it back.
pub fn setting_value(s: &Session, key: SettingKey) -> String {
    let st = &s.settings;
    // In the list's zone and in a form the officer types back (SPEC section 10).
    let local = |t: Time| s.local(t).format("%Y-%m-%d %H:%M").to_string();
    let time = |t: Option<Time>| t.map(local).unwrap_or_else(|| "none".into());
    let on_off = |b: bool| if b { "on" } else { "off" }.to_string();
    match key {
        SettingKey::Limit => domain::fmt_seconds(st.limit_seconds),
        SettingKey::ChairLimit => domain::fmt_seconds(st.chair_limit_seconds),
        SettingKey::SecondLimit => domain::fmt_seconds(st.second_limit_seconds),
        SettingKey::HighLevelDeadline => time(st.high_level_deadline),
        SettingKey::Changeover => format!("{}s", st.changeover_seconds),
        SettingKey::Opens => time(st.opens),
        SettingKey::Closes => time(st.closes),
        SettingKey::VideoDeadline => time(st.video_deadline),
        SettingKey::Slots => {
            if st.slots.is_empty() {
                "none".into()
            } else {
                st.slots
                    .iter()
                    // A day and two hours, in the list's zone: the rows the officer reads.
                    .map(|slot| {
                        format!(
                            "{}-{}",
                            local(slot.start),
                            s.local(slot.end).format("%H:%M")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
        SettingKey::ObserversLast => on_off(st.observers_last),
        SettingKey::ProtocolOrder => on_off(st.protocol_order),
        SettingKey::Absent => st.absent.word().to_string(),
        SettingKey::StartOnCall => on_off(st.start_on_call),
        SettingKey::Messages => {
            if st.messages.is_empty() {
                "none".into()
            } else {
                st.messages.join("|")
            }
        }
        SettingKey::Warning => format!("{}s", st.warning_seconds),
        SettingKey::Title => s.title.clone(),
        SettingKey::TimeZone => s.time_zone.clone(),
    }
}
