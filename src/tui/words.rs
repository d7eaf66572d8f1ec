//! The domain's refusals in the screen's own words (SPEC section 4): the command line's
//! messages name its flags (`--at`, `--late REASON`, `--chair-of`) and its commands; the screen
//! names its fields and keys instead, and the delegations, never an id alone.

use crate::domain::{Field, RuleError, Session};

/// What the screen says when the domain refuses a change.
pub fn refusal(e: &RuleError) -> String {
    match e {
        RuleError::Duplicate {
            delegation,
            id,
            what,
        } => format!(
            "{delegation} already has entry #{id} on this list{what}; one entry per delegation (a statement on behalf of a regional group is a separate entry: choose the group in the \"On behalf of\" field). Withdraw {delegation}'s entry first to replace it"
        ),
        RuleError::NoSuchEntry(what) => {
            format!("there is no entry {what}: choose one in the queue")
        }
        RuleError::Ambiguous {
            name, candidates, ..
        } => format!("{name} names several entries: {candidates}; choose one in the queue"),
        RuleError::NotWaiting {
            delegation,
            status,
            action,
            ..
        } => format!("{delegation} is {status}, not waiting: only waiting entries can be {action}"),
        RuleError::NoticeBeforeRequest {
            notice, requested, ..
        } => format!(
            "R4: the notice time {notice} is earlier than the request ({requested}); give the time the change of speaker was notified in the \"Notified at\" field"
        ),
        RuleError::SwapAcrossLevels {
            a_delegation,
            a_level,
            b_delegation,
            b_level,
            ..
        } => format!(
            "R5: a swap needs two speakers at the same level: {a_delegation} is {a_level}, {b_delegation} is {b_level}"
        ),
        RuleError::SwapSameDelegation { delegation, .. } => {
            format!("R5: a swap is between two delegations; both entries are {delegation}")
        }
        RuleError::SwapSameEntry(_) => {
            "R5: a swap needs two different entries: move to the other entry, then s".to_string()
        }
        RuleError::SwapAcrossParts {
            a_delegation,
            a_category,
            b_delegation,
            b_category,
            ..
        } => format!(
            "R5: observers speak after the parties, so a swap stays inside one part: {a_delegation} is in category {a_category}, {b_delegation} in {b_category}. Turn observers-last off in the settings (o) to allow it"
        ),
        RuleError::NoCurrentSpeech => {
            "nobody is at the podium: call the next speaker first (n)".to_string()
        }
        RuleError::NothingToUndo(what) => match *what {
            "undo" => "nothing to undo".to_string(),
            _ => "nothing to redo".to_string(),
        },
        RuleError::NotRunning(who) => {
            format!("the clock of {who} is not running: Space starts it")
        }
        RuleError::AlreadyRunning(who) => format!("the clock of {who} is already running"),
        RuleError::NoEntryNamed => "no entry named: select it, or give its delegation".to_string(),
        // The rest in the domain's words, with the form's fields where they point to one.
        other => scrub(&other.say(form_field)),
    }
}

/// A field of the domain as the screen's forms name it.
fn form_field(field: Field) -> &'static str {
    match field {
        Field::RequestTime => "in the form's \"Request time\" field",
        Field::LateReason => "in the \"Late: reason\" field",
        Field::OnBehalfOf => "choose the group in the \"On behalf of\" field",
        Field::NoticeTime => "in the \"Notified at\" field",
        Field::Listing => "the queue",
    }
}

/// A message of the domain in the screen's words: every `#ID` is followed by the entry's
/// delegation ("#13 is now place 13" reads "#13 Kenya is now place 13"), where the text does not
/// name it already. The command line keeps the domain's words as they are.
pub fn name_entries(text: &str, session: &Session) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            continue;
        }
        let (number, after) = rest.split_at(digits);
        out.push_str(number);
        rest = after;
        let Some(e) = number.parse().ok().and_then(|id| session.entry(id)) else {
            continue;
        };
        if !after.trim_start().starts_with(e.delegation.as_str()) {
            out.push(' ');
            out.push_str(&e.title());
        }
    }
    out.push_str(rest);
    out
}

/// A text from elsewhere (a parser, a setting) made fit for the screen: a command-line flag
/// becomes its word (`--at TIME` reads "at TIME").
pub fn scrub(text: &str) -> String {
    text.replace("--", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant of RuleError, with values that would show a flag if one were there.
    fn every_refusal() -> Vec<RuleError> {
        let s = || "Kenya".to_string();
        vec![
            RuleError::OutsideWindow {
                window: "closes at 2022-10-17 12:00 +02:00".into(),
                at: "2022-10-17 13:00 +02:00".into(),
            },
            RuleError::Duplicate {
                delegation: s(),
                id: 13,
                what: String::new(),
            },
            RuleError::Empty("delegation"),
            RuleError::NotOneLine("message"),
            RuleError::NoSuchEntry("13".into()),
            RuleError::NoEntryNamed,
            RuleError::Ambiguous {
                name: s(),
                count: 2,
                candidates: "#1 Kenya (A, waiting); #2 Kenya (B, waiting)".into(),
            },
            RuleError::NotWaiting {
                id: 13,
                delegation: s(),
                status: "spoken",
                action: "withdrawn",
            },
            RuleError::NoticeBeforeRequest {
                id: 13,
                notice: "a".into(),
                requested: "b".into(),
            },
            RuleError::SwapAcrossLevels {
                a: 1,
                a_delegation: s(),
                a_level: "minister",
                b: 2,
                b_delegation: "Egypt".into(),
                b_level: "delegate",
            },
            RuleError::SwapSameDelegation {
                a: 1,
                b: 2,
                delegation: s(),
            },
            RuleError::SwapSameEntry(1),
            RuleError::SwapAcrossParts {
                a: 1,
                a_delegation: s(),
                a_category: "state-party",
                b: 2,
                b_delegation: "UNODC".into(),
                b_category: "un-entity",
            },
            RuleError::NothingToCall,
            RuleError::NoCurrentSpeech,
            RuleError::LimitTooShort(30),
            RuleError::WindowInverted {
                opens: "a".into(),
                closes: "b".into(),
            },
            RuleError::BadSlot("a/b".into()),
            RuleError::BadValue("a value".into()),
            RuleError::NothingToUndo("undo"),
            RuleError::NothingToUndo("redo"),
            RuleError::NotRunning(s()),
            RuleError::AlreadyRunning(s()),
            RuleError::TooLittleLeft {
                delegation: s(),
                left: "0:20".into(),
                asked: "0:30".into(),
            },
            RuleError::RoleNotOpening {
                kind: "general discussion",
            },
            RuleError::MoveNotOpening {
                kind: "general discussion",
                rule: "R2",
            },
            RuleError::MoveOutOfRange { to: 9, waiting: 3 },
            RuleError::HighLevelLate {
                deadline: "7 October 12:00".into(),
                at: "8 October 09:00".into(),
            },
            RuleError::ThirdReply {
                delegation: s(),
                first: 1,
                second: 2,
            },
        ]
    }

    /// A compile-time reminder: a new variant must be added to `every_refusal` above.
    fn covered(e: &RuleError) -> bool {
        match e {
            RuleError::OutsideWindow { .. }
            | RuleError::Duplicate { .. }
            | RuleError::Empty(_)
            | RuleError::NotOneLine(_)
            | RuleError::NoSuchEntry(_)
            | RuleError::NoEntryNamed
            | RuleError::Ambiguous { .. }
            | RuleError::NotWaiting { .. }
            | RuleError::NoticeBeforeRequest { .. }
            | RuleError::SwapAcrossLevels { .. }
            | RuleError::SwapSameDelegation { .. }
            | RuleError::SwapSameEntry(_)
            | RuleError::SwapAcrossParts { .. }
            | RuleError::NothingToCall
            | RuleError::NoCurrentSpeech
            | RuleError::LimitTooShort(_)
            | RuleError::WindowInverted { .. }
            | RuleError::BadSlot(_)
            | RuleError::BadValue(_)
            | RuleError::NothingToUndo(_)
            | RuleError::NotRunning(_)
            | RuleError::AlreadyRunning(_)
            | RuleError::TooLittleLeft { .. }
            | RuleError::RoleNotOpening { .. }
            | RuleError::MoveNotOpening { .. }
            | RuleError::MoveOutOfRange { .. }
            | RuleError::HighLevelLate { .. }
            | RuleError::ThirdReply { .. } => true,
        }
    }

    #[test]
    fn no_refusal_on_the_screen_names_a_command_line_flag() {
        let all = every_refusal();
        assert!(all.iter().all(covered));
        for e in &all {
            let said = refusal(e);
            assert!(!said.contains("--"), "{e:?} reads {said:?}");
            assert!(
                !said.contains("podium "),
                "{e:?} speaks the command line: {said:?}"
            );
        }
        // The domain's own words name no flag either (the command line's: `cli::words`).
        assert!(all.iter().all(|e| !e.to_string().contains("--")));
    }

    #[test]
    fn refusals_on_the_screen_name_the_delegation_not_only_the_id() {
        let e = RuleError::NotWaiting {
            id: 13,
            delegation: "Kenya".into(),
            status: "spoken",
            action: "withdrawn",
        };
        assert!(refusal(&e).starts_with("Kenya is spoken"));
        assert!(!refusal(&e).contains("#13"));
    }
}
