//! The model of the screen and `update`, its one way to change. No I/O here: `update` returns
//! the effects (save, bell, quit, a new clock speed, a copy to write) and the loop performs them,
//! so every change can be tested by sending messages.

use super::form::{AddForm, ReplaceForm};
use super::keymap::KeyMode;
use super::msg::Msg;
use crate::app::setting::setting_of;
pub use crate::app::setting::setting_value;
use crate::delegations;
use crate::domain::history::{History, Snapshot};
use crate::domain::plan::Plan;
use crate::domain::{
    Change, Done, RuleError, Session, SettingKey, Status, Time, Words, fmt_seconds,
};
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
    Message,
    Setting(usize),
    SaveCopy,
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
        self.plan = Plan::compute(&self.session, &q, now);
        self.sections = sections(&self.session, &q);
        self.queue = q.iter().map(|e| e.id).collect();
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
            && let Some(i) = self.queue.iter().position(|q| *q == id)
        {
            self.selected = i;
        }
        self.clamp();
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.queue.len().saturating_sub(1));
        self.why = self
            .selected_id()
            .map(|id| self.session.why(id))
            .unwrap_or_default();
    }

    pub fn selected_id(&self) -> Option<u64> {
        self.queue.get(self.selected).copied()
    }

    fn select_id(&mut self, id: u64) {
        if let Some(i) = self.queue.iter().position(|q| *q == id) {
            self.selected = i;
            self.clamp();
        }
    }

    /// Which keys apply now.
    pub fn key_mode(&self) -> KeyMode {
        match &self.popup {
            Popup::Help { .. } => KeyMode::Help,
            Popup::Add(_) | Popup::Replace(_) => KeyMode::Form,
            Popup::Input { .. } => KeyMode::Input,
            Popup::Settings { .. } => KeyMode::Settings,
            Popup::Confirm(_) => KeyMode::Confirm,
            Popup::Report { .. } => KeyMode::Report,
            Popup::None if self.presenter => KeyMode::Presenter,
            Popup::None if self.swap_mark.is_some() => KeyMode::Swap,
            Popup::None => KeyMode::Main,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: text.into(),
            error: false,
        };
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: text.into(),
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
        let mut text = done.message;
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
                self.fail(e.to_string());
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
        let n = self.queue.len();
        if n == 0 {
            return;
        }
        let i = self.selected as isize + delta;
        self.selected = i.clamp(0, n as isize - 1) as usize;
        self.clamp();
    }

    /// Find: the first queue entry whose delegation contains what was typed (accents and case
    /// ignored), from `start`, forwards or backwards.
    fn find(&mut self, typed: &str, start: usize, forward: bool) -> bool {
        let t = delegations::fold(typed);
        if t.is_empty() || self.queue.is_empty() {
            return false;
        }
        let n = self.queue.len();
        for k in 0..n {
            let i = if forward {
                (start + k) % n
            } else {
                (start + n - k % n) % n
            };
            let hit = self
                .session
                .entry(self.queue[i])
                .is_some_and(|e| delegations::fold(&e.delegation).contains(&t));
            if hit {
                self.selected = i;
                self.clamp();
                return true;
            }
        }
        false
    }
}

fn minute(t: Time) -> i64 {
    t.timestamp().div_euclid(60)
}

/// The headings of the queue: the ministerial tier set apart from the rest, and the observers
/// when they speak last.
fn sections(s: &Session, q: &[&crate::domain::Entry]) -> Vec<Section> {
    let mut out = Vec::new();
    let mut last: Option<(u8, u8)> = None;
    for (i, e) in q.iter().enumerate() {
        let key = (s.part(e), Session::tier(e));
        if last != Some(key) {
            let part = if key.0 == 1 { "observers: " } else { "" };
            let tier = if key.1 == 0 {
                "ministerial level and above"
            } else {
                "all other speakers"
            };
            out.push((i, format!("{part}{tier}")));
            last = Some(key);
        }
    }
    out
}

/// Resumes a running speech found in the file (SPEC section 5): as if it never stopped, or
/// paused with a warning when the wall clock went back or the gap is over 10 minutes. Returns
/// the notice and whether it is a warning; the change is logged.
pub fn recover(session: &mut Session, now: Time) -> Option<(String, bool)> {
    let speech = session.speech.as_mut()?;
    if !speech.running {
        return None;
    }
    let gap = now - speech.checkpoint_at;
    let id = speech.entry;
    let (text, warning) = if gap < chrono::Duration::zero() || gap > chrono::Duration::minutes(10) {
        // Checkpoint at the time spent before the gap: the gap is not counted.
        speech.running = false;
        speech.checkpoint_at = now;
        let spent = speech.spent_ms.div_euclid(1000);
        (
            format!(
                "recovered the speech of #{id} PAUSED at {}: the clock {}; check the time with the speaker and press Space to resume",
                fmt_seconds(spent),
                if gap < chrono::Duration::zero() {
                    "went backwards since the last checkpoint".to_string()
                } else {
                    format!(
                        "shows {} minutes since the last checkpoint",
                        gap.num_minutes()
                    )
                }
            ),
            true,
        )
    } else {
        (
            format!(
                "recovered: the speech of #{id} goes on at {} (the speaker kept talking)",
                fmt_seconds(speech.elapsed_seconds(now))
            ),
            false,
        )
    };
    session.log_change(now, Change::Recovered, text.clone());
    Some((text, warning))
}

/// The one way the model changes.
pub fn update(m: &mut Model, msg: Msg, now: Time) -> Effects {
    if msg == Msg::Tick {
        return tick(m, now);
    }
    // Ctrl-c and q from anywhere: quit, asking first while a timer runs.
    if msg == Msg::Quit {
        if matches!(m.popup, Popup::Confirm(Question::Quit)) || !m.timer_running() {
            return Effects {
                quit: true,
                ..Effects::default()
            };
        }
        m.popup = Popup::Confirm(Question::Quit);
        return Effects::none();
    }
    match m.popup.clone() {
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
            _ => Effects::none(),
        },
        Popup::Add(mut form) => {
            let effects = add_form(m, &mut form, msg, now);
            if matches!(m.popup, Popup::Add(_)) {
                m.popup = Popup::Add(form);
            }
            effects
        }
        Popup::Replace(mut form) => {
            let effects = replace_form(m, &mut form, msg, now);
            if matches!(m.popup, Popup::Replace(_)) {
                m.popup = Popup::Replace(form);
            }
            effects
        }
        Popup::Input {
            purpose,
            text,
            error,
        } => input(m, purpose, text, error, msg, now),
        Popup::Settings { selected, .. } => match msg {
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
            Msg::Submit => {
                let key = SETTING_KEYS[selected.min(SETTING_KEYS.len() - 1)];
                m.popup = Popup::Input {
                    purpose: InputFor::Setting(selected),
                    text: setting_value(&m.session, key),
                    error: None,
                };
                Effects::none()
            }
            _ => Effects::none(),
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
        Msg::Replace => match m.selected_id().and_then(|id| m.session.entry(id)) {
            Some(e) => m.popup = Popup::Replace(ReplaceForm::new(e.id, e.level)),
            None => m.fail("nobody is waiting: select a waiting entry to replace its speaker"),
        },
        Msg::Withdraw => match m.selected_id() {
            Some(id) => m.popup = Popup::Confirm(Question::Withdraw(id)),
            None => m.fail("nobody is waiting: select a waiting entry to withdraw"),
        },
        Msg::Swap => match (swapping, m.selected_id()) {
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
                let label = format!("swap {} and {}", m.title_of(a), m.title_of(b));
                match m.change(&label, now, |s| s.swap(a, b, None, now)) {
                    Ok(e) => {
                        m.swap_mark = None;
                        return e;
                    }
                    // Refused: the mark stays, so the officer can pick another entry or Esc.
                    Err(e) => m.fail(e.to_string()),
                }
            }
        },
        Msg::Next => return m.act("next speaker", now, |s| s.next(now)),
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
                Err(e) => m.fail(e.to_string()),
            }
        }
        Msg::Find => {
            m.popup = Popup::Input {
                purpose: InputFor::Find,
                text: String::new(),
                error: None,
            }
        }
        Msg::Message => {
            m.popup = Popup::Input {
                purpose: InputFor::Message,
                text: m.session.message.clone().unwrap_or_default(),
                error: None,
            }
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

fn add_form(m: &mut Model, form: &mut AddForm, msg: Msg, now: Time) -> Effects {
    match msg {
        Msg::Close => {
            m.popup = Popup::None;
            m.say("add cancelled: nothing changed");
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
            if let Some(ins) = form.inscription(&m.session, now) {
                let label = format!("add {}", ins.delegation);
                match m.change(&label, now, |s| s.add(ins, now)) {
                    Ok(e) => {
                        m.popup = Popup::None;
                        return e;
                    }
                    Err(e) => form.refused(&e),
                }
            }
        }
        _ => {}
    }
    Effects::none()
}

fn replace_form(m: &mut Model, form: &mut ReplaceForm, msg: Msg, now: Time) -> Effects {
    match msg {
        Msg::Close => {
            m.popup = Popup::None;
            m.say("replace cancelled: nothing changed");
        }
        Msg::FocusNext | Msg::Down => form.step_focus(true),
        Msg::FocusPrev | Msg::Up => form.step_focus(false),
        Msg::Left if form.focus == super::form::ReplaceField::Level => form.level.step(false),
        Msg::Right if form.focus == super::form::ReplaceField::Level => form.level.step(true),
        Msg::Char(c) => form.type_char(c),
        Msg::Backspace => form.backspace(),
        Msg::Submit => {
            if let Some((speaker, level, at)) = form.values(now) {
                let id = form.entry;
                let label = format!("replace the speaker of {}", m.title_of(id));
                match m.change(&label, now, |s| s.replace(id, &speaker, level, at, now)) {
                    Ok(e) => {
                        m.popup = Popup::None;
                        return e;
                    }
                    Err(e) => form.refused(&e),
                }
            }
        }
        _ => {}
    }
    Effects::none()
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
    match msg {
        Msg::Close => {
            back(m);
            return Effects::none();
        }
        Msg::Char(c) => {
            if text.chars().count() < 400 && !c.is_control() {
                text.push(c);
            }
            error = None;
            if purpose == InputFor::Find && !m.find(&text, m.selected, true) {
                error = Some(format!("no delegation in the queue matches \"{text}\""));
            }
        }
        Msg::Backspace => {
            text.pop();
            error = None;
            if purpose == InputFor::Find {
                m.find(&text, 0, true);
            }
        }
        Msg::Down | Msg::Up if purpose == InputFor::Find => {
            let n = m.queue.len().max(1);
            let (start, forward) = if msg == Msg::Down {
                ((m.selected + 1) % n, true)
            } else {
                ((m.selected + n - 1) % n, false)
            };
            m.find(&text, start, forward);
        }
        Msg::Submit => match purpose {
            InputFor::Find => {
                m.popup = Popup::None;
                match m.selected_id() {
                    Some(id) if !text.is_empty() => {
                        let place = m.selected + 1;
                        m.say(format!("{}: place {place}", m.title_of(id)));
                    }
                    _ => {}
                }
                if error.is_some() {
                    // Not in the queue: perhaps heard, current or withdrawn.
                    let t = delegations::fold(&text);
                    let elsewhere = m
                        .session
                        .entries
                        .iter()
                        .find(|e| delegations::fold(&e.delegation).contains(&t))
                        .map(|e| format!("#{} {} is {}", e.id, e.title(), e.status.word()));
                    match elsewhere {
                        Some(s) => m.say(s),
                        None => m.fail(format!("\"{text}\" is not on this list")),
                    }
                }
                return Effects::none();
            }
            InputFor::Message => {
                m.popup = Popup::None;
                let before = Snapshot::of(&m.session);
                let done = m.session.set_message(&text, now);
                m.history
                    .record(&before, &m.session, "message to the speaker");
                m.after(done, now);
                return Effects::save();
            }
            InputFor::Setting(i) => {
                let key = SETTING_KEYS[i.min(SETTING_KEYS.len() - 1)];
                let result =
                    setting_of(key, &text)
                        .map_err(|e| e.to_string())
                        .and_then(|setting| {
                            m.change(&format!("setting {key}"), now, |s| s.set(setting, now))
                                .map_err(|e| e.to_string())
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

/// HH:MM of a time, for the screen.
pub fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}
