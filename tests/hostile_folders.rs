//! SPEC 5, hostile folders: "A symbolic link planted at FILE.tmp, FILE.bak or FILE.lock is never
//! followed ...; whatever such a link points to is left as it was. FILE itself may be a symbolic
//! link: podium then saves the file it points to, beside that file, and the link stays a link."
//! Also the permission bits and owner of the replaced file, and the holder named in every
//! refusal under concurrent writers.
#![cfg(unix)]

mod support;

use podium::store::{self, backup_path, lock_path, temp_path};
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use support::pty::{BIN, pty};

fn podium(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("PODIUM_NOW")
        .output()
        .expect("podium runs")
}

fn ok(args: &[&str]) -> String {
    let out = podium(args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A session with one inscription, in its own folder.
fn session(dir: &Path) -> PathBuf {
    let file = dir.join("s.json");
    ok(&["new", s(&file)]);
    add(&file, "Peru");
    file
}

fn add_args<'a>(file: &'a Path, delegation: &'a str) -> Vec<&'a str> {
    vec![
        "add",
        s(file),
        "--delegation",
        delegation,
        "--speaker",
        "A speaker",
        "--level",
        "delegate",
    ]
}

fn add(file: &Path, delegation: &str) -> String {
    ok(&add_args(file, delegation))
}

/// A file outside the session's folder that a planted link points to, with its bytes.
fn victim(dir: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let p = dir.join(name);
    let bytes = format!("the officer's own file {name}\n").into_bytes();
    std::fs::write(&p, &bytes).unwrap();
    (p, bytes)
}

/// A session in a folder of its own and, outside it, a file of the officer's and the name of a
/// file that does not exist: `check` runs with each as what a planted link points to (`to`),
/// with the bytes the officer's file must keep (`None`: the dangling link's target must stay
/// uncreated).
fn planted(mut check: impl FnMut(&Path, &Path, Option<&Vec<u8>>)) {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let (target, bytes) = victim(elsewhere.path(), "target");
    let dangling = elsewhere.path().join("created-by-podium");
    for (to, expect) in [(&target, Some(&bytes)), (&dangling, None)] {
        check(&file, to, expect);
    }
}

fn is_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn a_link_at_file_tmp_dangling_or_not_is_never_written_through() {
    planted(|file, to, expect| {
        let _ = std::fs::remove_file(temp_path(file));
        symlink(to, temp_path(file)).unwrap();
        add(file, &format!("Chile {}", expect.is_some()));
        assert_eq!(
            std::fs::read(to).ok().as_ref(),
            expect,
            "{to:?} was written"
        );
        assert!(!is_link(file), "FILE became a link");
        assert!(store::load(file).is_ok());
        // The next writer took the planted link away (the link, not what it points to).
        assert!(!temp_path(file).exists() && !is_link(&temp_path(file)));
    });
}

#[test]
fn a_link_at_file_bak_dangling_or_not_is_replaced_never_written_through() {
    planted(|file, to, expect| {
        std::fs::remove_file(backup_path(file)).unwrap();
        symlink(to, backup_path(file)).unwrap();
        add(file, &format!("Chile {}", expect.is_some()));
        assert_eq!(
            std::fs::read(to).ok().as_ref(),
            expect,
            "{to:?} was written"
        );
        assert!(!is_link(&backup_path(file)), "FILE.bak is still the link");
        store::load(&backup_path(file)).expect("FILE.bak is the previous version");
    });
}

#[test]
fn a_link_at_file_lock_dangling_or_not_is_refused_and_never_followed() {
    planted(|file, to, expect| {
        std::fs::remove_file(lock_path(file)).unwrap();
        symlink(to, lock_path(file)).unwrap();
        let before = std::fs::read(file).unwrap();
        let out = podium(&add_args(file, "Chile"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.starts_with("error: ") && err.contains("symbolic link") && err.lines().count() == 1,
            "{err}"
        );
        assert_eq!(std::fs::read(file).unwrap(), before);
        assert_eq!(
            std::fs::read(to).ok().as_ref(),
            expect,
            "{to:?} was written"
        );
        // Reading still works.
        ok(&["list", s(file)]);
    });
}

#[test]
fn a_hard_link_at_file_lock_is_refused_and_the_other_file_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let (target, bytes) = victim(dir.path(), "target");
    std::fs::remove_file(lock_path(&file)).unwrap();
    std::fs::hard_link(&target, lock_path(&file)).unwrap();
    let out = podium(&add_args(&file, "Chile"));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(std::fs::read(&target).unwrap(), bytes);
}

#[test]
fn links_planted_while_the_screen_runs_leave_their_targets_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    add(&file, "Chile");
    let mut pty = pty();
    let mut child = pty.spawn(&["--file", s(&file)]);
    pty.wait_drawn();
    let (t_tmp, b_tmp) = victim(elsewhere.path(), "tmp-target");
    let (t_bak, b_bak) = victim(elsewhere.path(), "bak-target");
    let (t_lock, b_lock) = victim(elsewhere.path(), "lock-target");
    let _ = std::fs::remove_file(temp_path(&file));
    symlink(&t_tmp, temp_path(&file)).unwrap();
    std::fs::remove_file(backup_path(&file)).unwrap();
    symlink(&t_bak, backup_path(&file)).unwrap();
    // The screen holds the lock on the file it opened; a link put in its place must neither be
    // followed by the screen nor let a second writer in.
    std::fs::remove_file(lock_path(&file)).unwrap();
    symlink(&t_lock, lock_path(&file)).unwrap();
    // Two changes, two saves: n calls Peru, n again calls Chile.
    for round in 1..=2 {
        use std::io::Write;
        pty.master.write_all(b"n").unwrap();
        let start = Instant::now();
        loop {
            pty.drain();
            let spoken = store::load(&file)
                .map(|s| {
                    s.entries
                        .iter()
                        .filter(|e| e.status.word() != "waiting")
                        .count()
                })
                .unwrap_or(0);
            if spoken >= round {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(5), "n did nothing");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let refused = podium(&add_args(&file, "Kenya"));
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    assert_eq!(std::fs::read(&t_tmp).unwrap(), b_tmp);
    assert_eq!(std::fs::read(&t_bak).unwrap(), b_bak);
    assert_eq!(std::fs::read(&t_lock).unwrap(), b_lock);
    assert!(!is_link(&file));
    store::load(&backup_path(&file)).expect("FILE.bak is a real previous version");
    drop(pty);
    let _ = child.wait();
}

#[test]
fn file_itself_a_link_the_target_is_saved_beside_the_target_the_link_stays_and_both_take_one_lock()
{
    let dir = tempfile::tempdir().unwrap();
    let real_dir = tempfile::tempdir().unwrap();
    let real = session(real_dir.path());
    let link = dir.path().join("link.json");
    symlink(&real, &link).unwrap();
    add(&link, "Chile");
    assert!(is_link(&link), "the link was replaced by a plain file");
    assert_eq!(std::fs::read_link(&link).unwrap(), real);
    let names = ok(&["list", s(&real), "--json"]);
    assert!(names.contains("Chile"), "{names}");
    assert!(backup_path(&real).exists(), "FILE.bak beside the target");
    let mut beside_link: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside_link.sort();
    assert_eq!(
        beside_link,
        ["link.json"],
        "nothing written beside the link"
    );
    // One lock for both names, whichever is held.
    for (held, other) in [(&real, &link), (&link, &real)] {
        let _w = store::Writer::acquire(held, &store::holder("podium screen")).unwrap();
        let out = podium(&add_args(other, "Kenya"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{held:?} held, {other:?}: {err}"
        );
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
    }
}

#[test]
fn a_save_keeps_the_permission_bits_of_the_file_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    for mode in [0o600, 0o640, 0o644] {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        add(&file, &format!("Mode {mode:o}"));
        let now = std::fs::metadata(&file).unwrap().permissions().mode() & 0o7777;
        assert_eq!(now, mode, "mode {mode:o} came back {now:o}");
    }
}

#[test]
fn a_save_keeps_the_owner_and_group_where_the_system_allows() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let me = std::fs::metadata(&file).unwrap();
    if me.uid() != 0 {
        // Not root: only the group can be given away, to a group we belong to; ours is kept.
        add(&file, "Chile");
        assert_eq!(std::fs::metadata(&file).unwrap().gid(), me.gid());
        eprintln!("not root: the owner change is not tried");
        return;
    }
    std::os::unix::fs::chown(&file, Some(65534), Some(65533)).unwrap();
    add(&file, "Chile");
    let m = std::fs::metadata(&file).unwrap();
    assert_eq!((m.uid(), m.gid()), (65534, 65533));
}

#[test]
fn every_refusal_under_three_concurrent_writers_names_the_holder_by_pid() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let (mut refusals, mut named) = (0, 0);
    let mut unnamed = Vec::new();
    for round in 0..40 {
        let children: Vec<_> = (0..3)
            .map(|i| {
                let delegation = format!("Delegation {round}-{i}");
                Command::new(BIN)
                    .args(add_args(&file, &delegation))
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            if out.status.code() == Some(1) {
                refusals += 1;
                let err = String::from_utf8_lossy(&out.stderr).into_owned();
                let pid = err
                    .split("pid ")
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
                if pid {
                    named += 1;
                } else {
                    unnamed.push(err);
                }
            }
        }
    }
    eprintln!("{refusals} refusals, {named} naming the holder by pid");
    assert!(refusals > 0, "the writers never met: no refusal to look at");
    assert!(
        unnamed.is_empty(),
        "{} of {refusals} refusals without a pid, the first: {:?}",
        unnamed.len(),
        unnamed.first()
    );
}
