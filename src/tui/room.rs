//! The screen's conference (SPEC section 8): the list the officer opened and every other list
//! of its folder, each under its own lock, each with its own model (undo history, caches). One
//! is shown; the others keep their clocks running, and are checkpointed like the shown one.

use super::app::{ListSummary, Model};
use crate::app::Held;
use crate::clock::Clock;
use crate::conference;
use crate::domain::{Session, Time};
use std::path::Path;

/// A list held open: its lock and its model.
pub(crate) struct Open {
    pub held: Held,
    pub model: Model,
}

/// One list of the folder.
pub(crate) struct Place {
    name: String,
    /// `None` for the list shown (it is in `Room::shown`) and for a list that could not be
    /// opened (then `error` says why).
    open: Option<Open>,
    error: Option<String>,
}

pub(crate) struct Room {
    pub shown: Open,
    pub(crate) places: Vec<Place>,
    pub(crate) active: usize,
}

/// The model of the list the room's screens show (SPEC section 11, as `display --dir`): the one
/// with a speaker at the podium, else the one whose last speech ended last, else the list shown
/// at the desk (`shown`, at `active` among `places`). Apart from [`Room`], so that the loop can
/// ask while it holds the shown model.
pub(crate) fn on_the_floor<'a>(places: &'a [Place], active: usize, shown: &'a Model) -> &'a Model {
    let mut models = Vec::with_capacity(places.len().max(1));
    let mut desk = 0;
    for (i, p) in places.iter().enumerate() {
        if i == active {
            desk = models.len();
            models.push(shown);
        } else if let Some(o) = &p.open {
            models.push(&o.model);
        }
    }
    if models.is_empty() {
        return shown;
    }
    let sessions: Vec<&Session> = models.iter().map(|m| &m.session).collect();
    models
        .get(crate::web::pick(&sessions, desk))
        .copied()
        .unwrap_or(shown)
}

impl Room {
    /// The list opened, and every other list of its folder: each `*.json` whose format is
    /// `podium-session`, opened under its lock (a running speech recovered as on opening); one
    /// that cannot be read or is held by another podium is shown as such in `L`.
    pub fn gather(path: &Path, shown: Open, clock: &Clock, what: &str) -> Room {
        let own = conference::file_name(path);
        let folder = conference::folder_of(path);
        let mut places = vec![Place {
            name: own.clone(),
            open: None,
            error: None,
        }];
        for l in conference::scan_but(&folder, Some(&own)).unwrap_or_default() {
            let opened = match l.error {
                Some(e) => Err(e),
                None => open_other(&l.path, clock, what, shown.model.color),
            };
            // In a rehearsal every list records the simulated clock, as the shown one does, so
            // that what follows its file counts on the rehearsal's time (SPEC section 11).
            let opened = opened.map(|mut o| {
                let record = shown.model.rehearsal.map(|_| clock.record());
                if o.model.session.rehearsal_clock != record {
                    o.model.session.rehearsal_clock = record;
                    checkpoint(&mut o, clock.now());
                }
                o
            });
            match opened {
                Ok(open) => places.push(Place {
                    name: l.name,
                    open: Some(open),
                    error: None,
                }),
                Err(e) => places.push(Place {
                    name: l.name,
                    open: None,
                    error: Some(e),
                }),
            }
        }
        places.sort_by(|a, b| a.name.cmp(&b.name));
        let active = places.iter().position(|p| p.name == own).unwrap_or(0);
        let mut room = Room {
            shown,
            places,
            active,
        };
        room.plan_the_day(clock.now());
        room.sync();
        room
    }

    /// Tells the shown model about the other lists: the lists popup, and the refusal of a call
    /// while another list has a speaker at the podium.
    pub fn sync(&mut self) {
        let m = &mut self.shown.model;
        if self.places.len() < 2 {
            m.conference.clear();
            m.floor_elsewhere = None;
            return;
        }
        let own = (self.places[self.active].name.as_str(), &m.session);
        let others = self
            .places
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.active)
            .filter_map(|(_, p)| Some((p.name.as_str(), &p.open.as_ref()?.model.session)));
        m.floor_elsewhere = conference::second_speech(own, others);
        let mut summaries = Vec::with_capacity(self.places.len());
        for (i, p) in self.places.iter().enumerate() {
            let session = if i == self.active {
                Some(&m.session)
            } else {
                p.open.as_ref().map(|o| &o.model.session)
            };
            summaries.push(match session {
                Some(s) => summary(&p.name, s),
                None => ListSummary {
                    name: p.name.clone(),
                    error: p.error.clone(),
                    ..ListSummary::default()
                },
            });
        }
        m.conference = summaries;
        m.shown_list = self.active;
    }

    /// Shows the list of index `to`: the one shown goes back among the others, its clock
    /// running on and checkpointed at once.
    pub fn switch(&mut self, to: usize, now: Time) -> bool {
        if to == self.active {
            return false;
        }
        let Some(next) = self.places.get_mut(to).and_then(|p| p.open.take()) else {
            return false;
        };
        let mut left = std::mem::replace(&mut self.shown, next);
        checkpoint(&mut left, now);
        let title = left.model.session.title.clone();
        let running = left.model.timer_running();
        let (rehearsal, color) = (left.model.rehearsal, left.model.color);
        let screens = left.model.screens.clone();
        self.places[self.active].open = Some(left);
        self.active = to;
        let m = &mut self.shown.model;
        m.rehearsal = rehearsal;
        m.color = color;
        m.screens = screens;
        self.plan_the_day(now);
        let m = &mut self.shown.model;
        m.say(format!(
            "showing \"{}\" ({}){}",
            m.session.title,
            m.session.kind.label(),
            if running {
                format!("; the clock of \"{title}\" keeps running")
            } else {
                String::new()
            }
        ));
        self.sync();
        true
    }

    /// Gives the shown list the lists that speak before it that day (SPEC section 8), for its
    /// plan, and refreshes it.
    fn plan_the_day(&mut self, now: Time) {
        let kind = self.shown.model.session.kind;
        let mut earlier: Vec<(u8, &str, &Session)> = self
            .places
            .iter()
            .filter_map(|p| Some((p.name.as_str(), &p.open.as_ref()?.model.session)))
            .filter(|(_, s)| conference::speaks_before(s.kind, kind))
            .map(|(n, s)| (conference::day_rank(s.kind), n, s))
            .collect();
        earlier.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let earlier: Vec<Session> = earlier.into_iter().map(|(_, _, s)| s.clone()).collect();
        self.shown.model.earlier = earlier;
        self.shown.model.refresh(now);
    }

    /// Every list open, the shown one first.
    fn all_mut(&mut self) -> impl Iterator<Item = &mut Open> {
        std::iter::once(&mut self.shown)
            .chain(self.places.iter_mut().filter_map(|p| p.open.as_mut()))
    }

    /// A checkpoint of every running clock, saved (the loop's periodic checkpoint).
    pub fn checkpoint_running(&mut self, now: Time) {
        for o in self.all_mut() {
            if o.model.timer_running() {
                checkpoint(o, now);
            }
        }
    }

    /// On leaving: every list with a speech checkpointed and saved.
    pub fn checkpoint_all(&mut self, now: Time) {
        for o in self.all_mut() {
            if o.model.session.speech.is_some() {
                checkpoint(o, now);
            }
        }
    }

    /// The first error of a save that failed, on any list.
    pub fn not_saved(&self) -> Option<String> {
        std::iter::once(&self.shown)
            .chain(self.places.iter().filter_map(|p| p.open.as_ref()))
            .find_map(|o| o.model.not_saved.clone())
    }
}

fn checkpoint(o: &mut Open, now: Time) {
    if let Some(s) = o.model.session.speech.as_mut() {
        s.checkpoint(now);
    }
    save(&mut o.model, &o.held);
}

/// Saves; a failure shows the NOT SAVED banner until a save succeeds (the change stays in
/// memory and the next change tries again).
pub(crate) fn save(model: &mut Model, held: &Held) {
    match held.save(&mut model.session) {
        Ok(()) => model.not_saved = None,
        Err(e) => model.not_saved = Some(e.to_string()),
    }
}

fn summary(name: &str, s: &Session) -> ListSummary {
    ListSummary {
        name: name.to_string(),
        title: s.title.clone(),
        kind: Some(s.kind),
        waiting: s.count(crate::domain::Status::Waiting),
        heard: s.count(crate::domain::Status::Spoken),
        current: s.current().map(|e| {
            let state = match &s.speech {
                Some(sp) if sp.running => "clock running",
                _ => "clock stopped",
            };
            format!("#{} {} ({}), {state}", e.id, e.title(), e.speaker)
        }),
        error: None,
    }
}

/// Opens another list of the folder under its lock, as the shown one is opened.
fn open_other(path: &Path, clock: &Clock, what: &str, color: bool) -> Result<Open, String> {
    let opened = crate::app::hold(path, what, clock.now(), None).map_err(|e| match e {
        crate::app::AppError::Store(e) => conference::unreadable(&e),
        other => other.to_string(),
    })?;
    let mut model = Model::new(opened.session, &conference::file_name(path), clock.now());
    model.color = color;
    model.rehearsal = None;
    if let Some((text, _)) = opened.recovered {
        model.say(text);
    }
    Ok(Open {
        held: opened.held,
        model,
    })
}
