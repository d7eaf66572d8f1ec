//! The JSON shapes of `list --json` and `status --json` (SPEC section 3; docs/cli.md shows
//! them). Their keys and order are fixed: other tools read them.

use super::rfc3339;
use crate::domain::plan::Plan;
use crate::domain::{Entry, Group, Session, Status, Time};
use serde::Serialize;

/// One entry of `list --json` (SPEC section 3).
#[derive(Debug, Serialize)]
pub struct EntryJson<'a> {
    pub id: u64,
    pub position: Option<usize>,
    pub delegation: &'a str,
    pub speaker: &'a str,
    pub level: &'static str,
    pub priority: bool,
    pub chair_of: Option<&'static str>,
    pub category: &'static str,
    pub mode: &'static str,
    pub limit_seconds: i64,
    pub requested_at: String,
    pub queued_at: String,
    pub status: &'static str,
    pub spoken_seconds: Option<i64>,
    pub projected_start: Option<String>,
    pub statement_received: bool,
    pub no_post: bool,
    pub introducer: Option<&'a str>,
    pub late_reason: Option<&'a str>,
    pub video_late: bool,
    /// R11: the role on an opening list (null elsewhere, and for entries without one).
    pub role: Option<&'static str>,
    /// R12: 1 or 2 on a reply list (null elsewhere).
    pub reply: Option<u8>,
    /// R11: put at its place by the President (opening lists).
    pub moved: bool,
}

#[derive(Debug, Serialize)]
struct ListJson<'a> {
    title: &'a str,
    kind: &'static str,
    time_zone: &'a str,
    window: &'static str,
    entries: Vec<EntryJson<'a>>,
}

/// `list --json`: entries in display order, with places and projected starts.
pub fn list_json(s: &Session, now: Time) -> String {
    list_json_after(s, now, &[])
}

/// [`list_json`] with the lists of the conference that speak first that day.
pub fn list_json_after(s: &Session, now: Time, earlier: &[&Session]) -> String {
    let now = s.in_zone(now);
    let doc = ListJson {
        title: &s.title,
        kind: s.kind.word(),
        time_zone: &s.time_zone,
        window: s.window_state(now).word(),
        entries: entries_json_after(s, now, earlier),
    };
    serde_json::to_string(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The entries of `list --json`, in display order (the spreadsheet export writes the same), the
/// projected starts after the lists of the conference that speak first that day (`earlier`).
pub fn entries_json_after<'a>(
    s: &'a Session,
    now: Time,
    earlier: &[&Session],
) -> Vec<EntryJson<'a>> {
    let now = s.in_zone(now);
    let queue = s.queue();
    let plan = Plan::compute_after(s, &queue, now, earlier);
    let mut places = std::collections::HashMap::with_capacity(queue.len());
    for (i, e) in queue.iter().enumerate() {
        places.insert(e.id, (i + 1, plan.starts.get(i).copied().flatten()));
    }
    s.display_order()
        .into_iter()
        .map(|e| {
            let place = places.get(&e.id);
            entry_json(s, e, place.map(|p| p.0), place.and_then(|p| p.1))
        })
        .collect()
}

pub fn entry_json<'a>(
    s: &Session,
    e: &'a Entry,
    position: Option<usize>,
    start: Option<Time>,
) -> EntryJson<'a> {
    EntryJson {
        id: e.id,
        position,
        delegation: &e.delegation,
        speaker: &e.speaker,
        level: e.level.word(),
        priority: e.is_priority(),
        chair_of: e.chair_of.map(Group::word),
        category: e.category.word(),
        mode: e.mode.word(),
        limit_seconds: e.limit_seconds,
        requested_at: rfc3339(s.in_zone(e.requested_at)),
        queued_at: rfc3339(s.in_zone(e.queued_at)),
        status: e.status.word(),
        spoken_seconds: if e.status == Status::Spoken {
            e.spoken_seconds
        } else {
            None
        },
        projected_start: start.map(|t| rfc3339(s.in_zone(t))),
        statement_received: e.statement_received,
        no_post: e.no_post,
        introducer: e.introducer.as_deref(),
        late_reason: e.late_reason.as_deref(),
        video_late: e.video_late(&s.settings),
        role: e.role.map(|r| r.word()),
        reply: e.reply,
        moved: e.moved,
    }
}

/// `status --json`.
pub fn status_json(s: &Session, now: Time) -> String {
    let current = s.speech.as_ref().and_then(|sp| {
        let e = s.entry(sp.entry)?;
        let elapsed = sp.elapsed_seconds(now);
        Some(serde_json::json!({
            "id": e.id,
            "delegation": e.delegation,
            "speaker": e.speaker,
            "limit_seconds": e.limit_seconds,
            "elapsed_seconds": elapsed,
            "remaining_seconds": e.limit_seconds.saturating_sub(elapsed),
            "running": sp.running,
            "point_of_order": sp.point_of_order,
        }))
    });
    serde_json::json!({
        "current": current,
        "message": s.message,
        "waiting": s.count(Status::Waiting),
        "spoken": s.count(Status::Spoken),
    })
    .to_string()
}
