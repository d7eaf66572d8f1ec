//! `podium display`: the read-only presenter view for a second terminal (the projector, the
//! President's screen). It follows the session file as the desk saves it, keeps its own
//! countdown ticking between saves from the file's checkpoint (so it agrees with the desk to the
//! second), survives the file being replaced, briefly missing or unreadable (the last good view
//! stays, with a small warning), never takes the lock and never writes.

use super::tty::restore;
use super::view::Presenter;
use crate::clock::Clock;
use crate::domain::{Session, Time};
use crate::follow::Follower;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use std::path::Path;
use std::time::Duration;

/// How often the file is looked at: a save shows within this (SPEC: half a second).
const LOOK: Duration = Duration::from_millis(100);

/// The display's screen: the presenter view of the last good session, and a warning line.
pub struct DisplayView<'a> {
    pub session: Option<&'a Session>,
    /// The next speakers, by id, in speaking order: read when the file changes, not per frame.
    pub next: &'a [u64],
    pub warning: Option<&'a str>,
    pub now: Time,
    pub color: bool,
}

impl Widget for &DisplayView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let warning_rows = u16::from(self.warning.is_some() && area.height > 1);
        let [main, foot] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(warning_rows)]).areas(area);
        match self.session {
            Some(s) => {
                let next = self.next.iter().filter_map(|id| s.entry(*id)).collect();
                let p = Presenter::new(s, self.now, s.message.as_deref())
                    .upcoming(next)
                    .color(self.color);
                (&p).render(main, buf);
            }
            None => Paragraph::new("No speaker").centered().render(main, buf),
        }
        if let Some(w) = self.warning {
            Paragraph::new(Line::styled(
                format!("⚠ {w}"),
                Style::new().add_modifier(Modifier::DIM),
            ))
            .render(foot, buf);
        }
    }
}

/// The next three speakers of a session, by id.
fn upcoming(session: Option<&Session>) -> Vec<u64> {
    session
        .map(|s| s.queue().iter().take(3).map(|e| e.id).collect())
        .unwrap_or_default()
}

/// What the display shows that changes with time alone: the countdown's second.
fn shown(session: Option<&Session>, now: Time) -> Option<i64> {
    session.and_then(|s| s.remaining(now))
}

/// The clock the display counts on: the rehearsal's simulated clock when the file records one
/// (SPEC section 11), else the real one.
fn clock_of(session: Option<&Session>) -> Clock {
    Clock::of_file(session.and_then(|s| s.rehearsal_clock.as_ref()))
}

/// Runs the display on `path` until `q`, `Esc`, Ctrl-c, SIGTERM or SIGHUP; with `serve`, the
/// room's screens in a browser show the same list.
pub fn run(path: &Path, serve: Option<&str>) -> i32 {
    run_on(path, None, serve)
}

/// `display --dir DIR`: follows the list of the conference that has the floor (SPEC section
/// 8): the one with a speaker at the podium, else the one whose last speech ended last, else
/// the first of the day (the opening statements before the general discussion).
pub fn run_dir(dir: &Path, serve: Option<&str>) -> i32 {
    match crate::conference::floor_or_first(dir) {
        Some(path) => run_on(&path, Some(dir), serve),
        None => {
            eprintln!(
                "error: {} holds no list of speakers one can read; give the folder of the conference (podium lists DIR shows what is there)",
                dir.display()
            );
            1
        }
    }
}

/// What the folder looks like: each `*.json` file's name, size and time of change. The folder is
/// read again only when this changes.
fn folder_stamp(dir: &Path) -> Vec<(String, u64, Option<std::time::SystemTime>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .filter(|d| d.file_name().to_string_lossy().ends_with(".json"))
                .filter_map(|d| {
                    let m = d.metadata().ok()?;
                    Some((
                        d.file_name().to_string_lossy().to_string(),
                        m.len(),
                        m.modified().ok(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn run_on(path: &Path, dir: Option<&Path>, serve: Option<&str>) -> i32 {
    let mut follower = Follower::new(path);
    follower.poll();
    let mut stamp = dir.map(folder_stamp);
    // A file that cannot be read at all when the display starts is a mistake to say at once,
    // before the alternate screen; later it is a moment to ride out.
    if follower.session.is_none() {
        let why = follower
            .warning
            .clone()
            .unwrap_or_else(|| format!("{} cannot be read", path.display()));
        eprintln!(
            "error: {}; give the session file the desk is using: podium display --file FILE",
            why.trim_end_matches("; showing the last good view")
        );
        return 1;
    }
    let mut clock = clock_of(follower.session.as_ref());
    let board = |f: &Follower, clock: Clock| {
        f.session
            .as_ref()
            .map(|s| crate::web::Board::of_file(s, clock))
    };
    let feed = match (serve, board(&follower, clock)) {
        (Some(addr), Some(b)) => match crate::web::start(addr, b) {
            Ok(feed) => Some(feed),
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        },
        _ => None,
    };
    let Some((signals, tty, mut terminal)) = super::enter() else {
        return 1;
    };
    let color = super::color_wanted();
    let outcome = (|| -> std::io::Result<i32> {
        let mut drawn = None;
        let mut dirty = true;
        let mut next = upcoming(follower.session.as_ref());
        let mut published = std::time::Instant::now();
        loop {
            if let Some(code) = signals.pending() {
                return Ok(code);
            }
            // Following a conference: another list may have taken the floor.
            if let Some(d) = dir {
                let now_stamp = folder_stamp(d);
                if stamp.as_ref() != Some(&now_stamp) {
                    stamp = Some(now_stamp);
                    if let Some(p) = crate::conference::floor_or_first(d)
                        && p != follower.path()
                    {
                        follower = Follower::new(&p);
                        dirty = true;
                    }
                }
            }
            let changed = follower.poll();
            if changed {
                next = upcoming(follower.session.as_ref());
                clock = clock_of(follower.session.as_ref());
                dirty = true;
            }
            // The pages hear of each save at once, and of the plan's end every minute.
            if let Some(feed) = &feed
                && (changed || published.elapsed() >= Duration::from_secs(60))
                && let Some(b) = board(&follower, clock)
            {
                feed.publish(b);
                published = std::time::Instant::now();
            }
            let now = match follower.session.as_ref() {
                Some(s) => s.in_zone(clock.now()),
                None => clock.now(),
            };
            let key = shown(follower.session.as_ref(), now);
            if dirty || drawn != Some(key) {
                terminal.draw(|f| {
                    let view = DisplayView {
                        session: follower.session.as_ref(),
                        next: &next,
                        warning: follower.warning.as_deref(),
                        now,
                        color,
                    };
                    f.render_widget(&view, f.area());
                })?;
                drawn = Some(key);
                dirty = false;
            }
            // Never crossterm's own wait: on a terminal that has gone it spins (see tty).
            if !tty.poll(LOOK)? {
                continue;
            }
            loop {
                match event::read()? {
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        let ctrl_c = k.code == KeyCode::Char('c')
                            && k.modifiers.contains(KeyModifiers::CONTROL);
                        if matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                            return Ok(0);
                        }
                    }
                    Event::Resize(_, _) => dirty = true,
                    _ => {}
                }
                if !tty.poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    })();
    drop(terminal);
    restore();
    match outcome {
        Ok(code) => code,
        // The terminal went away: nothing to save, end as a hang-up ends.
        Err(e) if super::tty::is_gone(&e) => 129,
        Err(e) => {
            eprintln!("error: the terminal failed ({e})");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Mode, Settings, parse_time};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn t(s: &str) -> Time {
        parse_time(s).expect("time")
    }

    fn screen(view: &DisplayView) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        term.draw(|f| f.render_widget(view, f.area()))
            .expect("draw");
        let buf = term.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn session() -> Session {
        let now = t("2022-10-17T10:00:00+02:00");
        let mut s = Session::new("display", Settings::default(), now);
        for (d, mode) in [
            ("Egypt", Mode::Floor),
            ("Fiji", Mode::Remote),
            ("Peru", Mode::Floor),
            ("Chile", Mode::Video),
            ("Kenya", Mode::Floor),
        ] {
            let ins = Inscription {
                mode,
                ..Inscription::new(d, &format!("Speaker of {d}"), Level::Minister)
            };
            s.add(ins, now).expect("add");
        }
        s
    }

    #[test]
    fn an_empty_floor_says_no_speaker_and_shows_the_next_three() {
        let s = session();
        let next = upcoming(Some(&s));
        let text = screen(&DisplayView {
            session: Some(&s),
            next: &next,
            warning: None,
            now: t("2022-10-17T10:00:00+02:00"),
            color: false,
        });
        assert!(text.contains("No speaker"), "{text}");
        assert!(text.contains("1. Egypt") && text.contains("2. Fiji") && text.contains("3. Peru"));
        assert!(!text.contains("Chile"), "three, not more");
        assert!(
            text.contains("REMOTE"),
            "the mode of the next speakers shows"
        );
    }

    #[test]
    fn the_countdown_ticks_from_the_file_checkpoint_between_saves_and_shows_the_message() {
        let mut s = session();
        let called = t("2022-10-17T10:00:00+02:00");
        s.next(called).expect("next");
        s.set_message("Please conclude", called).expect("message");
        let next = upcoming(Some(&s));
        let at = |secs| called + chrono::Duration::seconds(secs);
        let view = |now| DisplayView {
            session: Some(&s),
            next: &next,
            warning: Some("s.json is missing; showing the last good view"),
            now,
            color: false,
        };
        assert_ne!(
            screen(&view(at(10))),
            screen(&view(at(11))),
            "ticks each second"
        );
        let text = screen(&view(at(10)));
        assert!(
            text.contains("Egypt") && text.contains("Please conclude"),
            "{text}"
        );
        assert!(
            text.contains("1. Fiji"),
            "the next speakers under the clock"
        );
        assert!(
            text.contains("missing"),
            "the warning stays small but visible"
        );
        assert_eq!(shown(Some(&s), at(10)), Some(170));
        assert_eq!(shown(Some(&s), at(200)), Some(-20));
    }

    #[test]
    fn every_size_renders_without_a_panic() {
        let s = session();
        let next = upcoming(Some(&s));
        for w in [0u16, 1, 5, 20, 80, 200] {
            for h in [0u16, 1, 3, 10, 24, 60] {
                let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                term.draw(|f| {
                    let v = DisplayView {
                        session: Some(&s),
                        next: &next,
                        warning: Some("warning"),
                        now: t("2022-10-17T10:00:00+02:00"),
                        color: true,
                    };
                    f.render_widget(&v, f.area());
                })
                .expect("draw");
            }
        }
    }
}
