//! Fixed sessions and times for the screen's tests: no wall clock, so snapshots are stable.

use super::app::Model;
use super::view::Screen;
use crate::domain::{
    Category, Group, Inscription, Level, Mode, Session, Setting, Settings, Time, parse_slot,
    parse_time,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn at(text: &str) -> Time {
    parse_time(text).expect("a fixed time of the tests")
}

/// Monday 17 October 2022, 10:00 in Vienna: the meeting starts.
pub fn t0() -> Time {
    at("2022-10-17T10:00:00+02:00")
}

pub fn secs(t: Time, s: i64) -> Time {
    t + chrono::Duration::seconds(s)
}

/// An empty list with the COP11 window and two meeting slots.
pub fn session() -> Session {
    let created = at("2022-09-05T09:00:00+02:00");
    let mut s = Session::new("COP11 general discussion", Settings::default(), created);
    // The meeting's zone: the times of the tests are Vienna's.
    s.time_zone = "Europe/Vienna".to_string();
    let set = |s: &mut Session, setting| {
        s.set(setting, created).expect("a valid setting");
    };
    set(
        &mut s,
        Setting::Opens(Some(at("2022-09-05T00:00:00+02:00"))),
    );
    set(
        &mut s,
        Setting::Closes(Some(at("2022-10-17T12:00:00+02:00"))),
    );
    let slots = [
        "2022-10-17T10:00:00+02:00/2022-10-17T10:30:00+02:00",
        "2022-10-17T15:00:00+02:00/2022-10-17T15:10:00+02:00",
    ]
    .iter()
    .map(|t| parse_slot(t).expect("a valid slot"))
    .collect();
    set(&mut s, Setting::Slots(slots));
    s
}

/// One inscription, requested on `day` of September/October 2022 at `time`.
pub fn add(s: &mut Session, delegation: &str, speaker: &str, level: Level, requested: &str) -> u64 {
    add_with(s, delegation, speaker, level, requested, |_| {})
}

pub fn add_with(
    s: &mut Session,
    delegation: &str,
    speaker: &str,
    level: Level,
    requested: &str,
    more: impl FnOnce(&mut Inscription),
) -> u64 {
    let mut ins = Inscription::new(delegation, speaker, level);
    ins.requested_at = Some(at(requested));
    more(&mut ins);
    let done = s
        .add(ins, at("2022-10-16T18:00:00+02:00"))
        .expect("a valid inscription");
    done.entry.expect("an entry id")
}

/// Twelve inscriptions: both tiers, a chair of a group, remote and video, an observer.
pub fn twelve() -> Session {
    let mut s = session();
    use Level::*;
    add(
        &mut s,
        "Egypt",
        "Mr. Ahmed Hassan",
        Delegate,
        "2022-09-06T10:15:00+02:00",
    );
    add(
        &mut s,
        "Italy",
        "H.E. Mr. Carlo Nordio",
        Minister,
        "2022-09-07T11:00:00+02:00",
    );
    add_with(
        &mut s,
        "Ghana",
        "H.E. Ms. Ama Mensah",
        HeadOfDelegation,
        "2022-09-08T09:30:00+02:00",
        |i| {
            i.chair_of = Some(Group::African);
        },
    );
    add_with(
        &mut s,
        "Brazil",
        "Ms. Ana Souza",
        HeadOfDelegation,
        "2022-09-09T14:00:00+02:00",
        |i| {
            i.mode = Mode::Remote;
        },
    );
    add(
        &mut s,
        "Japan",
        "H.E. Mr. Ken Saito",
        Minister,
        "2022-09-12T08:00:00+02:00",
    );
    add(
        &mut s,
        "Kenya",
        "Ms. Wanjiru Kamau",
        Delegate,
        "2022-09-13T16:45:00+02:00",
    );
    add_with(
        &mut s,
        "Philippines",
        "H.E. Mr. Jesus Remulla",
        HeadOfState,
        "2022-09-20T10:00:00+02:00",
        |i| {
            i.mode = Mode::Video;
        },
    );
    add(
        &mut s,
        "Mexico",
        "Mr. Juan Pérez",
        Delegate,
        "2022-09-21T12:00:00+02:00",
    );
    add_with(
        &mut s,
        "UNODC",
        "Ms. Ghada Waly",
        HeadOfDelegation,
        "2022-09-01T09:00:00+02:00",
        |i| {
            i.category = Category::UnEntity;
            i.late = Some("the President accepted it".into());
        },
    );
    add(
        &mut s,
        "Norway",
        "Ms. Ingrid Berg",
        HeadOfDelegation,
        "2022-10-03T09:00:00+02:00",
    );
    add(
        &mut s,
        "Türkiye",
        "H.E. Mr. Bekir Bozdağ",
        Minister,
        "2022-10-05T10:00:00+02:00",
    );
    add(
        &mut s,
        "Côte d'Ivoire",
        "Mr. Koffi Yao",
        Delegate,
        "2022-10-10T11:11:00+02:00",
    );
    s
}

pub fn model(s: Session, now: Time) -> Model {
    Model::new(s, "cop11.json", now)
}

/// The main screen drawn on a `w` x `h` buffer.
pub fn render(m: &Model, now: Time, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    (&Screen::new(m, now)).render(buf.area, &mut buf);
    buf
}

/// The rows of a buffer, each as wide as the buffer.
fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The buffer as text, one line per row, trailing spaces kept off.
pub fn text(buf: &Buffer) -> String {
    rows(buf)
        .iter()
        .map(|r| format!("{}\n", r.trim_end()))
        .collect()
}

/// The main screen drawn at 120x40, as text (rows joined by line breaks).
pub fn screen_text(m: &Model, now: Time) -> String {
    rows(&render(m, now, 120, 40)).join("\n")
}
