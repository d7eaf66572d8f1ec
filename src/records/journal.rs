//! `podium export --format journal`: the list of speakers as the Journal of the United Nations
//! prints it. The Journal publishes who is still to speak, not what happened: no time spoken,
//! no withdrawn delegation, the regional groups by their printed names. `--all` adds the
//! speakers already heard, under their own heading.

use super::export::{journal_speaker, md};
use super::when::local;
use crate::domain::{Entry, Group, Mode, Session, Slot, Status};
use std::fmt::Write as _;

/// "Group of African States": a regional group as the Journal prints it.
pub fn group_in_print(g: Group) -> String {
    format!("Group of {}", g.name())
}

/// "Monday, 17 October 2022: 10:00-13:00 and 15:00-18:00": the meeting dates from the slots, one
/// line per day, in the list's time zone. A slot running past midnight is named by its first day.
pub fn meeting_dates(s: &Session) -> Vec<String> {
    let mut days: Vec<(String, Vec<String>)> = Vec::new();
    for slot in &s.settings.slots {
        let Slot { start, end } = slot;
        let (start, end) = (local(s, *start), local(s, *end));
        let day = start.format("%A, %-d %B %Y").to_string();
        let times = format!("{}-{}", start.format("%H:%M"), end.format("%H:%M"));
        match days.last_mut() {
            Some((d, t)) if *d == day => t.push(times),
            _ => days.push((day, vec![times])),
        }
    }
    days.into_iter()
        .map(|(day, times)| format!("{day}: {}", join_and(&times)))
        .collect()
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One line of the Journal: "Egypt (on behalf of the Group of African States) — Ahmed Ali, Head of
/// Delegation (video statement)".
pub fn journal_entry(e: &Entry) -> String {
    let mut line = md(&e.delegation);
    if let Some(g) = e.chair_of {
        let _ = write!(line, " (on behalf of the {})", group_in_print(g));
    }
    let _ = write!(line, " — {}", journal_speaker(e));
    match e.mode {
        Mode::Floor => {}
        Mode::Remote => line.push_str(" (remote)"),
        Mode::Video => line.push_str(" (video statement)"),
    }
    line
}

/// The Journal's list of speakers. The waiting entries are numbered by their place in the queue
/// (the numbers `podium list` shows); with `all`, the speakers heard (and the one at the podium,
/// who has the floor) come first under "Speakers heard", numbered in the order they spoke.
pub fn journal(s: &Session, all: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&s.title));
    let _ = writeln!(out, "List of speakers\n");
    let dates = meeting_dates(s);
    if !dates.is_empty() {
        let _ = writeln!(
            out,
            "{}:\n",
            if dates.len() == 1 {
                "Meeting"
            } else {
                "Meetings"
            }
        );
        for d in &dates {
            let _ = writeln!(out, "- {d}");
        }
        out.push('\n');
    }
    let order = s.display_order();
    if all {
        let heard: Vec<&Entry> = order
            .iter()
            .copied()
            .filter(|e| matches!(e.status, Status::Spoken | Status::Current))
            .collect();
        let _ = writeln!(out, "## Speakers heard\n");
        if heard.is_empty() {
            let _ = writeln!(out, "None yet.\n");
        }
        for (i, e) in heard.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, journal_entry(e));
        }
        if !heard.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Speakers to be heard\n");
    let queue: Vec<&Entry> = order
        .iter()
        .copied()
        .filter(|e| e.status == Status::Waiting)
        .collect();
    if queue.is_empty() {
        let _ = writeln!(out, "None inscribed.");
    }
    for (i, e) in queue.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, journal_entry(e));
    }
    out
}
