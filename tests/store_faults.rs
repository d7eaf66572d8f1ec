//! Fault injection at every step of a save (SPEC section 5): the write, the sync, the backup
//! link, the rename and the folder sync each fail in turn. Whatever fails, FILE holds the old
//! state (never a mix, never nothing), no temporary file is left, the error reaches the caller
//! as `StoreError::Save`, and the next save that succeeds writes the new state.

use podium::domain::{Inscription, Level, Session, Settings, parse_time};
use podium::store::{
    self, RealStorage, Storage, StoreError, Writer, backup_path, lock_path, temp_path,
};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Write,
    Sync,
    Link,
    Rename,
    SyncFolder,
}

const STEPS: [Step; 5] = [
    Step::Write,
    Step::Sync,
    Step::Link,
    Step::Rename,
    Step::SyncFolder,
];

/// The real file system, except that one step fails. A failing write leaves half the bytes in
/// the temporary file, as a full disk does; a failing rename or link does nothing.
struct Failing {
    step: Step,
    /// Which steps were reached, to prove the failure was injected where we say.
    reached: Vec<Step>,
}

impl Failing {
    fn at(step: Step) -> Failing {
        Failing {
            step,
            reached: Vec::new(),
        }
    }

    fn hit(&mut self, step: Step) -> io::Result<()> {
        self.reached.push(step);
        if step == self.step {
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                format!("injected failure at {step:?}"),
            ))
        } else {
            Ok(())
        }
    }
}

impl Storage for Failing {
    fn write(&mut self, tmp: &Path, bytes: &[u8]) -> io::Result<File> {
        if self.step == Step::Write {
            let mut f = File::create(tmp)?;
            f.write_all(&bytes[..bytes.len() / 2])?;
            self.hit(Step::Write)?;
        } else {
            self.hit(Step::Write)?;
        }
        RealStorage.write(tmp, bytes)
    }

    fn sync(&mut self, file: &File) -> io::Result<()> {
        self.hit(Step::Sync)?;
        RealStorage.sync(file)
    }

    fn link(&mut self, path: &Path, bak: &Path) -> io::Result<()> {
        self.hit(Step::Link)?;
        RealStorage.link(path, bak)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        self.hit(Step::Rename)?;
        RealStorage.rename(from, to)
    }

    fn sync_folder(&mut self, path: &Path) -> io::Result<()> {
        self.hit(Step::SyncFolder)?;
        RealStorage.sync_folder(path)
    }
}

fn t(s: &str) -> podium::domain::Time {
    parse_time(s).unwrap()
}

fn session_with(n: usize) -> Session {
    let now = t("2022-10-17T10:00:00+02:00");
    let mut s = Session::new("General discussion", Settings::default(), now);
    for i in 0..n {
        s.add(
            Inscription::new(&format!("Delegation {i}"), "Speaker", Level::Minister),
            now,
        )
        .unwrap();
    }
    s
}

fn file_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("session.json")
}

/// What is in the folder besides FILE, FILE.bak and FILE.lock.
fn strays(path: &Path) -> Vec<String> {
    let keep = [path.to_path_buf(), backup_path(path), lock_path(path)];
    fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !keep.contains(p))
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn every_failing_step_of_an_update_leaves_the_old_state_and_says_so() {
    for step in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(&dir);
        let w = Writer::acquire(&path, "test").unwrap();
        let old = session_with(2);
        w.create(&old).unwrap();
        // A second save, so that a backup of an older state exists too.
        w.save(&old).unwrap();
        let old_bytes = fs::read(&path).unwrap();
        let new = session_with(3);

        let mut failing = Failing::at(step);
        let err = w.save_with(&mut failing, &new).unwrap_err();
        assert!(
            matches!(&err, StoreError::Save { source, .. } if source.kind() == io::ErrorKind::StorageFull),
            "{step:?}: {err:?}"
        );
        assert!(err.to_string().starts_with("NOT SAVED"), "{step:?}: {err}");
        assert_eq!(failing.reached.last(), Some(&step), "{step:?} not reached");
        assert_eq!(
            fs::read(&path).unwrap(),
            old_bytes,
            "{step:?}: FILE is not the old state"
        );
        assert_eq!(store::load(&path).unwrap(), old, "{step:?}");
        assert!(!temp_path(&path).exists(), "{step:?}: FILE.tmp left");
        assert_eq!(strays(&path), Vec::<String>::new(), "{step:?}");

        // The disk is fine again: the next save writes the new state, the old one as backup.
        w.save(&new).unwrap();
        assert_eq!(store::load(&path).unwrap(), new, "{step:?}");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), old_bytes, "{step:?}");
    }
}

#[test]
fn every_failing_step_of_a_creation_leaves_no_file() {
    for step in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(&dir);
        let w = Writer::acquire(&path, "test").unwrap();
        let mut failing = Failing::at(step);
        let result = w.save_with(&mut failing, &session_with(1));
        if step == Step::Link {
            // Nothing to back up on creation: the link step is never reached.
            result.unwrap();
            assert!(!failing.reached.contains(&Step::Link));
            assert_eq!(store::load(&path).unwrap(), session_with(1));
            continue;
        }
        assert!(
            matches!(result, Err(StoreError::Save { .. })),
            "{step:?}: {result:?}"
        );
        assert!(!path.exists(), "{step:?}: a half-made FILE exists");
        assert_eq!(strays(&path), Vec::<String>::new(), "{step:?}");
    }
}

#[test]
fn save_bytes_with_keeps_old_or_new_bytes_whatever_fails() {
    // The raw seam, with a payload far larger than one page.
    let old: Vec<u8> = b"old ".repeat(100_000);
    let new: Vec<u8> = b"new ".repeat(150_000);
    for step in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(&dir);
        store::save_bytes(&path, &old).unwrap();
        let err = store::save_bytes_with(&mut Failing::at(step), &path, &new).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        let now = fs::read(&path).unwrap();
        assert!(now == old || now == new, "{step:?}: FILE is neither");
        assert_eq!(now, old, "{step:?}: a failed save must leave the old bytes");
        assert!(!temp_path(&path).exists(), "{step:?}");
    }
}

#[test]
fn a_stale_temporary_file_is_removed_when_the_writer_starts() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    store::save_bytes(&path, b"{}").unwrap();
    fs::write(temp_path(&path), b"half a file from a crash").unwrap();
    let _w = Writer::acquire(&path, "test").unwrap();
    assert!(!temp_path(&path).exists());
    assert_eq!(fs::read(&path).unwrap(), b"{}");
}
