//! One list of speakers: its settings, its entries, the speech at the podium and the change log.
//! Every rule of SPEC section 1 is enforced here, as a command that either applies (and is logged)
//! or is refused with a [`RuleError`] that names the rule and says what to do. The time of each
//! change is passed in; nothing here reads a clock or touches a file.

use super::kind::{ListKind, Role};
use super::level::{Group, Level, Mode};
use super::text::one_line;
use super::time::{Time, fmt_seconds, fmt_time};
use super::timer::{Speech, remaining_seconds};

pub mod check;
pub mod entry;
pub mod kinds;
pub mod queue;
pub mod refusal;
pub mod session;
pub mod settings;
pub mod why;
pub use entry::{Accepts, Change, Entry, Inscription, LogRecord, Mark, Status};
use entry::{DupKey, blocking_key, dup_key};
pub use kinds::opening_class;
pub use queue::{Part, Section, Tier, WindowState};
pub use refusal::{Done, Field, RuleError};
pub use session::{FORMAT, OLDEST_VERSION, Session, VERSION};
pub use settings::{AbsentPolicy, Setting, Settings, Slot, check_slots, default_messages};

impl Session {
    pub fn new(title: &str, settings: Settings, now: Time) -> Session {
        let mut s = Session {
            format: FORMAT.to_string(),
            version: VERSION,
            title: title.to_string(),
            kind: ListKind::General,
            time_zone: "UTC".to_string(),
            settings,
            entries: Vec::new(),
            speech: None,
            message: None,
            rehearsal_clock: None,
            next_id: 1,
            next_order: 1,
            log: Vec::new(),
        };
        s.record(
            now,
            Change::Created,
            None,
            format!("list \"{title}\" created"),
        );
        s
    }

    // ----- commands -----

    fn waiting(&self, id: u64, action: &'static str) -> Result<&Entry, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if e.status != Status::Waiting {
            return Err(RuleError::NotWaiting {
                id,
                delegation: e.delegation.clone(),
                status: e.status.word(),
                action,
            });
        }
        Ok(e)
    }

    /// The limit an entry gets (R6): the chair's limit when speaking for a regional group.
    pub fn limit_for(&self, chair_of: Option<Group>) -> i64 {
        self.settings.limit_for(chair_of)
    }

    /// Two entries (by index) exchange their places in the queue: their queue times and their
    /// command order (R5 swaps, an absent speaker moved behind the next).
    fn exchange_places(&mut self, i: usize, j: usize) {
        let (qi, oi, si) = (
            self.entries[i].queued_at,
            self.entries[i].order,
            self.entries[i].seat,
        );
        self.entries[i].queued_at = self.entries[j].queued_at;
        self.entries[i].order = self.entries[j].order;
        self.entries[i].seat = self.entries[j].seat;
        self.entries[j].queued_at = qi;
        self.entries[j].order = oi;
        self.entries[j].seat = si;
    }

    fn take_order(&mut self) -> u64 {
        let o = self.next_order;
        self.next_order = o.saturating_add(1);
        o
    }

    pub(super) fn record(
        &mut self,
        at: Time,
        what: Change,
        entry: Option<u64>,
        text: String,
    ) -> &mut LogRecord {
        self.log.push(LogRecord {
            at,
            what,
            entry,
            other: None,
            notice_at: None,
            reason: None,
            requeued: false,
            undone: false,
            text,
        });
        let last = self.log.len() - 1;
        &mut self.log[last]
    }

    /// An inscription (R1, R2, R3, R6, R7, one entry per delegation).
    pub fn add(&mut self, ins: Inscription, now: Time) -> Result<Done, RuleError> {
        self.add_as(ins, None, now)
    }

    /// An inscription with a role of the opening statements (R11; refused on other kinds).
    pub fn add_as(
        &mut self,
        ins: Inscription,
        role: Option<Role>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let checked = self.check_inscription(ins, role, now)?;
        let key = dup_key(&checked);
        // The group first: it is cheap to compare, the name's key is computed only where the
        // group matches. A list of replies holds no key: a second reply is the same delegation.
        if self.kind != ListKind::Reply
            && let Some(dup) = self.entries.iter().find(|e| {
                e.chair_of == key.1
                    && e.status != Status::Withdrawn
                    && blocking_key(e).as_ref() == Some(&key)
            })
        {
            return Err(duplicate(dup));
        }
        let (id, warnings) = self.admit(checked, now);
        let place = self.position(id).unwrap_or(0);
        Ok(Done {
            message: format!(
                "#{id} added, place {place} of {}",
                self.count(Status::Waiting)
            ),
            warnings,
            entry: Some(id),
        })
    }

    /// Several inscriptions as one change (an import), all or none: each is checked by the same
    /// rules as [`Session::add`], in order, so a duplicate inside the batch is refused like one
    /// already on the list. The duplicate rule goes through an index here, because `add`'s scan
    /// of every entry would make an import of 100,000 rows quadratic. On a refusal the session is
    /// left exactly as it was and the error carries the index of the refused inscription.
    ///
    /// `label` says where the batch came from; it is logged once (`Change::Imported`) before the
    /// one `Added` record per entry.
    pub fn add_many(
        &mut self,
        batch: Vec<Inscription>,
        label: &str,
        now: Time,
    ) -> Result<Vec<Done>, (usize, RuleError)> {
        let (entries, log, next_id, next_order) = (
            self.entries.len(),
            self.log.len(),
            self.next_id,
            self.next_order,
        );
        let mut taken: std::collections::HashMap<DupKey, u64> = self
            .entries
            .iter()
            .filter_map(|e| Some((blocking_key(e)?, e.id)))
            .collect();
        let count = batch.len();
        self.record(
            now,
            Change::Imported,
            None,
            format!("{label}: {count} inscriptions"),
        );
        let mut done = Vec::with_capacity(count);
        for (i, ins) in batch.into_iter().enumerate() {
            let step = self.check_inscription(ins, None, now).and_then(|checked| {
                let key = dup_key(&checked);
                match taken.get(&key).and_then(|id| self.entry(*id)) {
                    // R12: on a reply list a delegation may be inscribed twice.
                    Some(dup) if self.kind != ListKind::Reply => Err(duplicate(dup)),
                    _ => Ok((key, checked)),
                }
            });
            match step {
                Ok((key, checked)) => {
                    let (id, warnings) = self.admit(checked, now);
                    taken.insert(key, id);
                    done.push(Done {
                        message: format!("#{id} added"),
                        warnings,
                        entry: Some(id),
                    });
                }
                Err(e) => {
                    // All or none: put back exactly what the batch added.
                    self.entries.truncate(entries);
                    self.log.truncate(log);
                    self.next_id = next_id;
                    self.next_order = next_order;
                    return Err((i, e));
                }
            }
        }
        Ok(done)
    }

    /// The checks of an inscription that need no other entry (R1 and the empty fields), and the
    /// entry it would become (its id and order are given by `admit`).
    fn check_inscription(
        &self,
        ins: Inscription,
        role: Option<Role>,
        now: Time,
    ) -> Result<Entry, RuleError> {
        if role.is_some() && self.kind != ListKind::Opening {
            return Err(RuleError::RoleNotOpening {
                kind: self.kind.label(),
            });
        }
        let delegation = ins.delegation.trim().to_string();
        let speaker = ins.speaker.trim().to_string();
        if delegation.is_empty() {
            return Err(RuleError::Empty("delegation"));
        }
        if speaker.is_empty() {
            return Err(RuleError::Empty("speaker's name"));
        }
        one_line(&delegation, "delegation")?;
        one_line(&speaker, "speaker's name")?;
        let at = ins.requested_at.unwrap_or(now);
        // The override lifts only the window check, and only where it is needed: a reason
        // given for a request in time is not recorded as an override.
        let reason = ins.late.as_deref().map(str::trim).filter(|r| !r.is_empty());
        let late = if self.in_window(at) {
            None
        } else {
            match reason {
                Some(r) => {
                    one_line(r, "reason")?;
                    Some(r.to_string())
                }
                None => {
                    return Err(RuleError::OutsideWindow {
                        window: self.window_words(),
                        at: fmt_time(at),
                    });
                }
            }
        };
        // R11: a high-level speaker requested after the high-level deadline, as for R1.
        let late = match self.high_level_late(role, ins.level, ins.chair_of, at) {
            None => late,
            Some(deadline) => match reason {
                Some(r) => Some(r.to_string()),
                None => {
                    return Err(RuleError::HighLevelLate {
                        deadline: fmt_time(deadline),
                        at: fmt_time(at),
                    });
                }
            },
        };
        let reply = self.reply_number(&delegation)?;
        Ok(Entry {
            id: 0,
            delegation,
            speaker,
            level: ins.level,
            chair_of: ins.chair_of,
            category: ins.category,
            mode: ins.mode,
            requested_at: at,
            queued_at: at,
            order: 0,
            limit_seconds: self.settings.limit_of(self.kind, ins.chair_of, reply),
            status: Status::Waiting,
            statement_received: false,
            no_post: ins.no_post,
            introducer: None,
            late_reason: late,
            started_at: None,
            ended_at: None,
            spoken_seconds: None,
            closed_order: None,
            role,
            reply,
            moved: false,
            seat: None,
        })
    }

    /// Puts a checked inscription on the list and logs it; returns its id and the R7 warnings.
    fn admit(&mut self, mut entry: Entry, now: Time) -> (u64, Vec<String>) {
        // Ids are never reused, even where a damaged file's counter fell behind its entries
        // (entries are kept in id order, so the last holds the highest; `check` reports a file
        // where they are not).
        let id = self
            .next_id
            .max(self.entries.last().map_or(0, |e| e.id.saturating_add(1)));
        self.next_id = id.saturating_add(1);
        entry.id = id;
        entry.order = self.take_order();
        let at = entry.requested_at;
        let late = entry.late_reason.clone();
        let mut warnings = Vec::new();
        if entry.video_late(&self.settings)
            && let Some(deadline) = self.settings.video_deadline
        {
            warnings.push(format!(
                "R7: this video statement was requested after the video deadline ({})",
                fmt_time(deadline)
            ));
        }
        if entry.mode == Mode::Video {
            warnings.push(
                "R7: a video statement is introduced by a representative present in the hall, or by the President: record who as the entry's introducer".to_string(),
            );
        }
        if at > now {
            warnings.push(format!(
                "the request time {} is later than now: accepted as typed in ahead",
                fmt_time(at)
            ));
        }
        let tier = entry.tier_words();
        let text = format!(
            "added {} ({}, {}), requested {}, {}{}",
            entry.title(),
            entry.speaker,
            entry.level.label(),
            fmt_time(at),
            tier,
            if late.is_some() {
                " outside the window, by override"
            } else {
                ""
            }
        );
        self.entries.push(entry);
        if self.kind == ListKind::Opening {
            self.seat_by_rule(id);
        }
        let rec = self.record(now, Change::Added, Some(id), text);
        rec.reason = late;
        rec.notice_at = Some(at);
        (id, warnings)
    }

    /// R4: a change of speaker. A change of tier re-queues the entry at the notice time.
    pub fn replace(
        &mut self,
        id: u64,
        speaker: &str,
        level: Level,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let speaker = speaker.trim().to_string();
        if speaker.is_empty() {
            return Err(RuleError::Empty("speaker's name"));
        }
        one_line(&speaker, "speaker's name")?;
        let notice = notice.unwrap_or(now);
        let e = self.waiting(id, "replaced")?;
        if notice < e.requested_at {
            return Err(RuleError::NoticeBeforeRequest {
                id,
                notice: fmt_time(notice),
                requested: fmt_time(e.requested_at),
            });
        }
        // On the opening statements and the replies there are no tiers: the entry keeps its
        // place and its queue time (SPEC section 8).
        let tier_changed =
            self.kind == ListKind::General && e.level.is_priority() != level.is_priority();
        let before = format!("{} ({})", e.speaker, e.level.label());
        let order = if tier_changed {
            Some(self.take_order())
        } else {
            None
        };
        let Some(e) = self.entry_mut(id) else {
            return Err(RuleError::NoSuchEntry(id.to_string()));
        };
        e.speaker = speaker;
        e.level = level;
        if let Some(order) = order {
            e.queued_at = notice;
            e.order = order;
        }
        let text = format!(
            "speaker of {} replaced: {} by {} ({}), notified {}{}",
            e.title(),
            before,
            e.speaker,
            e.level.label(),
            fmt_time(notice),
            if tier_changed {
                if level.is_priority() {
                    "; joins the priority tier at the notice time"
                } else {
                    "; re-queued in the general tier at the notice time"
                }
            } else {
                "; same tier, keeps its place"
            }
        );
        let rec = self.record(now, Change::Replaced, Some(id), text);
        rec.notice_at = Some(notice);
        rec.requeued = tier_changed;
        let place = self.position(id).unwrap_or(0);
        Ok(Done::say(
            format!("#{id} replaced, now place {place}"),
            Some(id),
        ))
    }

    /// R5: two delegations change places; the first named is the proposing delegation.
    pub fn swap(
        &mut self,
        a: u64,
        b: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        if a == b {
            return Err(RuleError::SwapSameEntry(a));
        }
        let ea = self.waiting(a, "swapped")?;
        let eb = self.waiting(b, "swapped")?;
        if ea.delegation.to_lowercase() == eb.delegation.to_lowercase() {
            return Err(RuleError::SwapSameDelegation {
                a,
                b,
                delegation: ea.delegation.clone(),
            });
        }
        if ea.level != eb.level {
            return Err(RuleError::SwapAcrossLevels {
                a,
                a_delegation: ea.delegation.clone(),
                a_level: ea.level.word(),
                b,
                b_delegation: eb.delegation.clone(),
                b_level: eb.level.word(),
            });
        }
        if self.part(ea) != self.part(eb) {
            return Err(RuleError::SwapAcrossParts {
                a,
                a_delegation: ea.delegation.clone(),
                a_category: ea.category.word(),
                b,
                b_delegation: eb.delegation.clone(),
                b_category: eb.category.word(),
            });
        }
        let notice = notice.unwrap_or(now);
        let (ia, ib) = (self.index_of(a), self.index_of(b));
        self.exchange_places(ia, ib);
        let text = format!(
            "{} and {} changed places at the notice of {} ({})",
            self.entries[ia].title(),
            self.entries[ib].title(),
            self.entries[ia].delegation,
            fmt_time(notice)
        );
        let rec = self.record(now, Change::Swapped, Some(a), text);
        rec.other = Some(b);
        rec.notice_at = Some(notice);
        Ok(Done::say(
            format!(
                "#{a} is now place {}, #{b} place {}",
                self.position(a).unwrap_or(0),
                self.position(b).unwrap_or(0)
            ),
            Some(a),
        ))
    }

    pub fn withdraw(
        &mut self,
        id: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        self.waiting(id, "withdrawn")?;
        let order = self.take_order();
        let notice = notice.unwrap_or(now);
        let i = self.index_of(id);
        self.entries[i].status = Status::Withdrawn;
        self.entries[i].closed_order = Some(order);
        let text = format!(
            "{} withdrawn, notified {}",
            self.entries[i].title(),
            fmt_time(notice)
        );
        let rec = self.record(now, Change::Withdrawn, Some(id), text);
        rec.notice_at = Some(notice);
        Ok(Done::say(format!("#{id} withdrawn"), Some(id)))
    }

    /// Ends the current speech (if any) and calls the first waiting entry, its timer running.
    pub fn next(&mut self, now: Time) -> Result<Done, RuleError> {
        let first = self.queue().first().map(|e| e.id);
        if self.speech.is_none() && first.is_none() {
            return Err(RuleError::NothingToCall);
        }
        let mut said = Vec::new();
        // The message belongs to the speaker it was sent to (SPEC section 9).
        self.message = None;
        if let Some(ended) = self.end_speech(now) {
            said.push(ended);
        }
        match first {
            Some(id) => {
                let i = self.index_of(id);
                self.entries[i].status = Status::Current;
                self.entries[i].started_at = Some(now);
                // SPEC section 9: with start-on-call off the speaker is called, the clock at
                // 0:00 and not running, until it is started (resume).
                let start = self.settings.start_on_call;
                self.speech = Some(if start {
                    Speech::start(id, now)
                } else {
                    Speech::call(id, now)
                });
                let e = &self.entries[i];
                let text = format!(
                    "{} called: {} ({}), {}, {}",
                    e.title(),
                    e.speaker,
                    e.level.label(),
                    e.mode.word(),
                    fmt_seconds(e.limit_seconds)
                );
                said.push(if start {
                    format!("#{id} {} has the floor", e.title())
                } else {
                    format!(
                        "#{id} {} has the floor: at the podium, the clock at 0:00 until it is started",
                        e.title()
                    )
                });
                self.record(now, Change::Called, Some(id), text);
            }
            None => said.push("nobody is waiting: the floor is empty".to_string()),
        }
        Ok(Done::say(said.join("; "), first))
    }

    /// Ends the current speech, if any, recording the time spoken.
    fn end_speech(&mut self, now: Time) -> Option<String> {
        let speech = self.speech.take()?;
        let seconds = speech.elapsed_seconds(now);
        let order = self.take_order();
        let i = self.index_of(speech.entry);
        let e = self.entries.get_mut(i)?;
        e.status = Status::Spoken;
        e.spoken_seconds = Some(seconds);
        e.ended_at = Some(now);
        e.closed_order = Some(order);
        let over = seconds.saturating_sub(e.limit_seconds);
        let text = format!(
            "{} spoke {} of {}{}",
            e.title(),
            fmt_seconds(seconds),
            fmt_seconds(e.limit_seconds),
            if over > 0 {
                format!(", {} over", fmt_seconds(over))
            } else {
                String::new()
            }
        );
        let id = e.id;
        self.record(now, Change::Ended, Some(id), text.clone());
        Some(text)
    }

    fn speech_mut(&mut self) -> Result<&mut Speech, RuleError> {
        self.speech.as_mut().ok_or(RuleError::NoCurrentSpeech)
    }

    /// Space: pause or resume the current timer (a called speaker's clock starts).
    pub fn toggle_pause(&mut self, now: Time) -> Result<Done, RuleError> {
        if self.speech_mut()?.running {
            self.pause(now)
        } else {
            self.resume(now)
        }
    }

    /// A point of order pauses the current speaker's timer, marked as such; resuming continues.
    pub fn point_of_order(&mut self, now: Time) -> Result<Done, RuleError> {
        let speech = self.speech_mut()?;
        let id = speech.entry;
        speech.pause(now, true);
        let secs = speech.elapsed_seconds(now);
        self.record(
            now,
            Change::PointOfOrder,
            Some(id),
            format!("point of order: timer paused at {}", fmt_seconds(secs)),
        );
        Ok(Done::say(
            format!(
                "point of order: the clock of {} paused",
                self.current().map(Entry::title).unwrap_or_default()
            ),
            Some(id),
        ))
    }

    /// Extra time granted by the President (or taken back): raises the entry's limit.
    pub fn extra_time(&mut self, seconds: i64, now: Time) -> Result<Done, RuleError> {
        const MINIMUM: i64 = 30;
        let id = self
            .speech
            .as_ref()
            .ok_or(RuleError::NoCurrentSpeech)?
            .entry;
        let i = self.index_of(id);
        let left = self.remaining(now).unwrap_or(0);
        let e = self.entries.get_mut(i).ok_or(RuleError::NoCurrentSpeech)?;
        // SPEC section 9: time is taken only from time left.
        if seconds < 0 && left < seconds.saturating_neg() {
            return Err(RuleError::TooLittleLeft {
                delegation: e.title(),
                left: fmt_seconds(left.max(0)),
                asked: fmt_seconds(seconds.saturating_neg()),
            });
        }
        let limit = e.limit_seconds.saturating_add(seconds);
        if limit < MINIMUM {
            return Err(RuleError::LimitTooShort(MINIMUM));
        }
        e.limit_seconds = limit;
        let text = format!(
            "{} {} {}: limit now {}",
            if seconds >= 0 {
                "extra time for"
            } else {
                "time taken from"
            },
            e.title(),
            fmt_seconds(seconds.abs()),
            fmt_seconds(limit)
        );
        self.record(now, Change::ExtraTime, Some(id), text.clone());
        Ok(Done::say(text, Some(id)))
    }

    /// The speaker is not in the room when called: the absent setting applies.
    pub fn absent(&mut self, id: u64, now: Time) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        match e.status {
            Status::Waiting => {}
            Status::Current => {
                // The speaker never took the floor: back to the queue, the speech undone, and
                // the message sent to them goes with them.
                self.speech = None;
                self.message = None;
                let i = self.index_of(id);
                self.entries[i].status = Status::Waiting;
                self.entries[i].started_at = None;
            }
            status => {
                return Err(RuleError::NotWaiting {
                    id,
                    delegation: e.delegation.clone(),
                    status: status.word(),
                    action: "marked absent",
                });
            }
        }
        let policy = self.settings.absent;
        let i = self.index_of(id);
        let title = self.entries[i].title();
        let outcome = match policy {
            AbsentPolicy::Drop => {
                let order = self.take_order();
                self.entries[i].status = Status::Withdrawn;
                self.entries[i].closed_order = Some(order);
                "dropped from the list".to_string()
            }
            AbsentPolicy::EndOfTier if self.kind == ListKind::Opening => {
                // The opening statements have no tiers: the end of the queue.
                let last = self
                    .entries
                    .iter()
                    .filter(|e| e.status == Status::Waiting)
                    .filter_map(|e| e.seat)
                    .max()
                    .unwrap_or(0);
                self.entries[i].seat = Some(last.saturating_add(1));
                "moved to the end of the queue".to_string()
            }
            AbsentPolicy::BehindNext => {
                let class = self.class(&self.entries[i]);
                let opening = self.kind == ListKind::Opening;
                let queue = self.queue();
                let next = queue
                    .iter()
                    .skip_while(|e| e.id != id)
                    .nth(1)
                    .filter(|n| opening || self.class(n) == class)
                    .map(|n| n.id);
                match next {
                    Some(n) => {
                        let j = self.index_of(n);
                        self.exchange_places(i, j);
                        format!("moved behind {}", self.entries[j].title())
                    }
                    // R3 holds even here: an absent minister does not leave the priority tier.
                    None => "stays where it is: no other speaker of its tier (with protocol order on: of its rank) follows, and R3 keeps the tiers apart (withdraw it if the delegation does not come back)".to_string(),
                }
            }
            AbsentPolicy::EndOfTier => {
                let class = self.class(&self.entries[i]);
                let last = self
                    .entries
                    .iter()
                    .filter(|e| e.status == Status::Waiting && self.class(e) == class)
                    .map(|e| e.queued_at)
                    .max()
                    .unwrap_or(self.entries[i].queued_at);
                let order = self.take_order();
                self.entries[i].queued_at = last;
                self.entries[i].order = order;
                "moved to the end of its tier".to_string()
            }
        };
        let text = format!("{title} absent when called ({}): {outcome}", policy.word());
        self.record(now, Change::Absent, Some(id), text);
        Ok(Done::say(
            format!(
                "#{id} absent: {outcome}{}",
                self.position(id)
                    .map(|p| format!(", now place {p}"))
                    .unwrap_or_default()
            ),
            Some(id),
        ))
    }

    /// R9 and R7: statement received, do not post / post, who introduces a video.
    pub fn mark(&mut self, id: u64, mark: Mark, now: Time) -> Result<Done, RuleError> {
        let e = self
            .entry_mut(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        let what = match &mark {
            Mark::StatementReceived => {
                e.statement_received = true;
                "statement received".to_string()
            }
            Mark::NoPost => {
                e.no_post = true;
                "do not post the statement".to_string()
            }
            Mark::Post => {
                e.no_post = false;
                "the statement may be posted".to_string()
            }
            Mark::Introducer(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(RuleError::Empty("introducer's name"));
                }
                one_line(name, "introducer's name")?;
                e.introducer = Some(name.to_string());
                format!("video introduced by {name}")
            }
        };
        let text = format!("{}: {what}", e.title());
        self.record(now, Change::Marked, Some(id), text);
        Ok(Done::say(format!("#{id}: {what}"), Some(id)))
    }

    /// Corrects the spelling of an entry's speaker or delegation (`rename`): the entry keeps its
    /// place (`queued_at` and order untouched). A new delegation name (already resolved against
    /// the reference data by the caller) is checked by the one-entry-per-delegation rule.
    pub fn rename(
        &mut self,
        id: u64,
        speaker: Option<&str>,
        delegation: Option<&str>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if speaker.is_none() && delegation.is_none() {
            return Err(RuleError::BadValue(
                "say what to correct: the speaker's name, the delegation, or both".into(),
            ));
        }
        let mut changes = Vec::new();
        let mut next = e.clone();
        if let Some(name) = speaker {
            let name = name.trim();
            if name.is_empty() {
                return Err(RuleError::Empty("speaker's name"));
            }
            one_line(name, "speaker's name")?;
            if name != e.speaker {
                changes.push(format!("speaker \"{}\" is now \"{name}\"", e.speaker));
                next.speaker = name.to_string();
            }
        }
        if let Some(name) = delegation {
            let name = name.trim();
            if name.is_empty() {
                return Err(RuleError::Empty("delegation"));
            }
            one_line(name, "delegation")?;
            if name != e.delegation {
                changes.push(format!("delegation \"{}\" is now \"{name}\"", e.delegation));
                next.delegation = name.to_string();
            }
        }
        if changes.is_empty() {
            return Ok(Done::say(
                format!("#{id}: the spelling is already so; nothing changed"),
                Some(id),
            ));
        }
        if let Some(key) = blocking_key(&next)
            && let Some(dup) = self
                .entries
                .iter()
                .find(|o| o.id != id && blocking_key(o).as_ref() == Some(&key))
        {
            return Err(duplicate(dup));
        }
        let what = changes.join(", ");
        let i = self.index_of(id);
        self.entries[i].speaker = next.speaker;
        self.entries[i].delegation = next.delegation;
        let text = format!("spelling corrected: {what}; keeps its place");
        self.record(now, Change::Renamed, Some(id), text);
        Ok(Done::say(format!("#{id}: {what}"), Some(id)))
    }

    /// A withdrawn entry waits again, at its own `queued_at` and command order, so it takes back
    /// the place it had. Refused while another entry of its delegation (with the same
    /// `chair_of`) is on the list and not withdrawn: one entry per delegation.
    pub fn reinstate(
        &mut self,
        id: u64,
        notice: Option<Time>,
        now: Time,
    ) -> Result<Done, RuleError> {
        let e = self
            .entry(id)
            .ok_or_else(|| RuleError::NoSuchEntry(id.to_string()))?;
        if e.status != Status::Withdrawn {
            return Err(RuleError::BadValue(format!(
                "entry #{id} ({}) is {}, not withdrawn: only a withdrawn entry can be reinstated",
                e.delegation,
                e.status.word()
            )));
        }
        let key = dup_key(e);
        // R12: on a reply list the delegation may hold two replies; a third is refused.
        if self.kind == ListKind::Reply {
            let delegation = e.delegation.clone();
            self.reply_number(&delegation)?;
        } else if let Some(dup) = self
            .entries
            .iter()
            .find(|o| o.id != id && blocking_key(o).as_ref() == Some(&key))
        {
            return Err(RuleError::BadValue(format!(
                "{} already has entry #{} on this list ({}); one entry per delegation: withdraw #{} first to reinstate #{id}",
                dup.title(),
                dup.id,
                dup.status.word(),
                dup.id
            )));
        }
        let notice = notice.unwrap_or(now);
        let i = self.index_of(id);
        self.entries[i].status = Status::Waiting;
        self.entries[i].closed_order = None;
        // R11: on an opening list it is seated as a new entry would be (no-op elsewhere).
        self.seat_by_rule(id);
        let text = format!(
            "{} reinstated, notified {}: waits again from {}",
            self.entries[i].title(),
            fmt_time(notice),
            fmt_time(self.entries[i].queued_at)
        );
        let rec = self.record(now, Change::Reinstated, Some(id), text);
        rec.notice_at = Some(notice);
        let place = self.position(id).unwrap_or(0);
        Ok(Done::say(
            format!(
                "#{id} reinstated, place {place} of {}",
                self.count(Status::Waiting)
            ),
            Some(id),
        ))
    }

    /// Writes every time of the list with its zone's offset (the same instants): what the file
    /// and `list --json` show, and what every view prints (SPEC section 10).
    pub fn normalise_times(&mut self) {
        let zone = self.zone();
        let z = |t: &mut Time| *t = super::when::in_zone(*t, zone);
        let st = &mut self.settings;
        for t in [
            &mut st.opens,
            &mut st.closes,
            &mut st.video_deadline,
            &mut st.high_level_deadline,
        ]
        .into_iter()
        .flatten()
        {
            z(t);
        }
        for slot in &mut st.slots {
            z(&mut slot.start);
            z(&mut slot.end);
        }
        for e in &mut self.entries {
            z(&mut e.requested_at);
            z(&mut e.queued_at);
            for t in [&mut e.started_at, &mut e.ended_at].into_iter().flatten() {
                z(t);
            }
        }
        if let Some(sp) = self.speech.as_mut() {
            z(&mut sp.started_at);
            z(&mut sp.checkpoint_at);
        }
        for r in &mut self.log {
            z(&mut r.at);
            if let Some(t) = r.notice_at.as_mut() {
                z(t);
            }
        }
    }

    /// `t` (a time of the clock) written with the list's offset.
    pub fn in_zone(&self, t: Time) -> Time {
        super::when::in_zone(t, self.zone())
    }

    /// How this list reads a typed time: in its zone, a date without a year in the year of its
    /// `opens`, else of now.
    pub fn reading(&self, now: Time) -> super::when::Reading {
        super::when::Reading::for_list(self.zone(), self.settings.opens, now)
    }

    /// A message to the speaker on the presenter views; empty clears it.
    pub fn set_message(&mut self, text: &str, now: Time) -> Result<Done, RuleError> {
        let text = text.trim();
        one_line(text, "message")?;
        self.message = (!text.is_empty()).then(|| text.to_string());
        let said = match &self.message {
            Some(m) => format!("message to the speaker: \"{m}\""),
            None => "message to the speaker cleared".to_string(),
        };
        self.record(now, Change::Message, None, said.clone());
        Ok(Done::say(said, None))
    }

    /// Changes a setting. Limits apply to the waiting entries at once (the current speaker keeps
    /// the limit they were called with, extra time included).
    pub fn set(&mut self, setting: Setting, now: Time) -> Result<Done, RuleError> {
        let s = &mut self.settings;
        let said = match setting {
            Setting::Limit(v) | Setting::ChairLimit(v) | Setting::SecondLimit(v) if v < 1 => {
                return Err(RuleError::LimitTooShort(1));
            }
            Setting::Limit(v) => {
                s.limit_seconds = v;
                format!("limit {}", fmt_seconds(v))
            }
            Setting::ChairLimit(v) => {
                s.chair_limit_seconds = v;
                format!("chair-limit {}", fmt_seconds(v))
            }
            Setting::SecondLimit(v) => {
                s.second_limit_seconds = v;
                format!("second-limit {}", fmt_seconds(v))
            }
            Setting::HighLevelDeadline(t) => {
                s.high_level_deadline = t;
                format!(
                    "high-level deadline {}",
                    t.map(fmt_time).unwrap_or_else(|| "none".into())
                )
            }
            Setting::Changeover(v) => {
                if v < 0 {
                    return Err(RuleError::BadValue(
                        "a changeover cannot be negative: give e.g. 30s".into(),
                    ));
                }
                s.changeover_seconds = v;
                format!("changeover {}", fmt_seconds(v))
            }
            Setting::Opens(t) | Setting::Closes(t) => {
                let (opens, closes) = match setting {
                    Setting::Opens(_) => (t, s.closes),
                    _ => (s.opens, t),
                };
                Settings::check_window(opens, closes)?;
                s.opens = opens;
                s.closes = closes;
                format!(
                    "window opens {}, closes {}",
                    opens.map(fmt_time).unwrap_or_else(|| "any time".into()),
                    closes.map(fmt_time).unwrap_or_else(|| "never".into())
                )
            }
            Setting::VideoDeadline(t) => {
                s.video_deadline = t;
                format!(
                    "video deadline {}",
                    t.map(fmt_time).unwrap_or_else(|| "none".into())
                )
            }
            Setting::Slots(slots) => {
                let slots = check_slots(slots)?;
                let words = if slots.is_empty() {
                    "none".to_string()
                } else {
                    slots
                        .iter()
                        .map(|s| format!("{}-{}", fmt_time(s.start), fmt_time(s.end)))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                s.slots = slots;
                format!("slots {words}")
            }
            Setting::ObserversLast(on) => {
                s.observers_last = on;
                format!("observers-last {}", on_off(on))
            }
            Setting::ProtocolOrder(on) => {
                s.protocol_order = on;
                format!("protocol-order {}", on_off(on))
            }
            Setting::Absent(p) => {
                s.absent = p;
                format!("absent {}", p.word())
            }
            Setting::StartOnCall(on) => {
                s.start_on_call = on;
                format!("start-on-call {}", on_off(on))
            }
            Setting::Messages(texts) => {
                let texts = super::floor::check_messages(texts)?;
                let words = if texts.is_empty() {
                    "none".to_string()
                } else {
                    texts.join("|")
                };
                s.messages = texts;
                format!("messages {words}")
            }
            Setting::Warning(v) => {
                if !(0..=3600).contains(&v) {
                    return Err(RuleError::BadValue(
                        "the amber warning is between 0s and 60m before the limit: give e.g. 30s"
                            .into(),
                    ));
                }
                s.warning_seconds = v;
                format!("warning {}s", v)
            }
            Setting::Title(title) => {
                let title = title.trim().to_string();
                if title.is_empty() {
                    return Err(RuleError::Empty("title"));
                }
                one_line(&title, "title")?;
                let said = format!("title \"{title}\" (was \"{}\")", self.title);
                self.title = title;
                said
            }
            Setting::TimeZone(name) => {
                let Some(zone) = super::zone::parse_zone(&name) else {
                    return Err(RuleError::BadValue(format!(
                        "\"{}\" is not a time zone podium knows: give an IANA name such as Europe/Vienna, America/New_York or UTC",
                        name.trim()
                    )));
                };
                let said = format!("time-zone {} (was {})", zone.name(), self.time_zone);
                self.time_zone = zone.name().to_string();
                self.normalise_times();
                said
            }
        };
        let settings = &self.settings;
        let kind = self.kind;
        for e in self
            .entries
            .iter_mut()
            .filter(|e| e.status == Status::Waiting)
        {
            e.limit_seconds = settings.limit_of(kind, e.chair_of, e.reply);
        }
        self.record(now, Change::Setting, None, format!("setting: {said}"));
        Ok(Done::say(format!("set {said}"), None))
    }

    /// Logs a change that is not an entry's (undo, redo, recovery).
    pub fn log_change(&mut self, now: Time, what: Change, text: String) {
        self.record(now, what, None, text);
    }

    /// The current remaining seconds, negative in overtime.
    pub fn remaining(&self, now: Time) -> Option<i64> {
        let s = self.speech.as_ref()?;
        let e = self.entry(s.entry)?;
        Some(remaining_seconds(e.limit_seconds, s.elapsed_ms(now)))
    }
}

/// The refusal of a duplicate inscription, naming the entry already on the list.
fn duplicate(dup: &Entry) -> RuleError {
    RuleError::Duplicate {
        delegation: dup.delegation.clone(),
        id: dup.id,
        what: match dup.chair_of {
            Some(g) => format!(" on behalf of the {}", g.name()),
            None => String::new(),
        },
    }
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}
