//! The CSV export, the complete record in Markdown and the whole session as JSON, with the cells
//! the Journal and the spreadsheet share (the time used, a speaker as the Journal prints him).

use super::when::local;
use crate::app::AppError;
use crate::domain::{Entry, Level, Mode, Session, Status, Time, fmt_seconds, fmt_time};
use crate::present::rfc3339;
use crate::store;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The CSV columns, in order (docs/records.md describes each).
pub const CSV_COLUMNS: [&str; 23] = [
    "place",
    "id",
    "delegation",
    "speaker",
    "level",
    "chair_of",
    "category",
    "mode",
    "status",
    "requested_at",
    "queued_at",
    "started_at",
    "ended_at",
    "seconds_used",
    "limit_seconds",
    "overtime_seconds",
    "statement_received",
    "no_post",
    // Added after the first eighteen, so a sheet that reads columns by place still works.
    "introducer",
    "late_reason",
    "priority",
    "projected_start",
    "video_late",
];

/// Seconds used so far: the recorded time of a spoken entry, the running time of the current
/// one, nothing for the others.
pub fn seconds_used(s: &Session, e: &Entry, now: Time) -> Option<i64> {
    match e.status {
        Status::Spoken => e.spoken_seconds,
        Status::Current => s
            .speech
            .as_ref()
            .filter(|sp| sp.entry == e.id)
            .map(|sp| sp.elapsed_seconds(now)),
        Status::Waiting | Status::Withdrawn => None,
    }
}

/// The CSV export: one header line, then one line per entry in display order.
pub fn csv(s: &Session, earlier: &[&Session], now: Time) -> Result<Vec<u8>, AppError> {
    let queue = s.queue();
    let plan = crate::domain::plan::Plan::compute_after(s, &queue, now, earlier);
    let places: HashMap<u64, (usize, Option<Time>)> = queue
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, (i + 1, plan.starts.get(i).copied().flatten())))
        .collect();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(s.entries.len() * 200));
    let bad = |e: csv::Error| AppError::Io(format!("cannot write the CSV export ({e})"));
    w.write_record(CSV_COLUMNS).map_err(bad)?;
    let opt_time = |t: Option<Time>| t.map(|t| rfc3339(local(s, t))).unwrap_or_default();
    let time = |t: Time| rfc3339(local(s, t));
    let opt_int = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    for e in s.display_order() {
        let used = seconds_used(s, e, now);
        let over = used.map(|u| (u - e.limit_seconds).max(0));
        let place = places.get(&e.id);
        let record: [String; 23] = [
            place.map(|p| p.0.to_string()).unwrap_or_default(),
            e.id.to_string(),
            e.delegation.clone(),
            e.speaker.clone(),
            e.level.word().to_string(),
            e.chair_of.map(|g| g.word().to_string()).unwrap_or_default(),
            e.category.word().to_string(),
            e.mode.word().to_string(),
            e.status.word().to_string(),
            time(e.requested_at),
            time(e.queued_at),
            opt_time(e.started_at),
            opt_time(e.ended_at),
            opt_int(used),
            e.limit_seconds.to_string(),
            opt_int(over),
            e.statement_received.to_string(),
            e.no_post.to_string(),
            e.introducer.clone().unwrap_or_default(),
            e.late_reason.clone().unwrap_or_default(),
            e.is_priority().to_string(),
            opt_time(place.and_then(|p| p.1)),
            e.video_late(&s.settings).to_string(),
        ];
        w.write_record(record.iter().map(|c| super::formula::guard(c).into_owned()))
            .map_err(bad)?;
    }
    w.into_inner()
        .map_err(|e| AppError::Io(format!("cannot write the CSV export ({e})")))
}

/// The JSON export: the whole session, exactly as the state file would hold it.
pub fn json(s: &Session) -> Result<Vec<u8>, AppError> {
    store::encode(s).map_err(|e| AppError::Io(format!("cannot write the JSON export ({e})")))
}

/// "Other speakers": the first letter a capital, for a heading.
fn capitalised(words: &str) -> String {
    let mut c = words.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Escapes what Markdown would read as markup in a name typed at the desk.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        // A line break in a name would end the list item.
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// "H.E. Ama Mensah, Minister": the speaker as the Journal names them. We know only the name
/// and the level, so the honorific is given by the level (ministers and above, and deputy
/// ministers, are Excellencies: "H.E. Ms. Ylva Johansson") unless the name already carries it.
pub fn journal_speaker(e: &Entry) -> String {
    let name = e.speaker.trim();
    let has_excellency = ["H.E.", "HE ", "His Excellency", "Her Excellency"]
        .iter()
        .any(|t| name.starts_with(t));
    let excellency = e.level.is_priority() || e.level == Level::DeputyMinister;
    format!(
        "{}{}, {}",
        if excellency && !has_excellency {
            "H.E. "
        } else {
            ""
        },
        md(name),
        e.level.label()
    )
}

/// "Egypt, on behalf of the African States".
fn journal_delegation(e: &Entry) -> String {
    match e.chair_of {
        Some(g) => format!("{}, on behalf of the {}", md(&e.delegation), g.name()),
        None => md(&e.delegation),
    }
}

/// One line of the Journal's list; `note` (the time spoken) joins the mode in one parenthesis.
fn journal_line(e: &Entry, note: Option<String>) -> String {
    let mode = match e.mode {
        Mode::Floor => None,
        Mode::Remote => Some("remote".to_string()),
        Mode::Video => Some(match &e.introducer {
            Some(who) => format!("video statement introduced by {}", md(who)),
            None => "video statement".to_string(),
        }),
    };
    let notes: Vec<String> = mode.into_iter().chain(note).collect();
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    format!("{} — {}{notes}", journal_delegation(e), journal_speaker(e))
}

/// The Markdown export: the list of speakers as the Journal publishes it, in speaking order
/// (heard, the current speaker, then the queue tier by tier), numbered throughout; withdrawn
/// entries at the end, unnumbered, since they will not speak.
pub fn markdown(s: &Session, now: Time) -> String {
    let mut out = String::new();
    // Display order holds each status together, the queue in speaking order: one pass (and one
    // sort of the queue) gives all three parts.
    let order = s.display_order();
    let part = |status: Status| -> Vec<&Entry> {
        order
            .iter()
            .copied()
            .filter(|e| e.status == status)
            .collect()
    };
    let (spoken, queue, withdrawn) = (
        part(Status::Spoken),
        part(Status::Waiting),
        part(Status::Withdrawn),
    );
    let _ = writeln!(out, "# {}\n", md(&s.title));
    let _ = writeln!(
        out,
        "List of speakers as at {}: {} heard, {} speaking, {} inscribed, {} withdrawn.",
        fmt_time(now),
        spoken.len(),
        usize::from(s.current().is_some()),
        queue.len(),
        withdrawn.len()
    );
    let mut n = 0usize;
    if !spoken.is_empty() {
        let _ = writeln!(out, "\n## Heard\n");
        for e in &spoken {
            n += 1;
            let used = e.spoken_seconds.unwrap_or(0);
            let note = format!(
                "spoke {} of {}",
                fmt_seconds(used),
                fmt_seconds(e.limit_seconds)
            );
            let _ = writeln!(out, "{n}. {}", journal_line(e, Some(note)));
        }
    }
    if let Some(e) = s.current() {
        let _ = writeln!(out, "\n## Speaking now\n");
        n += 1;
        let used = seconds_used(s, e, now).unwrap_or(0);
        let note = format!(
            "{} of {} so far",
            fmt_seconds(used),
            fmt_seconds(e.limit_seconds)
        );
        let _ = writeln!(out, "{n}. {}", journal_line(e, Some(note)));
    }
    if !queue.is_empty() {
        let _ = writeln!(out, "\n## Inscribed");
        let mut heading = None;
        for e in &queue {
            let h = s.section(e);
            if heading != Some(h) {
                let heading_text = if h.observers() {
                    format!("Observers: {}", h.words())
                } else {
                    capitalised(h.words())
                };
                let _ = writeln!(out, "\n### {heading_text}\n");
                heading = Some(h);
            }
            n += 1;
            let _ = writeln!(out, "{n}. {}", journal_line(e, None));
        }
    }
    if !withdrawn.is_empty() {
        let _ = writeln!(out, "\n## Withdrawn\n");
        for e in &withdrawn {
            let _ = writeln!(out, "- {}", journal_line(e, None));
        }
    }
    out
}
