//! Hostile input (SPEC sections 3 and 5): broken, truncated, flipped, huge, deeply nested, from
//! the future, not UTF-8, locked by the dead, or simply large. `podium list`, `status`, `check`
//! and `add` never panic; on a file they cannot read they exit 1 with one `error:` line; and
//! the file is left byte for byte as it was.

mod support;

use podium::domain::Session;
use podium::store::{self, StoreError, lock_path};
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use support::sessions::{big_session, file_bytes, t0};

const BIN: &str = env!("CARGO_BIN_EXE_podium");

fn podium(args: &[&str], file: &Path) -> Output {
    let mut c = Command::new(BIN);
    c.arg(args[0]).arg(file).args(&args[1..]);
    c.env("PODIUM_NOW", "2022-10-17T11:00:00+02:00")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

const ADD: &[&str] = &[
    "add",
    "--delegation",
    "Newcomer",
    "--speaker",
    "Ms. New",
    "--level",
    "delegate",
];

const COMMANDS: [&[&str]; 5] = [
    &["list"],
    &["list", "--json"],
    &["status", "--json"],
    &["check"],
    ADD,
];

/// The command refused the file: exit 1, exactly one line on stderr starting `error:`.
fn assert_refused(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: {:?} {stderr}",
        out.status
    );
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
}

/// Runs every command on `bytes` written as FILE: each must refuse it and leave it unchanged.
fn assert_all_refuse(bytes: &[u8], what: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    fs::write(&file, bytes).unwrap();
    let mut last = String::new();
    for args in COMMANDS {
        let out = podium(args, &file);
        assert_refused(&out, &format!("{what}, {args:?}"));
        assert_eq!(
            fs::read(&file).unwrap(),
            bytes,
            "{what}, {args:?}: file changed"
        );
        last = String::from_utf8_lossy(&out.stderr).into_owned();
    }
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "session.json" && n != "session.json.lock")
        .collect();
    assert!(left.is_empty(), "{what}: {left:?}");
    last
}

/// Runs every command on a file that may or may not be readable: never a panic (or a signal),
/// read-only commands never change it, and a refusal is one `error:` line.
fn assert_no_panic(bytes: &[u8], what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    for args in COMMANDS {
        fs::write(&file, bytes).unwrap();
        let out = podium(args, &file);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{what}, {args:?}: {stderr}");
        match out.status.code() {
            Some(0) => {}
            Some(1) => {
                // `check` lists the problems on stdout and ends with one error line.
                assert_eq!(stderr.lines().count(), 1, "{what}, {args:?}: {stderr}");
                assert!(stderr.starts_with("error: "), "{what}, {args:?}: {stderr}");
                assert_eq!(fs::read(&file).unwrap(), bytes, "{what}, {args:?}");
            }
            _ => panic!("{what}, {args:?}: {:?} {stderr}", out.status),
        }
        if args[0] != "add" {
            assert_eq!(fs::read(&file).unwrap(), bytes, "{what}, {args:?}");
        }
    }
}

/// A realistic small session, made by the real commands.
fn sample() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    let run = |args: &[&str]| {
        let out = podium(args, &file);
        assert!(out.status.success(), "{args:?}: {out:?}");
    };
    run(&[
        "new",
        "--title",
        "General discussion",
        "--slot",
        "2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00",
    ]);
    for (d, level) in [
        ("Côte d'Ivoire", "minister"),
        ("Kenya", "delegate"),
        ("Egypt", "delegate"),
        ("Türkiye", "head-of-state"),
    ] {
        run(&[
            "add",
            "--delegation",
            d,
            "--speaker",
            "H.E. Ms. Ñandú",
            "--level",
            level,
            "--at",
            "2022-10-01T09:00:00+02:00",
        ]);
    }
    run(&[
        "add",
        "--delegation",
        "Ghana",
        "--speaker",
        "Mr. A",
        "--level",
        "minister",
        "--chair-of",
        "african",
        "--mode",
        "video",
    ]);
    run(&["next"]);
    run(&["swap", "Kenya", "Egypt"]);
    run(&["withdraw", "Ghana", "--at", "2022-10-17T10:30:00+02:00"]);
    fs::read(&file).unwrap()
}

fn load_bytes(bytes: &[u8]) -> Result<Session, StoreError> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.json");
    fs::write(&file, bytes).unwrap();
    store::load(&file)
}

#[test]
fn a_file_cut_at_any_byte_is_refused_with_line_and_column() {
    let full = sample();
    assert!(full.len() > 2000, "the sample is {} bytes", full.len());
    for cut in 0..full.len() {
        match load_bytes(&full[..cut]) {
            // Only the final newline may go: everything else is needed.
            Ok(_) => assert_eq!(cut, full.len() - 1, "cut at {cut} still loads"),
            Err(StoreError::Broken { line, column, .. }) => {
                assert!(line >= 1 && column >= 1, "cut at {cut}: {line}:{column}");
            }
            Err(e) => panic!("cut at {cut}: {e}"),
        }
    }
    // The real binary on a spread of cuts, including inside multi-byte characters.
    let accented = full.iter().position(|&b| b >= 0x80).unwrap();
    let mut cuts: Vec<usize> = (0..full.len() - 1).step_by(97).collect();
    cuts.extend([1, accented + 1, full.len() / 2, full.len() - 2]);
    for cut in cuts {
        let msg = assert_all_refuse(&full[..cut], &format!("cut at {cut}"));
        if cut > 0 {
            // No FILE.bak beside it: no advice to copy one over the file.
            assert!(
                msg.contains("line") && msg.contains("column") && !msg.contains("cp "),
                "{msg}"
            );
        }
    }
}

#[test]
fn flipped_bytes_never_panic_and_unreadable_files_are_left_alone() {
    let full = sample();
    let mut refused = 0;
    for i in 0..full.len() {
        for mask in [0x01u8, 0x20, 0x80] {
            let mut bytes = full.clone();
            bytes[i] ^= mask;
            // The library on every flip: it loads, or it says why; it never panics.
            if let Ok(s) = load_bytes(&bytes) {
                // Whatever loaded must survive every reading path.
                let now = t0();
                let _ = podium::cli::list_json(&s, now);
                let _ = podium::cli::list_table(&s, now);
                let _ = podium::cli::status_json(&s, now);
                let _ = s.problems();
            } else {
                refused += 1;
            }
        }
    }
    assert!(refused > full.len(), "only {refused} flips were refused");
    // The real binary on a spread of them.
    for (k, i) in (0..full.len()).step_by(41).enumerate() {
        let mut bytes = full.clone();
        bytes[i] ^= [0x01u8, 0x20, 0x80][k % 3];
        if load_bytes(&bytes).is_err() {
            assert_all_refuse(&bytes, &format!("flip at {i}"));
        } else {
            assert_no_panic(&bytes, &format!("flip at {i}"));
        }
    }
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
    let depth = 1_000_000;
    let nested = |open: u8, close: u8, closed: bool| {
        let mut v = vec![open; depth];
        if closed {
            v.extend(std::iter::repeat_n(close, depth));
        }
        v
    };
    let with = |key: &str, value: Vec<u8>, tail: &str| {
        let mut v = format!("{{\"{key}\": ").into_bytes();
        v.extend(value);
        v.extend(tail.as_bytes());
        v
    };
    // In a field podium does not know (skipped without recursion), closed or not.
    let tail = r#", "format": "podium-session", "version": 1}"#;
    let msg = assert_all_refuse(
        &with("extra", nested(b'[', b']', true), tail),
        "deep, unknown field",
    );
    assert!(msg.contains("missing field"), "{msg}");
    assert_all_refuse(
        &with("extra", nested(b'[', b']', false), ""),
        "deep, unclosed",
    );
    // Where podium reads any JSON value (the format and version it checks first): serde_json's
    // recursion limit stops it.
    let msg = assert_all_refuse(
        &with("format", nested(b'[', b']', true), "}"),
        "deep format",
    );
    assert!(msg.contains("line 1"), "{msg}");
    assert_all_refuse(
        &with(
            "version",
            nested(b'[', b']', true),
            r#", "format": "podium-session"}"#,
        ),
        "deep version",
    );
    assert_all_refuse(&nested(b'[', b']', true), "deep at the top");
    let mut objects = b"{\"a\":".repeat(depth / 5);
    objects.extend(b"1".iter().chain(&b"}".repeat(depth / 5)));
    assert_all_refuse(&objects, "deep objects");
}

#[test]
fn huge_strings_are_read_or_refused_without_harm() {
    let mut s = big_session(3);
    s.entries[2].speaker = "ü".repeat(8 << 20);
    s.title = "T".repeat(4 << 20);
    let bytes = file_bytes(&s);
    assert_no_panic(&bytes, "huge strings");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    fs::write(&file, &bytes).unwrap();
    for args in [&["list"][..], &["status", "--json"]] {
        let out = podium(args, &file);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // SPEC 5: texts are 200 characters at most; `check` names the two that are not.
    let out = podium(&["check"], &file);
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("the title is 4194304 characters long, over the limit of 200")
            && listed.contains("entry #3's speaker is 8388608 characters long"),
        "{listed}"
    );
    // An unterminated huge string.
    let mut open = br#"{"format": "podium-session", "version": 1, "title": ""#.to_vec();
    open.extend(std::iter::repeat_n(b'x', 16 << 20));
    let msg = assert_all_refuse(&open, "unterminated string");
    assert!(msg.contains("line 1"), "{msg}");
}

#[test]
fn a_version_from_the_future_is_refused_by_name() {
    let full = String::from_utf8(sample()).unwrap();
    assert!(full.contains("\"version\": 2,"));
    let future = full.replace("\"version\": 2,", "\"version\": 3,");
    let msg = assert_all_refuse(future.as_bytes(), "version 3");
    assert!(msg.contains("version 3"), "{msg}");
    // A future version of another shape entirely.
    let other = br#"{"format": "podium-session", "version": 7, "lists": {"a": [1, 2]}}"#;
    let msg = assert_all_refuse(other, "version 7 in another shape");
    assert!(msg.contains("version 7"), "{msg}");
    let not_ours = br#"{"format": "something-else", "version": 1}"#;
    let msg = assert_all_refuse(not_ours, "another format");
    assert!(msg.contains("not a podium session"), "{msg}");
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let full = sample();
    let at = full.windows(5).position(|w| w == b"Kenya").unwrap();
    let mut bytes = full.clone();
    bytes[at + 1] = 0xff;
    let msg = assert_all_refuse(&bytes, "bad UTF-8");
    assert!(
        msg.contains("not UTF-8") && msg.contains("line") && msg.contains("column"),
        "{msg}"
    );
    // Latin-1 instead of UTF-8: the é of "Côte" as one byte.
    let latin1: Vec<u8> = String::from_utf8(full)
        .unwrap()
        .chars()
        .map(|c| u32::from(c).min(0xff) as u8)
        .collect();
    assert_all_refuse(&latin1, "Latin-1");
}

#[test]
fn empty_odd_and_missing_files_are_refused() {
    for (bytes, what) in [
        (&b""[..], "empty"),
        (b"\n\n", "blank"),
        (b"[]", "an array"),
        (b"null", "null"),
        (b"{}", "an empty object"),
        (b"\xef\xbb\xbf{}", "a byte-order mark"),
        (b"\0\0\0\0", "zeros"),
        (
            b"{\"format\": \"podium-session\", \"version\": 1}",
            "a header only",
        ),
        (
            b"{\"format\": \"podium-session\", \"version\": -1}",
            "a negative version",
        ),
        (
            b"{\"format\": \"podium-session\", \"version\": 1e400}",
            "a huge version",
        ),
    ] {
        assert_all_refuse(bytes, what);
    }
    let dir = tempfile::tempdir().unwrap();
    for args in COMMANDS {
        let out = podium(args, &dir.path().join("missing.json"));
        assert_refused(&out, "missing");
        assert!(String::from_utf8_lossy(&out.stderr).contains("podium new"));
        // A folder where the file should be.
        let out = podium(args, dir.path());
        assert_refused(&out, "a folder");
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was created"
    );
}

#[test]
fn a_lock_left_by_a_dead_process_does_not_block_but_a_live_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    fs::write(&file, sample()).unwrap();
    // What a podium killed with -9 leaves: the lock file, with its holder's words, no OS lock.
    fs::write(
        lock_path(&file),
        "pid 999999, podium add, since 2022-10-17 09:00:00",
    )
    .unwrap();
    let out = podium(ADD, &file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = store::load(&file).unwrap();
    assert!(s.entries.iter().any(|e| e.delegation == "Newcomer"));

    // A live holder: this test process takes the lock, as a podium does, naming itself (a
    // record naming a dead pid is passed over, SPEC 5: every refusal names the holder).
    let holder = store::Writer::acquire(&file, &store::holder("podium (screen)")).unwrap();
    let before = fs::read(&file).unwrap();
    let out = podium(
        &[
            "add",
            "--delegation",
            "Late",
            "--speaker",
            "X",
            "--level",
            "delegate",
        ],
        &file,
    );
    assert_refused(&out, "locked");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(&format!("pid {}, podium (screen)", std::process::id()))
    );
    assert_eq!(fs::read(&file).unwrap(), before);
    // Readers are never blocked.
    for args in [&["list"][..], &["status", "--json"], &["check"]] {
        assert!(podium(args, &file).status.success(), "{args:?}");
    }
    drop(holder);
    assert!(
        podium(
            &[
                "add",
                "--delegation",
                "Late",
                "--speaker",
                "X",
                "--level",
                "delegate"
            ],
            &file
        )
        .status
        .success()
    );
}

#[test]
fn ten_thousand_entries_are_read_checked_and_added_to() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    let s = big_session(10_000);
    let bytes = file_bytes(&s);
    fs::write(&file, &bytes).unwrap();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["status", "--json"],
        &["check"],
    ] {
        let out = podium(args, &file);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(fs::read(&file).unwrap(), bytes, "{args:?} changed the file");
    }
    let out = podium(&["list", "--json"], &file);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entries"].as_array().unwrap().len(), 10_000);
    let out = podium(ADD, &file);
    assert!(out.status.success());
    let after = store::load(&file).unwrap();
    assert_eq!(after.entries.len(), 10_001);
    // Cut in the middle, the large file is refused like a small one.
    assert_all_refuse(&bytes[..bytes.len() / 2], "10,000 entries cut in half");
}

/// `check` finds duplicate inscriptions in one pass through the duplicate rule's key: each
/// later copy is named with the first inscription of its delegation, as a pairwise scan would
/// find it; withdrawn entries and group statements are not duplicates.
#[test]
fn check_reports_each_duplicate_inscription_against_the_first() {
    let mut s = big_session(60);
    for i in [3usize, 10, 17, 40] {
        s.entries[i].delegation = "KENYA".into();
        s.entries[i].status = podium::domain::Status::Waiting;
    }
    s.entries[25].delegation = "kenya".into();
    s.entries[25].chair_of = Some(podium::domain::Group::African);
    s.entries[50].delegation = "Kenya".into();
    s.entries[50].status = podium::domain::Status::Withdrawn;
    let id = |i: usize| s.entries[i].id;
    let expected: Vec<String> = [10usize, 17, 40]
        .iter()
        .map(|&j| {
            format!(
                "#{} and #{} are the same inscription of KENYA",
                id(3),
                id(j)
            )
        })
        .collect();
    let found: Vec<String> = s
        .problems()
        .into_iter()
        .filter(|p| p.contains("same inscription"))
        .collect();
    assert_eq!(found, expected);
}

/// Found by the fuzzer: a damaged counter (`next_id` behind the entries) gave a new entry an id
/// in use, out of order, and `next` then indexed past the end. Ids stay unique and `next` works;
/// absurd limits do not overflow the plan or the countdown.
#[test]
fn damaged_counters_and_absurd_limits_do_not_panic() {
    let mut s = big_session(5);
    s.next_id = 3;
    s.next_order = u64::MAX;
    s.entries.swap(1, 3);
    s.settings.slots = vec![podium::domain::Slot {
        start: t0(),
        end: t0() + chrono::Duration::hours(3),
    }];
    s.entries[4].limit_seconds = i64::MAX;
    s.entries[2].limit_seconds = i64::MIN;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    fs::write(&file, file_bytes(&s)).unwrap();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["status"],
        &["status", "--json"],
        &["check"],
    ] {
        let out = podium(args, &file);
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{args:?}"
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            out.status
        );
    }
    let mut t = s.clone();
    t.add(
        podium::domain::Inscription::new("Newcomer", "N", podium::domain::Level::Minister),
        t0(),
    )
    .unwrap();
    let ids: std::collections::BTreeSet<u64> = t.entries.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), t.entries.len(), "an id was reused");
    while t.next(t0()).is_ok() {}
    assert_eq!(podium::domain::Status::Spoken, t.entries[0].status);
}
