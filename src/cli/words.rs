//! The domain's refusals in the command line's words: the fields a refusal points to are the
//! flags that give them (`--at`, `--late REASON`, `--chair-of`), and the list of ids is
//! `podium list FILE`. The screen says the same refusals in its own words (`tui::words`).

use crate::app::AppError;
use crate::domain::Field;

/// A field of the domain as the command line gives it.
pub fn flag(field: Field) -> &'static str {
    match field {
        Field::RequestTime | Field::NoticeTime => "with --at",
        Field::LateReason => "with --late REASON",
        Field::OnBehalfOf => "use --chair-of",
        Field::Listing => "`podium list FILE`",
    }
}

/// An error as the command line prints it after `error: `.
pub fn said(e: &AppError) -> String {
    match e {
        AppError::Rule(refusal) => refusal.say(flag),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RuleError;

    #[test]
    fn the_command_line_names_its_flags_where_the_domain_names_a_field() {
        let late = AppError::Rule(RuleError::OutsideWindow {
            window: "closed at 2022-10-17 12:00 +02:00".into(),
            at: "2022-10-18 09:00 +02:00".into(),
        });
        let said = said(&late);
        assert!(said.contains("give its real time with --at;"), "{said}");
        assert!(
            said.ends_with("give the President's reason with --late REASON"),
            "{said}"
        );
        // The domain's own words name no flag.
        assert!(!late.to_string().contains("--"), "{late}");
        let duplicate = RuleError::Duplicate {
            delegation: "Kenya".into(),
            id: 3,
            what: String::new(),
        };
        assert!(
            duplicate
                .say(flag)
                .contains("a separate entry: use --chair-of)")
        );
        assert_eq!(
            RuleError::NoSuchEntry("13".into()).say(flag),
            "there is no entry 13: `podium list FILE` shows the ids"
        );
    }
}
