//! The state file (SPEC section 5): versioned pretty JSON, saved atomically (temporary file in
//! the same folder, fsync, rename, fsync of the folder), the previous version kept as FILE.bak,
//! one writer at a time through an OS lock on FILE.lock, and a broken file never overwritten.

use crate::domain::Session;
use crate::domain::list::{FORMAT, OLDEST_VERSION, VERSION};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path} does not exist: create it with `podium new {path}`")]
    Missing { path: String },
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error(
        "{path} is broken at line {line}, column {column} ({detail}); it was not changed. {}",
        fallback_advice(.path, *.backup_good)
    )]
    Broken {
        path: String,
        line: usize,
        column: usize,
        detail: String,
        /// FILE.bak exists and loads, so falling back to it is advice worth giving.
        backup_good: bool,
    },
    #[error(
        "{path} is not a podium session file ({why}); give the session's file, or create one with `podium new FILE`"
    )]
    NotASession { path: String, why: String },
    #[error(
        "{path} is a podium session of version {found}, which this podium (version {VERSION}) does not know; open it with the podium that wrote it. The file was not changed"
    )]
    UnknownVersion { path: String, found: String },
    #[error(
        "{path} is open for writing in another podium ({holder}); close it there first. Read-only commands (list, status, export, report, check, display) still work"
    )]
    Locked { path: String, holder: String },
    #[error(
        "{path} is a symbolic link or not a plain file of its own; podium never writes through one: remove it (rm {path}) and try again. Nothing was written"
    )]
    NotPlain { path: String },
    #[error(
        "{path} contradicts itself ({first}{more}); nothing was written. `podium check {path}` names every problem: correct the file by hand, or fall back to {path}.bak"
    )]
    Contradicts {
        path: String,
        first: String,
        more: String,
    },
    #[error("{path} already exists; podium new never overwrites a file: choose another name")]
    Exists { path: String },
    #[error("NOT SAVED: {}", save_advice(.path, .source))]
    Save { path: String, source: io::Error },
}

/// What to do with a broken file: fall back to FILE.bak only where there is a good one.
fn fallback_advice(path: &str, backup_good: bool) -> String {
    if backup_good {
        format!(
            "The previous version is {path}.bak: to fall back to it, copy it over the file (cp {path}.bak {path})"
        )
    } else {
        format!(
            "There is no good previous version ({path}.bak is missing or broken too): repair the file where it says, or start a new list with `podium new`"
        )
    }
}

/// Why a write failed, in the officer's words, and what to do: a missing folder is named as
/// missing, a full disk as full, a refusal as permissions.
fn save_advice(path: &str, source: &io::Error) -> String {
    let p = Path::new(path);
    let folder = match p.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.display().to_string(),
        _ => ".".to_string(),
    };
    let unchanged = "the file is as it was before this change";
    match source.kind() {
        io::ErrorKind::NotFound if !Path::new(&folder).is_dir() => format!(
            "cannot write {path}: the folder {folder} does not exist. Create it, or give a file in a folder that does"
        ),
        io::ErrorKind::StorageFull => format!(
            "cannot write {path}: the disk is full ({source}); {unchanged}. Free some space"
        ),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            format!("cannot write {path} ({source}); {unchanged}. Check the folder's permissions")
        }
        _ => format!(
            "cannot write {path} ({source}); {unchanged}. Check the disk, free some space or check the folder's permissions"
        ),
    }
}

/// Whether FILE.bak is there and loads as a session of this version (not read further).
pub fn backup_is_good(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(backup_path(path)) else {
        return false;
    };
    serde_json::from_str::<Session>(&text)
        .map(|s| s.format == FORMAT && (OLDEST_VERSION..=VERSION).contains(&s.version))
        .unwrap_or(false)
}

fn show(p: &Path) -> String {
    p.display().to_string()
}

/// Reads a session without taking the lock (read-only commands, the presenter display). A text
/// the file should not hold (a control character, a bidirectional override: a file edited by
/// hand) comes back with U+FFFD in its place, and a text of absurd length comes back clipped, so
/// that nothing podium shows or writes carries it on (SPEC section 5, "Texts").
pub fn load(path: &Path) -> Result<Session, StoreError> {
    parse_bytes(path, read_bytes(path)?)
}

/// Reads a session exactly as the file holds it, texts included: what `podium check` examines.
pub fn load_as_written(path: &Path) -> Result<Session, StoreError> {
    let bytes = read_bytes(path)?;
    let text = utf8(path, bytes)?;
    parse_with(path, &text, false)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(mut f) => f
            .read_to_end(&mut bytes)
            .map_err(|source| StoreError::Read {
                path: show(path),
                source,
            })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StoreError::Missing { path: show(path) });
        }
        Err(source) => {
            return Err(StoreError::Read {
                path: show(path),
                source,
            });
        }
    };
    Ok(bytes)
}

/// Parses the bytes of a session file (as `load` read them): UTF-8 first, then as `parse`.
/// `path` only names the file in messages.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Session, StoreError> {
    let text = utf8(path, bytes)?;
    parse(path, &text)
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, StoreError> {
    match String::from_utf8(bytes) {
        Err(e) => {
            // Not UTF-8, so not JSON: say where, as for any other break.
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(StoreError::Broken {
                path: show(path),
                line,
                column,
                detail: "bytes that are not UTF-8".to_string(),
                backup_good: backup_is_good(path),
            })
        }
        Ok(text) => Ok(text),
    }
}

/// The longest text a file's session keeps when it is read: past it a text is clipped (a 10 MB
/// name would otherwise cost the screen seconds a key). Well above the 200 characters of a
/// name, so that log lines naming two long names stay whole.
pub const READ_CLIP: usize = 1_000;

/// A version 1 file is a general list in the machine's time zone (SPEC section 5); it is read
/// as version 2 and written back as version 2 at its next save.
fn upgrade(mut s: Session) -> Session {
    if s.time_zone.trim().is_empty() {
        s.time_zone = crate::clock::machine_zone();
    }
    s.version = VERSION;
    // Every time shown is in the list's zone (SPEC section 10): a file written by hand or by an
    // older podium may carry other offsets; the instants stay, the offsets become the zone's.
    s.normalise_times();
    s
}

/// Parses the text of a session file, checking its format and version, with every text cleaned
/// as `load` says.
pub fn parse(path: &Path, text: &str) -> Result<Session, StoreError> {
    parse_with(path, text, true)
}

/// True when a file's JSON may hold a text to clean: an escape other than `\"`, `\\` and `\/`
/// (podium writes `\u` only for control characters), DEL, a C1 character, a bidirectional
/// override, or a string past [`READ_CLIP`]. One pass over the bytes, so that the usual file is
/// read as fast as before and only a suspect one goes through `serde_json::Value`.
fn suspect(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut in_string, mut escaped, mut chars) = (false, false, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_string {
            if escaped {
                escaped = false;
                if !matches!(c, b'"' | b'\\' | b'/') {
                    return true;
                }
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            } else if c == 0x7f
                || (c == 0xc2 && matches!(b.get(i + 1), Some(0x80..=0x9f)))
                || (c == 0xe2
                    && matches!(
                        (b.get(i + 1), b.get(i + 2)),
                        (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                    ))
            {
                return true;
            }
            if c & 0xc0 != 0x80 {
                chars += 1;
                if chars > READ_CLIP {
                    return true;
                }
            }
        } else if c == b'"' {
            in_string = true;
            chars = 0;
        }
        i += 1;
    }
    false
}

/// Cleans every string of a parsed file: forbidden characters become U+FFFD, overlong ones are
/// clipped. Every string, not a list of fields, so that no field added later can slip through.
fn clean_value(v: &mut serde_json::Value) {
    use crate::domain::text;
    match v {
        serde_json::Value::String(s) => {
            // Clipped first: a 10 MB name is cut before it is looked at character by character.
            let cleaned = text::clean(&text::clip(s, READ_CLIP)).into_owned();
            *s = cleaned;
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_value),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean_value),
        _ => {}
    }
}

fn parse_with(path: &Path, text: &str, clean: bool) -> Result<Session, StoreError> {
    if clean && suspect(text) {
        // A broken file falls through to the plain reading, which says where it breaks.
        if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(text) {
            clean_value(&mut v);
            // Another format or version falls through too, to be named as the plain reading
            // names it.
            if let Ok(mut s) = serde_json::from_value::<Session>(v)
                && s.format == FORMAT
                && (OLDEST_VERSION..=VERSION).contains(&s.version)
            {
                clip_names(&mut s);
                return Ok(upgrade(s));
            }
        }
    }
    parse_plain(path, text)
}

/// The texts the officer types, clipped to the limit they are typed within (a hand-edited name
/// of 10 MB is shown as its first 200 characters; `check` names its real length).
fn clip_names(s: &mut Session) {
    use crate::domain::text::{LIMIT, clip};
    let cut = |t: &mut String| {
        if let std::borrow::Cow::Owned(c) = clip(t, LIMIT) {
            *t = c;
        }
    };
    cut(&mut s.title);
    s.message.as_mut().map(cut);
    s.settings.messages.iter_mut().for_each(cut);
    for e in &mut s.entries {
        cut(&mut e.delegation);
        cut(&mut e.speaker);
        e.introducer.as_mut().map(cut);
        e.late_reason.as_mut().map(cut);
    }
}

fn parse_plain(path: &Path, text: &str) -> Result<Session, StoreError> {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header_problem = |h: &Header| -> Option<StoreError> {
        let format = h.format.as_ref().and_then(|v| v.as_str());
        if format != Some(FORMAT) {
            return Some(StoreError::NotASession {
                path: show(path),
                why: match &h.format {
                    Some(f) => format!("its \"format\" is {f}, not \"{FORMAT}\""),
                    None => {
                        format!("it has no \"format\"; a session file has \"format\": \"{FORMAT}\"")
                    }
                },
            });
        }
        match h.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&v) => None,
            Some(v) => Some(StoreError::UnknownVersion {
                path: show(path),
                found: v.to_string(),
            }),
            // A version that is not a whole number, or none: no podium wrote that.
            None => Some(StoreError::UnknownVersion {
                path: show(path),
                found: h
                    .version
                    .as_ref()
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "(none given)".into()),
            }),
        }
    };
    match serde_json::from_str::<Session>(text) {
        Ok(s) => {
            let h = Header {
                format: Some(serde_json::Value::String(s.format.clone())),
                version: Some(serde_json::Value::from(s.version)),
            };
            match header_problem(&h) {
                Some(e) => Err(e),
                None => Ok(upgrade(s)),
            }
        }
        Err(e) => {
            // A file from another version may not have our shape: say so rather than where
            // our shape breaks.
            if let Ok(h) = serde_json::from_str::<Header>(text)
                && let Some(problem) = header_problem(&h)
            {
                return Err(problem);
            }
            // A text that is not JSON and does not begin as a session does ("{"): another kind
            // of file (TOML, CSV, a JSON array...) given by mistake, not a session broken at
            // some place.
            let first = text.trim_start().chars().next();
            if first.is_some_and(|c| c != '{') {
                return Err(StoreError::NotASession {
                    path: show(path),
                    why: "it is not a JSON object; a session file begins with {\"format\": \"podium-session\"".to_string(),
                });
            }
            Err(StoreError::Broken {
                path: show(path),
                line: e.line(),
                // serde_json says column 0 for an end of file at the start of a line: the
                // officer's editor calls that column 1.
                column: e.column().max(1),
                detail: json_detail(&e),
                backup_good: backup_is_good(path),
            })
        }
    }
}

/// serde_json's message without its own " at line L column C" (the message says where).
fn json_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, ".tmp")
}

/// The file a session path names: the path itself, or, where it is a symbolic link, the file
/// the link points to. podium saves that file beside itself, so the link stays a link, and both
/// names take the one lock (SPEC section 5, hostile folders).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("it is a symbolic link to a file that cannot be reached ({e})"),
            )
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The folder of a file, `.` for a bare name.
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// How every temporary name of a session begins: `FILE.tmp.` and random letters. Only writers
/// make them, under the lock, and the next writer removes those a crash left.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{name}.tmp.")
}

/// The temporary files beside a session file: a crash's leftovers, and a `FILE.tmp` (the name
/// older podiums used, or a link someone planted there).
pub fn temp_files(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let exact = prefix.trim_end_matches('.').to_string();
    let Ok(dir) = fs::read_dir(folder(path)) else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n == exact || n.starts_with(&prefix)
        })
        .map(|e| e.path())
        .collect()
}

/// Creates a new temporary name beside `path`, exclusively (never an existing file or link)
/// under a name no one can guess, through `make`; removed again when dropped unless kept.
fn new_temp<R>(
    path: &Path,
    mut make: impl FnMut(&Path) -> io::Result<R>,
) -> io::Result<tempfile::NamedTempFile<R>> {
    let prefix = temp_prefix(path);
    tempfile::Builder::new()
        .prefix(&prefix)
        .rand_bytes(10)
        .make_in(folder(path), |p| match make(p) {
            // Someone else's name: try another (tempfile does), and never remove it.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            Err(e) => {
                let _ = fs::remove_file(p);
                Err(e)
            }
            ok => ok,
        })
}

/// The size of the holder's record in FILE.lock: always written whole, at the start, in one
/// write, never truncated first, so that the file is never seen empty or half written.
const RECORD: usize = 512;

/// A 64-bit FNV-1a hash: the record's check that it was read whole.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The record naming `holder`: its line, the line's check, spaces to [`RECORD`] bytes.
fn holder_record(holder: &str) -> Vec<u8> {
    use crate::domain::text;
    let line = text::clip(&text::clean(holder), 300).into_owned();
    let mut rec = format!("{line}\n{:016x}\n", fnv(&line)).into_bytes();
    rec.truncate(RECORD - 1);
    rec.resize(RECORD - 1, b' ');
    rec.push(b'\n');
    rec
}

/// The holder a record names, if it was read whole and its process is still there.
fn read_holder(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut lines = text.lines();
    let line = lines.next()?.trim();
    let check = lines.next()?.trim();
    if line.is_empty() || check != format!("{:016x}", fnv(line)) {
        return None;
    }
    let pid: i32 = line
        .strip_prefix("pid ")?
        .split(',')
        .next()?
        .trim()
        .parse()
        .ok()?;
    alive(pid).then(|| line.to_string())
}

/// Whether a process is still there (a record left by a `kill -9` names a dead one).
#[cfg(unix)]
fn alive(pid: i32) -> bool {
    match rustix::process::Pid::from_raw(pid) {
        Some(p) => match rustix::process::test_kill_process(p) {
            Ok(()) => true,
            Err(e) => e == rustix::io::Errno::PERM,
        },
        None => false,
    }
}

#[cfg(not(unix))]
fn alive(_pid: i32) -> bool {
    true
}

#[cfg(unix)]
fn write_record(lock: &File, rec: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    lock.write_all_at(rec, 0)
}

#[cfg(windows)]
fn write_record(lock: &File, rec: &[u8]) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    let written = lock.seek_write(rec, 0)?;
    if written == rec.len() {
        Ok(())
    } else {
        Err(io::Error::other("the holder was written in part"))
    }
}

#[cfg(unix)]
fn read_record(lock: &File) -> Vec<u8> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; RECORD];
    let n = lock.read_at(&mut buf, 0).unwrap_or(0);
    buf.truncate(n);
    buf
}

#[cfg(windows)]
fn read_record(lock: &File) -> Vec<u8> {
    use std::os::windows::fs::FileExt;
    let mut buf = vec![0; RECORD];
    let n = lock.seek_read(&mut buf, 0).unwrap_or(0);
    buf.truncate(n);
    buf
}

/// Opens FILE.lock without ever following a link there (O_NOFOLLOW; on Windows the reparse
/// point itself is opened and then refused), and refuses a lock that is not a plain file of its
/// own (a hard link to someone's file would have the holder written into it).
fn open_lock(lock_file: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .mode(0o666);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_OPEN_REPARSE_POINT: open a link itself, never what it points to.
        options.custom_flags(0x0020_0000);
    }
    let hostile = || StoreError::NotPlain {
        path: show(lock_file),
    };
    let lock = match options.open(lock_file) {
        Ok(f) => f,
        Err(_) if fs::symlink_metadata(lock_file).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Err(hostile());
        }
        Err(source) => {
            return Err(StoreError::Save {
                path: show(lock_file),
                source,
            });
        }
    };
    let meta = lock.metadata().map_err(|source| StoreError::Save {
        path: show(lock_file),
        source,
    })?;
    #[cfg(unix)]
    let own = {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() == 1
    };
    #[cfg(not(unix))]
    let own = !meta.file_type().is_symlink();
    if !meta.is_file() || !own {
        return Err(hostile());
    }
    Ok(lock)
}

/// How long a refused writer waits for the holder's record to appear whole (it is written
/// microseconds after the lock is taken) before it says what it can.
const HOLDER_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// The one writer of a session file: holds the OS lock on FILE.lock for as long as it lives.
#[derive(Debug)]
pub struct Writer {
    /// The path as the officer gave it, for messages.
    path: PathBuf,
    /// The file itself (where a link points), which is loaded and saved.
    real: PathBuf,
    // Held for the lock; closing it releases the lock, and so does the death of the process.
    lock: File,
}

impl Writer {
    /// Takes the lock (or says who holds it) and removes the temporary files left by a crash.
    /// `holder` says who we are, for the message another podium will show.
    pub fn acquire(path: &Path, holder: &str) -> Result<Writer, StoreError> {
        let real = resolve(path).map_err(|source| StoreError::Save {
            path: show(path),
            source,
        })?;
        let lock_file = lock_path(&real);
        let lock = open_lock(&lock_file)?;
        let started = std::time::Instant::now();
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if let Some(who) = read_holder(&read_record(&lock)) {
                        return Err(StoreError::Locked {
                            path: show(path),
                            holder: who,
                        });
                    }
                    // The holder has the lock but has not written its record yet, or has just
                    // cleared it on its way out: look again in a moment.
                    if started.elapsed() > HOLDER_WAIT {
                        return Err(StoreError::Locked {
                            path: show(path),
                            holder: "a process that has not named itself".into(),
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(3));
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(StoreError::Save {
                        path: show(&lock_file),
                        source,
                    });
                }
            }
        }
        // Who holds it, for the message another podium shows. A failure here loses nothing.
        let _ = write_record(&lock, &holder_record(holder));
        for stray in temp_files(&real) {
            // remove_file removes a link itself, never what it points to.
            let _ = fs::remove_file(stray);
        }
        Ok(Writer {
            path: path.to_path_buf(),
            real,
            lock,
        })
    }

    /// Loads the session under the lock, for a change: a file that contradicts itself is
    /// refused here, before anything can be written (SPEC section 5).
    pub fn load(&self) -> Result<Session, StoreError> {
        let s = load(&self.real).map_err(|e| self.named(e))?;
        let problems = s.problems();
        if let Some(first) = problems.first() {
            return Err(StoreError::Contradicts {
                path: show(&self.path),
                first: crate::domain::text::clean(first).into_owned(),
                more: match problems.len() {
                    1 => String::new(),
                    n => format!(", and {} more", n - 1),
                },
            });
        }
        Ok(s)
    }

    /// An error about the real file, named by the path the officer gave.
    fn named(&self, e: StoreError) -> StoreError {
        if self.real == self.path {
            return e;
        }
        match e {
            StoreError::Missing { .. } => StoreError::Missing {
                path: show(&self.path),
            },
            other => other,
        }
    }

    /// Creates a new session file; refuses to overwrite one.
    pub fn create(&self, session: &Session) -> Result<(), StoreError> {
        if self.real.exists() {
            return Err(StoreError::Exists {
                path: show(&self.path),
            });
        }
        self.save(session)
    }

    /// Saves atomically: FILE exists at every instant, holding the old or the new state.
    pub fn save(&self, session: &Session) -> Result<(), StoreError> {
        self.save_with(&mut RealStorage, session)
    }

    /// `save` through a given storage (tests make its steps fail).
    pub fn save_with(
        &self,
        storage: &mut dyn Storage,
        session: &Session,
    ) -> Result<(), StoreError> {
        let text = encode(session).map_err(|source| StoreError::Save {
            path: show(&self.path),
            source,
        })?;
        save_bytes_with(storage, &self.real, &text).map_err(|source| StoreError::Save {
            path: show(&self.path),
            source,
        })
    }
}

impl Drop for Writer {
    /// Clears the holder's record before the lock goes, so that the next refused writer never
    /// names a process that has left (a `kill -9` leaves the record, which names a dead pid,
    /// and readers pass over it).
    fn drop(&mut self) {
        let _ = write_record(&self.lock, &[b' '; RECORD]);
    }
}

/// The bytes of a state file: the session as pretty JSON and a final newline. Every file podium
/// writes of a session (a save, a rehearsal's copy) is written from here.
pub fn encode(session: &Session) -> io::Result<Vec<u8>> {
    let mut text = serde_json::to_vec_pretty(session).map_err(io::Error::other)?;
    text.push(b'\n');
    Ok(text)
}

/// The five steps of a save, behind a seam so that tests can make each one fail in turn (disk
/// full, an I/O error, a read-only folder) and check that the old or the new state survives.
/// `RealStorage` is the file system; `save_bytes` uses it.
pub trait Storage {
    /// Creates `tmp`, which must not exist (never through a link), and writes `bytes` into it,
    /// returning the open file.
    fn write(&mut self, tmp: &Path, bytes: &[u8]) -> io::Result<File>;
    /// Makes the written file durable.
    fn sync(&mut self, file: &File) -> io::Result<()>;
    /// Makes `bak`, which must not exist, a second name of `path` (a hard link, or a copy
    /// where there are none).
    fn link(&mut self, path: &Path, bak: &Path) -> io::Result<()>;
    /// Puts `from` in the place of `to`, atomically.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the folder's entries (the rename) durable.
    fn sync_folder(&mut self, path: &Path) -> io::Result<()>;
}

/// The file system itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealStorage;

/// A new file, exclusively: `create_new` fails on anything at the name, a dangling link too.
fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // The umask decides, as for any file the officer makes; a replaced file's own bits are
        // put back before the rename.
        options.mode(0o666);
    }
    options.open(path)
}

impl Storage for RealStorage {
    fn write(&mut self, tmp: &Path, bytes: &[u8]) -> io::Result<File> {
        let mut f = create_new(tmp)?;
        f.write_all(bytes)?;
        Ok(f)
    }

    fn sync(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn link(&mut self, path: &Path, bak: &Path) -> io::Result<()> {
        // A hard link costs nothing; where the file system has none, a copy, into a new file.
        match fs::hard_link(path, bak) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            Err(_) => {
                let mut to = create_new(bak)?;
                io::copy(&mut File::open(path)?, &mut to)?;
                Ok(())
            }
        }
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_folder(&mut self, path: &Path) -> io::Result<()> {
        sync_folder(path)
    }
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `path.bak`. A `path`
/// that is a symbolic link: the file it points to is written, and the link stays.
pub fn save_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    save_bytes_with(&mut RealStorage, &resolve(path)?, bytes)
}

/// Makes `to` a new name of `from`'s contents without `to` ever missing: a link (or copy) under
/// a temporary name, renamed over `to`. A link planted at `to` is replaced, never followed.
fn put_link(storage: &mut dyn Storage, from: &Path, to: &Path, prefix_of: &Path) -> io::Result<()> {
    let linked = new_temp(prefix_of, |p| storage.link(from, p))?;
    storage.rename(linked.path(), to)?;
    // Dropped with its clean-up: where `to` was already a link to the same file (a crash after
    // the backup link, before the rename of FILE), rename does nothing and leaves the temporary
    // name, which is removed here; otherwise the name is gone and there is nothing to remove.
    drop(linked);
    Ok(())
}

/// Gives the new file the permission bits, and where the system allows the owner and group, of
/// the file it replaces (SPEC section 5).
fn keep_owner(file: &File, old: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
            // Not root: the group alone, where we are one of its members.
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
    let _ = file.set_permissions(old.permissions());
}

/// `save_bytes` through a given storage, on the file itself (`resolve`d). Whatever step fails,
/// `path` holds the old bytes or the new ones, never anything else, no temporary file is left
/// behind, and the error is returned; after a failure `path` holds the old bytes (a failed
/// folder sync puts the old file back), so that "the file is as it was" is true when the caller
/// says it. FILE.bak, once made, is never missing: it is replaced by a rename.
pub fn save_bytes_with(storage: &mut dyn Storage, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let old = fs::metadata(path).ok().filter(fs::Metadata::is_file);
    let mut tmp = new_temp(path, |p| storage.write(p, bytes))?;
    if let Some(old) = &old {
        keep_owner(tmp.as_file(), old);
    }
    storage.sync(tmp.as_file())?;
    let bak = backup_path(path);
    if old.is_some() {
        put_link(storage, path, &bak, path)?;
    }
    storage.rename(tmp.path(), path)?;
    tmp.disable_cleanup(true);
    if let Err(e) = storage.sync_folder(path) {
        // The rename may not last: put the old state back rather than leave a new one that the
        // caller reports as not saved. FILE.bak is the old file; a new name of it is renamed
        // over FILE, and FILE.bak stays.
        if old.is_some() {
            let _ = put_link(&mut RealStorage, &bak, path, path);
        } else {
            let _ = fs::remove_file(path);
        }
        return Err(e);
    }
    Ok(())
}

/// Makes the rename durable: the folder's entry is synced too (Unix only; Windows has no
/// folder handle to sync, and its rename is journaled by NTFS).
#[cfg(unix)]
fn sync_folder(path: &Path) -> io::Result<()> {
    File::open(folder(path))?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// Who we are, written into the lock file so that a refused writer can name us.
pub fn holder(what: &str) -> String {
    format!(
        "pid {}, {what}, since {}",
        std::process::id(),
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
    )
}
