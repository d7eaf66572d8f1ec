//! The model of the screen: what it shows and holds (the list, its queue and plan, the popup,
//! the status line, the undo history), and the model's own steps (refresh, select, change and
//! log). `tui::app` holds `update`, the one way it changes on a key or a tick.

use super::card::Card;
use super::form::{AddForm, ReplaceForm};
use super::keymap::KeyMode;
pub use crate::app::setting::setting_value;
use crate::delegations;
use crate::domain::history::{History, Snapshot};
use crate::domain::plan::Plan;
use crate::domain::{Done, RuleError, Session, SettingKey, Status, Time, Words};
use chrono::Timelike;
use std::path::PathBuf;

/// What the loop must do after an update.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// Save the session now, before the next key.
    pub save: bool,
    /// Ring the terminal bell (once, at zero).
    pub bell: bool,
    pub quit: bool,
    /// Rehearsal: the clock's new speed.
    pub speed: Option<f64>,
    /// Rehearsal: write a copy of the session there.
    pub save_copy: Option<PathBuf>,
    /// Show the list of that index of the conference (`Model::conference`).
    pub switch: Option<usize>,
}

impl Effects {
    pub(super) fn save() -> Effects {
        Effects {
            save: true,
            ..Effects::default()
        }
    }
    pub(super) fn none() -> Effects {
        Effects::default()
    }
}

/// The settings the settings screen edits, in order.
pub const SETTING_KEYS: &[SettingKey] = <SettingKey as Words>::ALL;

/// What a one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFor {
    Find,
    /// The time of the written notice of a withdrawal (SPEC section 4), then it acts.
    WithdrawNotice(u64),
    /// The time of the written notice of a swap: the proposing entry, the other.
    SwapNotice(u64, u64),
    Message,
    Setting(usize),
    SaveCopy,
    /// The President's reason for moving an entry (opening lists): the entry and its new place.
    MoveReason(u64, usize),
}

/// A yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Withdraw(u64),
    Quit,
}

/// What is on top of the main screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    None,
    Help {
        scroll: u16,
    },
    Add(Box<AddForm>),
    Replace(ReplaceForm),
    /// The selected entry's card (Enter).
    Card(Box<Card>),
    Input {
        purpose: InputFor,
        text: String,
        error: Option<String>,
    },
    Settings {
        selected: usize,
        error: Option<String>,
    },
    Confirm(Question),
    /// The report, computed when opened (not on every frame).
    Report {
        report: Box<crate::report::Report>,
        scroll: u16,
    },
    /// The lists of this conference (L): the selected one.
    Lists {
        selected: usize,
    },
}

/// One list of the conference, as the lists popup (L) shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListSummary {
    /// The file's name in the folder.
    pub name: String,
    pub title: String,
    /// `None` for a list that cannot be opened (then `error` says why).
    pub kind: Option<crate::domain::ListKind>,
    pub waiting: usize,
    pub heard: usize,
    /// Who is at the podium: "#3 Ghana (Kwame Mensah)", with the clock's state.
    pub current: Option<String>,
    pub error: Option<String>,
}

/// The last message of the status line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusLine {
    pub text: String,
    pub error: bool,
}

/// A section of the queue, set apart on screen: (first queue index, its heading).
pub type Section = (usize, String);

/// Everything the screen shows, and the caches that keep a frame's cost to what is visible.
#[derive(Debug)]
pub struct Model {
    pub session: Session,
    pub history: History,
    /// The file's name, for the header.
    pub file: String,
    // ----- caches, recomputed on every change and every minute, never per frame -----
    /// The queue, by id, in speaking order.
    pub queue: Vec<u64>,
    /// The rows the queue's panel shows, by id: the queue, or with `v` every entry in display
    /// order (heard, at the podium, the queue, withdrawn). `selected` indexes these.
    pub rows: Vec<u64>,
    /// Where the queue begins in `rows` (0 unless heard entries are shown).
    pub queue_start: usize,
    /// `v`: heard and withdrawn entries shown among the queue.
    pub show_all: bool,
    /// Find: the last text found and how many matches were passed over (`/` Enter: the next).
    pub last_find: String,
    pub find_skip: usize,
    /// A setting's input has just opened with its value selected: typing replaces it.
    pub input_fresh: bool,
    pub plan: Plan,
    /// Where the ministerial tier, the others and the observers begin.
    pub sections: Vec<Section>,
    /// Spoken entries, in the order they spoke.
    pub heard: Vec<u64>,
    pub withdrawn: usize,
    /// Why the selected entry stands where it stands.
    pub why: Vec<String>,
    /// The widest delegation title and speaker's name in the queue (display columns), so that
    /// the queue shares its room between them without shifting as it scrolls.
    pub name_widths: (usize, usize),
    pub(super) planned_minute: i64,
    // ----- the screen -----
    /// Index into `queue`.
    pub selected: usize,
    pub popup: Popup,
    pub presenter: bool,
    /// Swapping: the marked entry.
    pub swap_mark: Option<u64>,
    pub status: StatusLine,
    /// Set while the last save failed: the red NOT SAVED banner.
    pub not_saved: Option<String>,
    /// Rehearsal: the clock's speed; `None` on the real list.
    pub rehearsal: Option<f64>,
    /// The entry whose bell has rung (once, at zero).
    pub bell_rung: Option<u64>,
    /// `NO_COLOR` unset.
    pub color: bool,
    /// Rows of the queue last drawn, for PgUp / PgDn.
    pub page: usize,
    // ----- the conference (SPEC section 8), kept up to date by the loop -----
    /// Every list of the folder, this one included, in file name order.
    pub conference: Vec<ListSummary>,
    /// This list's index in `conference`.
    pub shown_list: usize,
    /// Set while another list of the folder has a speaker at the podium: the refusal of a call.
    pub floor_elsewhere: Option<String>,
    /// The list the officer chose in `L`, for the loop to show.
    pub switch_to: Option<usize>,
    /// The lists of the conference that speak before this one that day, for the plan (SPEC
    /// section 8); set by the loop when the list is shown (they do not change meanwhile).
    pub earlier: Vec<Session>,
    /// The room's screens in a browser, when the desk serves them (SPEC section 11).
    pub screens: crate::web::Screens,
}

impl Model {
    pub fn new(session: Session, file: &str, now: Time) -> Model {
        let mut m = Model {
            session,
            history: History::default(),
            file: file.to_string(),
            queue: Vec::new(),
            rows: Vec::new(),
            queue_start: 0,
            show_all: false,
            last_find: String::new(),
            find_skip: 0,
            input_fresh: false,
            plan: Plan::default(),
            sections: Vec::new(),
            heard: Vec::new(),
            withdrawn: 0,
            why: Vec::new(),
            name_widths: (0, 0),
            planned_minute: 0,
            selected: 0,
            popup: Popup::None,
            presenter: false,
            swap_mark: None,
            status: StatusLine::default(),
            not_saved: None,
            rehearsal: None,
            bell_rung: None,
            color: true,
            page: 10,
            conference: Vec::new(),
            shown_list: 0,
            floor_elsewhere: None,
            switch_to: None,
            earlier: Vec::new(),
            screens: crate::web::Screens::default(),
        };
        // A speech already over its time when podium opens has had its bell.
        if let (Some(s), Some(r)) = (&m.session.speech, m.session.remaining(now))
            && r <= 0
        {
            m.bell_rung = Some(s.entry);
        }
        m.refresh(now);
        m
    }

    /// Recomputes the caches: after every change, and every minute.
    pub fn refresh(&mut self, now: Time) {
        let selected_id = self.selected_id();
        let q = self.session.queue();
        let earlier: Vec<&Session> = self.earlier.iter().collect();
        self.plan = Plan::compute_after(&self.session, &q, now, &earlier);
        self.sections = sections(&self.session, &q);
        self.queue = q.iter().map(|e| e.id).collect();
        if self.show_all {
            let all = self.session.display_order();
            let before: Vec<u64> = all
                .iter()
                .filter(|e| matches!(e.status, Status::Spoken | Status::Current))
                .map(|e| e.id)
                .collect();
            let after: Vec<u64> = all
                .iter()
                .filter(|e| e.status == Status::Withdrawn)
                .map(|e| e.id)
                .collect();
            self.queue_start = before.len();
            let mut sections = Vec::new();
            if !before.is_empty() {
                sections.push((0, "heard and at the podium".to_string()));
            }
            sections.extend(
                self.sections
                    .iter()
                    .map(|(i, w)| (i + before.len(), w.clone())),
            );
            if !after.is_empty() {
                sections.push((before.len() + self.queue.len(), "withdrawn".to_string()));
            }
            self.sections = sections;
            self.rows = before;
            self.rows.extend(&self.queue);
            self.rows.extend(after);
        } else {
            self.queue_start = 0;
            self.rows = self.queue.clone();
        }
        self.name_widths = q.iter().fold((0, 0), |(d, sp), e| {
            let late = if e.video_late(&self.session.settings) {
                " (late video)".len()
            } else {
                0
            };
            (
                d.max(ratatui::text::Span::raw(e.title()).width() + late),
                sp.max(ratatui::text::Span::raw(e.speaker.as_str()).width()),
            )
        });
        let mut heard: Vec<(u64, u64)> = self
            .session
            .entries
            .iter()
            .filter(|e| e.status == Status::Spoken)
            .map(|e| (e.closed_order.unwrap_or(0), e.id))
            .collect();
        heard.sort_unstable();
        self.heard = heard.into_iter().map(|(_, id)| id).collect();
        self.withdrawn = self.session.count(Status::Withdrawn);
        self.planned_minute = minute(now);
        if let Some(id) = selected_id
            && let Some(i) = self.rows.iter().position(|q| *q == id)
        {
            self.selected = i;
        }
        self.clamp();
    }

    pub(super) fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.why = self
            .selected_id()
            .map(|id| self.session.why(id))
            .unwrap_or_default();
    }

    pub fn selected_id(&self) -> Option<u64> {
        self.rows.get(self.selected).copied()
    }

    /// The selected entry if it waits (the commands of the queue act on those only).
    pub fn selected_waiting(&self) -> Option<u64> {
        self.selected_id().filter(|id| {
            self.session
                .entry(*id)
                .is_some_and(|e| e.status == Status::Waiting)
        })
    }

    /// The place in the queue (0-based) of the row `i` of the panel, if it waits.
    pub fn place_of_row(&self, i: usize) -> Option<usize> {
        i.checked_sub(self.queue_start)
            .filter(|p| *p < self.queue.len())
    }

    pub(super) fn select_id(&mut self, id: u64) {
        if let Some(i) = self.rows.iter().position(|q| *q == id) {
            self.selected = i;
            self.clamp();
        }
    }

    /// Which keys apply now.
    pub fn key_mode(&self) -> KeyMode {
        match &self.popup {
            Popup::Help { .. } => KeyMode::Help,
            Popup::Add(_) | Popup::Replace(_) | Popup::Card(_) => KeyMode::Form,
            Popup::Input { .. } => KeyMode::Input,
            Popup::Settings { .. } => KeyMode::Settings,
            Popup::Confirm(_) => KeyMode::Confirm,
            Popup::Report { .. } => KeyMode::Report,
            Popup::Lists { .. } => KeyMode::Lists,
            Popup::None if self.presenter => KeyMode::Presenter,
            Popup::None if self.swap_mark.is_some() => KeyMode::Swap,
            Popup::None => KeyMode::Main,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: screen_words(&text.into()),
            error: false,
        };
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: screen_words(&text.into()),
            error: true,
        };
    }

    pub fn timer_running(&self) -> bool {
        self.session.speech.as_ref().is_some_and(|s| s.running)
    }

    /// A change of the list through one of the session's commands: recorded for undo, the
    /// caches refreshed, saved by the loop.
    pub(super) fn change(
        &mut self,
        label: &str,
        now: Time,
        command: impl FnOnce(&mut Session) -> Result<Done, RuleError>,
    ) -> Result<Effects, RuleError> {
        let before = Snapshot::of(&self.session);
        let done = command(&mut self.session)?;
        self.history.record(&before, &self.session, label);
        self.after(done, now);
        Ok(Effects::save())
    }

    pub(super) fn after(&mut self, done: Done, now: Time) {
        self.refresh(now);
        if let Some(id) = done.entry {
            self.select_id(id);
        }
        let mut text = super::words::name_entries(&done.message, &self.session);
        for w in done.warnings {
            text.push_str("; ");
            text.push_str(&w);
        }
        self.say(text);
    }

    /// Runs a command; a refusal goes to the status line, in red.
    pub(super) fn act(
        &mut self,
        label: &str,
        now: Time,
        command: impl FnOnce(&mut Session) -> Result<Done, RuleError>,
    ) -> Effects {
        match self.change(label, now, command) {
            Ok(e) => e,
            Err(e) => {
                self.fail(super::words::refusal(&e));
                Effects::none()
            }
        }
    }

    pub(super) fn title_of(&self, id: u64) -> String {
        self.session
            .entry(id)
            .map(|e| format!("#{} {}", e.id, e.title()))
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let n = self.rows.len();
        if n == 0 {
            return;
        }
        let i = self.selected as isize + delta;
        self.selected = i.clamp(0, n as isize - 1) as usize;
        self.clamp();
    }

    /// Find (SPEC section 4): every entry, waiting, at the podium, heard or withdrawn, by
    /// delegation or speaker, ignoring case and accents; names that begin with the text come
    /// before names that only contain it. `skip` matches are passed over (`/` and Enter again go
    /// to the next). An entry not in the panel shows the heard and withdrawn ones (`v`).
    pub fn find(&mut self, typed: &str, skip: usize, now: Time) -> Option<u64> {
        let t = delegations::fold(typed);
        if t.is_empty() {
            return None;
        }
        let order: Vec<&crate::domain::Entry> = self.session.display_order();
        let rank = |e: &crate::domain::Entry| {
            let d = delegations::fold(&e.delegation);
            let sp = delegations::fold(&e.speaker);
            let word = |k: &str| k.split(' ').any(|w| w.starts_with(&t));
            if d.starts_with(&t) || sp.starts_with(&t) {
                Some(0)
            } else if word(&d) || word(&sp) {
                Some(1)
            } else if d.contains(&t) || sp.contains(&t) {
                Some(2)
            } else {
                None
            }
        };
        let mut hits: Vec<(u8, usize, u64)> = order
            .iter()
            .enumerate()
            .filter_map(|(i, e)| rank(e).map(|r| (r, i, e.id)))
            .collect();
        if hits.is_empty() {
            return None;
        }
        hits.sort_unstable();
        let id = hits[skip % hits.len()].2;
        if !self.rows.contains(&id) {
            self.show_all = true;
            self.refresh(now);
        }
        self.select_id(id);
        Some(id)
    }
}

pub(super) fn minute(t: Time) -> i64 {
    t.timestamp().div_euclid(60)
}

/// The headings of the queue: the ministerial tier set apart from the rest, and the observers
/// when they speak last.
fn sections(s: &Session, q: &[&crate::domain::Entry]) -> Vec<Section> {
    let mut out = Vec::new();
    let mut last = None;
    for (i, e) in q.iter().enumerate() {
        // The opening statements are one sequence in the President's order; the replies have no
        // tiers (SPEC section 8).
        let section = s.section(e);
        if last != Some(section) {
            let part = if section.observers() {
                "observers: "
            } else {
                ""
            };
            out.push((i, format!("{part}{}", section.words())));
            last = Some(section);
        }
    }
    out
}

impl Model {
    /// Keeps the report's scroll within its content (the loop knows the largest offset).
    /// Keeps the help's or the report's scroll within what the last frame could show, so that
    /// Up answers at once after scrolling past the end (the loop calls it after each draw).
    pub fn clamp_scroll(&mut self, max: u16) {
        if let Popup::Report { scroll, .. } | Popup::Help { scroll } = &mut self.popup {
            *scroll = (*scroll).min(max);
        }
    }
}

/// A message of the list's rules in the screen's words: the command line's flags become the
/// fields of the forms (SPEC section 4: no `--flag` on the screen).
pub fn screen_words(text: &str) -> String {
    let mut out = text
        .replace("with --late REASON", "as the late reason")
        .replace("--late REASON", "the late reason")
        .replace("with --at", "as the time")
        .replace("use --chair-of", "choose on behalf of a group")
        .replace("`podium list FILE` shows the ids", "the list shows the ids")
        .replace("give its id as `podium list FILE` shows it", "select it");
    // Any other flag: its word alone.
    while let Some(i) = out.find(" --") {
        out.replace_range(i + 1..i + 3, "");
    }
    out
}

/// HH:MM of a time, for the screen.
pub fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}
