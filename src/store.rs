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

/// Reads a session without taking the lock (read-only commands, the presenter display).
pub fn load(path: &Path) -> Result<Session, StoreError> {
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
    parse_bytes(path, bytes)
}

/// Parses the bytes of a session file (as `load` read them): UTF-8 first, then as `parse`.
/// `path` only names the file in messages.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Session, StoreError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // Not UTF-8, so not JSON: say where, as for any other break.
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            return Err(StoreError::Broken {
                path: show(path),
                line,
                column,
                detail: "bytes that are not UTF-8".to_string(),
                backup_good: backup_is_good(path),
            });
        }
    };
    parse(path, &text)
}

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

/// Parses the text of a session file, checking its format and version.
pub fn parse(path: &Path, text: &str) -> Result<Session, StoreError> {
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

/// The one writer of a session file: holds the OS lock on FILE.lock for as long as it lives.
#[derive(Debug)]
pub struct Writer {
    path: PathBuf,
    // Held for the lock; closing it releases the lock, and so does the death of the process.
    _lock: File,
}

impl Writer {
    /// Takes the lock (or says who holds it) and removes a temporary file left by a crash.
    /// `holder` says who we are, for the message another podium will show.
    pub fn acquire(path: &Path, holder: &str) -> Result<Writer, StoreError> {
        let lock_file = lock_path(path);
        let mut lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_file)
            .map_err(|source| StoreError::Save {
                path: show(&lock_file),
                source,
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut who = String::new();
                // The holder wrote who it is into the lock file; read it to name it.
                let _ = lock.read_to_string(&mut who);
                let who = who.trim();
                return Err(StoreError::Locked {
                    path: show(path),
                    holder: if who.is_empty() {
                        "another process".to_string()
                    } else {
                        who.to_string()
                    },
                });
            }
            Err(fs::TryLockError::Error(source)) => {
                return Err(StoreError::Save {
                    path: show(&lock_file),
                    source,
                });
            }
        }
        // Who holds it, for the message another podium shows. A failure here loses nothing.
        let _ = lock.set_len(0);
        let _ = lock.write_all(holder.as_bytes());
        let _ = lock.sync_data();
        let tmp = temp_path(path);
        if tmp.exists() {
            let _ = fs::remove_file(&tmp);
        }
        Ok(Writer {
            path: path.to_path_buf(),
            _lock: lock,
        })
    }

    /// Loads the session under the lock.
    pub fn load(&self) -> Result<Session, StoreError> {
        load(&self.path)
    }

    /// Creates a new session file; refuses to overwrite one.
    pub fn create(&self, session: &Session) -> Result<(), StoreError> {
        if self.path.exists() {
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
        save_bytes_with(storage, &self.path, &text).map_err(|source| StoreError::Save {
            path: show(&self.path),
            source,
        })
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
    /// Creates `tmp` and writes `bytes` into it, returning the open file.
    fn write(&mut self, tmp: &Path, bytes: &[u8]) -> io::Result<File>;
    /// Makes the written file durable.
    fn sync(&mut self, file: &File) -> io::Result<()>;
    /// Makes `bak` a second name of `path` (a hard link, or a copy where there are none).
    fn link(&mut self, path: &Path, bak: &Path) -> io::Result<()>;
    /// Puts `from` in the place of `to`, atomically.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the folder's entries (the rename) durable.
    fn sync_folder(&mut self, path: &Path) -> io::Result<()>;
}

/// The file system itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealStorage;

impl Storage for RealStorage {
    fn write(&mut self, tmp: &Path, bytes: &[u8]) -> io::Result<File> {
        let mut f = File::create(tmp)?;
        f.write_all(bytes)?;
        Ok(f)
    }

    fn sync(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn link(&mut self, path: &Path, bak: &Path) -> io::Result<()> {
        // A hard link costs nothing; where the file system has none, a copy.
        if fs::hard_link(path, bak).is_err() {
            fs::copy(path, bak)?;
        }
        Ok(())
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_folder(&mut self, path: &Path) -> io::Result<()> {
        sync_folder(path)
    }
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `path.bak`.
pub fn save_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    save_bytes_with(&mut RealStorage, path, bytes)
}

/// `save_bytes` through a given storage. Whatever step fails, `path` holds the old bytes or the
/// new ones, never anything else, no temporary file is left behind, and the error is returned;
/// after a failure `path` holds the old bytes (a failed folder sync puts the old file back), so
/// that "the file is as it was" is true when the caller says it.
pub fn save_bytes_with(storage: &mut dyn Storage, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path);
    let written = storage.write(&tmp, bytes).and_then(|f| storage.sync(&f));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let existed = path.exists();
    let bak = backup_path(path);
    if existed {
        let _ = fs::remove_file(&bak);
        if let Err(e) = storage.link(path, &bak) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
    }
    if let Err(e) = storage.rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Err(e) = storage.sync_folder(path) {
        // The rename may not last: put the old state back rather than leave a new one that the
        // caller reports as not saved. FILE.bak is the old file (the same inode), so renaming
        // it back is atomic, and a new link keeps the backup beside it.
        if existed {
            if fs::rename(&bak, path).is_ok() {
                let _ = RealStorage.link(path, &bak);
            }
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
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    File::open(folder)?.sync_all()
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
