//! Following a session file from outside, for the presenter display: notices each save (a new
//! file renamed over the old one) by its metadata, re-reads it, and keeps the last good session
//! when the file is briefly missing or unreadable. It never takes the lock and never writes.

use crate::domain::Session;
use crate::store::{self, StoreError};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What identifies one version of the file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
        #[cfg(unix)]
        inode: std::os::unix::fs::MetadataExt::ino(&m),
    })
}

/// The display's view of the file.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    seen: Option<Stamp>,
    /// The last session read whole.
    pub session: Option<Session>,
    /// Why the file could not be read last time, if it could not.
    pub warning: Option<String>,
}

impl Follower {
    pub fn new(path: &Path) -> Follower {
        Follower {
            path: path.to_path_buf(),
            seen: None,
            session: None,
            warning: None,
        }
    }

    /// The file followed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Looks at the file; returns true when what the display shows has changed.
    pub fn poll(&mut self) -> bool {
        let now = stamp(&self.path);
        if now.is_some() && now == self.seen {
            return false;
        }
        let Some(now) = now else {
            let warning = Some(format!(
                "{} is missing; showing the last good view",
                self.path.display()
            ));
            let changed = self.warning != warning;
            self.warning = warning;
            self.seen = None;
            return changed;
        };
        self.seen = Some(now);
        match store::load(&self.path) {
            Ok(s) => {
                self.session = Some(s);
                self.warning = None;
            }
            Err(e) => {
                let what = match e {
                    StoreError::Broken { line, column, .. } => {
                        format!("unreadable at line {line}, column {column}")
                    }
                    other => other.to_string(),
                };
                // A file caught half-written by another tool: look again at the next poll.
                self.seen = None;
                self.warning = Some(format!(
                    "{} is {what}; showing the last good view",
                    self.path.display()
                ));
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Settings, parse_time};

    #[test]
    fn the_follower_sees_each_save_and_keeps_the_last_good_view_through_a_missing_or_broken_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("s.json");
        let now = parse_time("2022-10-17T10:00:00+02:00").expect("time");
        let mut s = Session::new("follow", Settings::default(), now);
        let save = |s: &Session| {
            let text = store::encode(s).expect("json");
            store::save_bytes(&path, &text).expect("save");
        };
        save(&s);
        let mut f = Follower::new(&path);
        assert!(f.poll());
        assert!(!f.poll(), "nothing changed");
        s.add(Inscription::new("Peru", "S", Level::Delegate), now)
            .expect("add");
        save(&s);
        assert!(f.poll());
        assert_eq!(f.session.as_ref().map(|s| s.entries.len()), Some(1));
        std::fs::remove_file(&path).expect("remove");
        assert!(f.poll());
        assert!(f.warning.as_deref().is_some_and(|w| w.contains("missing")));
        assert_eq!(
            f.session.as_ref().map(|s| s.entries.len()),
            Some(1),
            "last good view kept"
        );
        std::fs::write(&path, b"{\"format\": \"podium-sess").expect("write");
        assert!(f.poll());
        assert!(f.warning.as_deref().is_some_and(|w| w.contains("line")));
        save(&s);
        assert!(f.poll());
        assert_eq!(f.warning, None);
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["s.json", "s.json.bak"],
            "the follower wrote nothing"
        );
    }
}
