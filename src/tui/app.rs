//! `update`, the screen's one way to change: a key or a tick in, the model changed and the
//! effects out. No I/O here: `update` returns the effects (save, bell, quit, a new clock speed, a
//! copy to write) and the loop performs them, so every change can be tested by sending
//! messages. The model itself is `tui::model`.

use super::card::Card;
use super::form::{AddForm, ReplaceForm};
pub use super::model::*;
use super::msg::Msg;
use crate::app::setting::setting_of;
pub use crate::app::setting::setting_value;
use crate::delegations;
use crate::domain::{Done, Status, Time};
use std::path::PathBuf;

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
                    .map_err(|e| super::words::scrub(&e.to_string()))
                    .and_then(|setting| {
                        m.change(&format!("setting {key}"), now, |s| s.set(setting, now))
                            .map_err(|e| super::words::refusal(&e))
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
                m.fail(super::words::refusal(&e));
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
        Msg::Pause => {
            // Starting the clock of a speaker called but not started is a call (SPEC section 8),
            // refused as `podium resume` refuses it; pausing and resuming a speech are not.
            if m.session.speech.as_ref().is_some_and(|sp| sp.not_started())
                && let Some(refusal) = m.floor_elsewhere.clone()
            {
                m.fail(refusal);
                return Effects::none();
            }
            return m.act("pause / resume", now, |s| s.toggle_pause(now));
        }
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
                Err(e) => card.error = Some(super::words::refusal(&e)),
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
        if matches!(msg, Msg::Char(_) | Msg::Backspace) {
            text.clear();
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
            // A notice time that does not read stays in the box with the reason (below).
            InputFor::WithdrawNotice(id) => match super::form::parse_when(&text, &m.session, now) {
                Ok(at) => {
                    m.popup = Popup::None;
                    let label = format!("withdraw {}", m.title_of(id));
                    return m.act(&label, now, |s| s.withdraw(id, at, now));
                }
                Err(e) => error = Some(e),
            },
            InputFor::SwapNotice(a, b) => match super::form::parse_when(&text, &m.session, now) {
                Ok(at) => {
                    m.popup = Popup::None;
                    let label = format!("swap {} and {}", m.title_of(a), m.title_of(b));
                    m.swap_mark = None;
                    return m.act(&label, now, |s| s.swap(a, b, at, now));
                }
                Err(e) => error = Some(e),
            },
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
                    Err(e) => error = Some(super::words::refusal(&e)),
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
