//! The state file (SPEC section 5): versioned pretty JSON, saved atomically (temporary file in
//! the same folder, fsync, rename, fsync of the folder), the previous version kept as FILE.bak,
//! one writer at a time through an OS lock on FILE.lock, and a broken file never overwritten.

use crate::domain::Session;
use crate::domain::list::{FORMAT, VERSION};
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
        "{path} is broken at line {line}, column {column} ({detail}); it was not changed. The previous version is {path}.bak: to fall back to it, copy it over the file (cp {path}.bak {path})"
    )]
    Broken {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{path} is not a podium session (its \"format\" is {found}); give the session file")]
    NotASession { path: String, found: String },
    #[error(
        "{path} is a podium session of version {found}, which this podium (version {VERSION}) does not know; open it with the podium that wrote it. The file was not changed"
    )]
    UnknownVersion { path: String, found: u64 },
    #[error(
        "{path} is open for writing in another podium ({holder}); close it there first. Read-only commands (list, status, export, report, check, display) still work"
    )]
    Locked { path: String, holder: String },
    #[error("{path} already exists; podium new never overwrites a file: choose another name")]
    Exists { path: String },
    #[error(
        "NOT SAVED: cannot write {path} ({source}); the file is as it was before this change. Free some space or check the folder's permissions"
    )]
    Save { path: String, source: io::Error },
}

fn show(p: &Path) -> String {
    p.display().to_string()
}

/// Reads a session without taking the lock (read-only commands, the presenter display).
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let mut text = String::new();
    match File::open(path) {
        Ok(mut f) => f
            .read_to_string(&mut text)
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
    parse(path, &text)
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
                found: h
                    .format
                    .as_ref()
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "missing".into()),
            });
        }
        match h.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => None,
            Some(v) => Some(StoreError::UnknownVersion {
                path: show(path),
                found: v,
            }),
            None => Some(StoreError::NotASession {
                path: show(path),
                found: "without a version".into(),
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
                None => Ok(s),
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
            Err(StoreError::Broken {
                path: show(path),
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            })
        }
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

    pub fn path(&self) -> &Path {
        &self.path
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
        let mut text = serde_json::to_vec_pretty(session).map_err(|e| StoreError::Save {
            path: show(&self.path),
            source: io::Error::other(e),
        })?;
        text.push(b'\n');
        save_bytes(&self.path, &text).map_err(|source| StoreError::Save {
            path: show(&self.path),
            source,
        })
    }
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `path.bak`.
pub fn save_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path);
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if path.exists() {
        let bak = backup_path(path);
        let _ = fs::remove_file(&bak);
        // A hard link costs nothing; where the file system has none, a copy.
        if fs::hard_link(path, &bak).is_err()
            && let Err(e) = fs::copy(path, &bak)
        {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_folder(path)
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
