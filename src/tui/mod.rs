//! The podium-desk screen (SPEC section 4): terminal in and out, and the event loop.
//!
//! The loop redraws on input and when the displayed second changes, never on a fast tick: it
//! waits in `tty::poll` (poll(2) on the terminal, never crossterm's own wait, which spins on a
//! hung-up terminal) until the next displayed second (at most 250 ms, to notice SIGTERM and
//! SIGHUP), drains every queued event, then draws once. The countdown is computed from the
//! monotonic clock at draw time. Every change is saved before the next key is read.

pub mod app;
pub mod card;
pub mod display;
pub mod form;
pub mod keymap;
pub mod model;
pub mod msg;
mod room;
mod tty;
pub mod view;
pub mod words;

#[cfg(test)]
mod conference_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod floor_tests;
#[cfg(test)]
mod tests;

use crate::app::Held;
use crate::clock::Clock;
use crate::domain::{Session, Settings, Time};
use app::{Effects, Model};
use msg::Msg;
use ratatui::crossterm::event::{self, Event};
use room::save;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tty::restore;

/// How podium opens the screen: the file, the clock, and whether it is a rehearsal.
pub struct RunOptions {
    pub path: PathBuf,
    pub clock: Clock,
    pub rehearsal: bool,
    /// `--serve ADDR`: the room's screens in a browser (SPEC section 11).
    pub serve: Option<String>,
}

/// The title of a session podium creates itself.
pub const NEW_TITLE: &str = "List of speakers";

/// While a timer runs, a checkpoint (no log record) is saved this often, so a crash loses little.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(60);
/// The longest wait in `poll`: how soon a SIGTERM or SIGHUP is noticed.
const WAKE: Duration = Duration::from_millis(250);

/// Opens the file (or creates it), resumes a running speech, runs the screen, and gives the
/// terminal back as it found it. Returns the exit status.
pub fn run(opts: RunOptions) -> i32 {
    let RunOptions {
        path,
        mut clock,
        rehearsal,
        serve,
    } = opts;
    // Everything that can fail on opening fails here, before the alternate screen.
    let (writer, mut model) = match open(&path, &clock, rehearsal) {
        Ok(x) => x,
        Err(e) => {
            eprintln!(
                "error: {}",
                crate::domain::text::clean_lines(&e.to_string())
            );
            return 1;
        }
    };
    // A rehearsal's file records its simulated clock, so that what follows the file (a
    // display, a page) counts down on the rehearsal's time.
    // A list that was a rehearsal's copy runs on the real clock from now on.
    if rehearsal {
        model.session.rehearsal_clock = Some(clock.record());
        save(&mut model, &writer);
    } else if model.session.rehearsal_clock.take().is_some() {
        save(&mut model, &writer);
    }
    // The server starts before the alternate screen, so that its addresses (and key) are
    // printed where the officer sees them, and a port in use is said plainly.
    let feed = match serve.as_deref() {
        Some(addr) => match crate::web::start(addr, desk_board(&model, &clock)) {
            Ok(feed) => {
                model.screens = crate::web::Screens {
                    connected: Some(0),
                    urls: feed.urls.clone(),
                };
                Some(feed)
            }
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        },
        None => None,
    };
    // Every list of the folder, each under its own lock (SPEC section 8).
    let what = holder(rehearsal);
    let mut room = room::Room::gather(
        &path,
        room::Open {
            held: writer,
            model,
        },
        &clock,
        what,
    );
    let Some((signals, tty, mut terminal)) = enter() else {
        return 1;
    };
    let panic_on = test_panic_key();
    let outcome = event_loop(
        &mut terminal,
        &mut room,
        &mut clock,
        (&signals, &tty),
        panic_on,
        feed.as_ref(),
    );
    // Leaving in any way leaves a running speech running in the file: save a checkpoint, on
    // every list of the conference.
    let now = clock.now();
    // Once each: a list with a speech is saved by its checkpoint, and a second save would leave
    // FILE.bak equal to FILE instead of the version before.
    room.checkpoint_all(now);
    if room.shown.model.session.speech.is_none() {
        let shown = &mut room.shown;
        save(&mut shown.model, &shown.held);
    }
    drop(terminal);
    restore();
    let not_saved = room.not_saved();
    match outcome {
        Ok(code) => {
            if let Some(e) = not_saved {
                eprintln!("error: {e}");
                return 1;
            }
            code
        }
        // The terminal went away (closed, hung up): the checkpoint above is saved; end as a
        // hang-up ends, whether or not a SIGHUP came.
        Err(e) if tty::is_gone(&e) => {
            eprintln!(
                "the terminal went away; the list was saved in {}",
                path.display()
            );
            if not_saved.is_some() { 1 } else { 129 }
        }
        Err(e) => {
            eprintln!(
                "error: the terminal failed ({e}); the list was saved in {}",
                path.display()
            );
            1
        }
    }
}

/// Watches SIGTERM and SIGHUP, then takes the terminal (raw mode, alternate screen); on a
/// failure says why on stderr and gives the terminal back. Shared by the desk and the display.
pub(crate) fn enter() -> Option<(Signals, tty::Tty, ratatui::DefaultTerminal)> {
    let signals = match Signals::register() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot watch for signals ({e})");
            return None;
        }
    };
    let tty = match tty::Tty::open() {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "error: cannot open the terminal ({e}); the commands still work (podium --help)"
            );
            return None;
        }
    };
    // ratatui's init installs a panic hook that restores the terminal first, then prints.
    match ratatui::try_init() {
        Ok(terminal) => Some((signals, tty, terminal)),
        Err(e) => {
            restore();
            eprintln!(
                "error: cannot open the terminal ({e}); the commands still work (podium --help)"
            );
            None
        }
    }
}

/// Colours unless `NO_COLOR` is set (to anything but nothing). Shared by the desk and the
/// display.
pub(crate) fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn open(
    path: &std::path::Path,
    clock: &Clock,
    rehearsal: bool,
) -> Result<(Held, Model), crate::app::AppError> {
    let what = holder(rehearsal);
    let now = clock.now();
    let fresh = || {
        let mut s = Session::new(NEW_TITLE, Settings::default(), now);
        s.time_zone = crate::clock::machine_zone();
        s
    };
    let opened = crate::app::hold(path, what, now, Some(&fresh))?;
    let name = crate::conference::file_name(path);
    let session = opened.session;
    let now = session.in_zone(now);
    let mut model = Model::new(session, &name, now);
    model.color = color_wanted();
    model.rehearsal = rehearsal.then(|| clock.speed());
    match opened.recovered {
        Some((text, true)) => model.fail(text),
        Some((text, false)) => model.say(text),
        None if opened.created => model.say(format!(
            "new list created in {}; a adds an inscription, ? shows every key",
            path.display()
        )),
        None => model.say(format!("{} opened; ? shows every key", path.display())),
    }
    Ok((opened.held, model))
}

/// Who holds the lock, as another podium names it when it is refused.
fn holder(rehearsal: bool) -> &'static str {
    if rehearsal {
        "podium rehearsal screen"
    } else {
        "podium screen"
    }
}

/// What the screen shows that changes with time alone: the countdown's second while a timer
/// runs, and the minute of the header's clock (and of the plan's projected times). The loop
/// redraws when it changes, never otherwise: with no timer running and no input, once a minute,
/// on the minute (SPEC section 6).
fn shown(model: &Model, now: Time) -> (Option<i64>, i64) {
    let countdown = model
        .session
        .speech
        .as_ref()
        .filter(|s| s.running)
        .and_then(|_| model.session.remaining(now));
    (countdown, now.timestamp().div_euclid(60))
}

/// How long until what is shown changes by itself, in real time (at most `WAKE`, to notice
/// SIGTERM and SIGHUP): the next second of a running countdown, or the next minute.
fn until_change(model: &Model, clock: &Clock, now: Time) -> Duration {
    let mut wait = WAKE;
    if let Some(s) = model.session.speech.as_ref().filter(|s| s.running) {
        let to_next = 1000 - s.elapsed_ms(now).rem_euclid(1000);
        wait = wait.min(clock.real_time_for(Duration::from_millis(to_next as u64)));
    }
    let to_minute = 60_000 - now.timestamp_millis().rem_euclid(60_000);
    wait = wait.min(clock.real_time_for(Duration::from_millis(to_minute as u64)));
    // A millisecond past the change, so that the second has really turned.
    wait + Duration::from_millis(1)
}

/// Measurement hook, read once at start-up: with `PODIUM_COUNT_DRAWS=PATH` set, the number of
/// frames drawn so far is written to PATH after each frame and when the screen ends
/// (scripts/idle-cpu.sh and tests/floor_pty.rs count the redraws at rest with it). Unset, as at
/// every desk, nothing is counted or written.
fn draw_count_path() -> Option<PathBuf> {
    std::env::var_os("PODIUM_COUNT_DRAWS").map(PathBuf::from)
}

/// Test hook, read once at start-up: with `PODIUM_TEST_PANIC_ON_KEY=<char>` set, pressing that
/// key panics inside the event loop, so that tests/terminal_stress.rs can prove the terminal is
/// given back and the panic message shown on a panic. Unset (always, at a desk), it does nothing.
fn test_panic_key() -> Option<char> {
    std::env::var("PODIUM_TEST_PANIC_ON_KEY")
        .ok()
        .and_then(|v| v.chars().next())
}

/// The desk's presenter state for the room's screens: the list shown, its next three, its end.
fn desk_board(model: &Model, clock: &Clock) -> crate::web::Board {
    let next: Vec<_> = model
        .queue
        .iter()
        .take(crate::web::state::NEXT)
        .filter_map(|id| model.session.entry(*id))
        .collect();
    crate::web::Board::new(&model.session, &next, model.plan.expected_end, *clock)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    room: &mut room::Room,
    clock: &mut Clock,
    (signals, tty): (&Signals, &tty::Tty),
    panic_on: Option<char>,
    feed: Option<&crate::web::Feed>,
) -> std::io::Result<i32> {
    let mut drawn: Option<(Option<i64>, i64)> = None;
    let mut dirty = true;
    let count_to = draw_count_path();
    let mut draws: u64 = 0;
    let counted = |draws: u64| {
        if let Some(path) = &count_to {
            let _ = std::fs::write(path, format!("{draws}\n"));
        }
    };
    let mut checkpointed = Instant::now();
    loop {
        if let Some(code) = signals.pending() {
            counted(draws);
            return Ok(code);
        }
        // A list switched to (L, Enter): shown from now on, the one left keeps its clock.
        if let Some(to) = room.shown.model.switch_to.take() {
            room.switch(to, clock.now());
            dirty = true;
        }
        room.sync();
        // Every running clock of the conference is checkpointed, shown or not.
        if checkpointed.elapsed() >= CHECKPOINT_EVERY {
            room.checkpoint_running(clock.now());
            checkpointed = Instant::now();
        }
        let room::Open {
            held: writer,
            model,
        } = &mut room.shown;
        let writer = &*writer;
        // The clock in the list's zone: every time shown is there (SPEC section 10).
        let now = model.session.in_zone(clock.now());
        let key = shown(model, now);
        // Before every frame the model hears the time: the plan follows the minute, the bell
        // rings at zero.
        if drawn != Some(key) || dirty {
            let effects = app::update(model, Msg::Tick, now);
            if perform(effects, model, writer, clock) {
                counted(draws);
                return Ok(0);
            }
            dirty = true;
        }
        if let Some(feed) = feed {
            let connected = Some(feed.pages());
            if model.screens.connected != connected {
                model.screens.connected = connected;
                dirty = true;
            }
        }
        if dirty {
            draws += 1;
            let now = model.session.in_zone(clock.now());
            let completed = terminal.draw(|f| {
                f.render_widget(&view::Screen::new(model, now), f.area());
            })?;
            model.page = view::queue_page(completed.area);
            let area = view::below_banners(model, completed.area);
            let max = match &model.popup {
                app::Popup::Report { report, scroll } => Some(
                    view::report::ReportView::new(report, *scroll, model.color).max_scroll(area),
                ),
                app::Popup::Help { .. } => Some(view::help::max_scroll(
                    model.rehearsal.is_some(),
                    &model.screens.urls,
                    view::help_area(area),
                )),
                _ => None,
            };
            if let Some(max) = max {
                model.clamp_scroll(max);
            }
            drawn = Some(shown(model, now));
            dirty = false;
            counted(draws);
        }
        let wait = until_change(model, clock, clock.now());
        // The pages hear of every change at once; an unchanged board is not sent again. They
        // show the list on the floor, which may be another than the desk's (SPEC section 11).
        if let Some(feed) = feed {
            let floor = room::on_the_floor(&room.places, room.active, model);
            feed.publish(desk_board(floor, clock));
        }
        // Never crossterm's own wait: on a terminal that has gone it spins (see tty).
        if !tty.poll(wait)? {
            continue;
        }
        // Drain every queued event, then draw once.
        loop {
            match event::read()? {
                Event::Key(key) => {
                    if let Some(c) = panic_on
                        && key.kind == event::KeyEventKind::Press
                        && key.code == event::KeyCode::Char(c)
                    {
                        panic!("PODIUM_TEST_PANIC_ON_KEY: the test hook's panic");
                    }
                    let rehearsing = model.rehearsal.is_some();
                    if let Some(msg) = keymap::lookup(model.key_mode(), &key, rehearsing) {
                        let effects = app::update(model, msg, model.session.in_zone(clock.now()));
                        if perform(effects, model, writer, clock) {
                            counted(draws);
                            return Ok(0);
                        }
                        dirty = true;
                        // A switch: back to the top of the loop before the next key, which is
                        // for the list switched to.
                        if model.switch_to.is_some() {
                            break;
                        }
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
}

/// Performs the effects of an update; true to quit.
fn perform(effects: Effects, model: &mut Model, writer: &Held, clock: &mut Clock) -> bool {
    if effects.save {
        save(model, writer);
    }
    if effects.bell {
        let mut out = std::io::stdout();
        let _ = out.write_all(b"\x07");
        let _ = out.flush();
    }
    if effects.switch.is_some() {
        model.switch_to = effects.switch;
    }
    if let Some(speed) = effects.speed {
        clock.set_speed(speed);
        model.rehearsal = Some(clock.speed());
        // The file records the new speed, for what follows it.
        model.session.rehearsal_clock = Some(clock.record());
        save(model, writer);
    }
    if let Some(path) = effects.save_copy {
        // The copy is a list to keep: it runs on the real clock, not the rehearsal's.
        let mut copy = model.session.clone();
        copy.rehearsal_clock = None;
        match crate::app::save_copy(&copy, &path) {
            Ok(()) => model.say(format!("a copy of the rehearsal is in {}", path.display())),
            Err(e) => model.fail(format!(
                "the copy was not written to {} ({e}); give another path (W)",
                path.display()
            )),
        }
    }
    effects.quit
}

/// SIGTERM and SIGHUP end the screen cleanly: the loop notices the flag within 250 ms, saves a
/// checkpoint and restores the terminal. A watcher thread makes sure of it: when the terminal
/// has hung up, crossterm's reader can spin on end-of-file inside `poll` and never come back to
/// the loop; if the loop has not finished within a grace period, the watcher gives the terminal
/// back and exits. Nothing is lost then: every change was saved before the next key, and a
/// running speech stays running in the file (its time counts from the last checkpoint).
#[cfg(unix)]
pub(crate) struct Signals {
    received: std::sync::Arc<std::sync::atomic::AtomicI32>,
}

#[cfg(unix)]
impl Signals {
    /// Short enough that even a stuck loop ends within the second the SPEC allows.
    const GRACE: Duration = Duration::from_millis(800);

    pub(crate) fn register() -> std::io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        use std::sync::atomic::Ordering;
        let received = std::sync::Arc::new(std::sync::atomic::AtomicI32::new(0));
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
        let flag = received.clone();
        std::thread::Builder::new()
            .name("podium-signals".into())
            .spawn(move || {
                if let Some(signal) = incoming.forever().next() {
                    flag.store(signal, Ordering::SeqCst);
                    std::thread::sleep(Self::GRACE);
                    // Still here: the loop is stuck on a terminal that is gone.
                    restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(Signals { received })
    }

    /// The exit status for a signal received: 128 + its number, as shells report it.
    pub(crate) fn pending(&self) -> Option<i32> {
        match self.received.load(std::sync::atomic::Ordering::SeqCst) {
            0 => None,
            signal => Some(128 + signal),
        }
    }
}

/// On Windows, closing the console ends the process and Ctrl-c arrives as a key in raw mode:
/// there are no signals to watch.
#[cfg(not(unix))]
pub(crate) struct Signals;

#[cfg(not(unix))]
impl Signals {
    pub(crate) fn register() -> std::io::Result<Signals> {
        Ok(Signals)
    }
    pub(crate) fn pending(&self) -> Option<i32> {
        None
    }
}

#[cfg(test)]
mod loop_tests {
    use super::*;
    use crate::tui::fixtures::{model, secs, t0, twelve};

    fn clock_at(start: Time, speed: f64) -> Clock {
        Clock::starting_at(start, speed)
    }

    #[test]
    fn with_no_timer_the_loop_redraws_once_a_minute_on_the_minute_never_more() {
        let m = model(twelve(), t0());
        let now = secs(t0(), 20);
        // Woken only to watch for signals, and at the minute.
        assert_eq!(
            until_change(&m, &clock_at(now, 1.0), now),
            WAKE + Duration::from_millis(1)
        );
        let near = secs(t0(), 59) + chrono::Duration::milliseconds(900);
        assert_eq!(
            until_change(&m, &clock_at(near, 1.0), near),
            Duration::from_millis(101)
        );
        // Within a minute nothing shown changes; across each minute it changes once: over three
        // minutes, three redraws.
        assert_eq!(shown(&m, now), shown(&m, secs(t0(), 59)));
        let changes = (0..180)
            .map(|s| shown(&m, secs(t0(), s)))
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[0] != w[1])
            .count();
        assert_eq!(changes, 2, "10:00 to 10:02:59 crosses two minutes");
        let changes = (0..=180)
            .map(|s| shown(&m, secs(t0(), s)))
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[0] != w[1])
            .count();
        assert_eq!(changes, 3);
    }

    #[test]
    fn a_paused_timer_redraws_only_with_the_minute() {
        let mut m = model(twelve(), t0());
        app::update(&mut m, Msg::Next, t0());
        app::update(&mut m, Msg::Pause, secs(t0(), 5));
        assert_eq!(shown(&m, secs(t0(), 6)), shown(&m, secs(t0(), 59)));
        assert_eq!(shown(&m, secs(t0(), 6)).0, shown(&m, secs(t0(), 600)).0);
    }

    #[test]
    fn a_running_timer_wakes_the_loop_when_the_displayed_second_turns() {
        let mut m = model(twelve(), t0());
        app::update(&mut m, Msg::Next, t0());
        let now = t0() + chrono::Duration::milliseconds(1_900);
        assert_eq!(
            until_change(&m, &clock_at(now, 1.0), now),
            Duration::from_millis(101)
        );
        // At 60 times real time the second turns 60 times sooner.
        let wait = until_change(&m, &clock_at(now, 60.0), now);
        assert!(wait <= Duration::from_millis(3), "{wait:?}");
        assert_ne!(
            shown(&m, now),
            shown(&m, now + chrono::Duration::milliseconds(100))
        );
        assert_eq!(
            shown(&m, now),
            shown(&m, now + chrono::Duration::milliseconds(99))
        );
    }
}
