//! The settings by name and value in words, as `podium set` and the screen's settings popup
//! take them and show them.

use super::AppError;
use crate::domain::{self, AbsentPolicy, Session, Setting, SettingKey, Time, Words};
use crate::present::rfc3339;

/// Parses `podium set KEY VALUE`: the key by its name, then its value.
pub fn parse_setting(key: &str, value: &str) -> Result<Setting, AppError> {
    let named = SettingKey::parse_word(key).ok_or_else(|| {
        AppError::Input(format!(
            "there is no setting \"{}\": the settings are limit, chair-limit, changeover, opens, closes, video-deadline, slots, observers-last, protocol-order and absent",
            key.trim().to_lowercase()
        ))
    })?;
    setting_of(named, value)
}

/// A setting's value, read from the words `podium set` takes.
pub fn setting_of(key: SettingKey, value: &str) -> Result<Setting, AppError> {
    let none = value.trim().eq_ignore_ascii_case("none");
    let time = || -> Result<Option<Time>, AppError> {
        if none {
            Ok(None)
        } else {
            Ok(Some(domain::parse_time(value)?))
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
                .map(domain::parse_slot)
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
    })
}

/// The value of a setting as `podium set` would take it back.
pub fn setting_value(s: &Session, key: SettingKey) -> String {
    let st = &s.settings;
    let time = |t: Option<Time>| t.map(rfc3339).unwrap_or_else(|| "none".into());
    let on_off = |b: bool| if b { "on" } else { "off" }.to_string();
    match key {
        SettingKey::Limit => domain::fmt_seconds(st.limit_seconds),
        SettingKey::ChairLimit => domain::fmt_seconds(st.chair_limit_seconds),
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
                    .map(|s| format!("{}/{}", rfc3339(s.start), rfc3339(s.end)))
                    .collect::<Vec<_>>()
                    .join(",")
            }
        }
        SettingKey::ObserversLast => on_off(st.observers_last),
        SettingKey::ProtocolOrder => on_off(st.protocol_order),
        SettingKey::Absent => st.absent.word().to_string(),
    }
}
