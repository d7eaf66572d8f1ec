//! The conference (SPEC section 8): the lists of one meeting are the session files of one
//! folder. This module finds them, says which of them has the floor (the presenter display and
//! the room's web pages follow that one), keeps one speech at a time in the room, and gives the
//! meeting plan the lists that speak before a list on the same day.

use crate::domain::{ListKind, Session, Status, Time};
use crate::store::{self, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One list of a conference folder, as read from its file.
#[derive(Debug, Clone)]
pub struct ListFile {
    /// The file's name in the folder, e.g. `general.json`.
    pub name: String,
    pub path: PathBuf,
    /// The session, when the file could be read.
    pub session: Option<Session>,
    /// Why it could not, in plain words.
    pub error: Option<String>,
}

/// The folder a list's file lives in (the conference).
pub fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Every `*.json` file of `dir` whose format is `podium-session`, in file name order. A file
/// that does not parse, or of a version podium does not know, is listed with its error; a JSON
/// file of another format is left alone.
pub fn scan(dir: &Path) -> Result<Vec<ListFile>, String> {
    scan_but(dir, None)
}

/// [`scan`] without the file named `own` (not even read): the screen has its own list open
/// already when it looks for the others.
pub fn scan_but(dir: &Path, own: Option<&str>) -> Result<Vec<ListFile>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the folder {} ({e}): give the folder of the conference's lists",
            dir.display()
        )
    })?;
    let mut names: Vec<(String, PathBuf)> = read
        .filter_map(Result::ok)
        .filter_map(|d| {
            let name = d.file_name().to_string_lossy().to_string();
            let path = d.path();
            (name.ends_with(".json") && Some(name.as_str()) != own && path.is_file())
                .then_some((name, path))
        })
        .collect();
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for (name, path) in names {
        match store::load(&path) {
            Ok(s) => out.push(ListFile {
                name,
                path,
                session: Some(s),
                error: None,
            }),
            Err(StoreError::NotASession { .. }) => {}
            Err(e) => out.push(ListFile {
                name,
                path,
                session: None,
                error: Some(unreadable(&e)),
            }),
        }
    }
    Ok(out)
}

/// What a quick look at a session file tells without building the session: its kind, and
/// whether someone is at the podium. The other lists of a folder are looked at this way on every
/// `next` and `list`, so that a large list beside a small one costs the small one little.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glance {
    pub kind: ListKind,
    pub speech: bool,
}

/// A glance at `path`; `None` for a file that is not a podium session one can read.
pub fn glance(path: &Path) -> Option<Glance> {
    let bytes = std::fs::read(path).ok()?;
    glance_at(&bytes)
}

/// [`glance`] at bytes already read, so that a list worth reading whole is read once.
fn glance_at(bytes: &[u8]) -> Option<Glance> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
        #[serde(default)]
        kind: ListKind,
        #[serde(default)]
        speech: Option<serde::de::IgnoredAny>,
    }
    let head: Head = serde_json::from_slice(bytes).ok()?;
    (head.format == crate::domain::list::FORMAT).then_some(Glance {
        kind: head.kind,
        speech: head.speech.is_some(),
    })
}

/// The list in `path` when its glance passes `wanted`: the file read once, glanced at, then
/// parsed whole.
fn load_if(path: &Path, wanted: impl Fn(&Glance) -> bool) -> Option<(Glance, Session)> {
    let bytes = std::fs::read(path).ok()?;
    let g = glance_at(&bytes).filter(|g| wanted(g))?;
    Some((g, store::parse_bytes(path, bytes).ok()?))
}

/// The `*.json` files of `dir` other than `own`, in name order.
fn siblings(dir: &Path, own: &str) -> Vec<(String, PathBuf)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = read
        .filter_map(Result::ok)
        .map(|d| (d.file_name().to_string_lossy().to_string(), d.path()))
        .filter(|(name, path)| name.ends_with(".json") && name != own && path.is_file())
        .collect();
    out.sort();
    out
}

/// Why a list cannot be read, shorter than the command's own error.
pub fn unreadable(e: &StoreError) -> String {
    match e {
        StoreError::Broken {
            line,
            column,
            detail,
            ..
        } => format!("unreadable: broken at line {line}, column {column} ({detail})"),
        other => format!("unreadable: {other}"),
    }
}

/// A list's speaker at the podium, in words for a refusal: "#3 Ghana (Kwame Mensah) on the list
/// \"General discussion\" (general.json)".
fn at_the_podium(name: &str, s: &Session) -> Option<String> {
    let e = s.current()?;
    Some(format!(
        "#{} {} ({}) is at the podium on the list \"{}\" ({name})",
        e.id,
        e.title(),
        e.speaker,
        s.title
    ))
}

/// One speech at a time in the room (SPEC section 8): the refusal when another list of the
/// folder has a speaker at the podium, naming that list and that speaker. `others` are the
/// other lists of the folder (name, session): the screen gives them from memory, the command
/// line from their files.
pub fn second_speech<'a>(
    own: (&str, &Session),
    others: impl IntoIterator<Item = (&'a str, &'a Session)>,
) -> Option<String> {
    others.into_iter().find_map(|(name, s)| {
        at_the_podium(name, s).map(|who| {
            format!(
                "{who}: end that speech first, then call the speaker of the list \"{}\" ({}); one speech at a time in the room",
                own.1.title, own.0
            )
        })
    })
}

/// The name of a list's file in its folder ("plenary.json"), as the folder's lists are named.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// [`second_speech`] for the list in `file`, reading the other lists of its folder: what `next`
/// and `resume` (of a speaker called but not started) call before they give the floor.
pub fn refuse_second_speech(file: &Path, session: &Session) -> Result<(), String> {
    let own = file_name(file);
    let speaking: Vec<(String, Session)> = siblings(&folder_of(file), &own)
        .into_iter()
        .filter_map(|(name, path)| Some((name, load_if(&path, |g| g.speech)?.1)))
        .collect();
    let others = speaking.iter().map(|(n, s)| (n.as_str(), s));
    match second_speech((&own, session), others) {
        Some(refusal) => Err(refusal),
        None => Ok(()),
    }
}

/// Whether another list of the folder of `file` has a speaker at the podium (a glance at each).
pub fn someone_speaking_elsewhere(file: &Path) -> bool {
    let own = file_name(file);
    siblings(&folder_of(file), &own)
        .iter()
        .any(|(_, path)| glance(path).is_some_and(|g| g.speech))
}

/// The list that has the floor (SPEC section 8): the one with a speaker at the podium; when none
/// has, the one whose last speech ended last; `None` when no list has heard anyone yet.
pub fn floor_index<'a>(lists: impl IntoIterator<Item = &'a Session>) -> Option<usize> {
    let mut best: Option<(usize, Time)> = None;
    for (i, s) in lists.into_iter().enumerate() {
        if s.speech.is_some() {
            return Some(i);
        }
        let ended = s.entries.iter().filter_map(|e| e.ended_at).max();
        if let Some(t) = ended
            && best.is_none_or(|(_, b)| t > b)
        {
            best = Some((i, t));
        }
    }
    best.map(|(i, _)| i)
}

/// The file of the list of `dir` that has the floor (see [`floor_index`]); before anyone has
/// been heard, the list that opens the day (its kind's [`day_rank`], then its name). What
/// `display --dir` shows; the folder is read once.
pub fn floor_or_first(dir: &Path) -> Option<PathBuf> {
    let lists = scan(dir).ok()?;
    let readable: Vec<(&PathBuf, &Session)> = lists
        .iter()
        .filter_map(|l| Some((&l.path, l.session.as_ref()?)))
        .collect();
    let first = || {
        readable
            .iter()
            .enumerate()
            .min_by_key(|(_, (path, s))| (day_rank(s.kind), *path))
            .map(|(i, _)| i)
    };
    let i = floor_index(readable.iter().map(|(_, s)| *s)).or_else(first)?;
    readable.get(i).map(|(path, _)| (*path).clone())
}

/// The place of a kind in the day (SPEC section 8): the opening statements open the meeting,
/// the general discussion follows, rights of reply come at the end of the day.
pub fn day_rank(kind: ListKind) -> u8 {
    match kind {
        ListKind::Opening => 0,
        ListKind::General => 1,
        ListKind::Reply => 2,
    }
}

/// Whether a list of kind `a` speaks before one of kind `b` on a day they share: by the place
/// of their kinds in the day. Two lists of one kind do not wait for each other (the plan of each
/// is its own), since nothing says which of them the President takes first.
pub fn speaks_before(a: ListKind, b: ListKind) -> bool {
    day_rank(a) < day_rank(b)
}

/// The lists of the folder of `file` that speak before it (see [`speaks_before`]), in their
/// order: what the meeting plan of `file` counts first where they share a slot.
pub fn earlier_lists(file: &Path, kind: ListKind) -> Vec<Session> {
    let own = file_name(file);
    let mut before: Vec<(u8, String, Session)> = siblings(&folder_of(file), &own)
        .into_iter()
        .filter_map(|(name, path)| {
            let (g, s) = load_if(&path, |g| speaks_before(g.kind, kind))?;
            Some((day_rank(g.kind), name, s))
        })
        .collect();
    before.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    before.into_iter().map(|(_, _, s)| s).collect()
}

#[derive(Debug, Serialize)]
struct CurrentJson<'a> {
    id: u64,
    delegation: &'a str,
}

#[derive(Debug, Serialize)]
struct ListJson<'a> {
    file: &'a str,
    title: Option<&'a str>,
    kind: Option<&'static str>,
    window: Option<&'static str>,
    waiting: Option<usize>,
    spoken: Option<usize>,
    current: Option<CurrentJson<'a>>,
    error: Option<&'a str>,
}

/// `podium lists DIR --json` (SPEC section 8).
pub fn lists_json(lists: &[ListFile], now: Time) -> String {
    let items: Vec<ListJson> = lists
        .iter()
        .map(|l| match &l.session {
            Some(s) => ListJson {
                file: &l.name,
                title: Some(&s.title),
                kind: Some(s.kind.word()),
                window: Some(s.window_state(now).word()),
                waiting: Some(s.count(Status::Waiting)),
                spoken: Some(s.count(Status::Spoken)),
                current: s.current().map(|e| CurrentJson {
                    id: e.id,
                    delegation: &e.delegation,
                }),
                error: None,
            },
            None => ListJson {
                file: &l.name,
                title: None,
                kind: None,
                window: None,
                waiting: None,
                spoken: None,
                current: None,
                error: l.error.as_deref(),
            },
        })
        .collect();
    #[derive(Serialize)]
    struct Doc<'a> {
        lists: Vec<ListJson<'a>>,
    }
    serde_json::to_string(&Doc { lists: items })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `podium lists DIR` for a person.
pub fn lists_table(lists: &[ListFile], now: Time) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if lists.is_empty() {
        out.push_str("no lists of speakers in this folder\n");
    }
    for l in lists {
        match &l.session {
            Some(s) => {
                let who = s
                    .current()
                    .map(|e| format!("at the podium: #{} {} ({})", e.id, e.title(), e.speaker))
                    .unwrap_or_else(|| "nobody at the podium".into());
                let _ = writeln!(
                    out,
                    "{}: \"{}\" ({}), {} waiting, {} heard, window {}; {who}",
                    l.name,
                    crate::domain::text::clip(&s.title, 60),
                    s.kind.label(),
                    s.count(Status::Waiting),
                    s.count(Status::Spoken),
                    s.window_state(now)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}: {}",
                    l.name,
                    l.error.as_deref().unwrap_or("unreadable")
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Settings, parse_time};

    fn t(s: &str) -> Time {
        parse_time(s).expect("time")
    }

    fn list(kind: ListKind, delegation: &str) -> Session {
        let mut s = Session::new(
            delegation,
            Settings::for_kind(kind),
            t("2022-10-01T10:00:00+02:00"),
        );
        s.kind = kind;
        s.add(
            Inscription::new(delegation, "S", Level::Delegate),
            t("2022-10-17T09:00:00+02:00"),
        )
        .expect("added");
        s
    }

    #[test]
    fn the_floor_is_the_list_with_a_speaker_else_the_one_whose_last_speech_ended_last() {
        let mut a = list(ListKind::Opening, "Austria");
        let mut b = list(ListKind::General, "Peru");
        let c = list(ListKind::Reply, "Ghana");
        assert_eq!(floor_index([&a, &b, &c]), None, "nobody heard yet");
        a.next(t("2022-10-17T10:00:00+02:00")).expect("called");
        a.next(t("2022-10-17T10:05:00+02:00")).expect("ended");
        b.next(t("2022-10-17T10:06:00+02:00")).expect("called");
        assert_eq!(floor_index([&a, &b, &c]), Some(1), "Peru is at the podium");
        b.next(t("2022-10-17T10:09:00+02:00")).expect("ended");
        assert_eq!(floor_index([&a, &b, &c]), Some(1), "Peru spoke last");
        let refusal = second_speech(("c.json", &c), [("a.json", &a)]);
        assert_eq!(refusal, None, "nobody at the podium anywhere");
    }

    #[test]
    fn a_glance_reads_the_kind_and_the_speech_and_passes_over_other_json() {
        let dir = tempfile::tempdir().expect("dir");
        let mut s = list(ListKind::Opening, "Austria");
        s.next(t("2022-10-17T10:00:00+02:00")).expect("called");
        let path = dir.path().join("o.json");
        std::fs::write(&path, serde_json::to_vec(&s).expect("json")).expect("write");
        assert_eq!(
            glance(&path),
            Some(Glance {
                kind: ListKind::Opening,
                speech: true
            })
        );
        let other = dir.path().join("x.json");
        std::fs::write(&other, b"{\"format\": \"something\"}").expect("write");
        assert_eq!(glance(&other), None);
        assert!(someone_speaking_elsewhere(&dir.path().join("g.json")));
        assert!(
            !someone_speaking_elsewhere(&path),
            "its own speech does not count"
        );
        let refusal =
            refuse_second_speech(&dir.path().join("g.json"), &list(ListKind::General, "Peru"))
                .expect_err("refused");
        assert!(refusal.contains("Austria") && refusal.contains("end that speech first"));
    }
}
