//! The headless commands of SPEC section 3: the domain's commands on the state file, printed for
//! a person or as JSON for other tools. Names, flags, exit codes and JSON shapes are fixed.

pub mod args;
pub mod manual;
pub mod output;
pub mod words;

use crate::app;
use crate::domain::plan::Plan;
use crate::domain::text::clip;
use crate::domain::{
    self, Accepts, Category, Done, Entry, Inscription, ListKind, Mark, RuleError, Session,
    Settings, Status, Time, fmt_seconds,
};
pub use crate::present::json::{list_json, list_json_after, status_json};
use crate::store::{self, StoreError};
pub use args::*;
pub use output::CliError;
use output::{deliver, refuse_session_paths};
pub(crate) use output::{emit, say, warn};
use std::path::Path;

/// The time now: the wall clock, or `PODIUM_NOW` (RFC 3339) so that tests and rehearsals of a
/// past meeting can pin it.
pub fn now() -> Time {
    crate::clock::now()
}

/// A TIME of the command line, read in the list's zone (SPEC section 10).
fn time_in(s: &Session, t: &Option<String>, now: Time) -> Result<Option<Time>, RuleError> {
    t.as_deref()
        .map(|t| s.reading(now).time(t))
        .transpose()
        .map_err(RuleError::BadValue)
}

/// ENTRY: an id, or a delegation's name as typed or in a short form the reference data knows
/// ("UK" names the entry of the United Kingdom of Great Britain and Northern Ireland).
fn entry_of(s: &Session, text: &str, accepts: Accepts) -> Result<u64, RuleError> {
    match s.resolve(text, accepts) {
        Err(RuleError::NoSuchEntry(e)) => match crate::delegations::resolve(text) {
            domain::names::Resolved::Known { name, .. } => s.resolve(&name, accepts),
            _ => Err(RuleError::NoSuchEntry(e)),
        },
        other => other,
    }
}

/// A delegation as typed, resolved against the reference data: the name to store, what to say
/// on stdout ("\"UK\" is written ..."), and a warning for a name the data lacks.
fn delegation_spelling(typed: &str) -> Result<crate::delegations::Spelling, RuleError> {
    crate::delegations::spelling(typed).map_err(RuleError::BadValue)
}

/// Puts what the name resolution said before what the change did.
fn noted(mut done: Done, spelling: &crate::delegations::Spelling) -> Done {
    if let Some(note) = &spelling.note {
        done.message = format!("{note}\n{}", done.message);
    }
    if let Some(w) = &spelling.warning {
        done.warnings.insert(0, w.clone());
    }
    done
}

fn duration(t: &Option<String>, default: i64) -> Result<i64, CliError> {
    match t {
        Some(t) => {
            let v = domain::parse_duration(t)?;
            if v < 1 {
                return Err(CliError::Input(format!(
                    "the limit {t} is too short: give e.g. 3m"
                )));
            }
            Ok(v)
        }
        None => Ok(default),
    }
}

/// Runs a headless command; returns the exit status.
pub fn run(command: Command) -> i32 {
    match execute(command) {
        Ok(()) => 0,
        Err(e) => {
            warn(&format!("error: {}", words::said(&e)));
            1
        }
    }
}

fn execute(command: Command) -> Result<(), CliError> {
    let now = now();
    match command {
        // The screens are opened by the binary's main, not here.
        Command::Rehearse { .. } | Command::Display { .. } => Err(CliError::Input(
            "this command opens a screen: run it as `podium rehearse` or `podium display`".into(),
        )),
        Command::Completions { shell } => manual::completions(shell),
        Command::Man => manual::man(),
        Command::New(a) => new(a, now),
        Command::Add(a) => change(&a.file, "podium add", now, |s| {
            let now = s.in_zone(now);
            let spelling = delegation_spelling(&a.delegation)?;
            let ins = Inscription {
                delegation: spelling.name.clone(),
                speaker: a.speaker,
                level: a.level,
                chair_of: a.chair_of,
                category: a
                    .category
                    .or(spelling.category)
                    .unwrap_or(Category::StateParty),
                mode: a.mode.unwrap_or_default(),
                requested_at: time_in(s, &a.at, now)?,
                late: a.late,
                no_post: a.no_post,
            };
            let role = a.role;
            Ok(noted(s.add_as(ins, role, now)?, &spelling))
        }),
        Command::Rename {
            file,
            entry,
            speaker,
            delegation,
        } => change(&file, "podium rename", now, |s| {
            let now = s.in_zone(now);
            let id = entry_of(s, &entry, Accepts::Any)?;
            let spelling = delegation.as_deref().map(delegation_spelling).transpose()?;
            let done = s.rename(
                id,
                speaker.as_deref(),
                spelling.as_ref().map(|sp| sp.name.as_str()),
                now,
            )?;
            Ok(match &spelling {
                Some(sp) => noted(done, sp),
                None => done,
            })
        }),
        Command::Reinstate { file, entry, at } => change(&file, "podium reinstate", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Withdrawn)?;
            s.reinstate(id, at, now)
        }),
        Command::Replace {
            file,
            entry,
            speaker,
            level,
            at,
        } => change(&file, "podium replace", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.replace(id, &speaker, level, at, now)
        }),
        Command::Swap {
            file,
            entry,
            other,
            at,
        } => change(&file, "podium swap", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let a = entry_of(s, &entry, Accepts::Waiting)?;
            let b = entry_of(s, &other, Accepts::Waiting)?;
            s.swap(a, b, at, now)
        }),
        Command::Withdraw { file, entry, at } => change(&file, "podium withdraw", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.withdraw(id, at, now)
        }),
        Command::Next { file } => {
            // Refused before the lock is taken, so that no file of the folder changes at all.
            // The list itself is read only when another list has someone at the podium.
            if crate::conference::someone_speaking_elsewhere(&file)
                && let Ok(s) = store::load(&file)
                && !s.queue().is_empty()
            {
                crate::conference::refuse_second_speech(&file, &s).map_err(CliError::Input)?;
            }
            change(&file, "podium next", now, |s| {
                // One speech at a time in the room (SPEC section 8): only calling is refused; a
                // `next` that only ends the speech with nobody waiting is not a call.
                if !s.queue().is_empty() {
                    crate::conference::refuse_second_speech(&file, s)
                        .map_err(RuleError::BadValue)?;
                }
                s.next(now)
            })
        }
        Command::Move {
            file,
            entry,
            to,
            reason,
        } => change(&file, "podium move", now, |s| {
            s.may_move()?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.move_to(id, to, &reason, now)
        }),
        Command::Lists { dir, json } => {
            let lists = crate::conference::scan(&dir)?;
            if json {
                emit(&(crate::conference::lists_json(&lists, now) + "\n"))
            } else {
                emit(&crate::conference::lists_table(&lists, now))
            }
        }
        Command::Absent { file, entry } => change(&file, "podium absent", now, |s| {
            let id = entry_of(s, &entry, Accepts::WaitingOrCurrent)?;
            s.absent(id, now)
        }),
        Command::Mark(m) => {
            let mut marks = Vec::new();
            let what = m.what;
            if what.statement_received {
                marks.push(Mark::StatementReceived);
            }
            if what.no_post {
                marks.push(Mark::NoPost);
            }
            if what.post {
                marks.push(Mark::Post);
            }
            if let Some(name) = what.introducer {
                marks.push(Mark::Introducer(name));
            }
            if marks.is_empty() {
                return Err(CliError::Input(
                    "say what to mark: --statement-received, --no-post, --post or --introducer NAME".into(),
                ));
            }
            change(&m.file, "podium mark", now, |s| {
                let id = entry_of(s, &m.entry, Accepts::AnyButWithdrawn)?;
                // Every mark made is reported, one line each, with all their warnings.
                let mut done = Done::default();
                for mark in marks {
                    let one = s.mark(id, mark, now)?;
                    if !done.message.is_empty() {
                        done.message.push('\n');
                    }
                    done.message.push_str(&one.message);
                    done.warnings.extend(one.warnings);
                    done.entry = one.entry;
                }
                Ok(done)
            })
        }
        // The floor's commands: `now` in the list's zone, as every other change (SPEC 10).
        Command::Pause { file } => change(&file, "podium pause", now, |s| {
            let now = s.in_zone(now);
            s.pause(now)
        }),
        Command::Resume { file } => {
            // Refused before any lock is taken, as `next` is, so that no file of the folder
            // changes (not even a lock file).
            if let Ok(s) = store::load(&file)
                && s.speech.as_ref().is_some_and(|sp| sp.not_started())
            {
                crate::conference::refuse_second_speech(&file, &s).map_err(CliError::Input)?;
            }
            change(&file, "podium resume", now, |s| {
                let now = s.in_zone(now);
                // Starting the clock of a speaker called but not started is a call (SPEC section
                // 8): refused while another list of the folder has a speaker at the podium.
                if s.speech.as_ref().is_some_and(|sp| sp.not_started()) {
                    crate::conference::refuse_second_speech(&file, s)
                        .map_err(RuleError::BadValue)?;
                }
                s.resume(now)
            })
        }
        Command::PointOfOrder { file } => change(&file, "podium point-of-order", now, |s| {
            let now = s.in_zone(now);
            s.point_of_order(now)
        }),
        Command::Time { file, change: by } => {
            let seconds = signed_duration(&by)?;
            change(&file, "podium time", now, |s| {
                let now = s.in_zone(now);
                s.extra_time(seconds, now)
            })
        }
        Command::Message { file, text } => {
            let text = text.join(" ");
            change(&file, "podium message", now, |s| {
                let now = s.in_zone(now);
                s.message_to_speaker(&text, now)
            })
        }
        Command::Set { file, key, value } => change(&file, "podium set", now, |s| {
            let now = s.in_zone(now);
            let setting = app::setting::parse_setting(&key, &value, &s.reading(now))
                .map_err(|e| RuleError::BadValue(e.to_string()))?;
            s.set(setting, now)
        }),
        Command::List { file, json } => {
            let s = app::read(&file)?;
            let earlier = day_before(&file, &s);
            let earlier: Vec<&Session> = earlier.iter().collect();
            if json {
                emit(&(list_json_after(&s, now, &earlier) + "\n"))
            } else {
                emit(&list_table_after(&s, now, &earlier))
            }
        }
        Command::Status { file, json } => {
            let s = app::read(&file)?;
            let now = s.in_zone(now);
            if json {
                emit(&(status_json(&s, now) + "\n"))
            } else {
                emit(&(status_line(&s, now) + "\n"))
            }
        }
        Command::Export {
            file,
            format,
            output,
            all,
        } => {
            if let Some(out) = &output {
                refuse_session_paths(&file, out)?;
            }
            let s = app::read(&file)?;
            // Every time shown in the list's zone (SPEC section 10), the time of the export too.
            let now = s.in_zone(now);
            let earlier = day_before(&file, &s);
            let earlier: Vec<&Session> = earlier.iter().collect();
            let bytes = crate::records::render(&s, &earlier, format, now, all)?;
            deliver(&bytes, output.as_deref(), |out| {
                format!(
                    "exported {} entries of {} to {}",
                    s.entries.len(),
                    file.display(),
                    out.display()
                )
            })
        }
        Command::Report {
            file,
            format,
            output,
        } => {
            if let Some(out) = &output {
                refuse_session_paths(&file, out)?;
            }
            let s = app::read(&file)?;
            let text = crate::report::render(&s, format, now);
            deliver(text.as_bytes(), output.as_deref(), |out| {
                format!("the report of {} is in {}", file.display(), out.display())
            })
        }
        Command::Import {
            file,
            inscriptions,
            dry_run,
        } => match crate::records::import::run(&file, &inscriptions, dry_run, now)? {
            crate::records::import::Imported::Checked { warnings, text } => {
                for w in &warnings {
                    warn(&format!("warning: {w}"));
                }
                emit(&text)
            }
            crate::records::import::Imported::Added(done) => {
                tell(&done);
                Ok(())
            }
        },
        Command::Check { file } => {
            // As written, so that the texts a hand edit put there are named (every other
            // output shows them cleaned).
            let s = app::read_as_written(&file)?;
            let mut problems = s.problems();
            problems.extend(domain::text::session_problems(&s));
            if problems.is_empty() {
                emit(&format!(
                    "{}: a sound podium session, \"{}\": {} entries ({} waiting, {} spoken), {} log records\n",
                    file.display(),
                    s.title,
                    s.entries.len(),
                    s.count(Status::Waiting),
                    s.count(Status::Spoken),
                    s.log.len()
                ))
            } else {
                let listed: String = problems.iter().map(|p| format!("- {p}\n")).collect();
                emit(&listed)?;
                let fallback = if store::backup_is_good(&file) {
                    format!(" or fall back to {}.bak", file.display())
                } else {
                    String::new()
                };
                Err(CliError::Input(format!(
                    "{} has {} problem(s), listed above; fix them{fallback}",
                    file.display(),
                    problems.len(),
                )))
            }
        }
    }
}

fn new(a: NewArgs, now: Time) -> Result<(), CliError> {
    // `new` has no list yet: its times are read in --time-zone, else the machine's zone.
    let zone_name = match &a.time_zone {
        Some(name) => name.clone(),
        None => crate::clock::machine_zone(),
    };
    let zone = domain::zone::parse_zone(&zone_name).ok_or_else(|| {
        CliError::Input(format!(
            "\"{}\" is not a time zone podium knows: give an IANA name such as Europe/Vienna, America/New_York or UTC",
            zone_name.trim()
        ))
    })?;
    let now = domain::when::in_zone(now, zone);
    let read = |t: &Option<String>, opens: Option<Time>| -> Result<Option<Time>, CliError> {
        let reading = domain::when::Reading::for_list(zone, opens, now);
        Ok(t.as_deref().map(|t| reading.time(t)).transpose()?)
    };
    let opens = read(&a.opens, None)?;
    let defaults = Settings::for_kind(a.kind);
    let mut settings = Settings {
        limit_seconds: duration(&a.limit, defaults.limit_seconds)?,
        chair_limit_seconds: duration(&a.chair_limit, defaults.chair_limit_seconds)?,
        opens,
        closes: read(&a.closes, opens)?,
        ..defaults
    };
    Settings::check_window(settings.opens, settings.closes)?;
    let reading = domain::when::Reading::for_list(zone, opens, now);
    let slots = a
        .slots
        .iter()
        .map(|s| reading.slot(s))
        .collect::<Result<Vec<_>, _>>()?;
    settings.slots = domain::list::check_slots(slots)?;
    if a.file.exists() {
        return Err(StoreError::Exists {
            path: a.file.display().to_string(),
        }
        .into());
    }
    if let Some(folder) = a.file.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(CliError::Input(format!(
            "the folder {} does not exist: create it first, or give a file in a folder that does",
            folder.display()
        )));
    }
    let title = a.title.unwrap_or_else(|| "List of speakers".to_string());
    domain::text::one_line(&title, "title")?;
    let mut session = Session::new(&title, settings, now);
    session.kind = a.kind;
    session.time_zone = zone.name().to_string();
    session.normalise_times();
    app::create(&a.file, "podium new", &session)?;
    say(&format!(
        "created {} \"{title}\"{}",
        a.file.display(),
        match a.kind {
            ListKind::General => String::new(),
            kind => format!(" ({})", kind.label()),
        }
    ));
    Ok(())
}

/// The plan sees the day: the lists of the folder that speak before this one (SPEC section 8),
/// for `list` and the exports alike. A list without slots has no plan to shift.
fn day_before(file: &Path, s: &Session) -> Vec<Session> {
    if s.settings.slots.is_empty() {
        Vec::new()
    } else {
        crate::conference::earlier_lists(file, s.kind)
    }
}

/// `time FILE +DUR|-DUR`: the seconds to give (positive) or take (negative).
pub fn signed_duration(text: &str) -> Result<i64, CliError> {
    let t = text.trim();
    let (sign, rest) = match t.chars().next() {
        Some('+') => (1, &t[1..]),
        Some('-') => (-1, &t[1..]),
        _ => {
            return Err(CliError::Input(format!(
                "\"{text}\" says no direction: write +30s to give more time, -30s to take some"
            )));
        }
    };
    let seconds = domain::parse_duration(rest)?;
    if seconds == 0 {
        return Err(CliError::Input(
            "a change of zero seconds changes nothing: give e.g. +30s or -30s".into(),
        ));
    }
    Ok(sign * seconds)
}

/// Applies one change through the application layer, then says what it did: its warnings on
/// the standard error, its message on the standard output.
fn change(
    file: &Path,
    what: &str,
    now: Time,
    apply: impl FnOnce(&mut Session) -> Result<Done, RuleError>,
) -> Result<(), CliError> {
    let done = app::change(file, what, now, apply)?;
    tell(&done);
    Ok(())
}

/// A change's warnings (`warning: ...` on the standard error) and its message.
fn tell(done: &Done) {
    for w in &done.warnings {
        warn(&format!("warning: {w}"));
    }
    say(&done.message);
}

fn status_line(s: &Session, now: Time) -> String {
    let who = match (s.current(), s.speech.as_ref()) {
        (Some(e), Some(sp)) => {
            let elapsed = sp.elapsed_seconds(now);
            let left = e.limit_seconds.saturating_sub(elapsed);
            format!(
                "At the podium: #{} {} ({}, {}), {} of {}, {}{}",
                e.id,
                e.title(),
                e.speaker,
                e.mode.word(),
                fmt_seconds(elapsed),
                fmt_seconds(e.limit_seconds),
                if left >= 0 {
                    format!("{} left", fmt_seconds(left))
                } else {
                    format!("{} OVER", fmt_seconds(left.saturating_neg()))
                },
                if sp.point_of_order {
                    ", paused (point of order)"
                } else if sp.not_started() {
                    ", called, the clock not started"
                } else if !sp.running {
                    ", paused"
                } else {
                    ""
                }
            )
        }
        _ => "Nobody at the podium.".to_string(),
    };
    format!(
        "{who}\n{} waiting, {} spoken. The list {} (now {}).\nList: {} ({}).",
        s.count(Status::Waiting),
        s.count(Status::Spoken),
        s.window_words(),
        s.window_state(now).word(),
        s.title,
        s.kind.label()
    )
}

/// The readable table of `podium list`.
pub fn list_table(s: &Session, now: Time) -> String {
    list_table_after(s, now, &[])
}

/// [`list_table`] with the lists of the conference that speak first that day.
pub fn list_table_after(s: &Session, now: Time, earlier: &[&Session]) -> String {
    use std::fmt::Write;
    let now = s.in_zone(now);
    let queue = s.queue();
    let plan = Plan::compute_after(s, &queue, now, earlier);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}; {} waiting, {} spoken; the list {}; times in {})",
        s.title,
        s.kind.label(),
        queue.len(),
        s.count(Status::Spoken),
        s.window_words(),
        s.time_zone
    );
    let _ = writeln!(
        out,
        "{:>5} {:>5}  {:<32} {:<24} {:<21} {:<6} {:>6}  {:<16} status",
        "place", "id", "delegation", "speaker", "level", "mode", "limit", "requested"
    );
    let row = |out: &mut String, place: String, e: &Entry, note: String| {
        let _ = writeln!(
            out,
            "{:>5} {:>5}  {:<32} {:<24} {:<21} {:<6} {:>6}  {:<16} {}",
            place,
            e.id,
            clip(&e.title(), 32),
            clip(&e.speaker, 24),
            e.level.word(),
            e.mode.word(),
            fmt_seconds(e.limit_seconds),
            s.local(e.requested_at).format("%Y-%m-%d %H:%M"),
            note
        );
    };
    for e in s.display_order() {
        match e.status {
            Status::Waiting => {}
            Status::Current => row(&mut out, "now".into(), e, "speaking".into()),
            Status::Spoken => row(
                &mut out,
                "-".into(),
                e,
                format!("spoke {}", fmt_seconds(e.spoken_seconds.unwrap_or(0))),
            ),
            Status::Withdrawn => row(&mut out, "-".into(), e, "withdrawn".into()),
        }
    }
    let mut heading = None;
    for (i, e) in queue.iter().enumerate() {
        let h = s.section(e);
        // Only the general discussion has the two tiers of R3.
        if s.kind == ListKind::General && heading != Some(h) {
            let _ = writeln!(
                out,
                "  -- {}{} --",
                h.words(),
                if h.observers() { ", observers" } else { "" }
            );
            heading = Some(h);
        }
        let note = match plan.starts.get(i).copied().flatten() {
            Some(t) => format!("waiting, starts ~{}", s.local(t).format("%H:%M")),
            None if !s.settings.slots.is_empty() => "waiting, past the last slot".into(),
            None => "waiting".into(),
        };
        row(&mut out, (i + 1).to_string(), e, note);
    }
    if let Some(end) = plan.expected_end {
        let _ = writeln!(
            out,
            "Expected to end at {}{}",
            s.local(end).format("%Y-%m-%d %H:%M"),
            if plan.not_reached > 0 {
                format!("; {} will not be reached in the slots", plan.not_reached)
            } else {
                String::new()
            }
        );
    }
    out
}
