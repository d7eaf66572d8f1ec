//! The model of the screen and `update`, its one way to change. No I/O here: `update` returns
//! the effects (save, bell, quit, a new clock speed, a copy to write) and the loop performs them,
//! so every change can be tested by sending messages.

use super::card::Card;
use super::form::{AddForm, ReplaceForm};
use super::keymap::KeyMode;
use super::msg::Msg;
use crate::app::setting::setting_of;
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
    fn save() -> Effects {
        Effects {
            save: true,
            ..Effects::default()
        }
    }
    fn none() -> Effects {
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
    planned_minute: i64,
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

    fn clamp(&mut self) {
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

    fn select_id(&mut self, id: u64) {
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
    fn change(
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

    fn after(&mut self, done: Done, now: Time) {
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
    fn act(
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

    fn title_of(&self, id: u64) -> String {
        self.session
            .entry(id)
            .map(|e| format!("#{} {}", e.id, e.title()))
            .unwrap_or_else(|| format!("#{id}"))
    }

    fn move_by(&mut self, delta: isize) {
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

fn minute(t: Time) -> i64 {
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

/// The one way the model changes.
pub fn update(m: &mut Model, msg: Msg, now: Time) -> Effects {
    if msg == Msg::Tick {
        return tick(m, now);
    }
    // Ctrl-c and q from anywhere: quit, asking first while a timer runs or while changes are
    // not saved (SPEC section 5: the screen never quits silently with changes not saved).
    if msg == Msg::Quit {
        if matches!(m.popup, Popup::Confirm(Question::Quit))
            || (!m.timer_running() && m.not_saved.is_none())
        {
            return Effects {
                quit: true,
                ..Effects::default()
            };
        }
        m.popup = Popup::Confirm(Question::Quit);
        return Effects::none();
    }
    // The popup is taken out while its key is handled (a report is not copied on every key);
    // each arm puts back what stays open.
    match std::mem::replace(&mut m.popup, Popup::None) {
        Popup::None => main_screen(m, msg, now),
        Popup::Help { scroll } => {
            let scroll = match msg {
                Msg::Close => {
                    m.popup = Popup::None;
                    return Effects::none();
                }
                Msg::Down => scroll.saturating_add(1),
                Msg::Up => scroll.saturating_sub(1),
                Msg::PageDown => scroll.saturating_add(10),
                Msg::PageUp => scroll.saturating_sub(10),
                _ => scroll,
            };
            m.popup = Popup::Help { scroll };
            Effects::none()
        }
        Popup::Report { report, scroll } => {
            let page = m.page.max(1) as u16;
            let scroll = match msg {
                Msg::Close => {
                    m.popup = Popup::None;
                    return Effects::none();
                }
                Msg::Down => scroll.saturating_add(1),
                Msg::Up => scroll.saturating_sub(1),
                Msg::PageDown => scroll.saturating_add(page),
                Msg::PageUp => scroll.saturating_sub(page),
                Msg::Top => 0,
                // Clamped to the end by the loop after drawing (it knows the screen's size).
                Msg::Bottom => u16::MAX,
                _ => scroll,
            };
            m.popup = Popup::Report { report, scroll };
            Effects::none()
        }
        Popup::Confirm(q) => match msg {
            Msg::Yes => {
                m.popup = Popup::None;
                match q {
                    Question::Quit => Effects {
                        quit: true,
                        ..Effects::default()
                    },
                    Question::Withdraw(id) => {
                        let label = format!("withdraw {}", m.title_of(id));
                        m.act(&label, now, |s| s.withdraw(id, None, now))
                    }
                }
            }
            Msg::No | Msg::Close => {
                m.popup = Popup::None;
                m.say("nothing changed");
                Effects::none()
            }
            _ => {
                m.popup = Popup::Confirm(q);
                Effects::none()
            }
        },
        Popup::Add(mut form) => {
            let (effects, stays) = add_form(m, &mut form, msg, now);
            if stays == Form::Open && matches!(m.popup, Popup::None) {
                m.popup = Popup::Add(form);
            }
            effects
        }
        Popup::Card(mut card) => {
            let (effects, stays) = card_form(m, &mut card, msg, now);
            if stays == Form::Open && matches!(m.popup, Popup::None) {
                m.popup = Popup::Card(card);
            }
            effects
        }
        Popup::Replace(mut form) => {
            let (effects, stays) = replace_form(m, &mut form, msg, now);
            if stays == Form::Open && matches!(m.popup, Popup::None) {
                m.popup = Popup::Replace(form);
            }
            effects
        }
        Popup::Input {
            purpose,
            text,
            error,
        } => input(m, purpose, text, error, msg, now),
        Popup::Lists { selected } => {
            let n = m.conference.len().max(1);
            match msg {
                Msg::Close => m.popup = Popup::None,
                Msg::Up => {
                    m.popup = Popup::Lists {
                        selected: (selected + n - 1) % n,
                    }
                }
                Msg::Down => {
                    m.popup = Popup::Lists {
                        selected: (selected + 1) % n,
                    }
                }
                Msg::Submit => {
                    m.popup = Popup::None;
                    match m.conference.get(selected) {
                        Some(l) if selected == m.shown_list => {
                            m.say(format!("\"{}\" is the list shown", l.title));
                        }
                        Some(l) if l.kind.is_some() => {
                            return Effects {
                                switch: Some(selected),
                                ..Effects::default()
                            };
                        }
                        Some(l) => m.fail(format!(
                            "{} cannot be shown: {}",
                            l.name,
                            l.error.clone().unwrap_or_default()
                        )),
                        None => {}
                    }
                }
                _ => m.popup = Popup::Lists { selected },
            }
            Effects::none()
        }
        Popup::Settings { selected, error } => match msg {
            Msg::Close => {
                m.popup = Popup::None;
                Effects::none()
            }
            Msg::Up | Msg::Down => {
                let n = SETTING_KEYS.len();
                let selected = if msg == Msg::Up {
                    (selected + n - 1) % n
                } else {
                    (selected + 1) % n
                };
                m.popup = Popup::Settings {
                    selected,
                    error: None,
                };
                Effects::none()
            }
            // Space turns an on/off setting at once.
            Msg::Char(' ') => {
                let key = SETTING_KEYS[selected.min(SETTING_KEYS.len() - 1)];
                let value = setting_value(&m.session, key);
                let turned = match value.as_str() {
                    "on" => "off",
                    "off" => "on",
                    _ => {
                        m.popup = Popup::Settings {
                            selected,
                            error: Some(format!("{key} is not on/off: Enter changes it")),
                        };
                        return Effects::none();
                    }
                };
                let reading = m.session.reading(now);
                let result = setting_of(key, turned, &reading)
                    .map_err(|e| e.to_string())
                    .and_then(|setting| {
                        m.change(&format!("setting {key}"), now, |s| s.set(setting, now))
                            .map_err(|e| e.to_string())
                    });
                m.popup = Popup::Settings {
                    selected,
                    error: result.as_ref().err().cloned(),
                };
                result.unwrap_or_else(|_| Effects::none())
            }
            Msg::Submit => {
                let key = SETTING_KEYS[selected.min(SETTING_KEYS.len() - 1)];
                // The value opens selected: typing replaces it, arrows or Backspace edit it.
                m.input_fresh = true;
                m.popup = Popup::Input {
                    purpose: InputFor::Setting(selected),
                    text: setting_value(&m.session, key),
                    error: None,
                };
                Effects::none()
            }
            _ => {
                m.popup = Popup::Settings { selected, error };
                Effects::none()
            }
        },
    }
}

fn tick(m: &mut Model, now: Time) -> Effects {
    let mut e = Effects::none();
    if minute(now) != m.planned_minute {
        m.refresh(now);
    }
    if let (Some(s), Some(r)) = (&m.session.speech, m.session.remaining(now))
        && r <= 0
        && m.bell_rung != Some(s.entry)
    {
        m.bell_rung = Some(s.entry);
        e.bell = true;
    }
    e
}

fn main_screen(m: &mut Model, msg: Msg, now: Time) -> Effects {
    let swapping = m.swap_mark;
    match msg {
        Msg::Up => m.move_by(-1),
        Msg::Down => m.move_by(1),
        Msg::Top => m.move_by(isize::MIN / 2),
        Msg::Bottom => m.move_by(isize::MAX / 2),
        Msg::PageUp => m.move_by(-(m.page.max(1) as isize)),
        Msg::PageDown => m.move_by(m.page.max(1) as isize),
        Msg::Close if swapping.is_some() => {
            m.swap_mark = None;
            m.say("swap cancelled: nothing changed");
        }
        Msg::Close if m.presenter => m.presenter = false,
        Msg::Close => m.status = StatusLine::default(),
        Msg::Presenter => m.presenter = !m.presenter,
        Msg::Help => m.popup = Popup::Help { scroll: 0 },
        Msg::Add => m.popup = Popup::Add(Box::default()),
        Msg::Card => match m.selected_id().and_then(|id| m.session.entry(id)) {
            Some(e) => m.popup = Popup::Card(Box::new(Card::new(e))),
            None => m.fail("the list is empty: a adds an inscription"),
        },
        Msg::ShowAll => {
            m.show_all = !m.show_all;
            m.refresh(now);
            m.say(if m.show_all {
                "heard and withdrawn entries shown among the queue (v hides them)"
            } else {
                "only the queue shown (v shows heard and withdrawn entries too)"
            });
        }
        Msg::Replace => match m.selected_waiting().and_then(|id| m.session.entry(id)) {
            Some(e) => m.popup = Popup::Replace(ReplaceForm::new(e.id, e.level)),
            None => m.fail("nobody is waiting: select a waiting entry to replace its speaker"),
        },
        Msg::Withdraw => match m.selected_waiting() {
            Some(id) => {
                m.popup = Popup::Input {
                    purpose: InputFor::WithdrawNotice(id),
                    text: String::new(),
                    error: None,
                }
            }
            None => m.fail("nobody is waiting: select a waiting entry to withdraw"),
        },
        Msg::Swap => match (swapping, m.selected_waiting()) {
            (_, None) => m.fail("nobody is waiting: nothing to swap"),
            (None, Some(id)) => {
                m.swap_mark = Some(id);
                let level = m.session.entry(id).map(|e| e.level.label()).unwrap_or("");
                m.say(format!(
                    "swap: {} ({level}) marked; move to the other entry and press s (Esc cancels)",
                    m.title_of(id)
                ));
            }
            (Some(a), Some(b)) => {
                // The rules are checked before the notice is asked, so a refused swap says why
                // at once; the mark stays, so the officer can pick another entry or Esc.
                let mut trial = m.session.clone();
                match trial.swap(a, b, None, now) {
                    Ok(_) => {
                        m.popup = Popup::Input {
                            purpose: InputFor::SwapNotice(a, b),
                            text: String::new(),
                            error: None,
                        }
                    }
                    Err(e) => m.fail(super::words::refusal(&e)),
                }
            }
        },
        Msg::Next => {
            // One speech at a time in the room (SPEC section 8): a call waits for the speech
            // under way on another list to end.
            if !m.queue.is_empty()
                && let Some(refusal) = m.floor_elsewhere.clone()
            {
                m.fail(refusal);
                return Effects::none();
            }
            return m.act("next speaker", now, |s| s.next(now));
        }
        Msg::Lists => {
            if m.conference.is_empty() {
                m.say("this list is the only one of its folder");
            } else {
                m.popup = Popup::Lists {
                    selected: m.shown_list,
                };
            }
        }
        Msg::MoveUp | Msg::MoveDown => {
            if let Err(e) = m.session.may_move() {
                m.fail(e.to_string());
                return Effects::none();
            }
            let Some(id) = m.selected_id() else {
                m.fail("nobody is waiting: select a waiting entry to move");
                return Effects::none();
            };
            let place = m.selected + 1;
            let to = if msg == Msg::MoveUp {
                place.saturating_sub(1)
            } else {
                place + 1
            };
            if to < 1 || to > m.queue.len() {
                m.fail(format!(
                    "{} is already place {place} of {}: it cannot go further",
                    m.title_of(id),
                    m.queue.len()
                ));
                return Effects::none();
            }
            m.popup = Popup::Input {
                purpose: InputFor::MoveReason(id, to),
                text: String::new(),
                error: None,
            };
        }
        Msg::Pause => return m.act("pause / resume", now, |s| s.toggle_pause(now)),
        Msg::PointOfOrder => return m.act("point of order", now, |s| s.point_of_order(now)),
        Msg::MoreTime => return m.act("30 seconds more", now, |s| s.extra_time(30, now)),
        Msg::LessTime => return m.act("30 seconds less", now, |s| s.extra_time(-30, now)),
        Msg::Absent => {
            let target = m.session.current().map(|e| e.id).or(m.selected_id());
            match target {
                Some(id) => {
                    let label = format!("absent {}", m.title_of(id));
                    return m.act(&label, now, |s| s.absent(id, now));
                }
                None => m.fail("nobody is at the podium or waiting"),
            }
        }
        Msg::Undo | Msg::Redo => {
            let result = if msg == Msg::Undo {
                m.history.undo(&mut m.session, now)
            } else {
                m.history.redo(&mut m.session, now)
            };
            match result {
                Ok(done) => {
                    m.after(done, now);
                    return Effects::save();
                }
                Err(e) => m.fail(super::words::refusal(&e)),
            }
        }
        Msg::Find => {
            m.find_skip = 0;
            m.popup = Popup::Input {
                purpose: InputFor::Find,
                text: String::new(),
                error: None,
            }
        }
        // The editor opens empty; the message now shows above it (SPEC section 4).
        Msg::Message => {
            m.popup = Popup::Input {
                purpose: InputFor::Message,
                text: String::new(),
                error: None,
            }
        }
        Msg::Preset(n) => {
            let label = format!("ready-made message {n}");
            return m.act(&label, now, |s| s.preset_message(usize::from(n), now));
        }
        Msg::ClearMessage => {
            return m.act("message to the speaker cleared", now, |s| {
                s.message_to_speaker("", now)
            });
        }
        Msg::Settings => {
            m.popup = Popup::Settings {
                selected: 0,
                error: None,
            }
        }
        Msg::Report => {
            m.popup = Popup::Report {
                report: Box::new(crate::report::Report::compute(&m.session, now)),
                scroll: 0,
            }
        }
        Msg::Slower | Msg::Faster => {
            if let Some(speed) = m.rehearsal {
                let new = if msg == Msg::Slower {
                    speed / 2.0
                } else {
                    speed * 2.0
                }
                .clamp(1.0 / 16.0, 3600.0);
                m.rehearsal = Some(new);
                m.say(format!(
                    "rehearsal clock: {} times real time",
                    speed_words(new)
                ));
                return Effects {
                    speed: Some(new),
                    ..Effects::default()
                };
            }
        }
        Msg::SaveCopy if m.rehearsal.is_some() => {
            m.popup = Popup::Input {
                purpose: InputFor::SaveCopy,
                text: String::new(),
                error: None,
            }
        }
        _ => {}
    }
    Effects::none()
}

/// "60", "0.5".
pub fn speed_words(speed: f64) -> String {
    if speed.fract() == 0.0 {
        format!("{speed:.0}")
    } else {
        format!("{speed}")
    }
}

/// Whether a form stays open after its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Open,
    Closed,
}

fn add_form(m: &mut Model, form: &mut AddForm, msg: Msg, now: Time) -> (Effects, Form) {
    match msg {
        Msg::Close => {
            m.say("add cancelled: nothing changed");
            return (Effects::none(), Form::Closed);
        }
        Msg::FocusNext => form.focus_next(&m.session, now),
        Msg::FocusPrev => form.focus_prev(&m.session, now),
        Msg::Down => form.down(&m.session, now),
        Msg::Up => form.up(&m.session, now),
        Msg::Left => form.cycle(false),
        Msg::Right => form.cycle(true),
        Msg::Char(c) => form.type_char(c),
        Msg::Backspace => form.backspace(),
        Msg::Submit => {
            let spelling = delegations::spelling(&form.delegation.text).ok();
            if let Some(ins) = form.inscription(&m.session, now) {
                let label = format!("add {}", ins.delegation);
                let role = form.role.value();
                // What the name resolution said goes to the status line with the change.
                let noted = |mut done: Done| {
                    if let Some(sp) = &spelling {
                        if let Some(n) = &sp.note {
                            done.message = format!("{n}; {}", done.message);
                        }
                        done.warnings.extend(sp.warning.clone());
                    }
                    done
                };
                match m.change(&label, now, |s| s.add_as(ins, role, now).map(noted)) {
                    Ok(e) => return (e, Form::Closed),
                    Err(e) => form.refused(&e),
                }
            }
        }
        _ => {}
    }
    (Effects::none(), Form::Open)
}

fn card_form(m: &mut Model, card: &mut Card, msg: Msg, now: Time) -> (Effects, Form) {
    let withdrawn = m
        .session
        .entry(card.entry)
        .is_some_and(|e| e.status == Status::Withdrawn);
    match msg {
        Msg::Close => return (Effects::none(), Form::Closed),
        Msg::FocusNext | Msg::Down => card.step(withdrawn, true),
        Msg::FocusPrev | Msg::Up => card.step(withdrawn, false),
        Msg::Left | Msg::Right => card.toggle(),
        Msg::Char(c) => card.type_char(c),
        Msg::Backspace => card.backspace(),
        Msg::Submit => {
            let label = format!("correct the card of {}", m.title_of(card.entry));
            let c = card.clone();
            match m.change(&label, now, |s| c.apply(s, now)) {
                Ok(e) => return (e, Form::Closed),
                Err(e) => card.error = Some(screen_words(&e.to_string())),
            }
        }
        _ => {}
    }
    (Effects::none(), Form::Open)
}

fn replace_form(m: &mut Model, form: &mut ReplaceForm, msg: Msg, now: Time) -> (Effects, Form) {
    match msg {
        Msg::Close => {
            m.say("replace cancelled: nothing changed");
            return (Effects::none(), Form::Closed);
        }
        Msg::FocusNext | Msg::Down => form.step_focus(true),
        Msg::FocusPrev | Msg::Up => form.step_focus(false),
        Msg::Left if form.focus == super::form::ReplaceField::Level => form.level.step(false),
        Msg::Right if form.focus == super::form::ReplaceField::Level => form.level.step(true),
        Msg::Char(c) => form.type_char(c),
        Msg::Backspace => form.backspace(),
        Msg::Submit => {
            if let Some((speaker, level, at)) = form.values(&m.session, now) {
                let id = form.entry;
                let label = format!("replace the speaker of {}", m.title_of(id));
                match m.change(&label, now, |s| s.replace(id, &speaker, level, at, now)) {
                    Ok(e) => return (e, Form::Closed),
                    Err(e) => form.refused(&e),
                }
            }
        }
        _ => {}
    }
    (Effects::none(), Form::Open)
}

fn input(
    m: &mut Model,
    purpose: InputFor,
    mut text: String,
    error: Option<String>,
    msg: Msg,
    now: Time,
) -> Effects {
    let back = |m: &mut Model| {
        m.popup = match purpose {
            InputFor::Setting(selected) => Popup::Settings {
                selected,
                error: None,
            },
            _ => Popup::None,
        }
    };
    let mut error = error;
    // The first key in a freshly opened setting: a character replaces the selected value,
    // Backspace clears it; anything else keeps it for editing.
    if std::mem::take(&mut m.input_fresh) {
        match msg {
            Msg::Char(_) | Msg::Backspace => text.clear(),
            Msg::Left | Msg::Right => {}
            _ => {}
        }
        if msg == Msg::Backspace {
            m.popup = Popup::Input {
                purpose,
                text,
                error: None,
            };
            return Effects::none();
        }
    }
    let notice = matches!(
        purpose,
        InputFor::WithdrawNotice(_) | InputFor::SwapNotice(..)
    );
    // A notice asked before a withdrawal or a swap is also its confirmation: y (no month
    // begins with it) or Enter acts, n with nothing typed or Esc cancels.
    let msg = match msg {
        Msg::Char('y') | Msg::Char('Y') if notice && text.is_empty() => Msg::Submit,
        Msg::Yes if notice => Msg::Submit,
        Msg::No if notice => Msg::Close,
        other => other,
    };
    match msg {
        Msg::Close => {
            back(m);
            if notice {
                m.say("nothing changed");
            }
            return Effects::none();
        }
        Msg::Char(c) => {
            if text.chars().count() < 400 && !c.is_control() {
                text.push(c);
            }
            error = None;
            if purpose == InputFor::Find {
                m.find_skip = 0;
                if m.find(&text, 0, now).is_none() {
                    error = Some(format!("no delegation or speaker matches \"{text}\""));
                }
            }
        }
        Msg::ClearField => {
            text.clear();
            error = None;
        }
        Msg::Backspace => {
            text.pop();
            error = None;
            if purpose == InputFor::Find {
                m.find_skip = 0;
                m.find(&text, 0, now);
            }
        }
        Msg::Down | Msg::Up if purpose == InputFor::Find => {
            m.find_skip = if msg == Msg::Down {
                m.find_skip.saturating_add(1)
            } else {
                m.find_skip.saturating_sub(1)
            };
            m.find(&text, m.find_skip, now);
        }
        Msg::Submit => match purpose {
            InputFor::Find => {
                m.popup = Popup::None;
                // `/` and Enter again: the next match of the last text.
                let (typed, skip) = if text.trim().is_empty() {
                    m.find_skip = m.find_skip.saturating_add(1);
                    (m.last_find.clone(), m.find_skip)
                } else {
                    (text.clone(), m.find_skip)
                };
                match m.find(&typed, skip, now) {
                    Some(id) => {
                        m.last_find = typed;
                        let where_ = match m.session.position(id) {
                            Some(p) => format!("place {p}"),
                            None => m
                                .session
                                .entry(id)
                                .map(|e| e.status.word().to_string())
                                .unwrap_or_default(),
                        };
                        m.say(format!(
                            "{}: {where_} (/ and Enter: the next match)",
                            m.title_of(id)
                        ));
                    }
                    None if typed.trim().is_empty() => {}
                    None => m.fail(format!("\"{typed}\" is not on this list")),
                }
                return Effects::none();
            }
            InputFor::WithdrawNotice(id) => {
                let at = match super::form::parse_when(&text, &m.session, now) {
                    Ok(at) => at,
                    Err(e) => {
                        m.popup = Popup::Input {
                            purpose,
                            text,
                            error: Some(e),
                        };
                        return Effects::none();
                    }
                };
                m.popup = Popup::None;
                let label = format!("withdraw {}", m.title_of(id));
                return m.act(&label, now, |s| s.withdraw(id, at, now));
            }
            InputFor::SwapNotice(a, b) => {
                let at = match super::form::parse_when(&text, &m.session, now) {
                    Ok(at) => at,
                    Err(e) => {
                        m.popup = Popup::Input {
                            purpose,
                            text,
                            error: Some(e),
                        };
                        return Effects::none();
                    }
                };
                m.popup = Popup::None;
                let label = format!("swap {} and {}", m.title_of(a), m.title_of(b));
                m.swap_mark = None;
                return m.act(&label, now, |s| s.swap(a, b, at, now));
            }
            InputFor::Message => {
                match m.change("message to the speaker", now, |s| {
                    s.message_to_speaker(&text, now)
                }) {
                    Ok(e) => {
                        m.popup = Popup::None;
                        return e;
                    }
                    // Refused (nobody at the podium, too long): the text stays to correct.
                    Err(e) => error = Some(super::words::refusal(&e)),
                }
            }
            InputFor::Setting(i) => {
                let key = SETTING_KEYS[i.min(SETTING_KEYS.len() - 1)];
                let reading = m.session.reading(now);
                let result = setting_of(key, &text, &reading)
                    .map_err(|e| super::words::scrub(&e.to_string()))
                    .and_then(|setting| {
                        m.change(&format!("setting {key}"), now, |s| s.set(setting, now))
                            .map_err(|e| super::words::refusal(&e))
                    });
                match result {
                    Ok(e) => {
                        m.popup = Popup::Settings {
                            selected: i,
                            error: None,
                        };
                        return e;
                    }
                    Err(e) => error = Some(e),
                }
            }
            InputFor::MoveReason(id, to) => {
                let label = format!("move {} to place {to}", m.title_of(id));
                match m.change(&label, now, |s| s.move_to(id, to, &text, now)) {
                    Ok(e) => {
                        m.popup = Popup::None;
                        return e;
                    }
                    Err(e) => error = Some(e.to_string()),
                }
            }
            InputFor::SaveCopy => {
                let path = text.trim();
                if path.is_empty() {
                    error = Some("type the path of the copy".into());
                } else {
                    m.popup = Popup::None;
                    return Effects {
                        save_copy: Some(PathBuf::from(path)),
                        ..Effects::default()
                    };
                }
            }
        },
        _ => {}
    }
    m.popup = Popup::Input {
        purpose,
        text,
        error,
    };
    Effects::none()
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
