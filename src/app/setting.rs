//! The settings by name and value in words, as `podium set` and the screen's settings popup
//! take them.

use super::AppError;
use crate::domain::{self, AbsentPolicy, Setting, Time, Words};

/// Parses `podium set KEY VALUE`.
pub fn parse_setting(key: &str, value: &str) -> Result<Setting, AppError> {
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
    Ok(match key.trim().to_lowercase().as_str() {
        "limit" => Setting::Limit(domain::parse_duration(value)?),
        "chair-limit" => Setting::ChairLimit(domain::parse_duration(value)?),
        "changeover" => Setting::Changeover(domain::parse_duration(value)?),
        "opens" => Setting::Opens(time()?),
        "closes" => Setting::Closes(time()?),
        "video-deadline" => Setting::VideoDeadline(time()?),
        "slots" => Setting::Slots(if none {
            Vec::new()
        } else {
            value
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(domain::parse_slot)
                .collect::<Result<Vec<_>, _>>()?
        }),
        "observers-last" => Setting::ObserversLast(on_off()?),
        "protocol-order" => Setting::ProtocolOrder(on_off()?),
        "absent" => Setting::Absent(AbsentPolicy::parse_word(value).ok_or_else(|| {
            AppError::Input(format!(
                "absent takes behind-next, end-of-tier or drop, not \"{value}\""
            ))
        })?),
        other => {
            return Err(AppError::Input(format!(
                "there is no setting \"{other}\": the settings are limit, chair-limit, changeover, opens, closes, video-deadline, slots, observers-last, protocol-order and absent"
            )));
        }
    })
}
