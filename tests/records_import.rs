//! `podium import`: all or none. A good file of 200 rows; one bad row refuses the whole file and
//! names the row and the column; BOM and CRLF; `--dry-run`; a wrong header; a duplicate inside
//! the file; bad UTF-8.

mod support;

use serde_json::Value;
use std::path::Path;
use support::cli::{Env, TYPING};

const HEADER: &str = "requested_at,delegation,speaker,level,chair_of,category,mode,no_post";

/// 200 good rows: every tenth a minister, every 25th a group statement of a delegation already
/// inscribed, every 7th not to be posted (in every spelling), a few with empty optional cells.
fn good_rows(n: usize) -> Vec<String> {
    let groups = [
        "african",
        "Asia-Pacific",
        "eastern-european",
        "GRULAC",
        "Western European and Others",
    ];
    let posts = ["yes", "No", "1", "0", "TRUE", "false", ""];
    (1..=n)
        .map(|i| {
            let at = format!(
                "2022-09-{:02}T{:02}:{:02}:00+02:00",
                6 + i % 20,
                8 + i % 9,
                i % 60
            );
            let level = if i % 10 == 0 {
                "minister"
            } else {
                "head-of-delegation"
            };
            let (delegation, chair) = if i % 25 == 0 {
                (format!("Delegation {:03}", i - 1), groups[(i / 25) % 5])
            } else {
                (format!("Delegation {i:03}"), "")
            };
            let mode = ["floor", "remote", "", "Floor"][i % 4];
            format!(
                "{at},{delegation},Speaker {i},{level},{chair},{},{mode},{}",
                if i % 50 == 3 { "observer-state" } else { "" },
                posts[i % 7]
            )
        })
        .collect()
}

fn write(env: &Env, name: &str, rows: &[String]) -> std::path::PathBuf {
    let path = env.path(name);
    let mut text = String::from(HEADER);
    text.push('\n');
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn entries(env: &Env, file: &Path) -> Vec<Value> {
    let out = env.ok(TYPING, &["list", file.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v["entries"].as_array().unwrap().clone()
}

/// Runs an import that must be refused; returns the stderr and checks the session file is
/// byte for byte as it was, with no backup or temporary file made.
fn refused(env: &Env, file: &Path, csv: &Path, extra: &[&str]) -> String {
    let before = std::fs::read(file).unwrap();
    let bak_before = std::fs::read(podium::store::backup_path(file)).ok();
    let mut args = vec!["import", file.to_str().unwrap(), csv.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = env.podium(TYPING).args(&args).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(file).unwrap(), before, "the file changed");
    assert_eq!(
        std::fs::read(podium::store::backup_path(file)).ok(),
        bak_before
    );
    assert!(!podium::store::temp_path(file).exists());
    err
}

#[test]
fn import_a_good_file_of_200_rows() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let csv = write(&env, "ins.csv", &good_rows(200));
    let out = env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), csv.to_str().unwrap()],
    );
    assert!(out.contains("imported 200 inscriptions"), "{out}");
    let list = entries(&env, &file);
    assert_eq!(list.len(), 200);
    // Ministers first (R3), then first come, first served; observers after the parties.
    let first_general = list.iter().position(|e| e["priority"] == false).unwrap();
    assert!(list[..first_general].iter().all(|e| e["priority"] == true));
    assert_eq!(first_general, 20);
    let d = |name: &str, chair: Value| {
        list.iter()
            .find(|e| e["delegation"] == name && e["chair_of"] == chair)
            .unwrap_or_else(|| panic!("{name} {chair}"))
            .clone()
    };
    assert_eq!(d("Delegation 024", Value::Null)["speaker"], "Speaker 24");
    let group = d("Delegation 024", Value::from("asia-pacific"));
    assert_eq!(group["speaker"], "Speaker 25");
    assert_eq!(group["limit_seconds"], 300);
    // no_post in every spelling: "No", "1", "0", "TRUE", "false", "", "yes".
    for (i, want) in [
        (1, false),
        (2, true),
        (3, false),
        (4, true),
        (5, false),
        (6, false),
        (7, true),
    ] {
        assert_eq!(
            d(&format!("Delegation {i:03}"), Value::Null)["no_post"],
            want,
            "row {i}"
        );
    }
    assert_eq!(
        d("Delegation 003", Value::Null)["category"],
        "observer-state"
    );
    assert_eq!(d("Delegation 001", Value::Null)["mode"], "remote");
    assert_eq!(d("Delegation 002", Value::Null)["mode"], "floor"); // empty cell
    assert_eq!(
        d("Delegation 001", Value::Null)["requested_at"],
        "2022-09-07T09:01:00+02:00"
    );

    // The log: one record for the import, then one per entry.
    let s = podium::store::load(&file).unwrap();
    use podium::domain::Change;
    let imported: Vec<_> = s
        .log
        .iter()
        .filter(|r| r.what == Change::Imported)
        .collect();
    assert_eq!(imported.len(), 1);
    assert!(imported[0].text.contains("ins.csv: 200 inscriptions"));
    assert_eq!(
        s.log.iter().filter(|r| r.what == Change::Added).count(),
        200
    );
}

#[test]
fn a_bad_row_117_refuses_the_whole_file_and_names_the_row_and_the_column() {
    let env = Env::new();
    let file = env.new_list("s.json");
    env.ok(
        TYPING,
        &[
            "add",
            file.to_str().unwrap(),
            "--delegation",
            "Ghana",
            "--speaker",
            "Ama",
            "--level",
            "minister",
        ],
    );
    let cases: [(&str, &str, &str); 7] = [
        (
            "2022-09-10T10:00:00+02:00,Delegation 117,Speaker,minster,,,,",
            "level",
            "minster",
        ),
        (
            "10 September,Delegation 117,Speaker,delegate,,,,",
            "requested_at",
            "5 Sep 09:12",
        ),
        // R1: after the deadline, and a spreadsheet carries no override.
        (
            "2022-10-18T10:00:00+02:00,Delegation 117,Speaker,delegate,,,,",
            "requested_at",
            "R1",
        ),
        (
            "2022-09-10T10:00:00+02:00,Delegation 117,Speaker,delegate,nordic,,,",
            "chair_of",
            "nordic",
        ),
        (
            "2022-09-10T10:00:00+02:00,Delegation 117,Speaker,delegate,,,drone,",
            "mode",
            "drone",
        ),
        (
            "2022-09-10T10:00:00+02:00,Delegation 117,,delegate,,,,",
            "speaker",
            "empty",
        ),
        // Already on the list, in another case.
        (
            "2022-09-10T10:00:00+02:00,GHANA,Speaker,delegate,,,,maybe",
            "no_post",
            "maybe",
        ),
    ];
    for (bad, column, word) in cases {
        let mut rows = good_rows(200);
        rows[116] = bad.to_string();
        let csv = write(&env, "bad.csv", &rows);
        let err = refused(&env, &file, &csv, &[]);
        assert!(err.contains("row 117 (line 118)"), "{err}");
        assert!(err.contains(&format!("column {column}:")), "{err}");
        assert!(err.contains(word), "{err}");
        assert!(err.contains("Nothing was imported"), "{err}");
    }
    // The same in a dry run.
    let mut rows = good_rows(200);
    rows[116] = "2022-09-10T10:00:00+02:00,ghana,Speaker,delegate,,,,".to_string();
    let csv = write(&env, "bad.csv", &rows);
    let err = refused(&env, &file, &csv, &["--dry-run"]);
    assert!(
        err.contains("row 117 (line 118), column delegation: Ghana already has entry #1"),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let path = env.path("excel.csv");
    let text = format!(
        "\u{feff}{HEADER}\r\n2022-09-10T10:00:00+02:00,Côte d'Ivoire,\"Kouassi, Jean\",minister,,,,\r\n,Peru,Ana,delegate,,,remote,No\r\n,,,,,,,\r\n"
    );
    std::fs::write(&path, text).unwrap();
    let out = env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), path.to_str().unwrap()],
    );
    assert!(out.contains("imported 2 inscriptions"), "{out}");
    let list = entries(&env, &file);
    assert_eq!(list[0]["delegation"], "Côte d'Ivoire");
    assert_eq!(list[0]["speaker"], "Kouassi, Jean");
    // An empty requested_at is now (the add default).
    assert_eq!(list[1]["requested_at"], "2022-10-01T09:00:00+02:00");
    assert_eq!(list[1]["speaker"], "Ana");
}

#[test]
fn a_dry_run_checks_and_changes_nothing() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let lock = podium::store::lock_path(&file);
    let _ = std::fs::remove_file(&lock);
    let before = std::fs::read(&file).unwrap();
    let csv = write(&env, "ins.csv", &good_rows(30));
    let out = env.ok(
        TYPING,
        &[
            "import",
            file.to_str().unwrap(),
            csv.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!lock.exists(), "a dry run takes no lock");
    assert!(!podium::store::backup_path(&file).exists());
    assert!(
        out.contains("row 10: would add #10 Delegation 010 (Speaker 10, Minister)"),
        "{out}"
    );
    assert!(out.contains("place 1 of 30"), "{out}");
    assert!(out.contains("dry run: 30 inscriptions"), "{out}");
    assert!(out.contains("nothing was changed"), "{out}");
}

#[test]
fn a_wrong_header_is_refused_clearly() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let cases = [
        (
            "requested_at,delegation,speaker,chair_of,category,mode,no_post",
            "missing level",
        ),
        (
            "requested_at,delegation,speaker,levle,chair_of,category,mode,no_post",
            "missing level; unknown levle",
        ),
        (
            "requested_at,delegation,speaker,level,level,chair_of,category,mode",
            "names the column level twice",
        ),
        (
            "2022-09-10T10:00:00+02:00,Ghana,Ama,minister,,,,",
            "the first line must be the header",
        ),
    ];
    for (header, says) in cases {
        let path = env.path("h.csv");
        std::fs::write(&path, format!("{header}\n,Peru,Ana,delegate,,,,\n")).unwrap();
        let err = refused(&env, &file, &path, &[]);
        assert!(err.contains(says), "{err}");
    }
    // The columns may come in any order and any case.
    let path = env.path("order.csv");
    std::fs::write(&path, "Delegation,Speaker,Level,Requested_At,Chair_Of,Category,Mode,No_Post\nPeru,Ana,delegate,,,,,\n").unwrap();
    env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), path.to_str().unwrap()],
    );
    assert_eq!(entries(&env, &file)[0]["delegation"], "Peru");
}

#[test]
fn a_duplicate_inside_the_file_refuses_it_and_names_both_rows() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let mut rows = good_rows(10);
    rows[7] = "2022-09-10T10:00:00+02:00,delegation 003,Other,delegate,,,,".to_string();
    let csv = write(&env, "dup.csv", &rows);
    let err = refused(&env, &file, &csv, &[]);
    assert!(err.contains("row 8 (line 9), column delegation: Delegation 003 is already inscribed on row 3 of this file"), "{err}");
    // A group statement of the same delegation is a separate entry: accepted.
    rows[7] = "2022-09-10T10:00:00+02:00,delegation 003,Other,delegate,weog,,,".to_string();
    let csv = write(&env, "dup.csv", &rows);
    env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), csv.to_str().unwrap()],
    );
    assert_eq!(entries(&env, &file).len(), 10);
}

#[test]
fn a_withdrawn_entry_does_not_block_its_delegation() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let f = file.to_str().unwrap();
    env.ok(
        TYPING,
        &[
            "add",
            f,
            "--delegation",
            "Peru",
            "--speaker",
            "Ana",
            "--level",
            "delegate",
        ],
    );
    env.ok(TYPING, &["withdraw", f, "Peru"]);
    let csv = write(&env, "again.csv", &[",peru,Luis,delegate,,,,".to_string()]);
    env.ok(TYPING, &["import", f, csv.to_str().unwrap()]);
    assert_eq!(entries(&env, &file).len(), 2);
}

#[test]
fn bad_utf8_an_empty_file_and_a_short_row_are_refused_clearly() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let path = env.path("latin1.csv");
    let mut bytes = format!("{HEADER}\n,Peru,Ana,delegate,,,,\n,C").into_bytes();
    bytes.extend_from_slice(&[0xF4, 0x74, 0x65]); // "Côte" in Latin-1
    bytes.extend_from_slice(b" d'Ivoire,Jean,delegate,,,,\n");
    std::fs::write(&path, bytes).unwrap();
    let err = refused(&env, &file, &path, &[]);
    assert!(err.contains("not UTF-8 text (line 3"), "{err}");
    assert!(err.contains("CSV UTF-8"), "{err}");

    std::fs::write(&path, "").unwrap();
    let err = refused(&env, &file, &path, &[]);
    assert!(err.contains("the file is empty"), "{err}");

    std::fs::write(&path, format!("{HEADER}\n")).unwrap();
    let err = refused(&env, &file, &path, &[]);
    assert!(err.contains("no rows after the header"), "{err}");

    std::fs::write(&path, format!("{HEADER}\n,Peru,Mensah, Ama,delegate,,,,\n")).unwrap();
    let err = refused(&env, &file, &path, &[]);
    assert!(
        err.contains("row 1 (line 2), column 9: the row has 9 cells and the header 8"),
        "{err}"
    );
}

#[test]
fn a_missing_session_or_inscriptions_file_is_refused() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let out = env
        .podium(TYPING)
        .args(["import", file.to_str().unwrap(), "nowhere.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot read nowhere.csv"));
    let csv = write(&env, "ins.csv", &good_rows(3));
    let out = env
        .podium(TYPING)
        .args(["import", "absent.json", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!env.path("absent.json").exists());
}

/// 100,000 rows: linear, not quadratic. Slow in a debug build, so run it on purpose:
/// `cargo test --release --test records_import -- --ignored`.
#[test]
#[ignore]
fn import_of_100000_rows_is_linear() {
    let env = Env::new();
    let file = env.new_list("big.json");
    let rows: Vec<String> = (1..=100_000)
        .map(|i| format!("2022-09-10T10:00:00+02:00,Delegation {i:06},Speaker {i},delegate,,,,"))
        .collect();
    let csv = write(&env, "big.csv", &rows);
    let t = std::time::Instant::now();
    env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), csv.to_str().unwrap()],
    );
    let took = t.elapsed();
    eprintln!("import of 100,000 rows: {took:?}");
    assert_eq!(podium::store::load(&file).unwrap().entries.len(), 100_000);
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn the_sample_file_of_the_documentation_imports() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-inscriptions.csv");
    let out = env.ok(
        TYPING,
        &["import", file.to_str().unwrap(), sample.to_str().unwrap()],
    );
    assert!(out.contains("imported 11 inscriptions"), "{out}");
    let list = entries(&env, &file);
    let order: Vec<&str> = list
        .iter()
        .map(|e| e["delegation"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "Ghana",
            "Japan",
            "European Union",
            "Egypt",
            "Brazil",
            "Côte d'Ivoire",
            "Poland",
            "Poland",
            "Chile",
            "Holy See",
            "UNODC"
        ]
    );
}
