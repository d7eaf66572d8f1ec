//! `podium export`: CSV (one row per entry, the right seconds), the Journal's Markdown (an insta
//! snapshot), JSON (round-trips to an equal session), `--output`, and read-only on FILE.

mod support;

use podium::records::export::CSV_COLUMNS;
use podium::store;
use std::collections::HashMap;
use support::cli::{Env, READ};

#[test]
fn export_csv_parses_with_one_row_per_entry_and_the_right_seconds() {
    let env = Env::new();
    let file = env.meeting();
    let out = env.ok(READ, &["export", file.to_str().unwrap(), "--format", "csv"]);

    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, CSV_COLUMNS);
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    let session = store::load(&file).unwrap();
    assert_eq!(rows.len(), session.entries.len());
    assert_eq!(rows.len(), 8);

    // Display order: spoken in the order they spoke, the current one, waiting, withdrawn.
    let order: Vec<&str> = rows.iter().map(|r| r["delegation"].as_str()).collect();
    assert_eq!(
        order,
        [
            "Ghana", "Egypt", "Kenya", "Japan", "Chile", "Holy See", "France", "Poland"
        ]
    );
    let by = |d: &str| rows.iter().find(|r| r["delegation"] == d).unwrap();
    let cell = |d: &str, c: &str| by(d)[c].clone();
    // seconds_used, limit_seconds, overtime_seconds, status.
    let expect = [
        ("Ghana", "200", "180", "20", "spoken"),
        ("Egypt", "220", "300", "0", "spoken"),
        ("Kenya", "210", "180", "30", "spoken"),
        ("Japan", "90", "180", "0", "spoken"),
        ("Chile", "180", "180", "0", "spoken"),
        ("Holy See", "150", "180", "0", "spoken"),
        // At the podium since 10:17:30, read at 10:18:00.
        ("France", "30", "180", "0", "current"),
        ("Poland", "", "180", "", "withdrawn"),
    ];
    for (d, used, limit, over, status) in expect {
        assert_eq!(cell(d, "seconds_used"), used, "{d}");
        assert_eq!(cell(d, "limit_seconds"), limit, "{d}");
        assert_eq!(cell(d, "overtime_seconds"), over, "{d}");
        assert_eq!(cell(d, "status"), status, "{d}");
    }
    assert_eq!(cell("Egypt", "chair_of"), "african");
    assert_eq!(cell("Kenya", "speaker"), "John Roe");
    assert_eq!(cell("Kenya", "mode"), "remote");
    assert_eq!(cell("Ghana", "level"), "minister");
    assert_eq!(cell("Ghana", "started_at"), "2022-10-17T10:00:00+02:00");
    assert_eq!(cell("Ghana", "ended_at"), "2022-10-17T10:03:20+02:00");
    assert_eq!(cell("France", "ended_at"), "");
    // A swap exchanges queued_at; requested_at never changes.
    assert_eq!(cell("Japan", "requested_at"), "2022-09-10T10:00:00+02:00");
    assert_eq!(cell("Japan", "queued_at"), "2022-09-09T10:00:00+02:00");
    // place is the place in the queue: nobody is waiting here.
    assert!(rows.iter().all(|r| r["place"].is_empty()));
    assert!(rows.iter().all(|r| r["no_post"] == "false"));
}

#[test]
fn export_csv_prints_one_header_line_then_one_line_per_entry_and_nothing_else() {
    let env = Env::new();
    let file = env.meeting();
    let f = file.to_str().unwrap();
    let extra = env.path("extra.json");
    env.new_list("extra.json");
    let e = extra.to_str().unwrap();
    env.ok(
        support::cli::TYPING,
        &[
            "add",
            e,
            "--delegation",
            "Peru, Republic of",
            "--speaker",
            "Ana \"Quote\" Ruiz",
            "--level",
            "delegate",
        ],
    );
    env.ok(
        support::cli::TYPING,
        &[
            "add",
            e,
            "--delegation",
            "Mali",
            "--speaker",
            "Awa",
            "--level",
            "minister",
        ],
    );
    let out = env
        .podium(READ)
        .args(["export", e, "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    // Waiting entries carry their place in the queue; the minister comes first (R3).
    assert_eq!(&rows[0][0], "1");
    assert_eq!(&rows[0][2], "Mali");
    assert_eq!(&rows[1][2], "Peru, Republic of");
    assert_eq!(&rows[1][3], "Ana \"Quote\" Ruiz");
    assert_eq!(&rows[1][13], "");

    let text = env.ok(READ, &["export", f, "--format", "csv"]);
    assert_eq!(text.lines().count(), 1 + 8);
}

#[test]
fn export_markdown_lists_every_entry_as_the_journal_does() {
    let env = Env::new();
    let file = env.meeting();
    let out = env.ok(READ, &["export", file.to_str().unwrap(), "--format", "md"]);
    insta::assert_snapshot!("journal_markdown", out);
}

#[test]
fn export_markdown_shows_the_queue_tier_by_tier_with_observers_last() {
    let env = Env::new();
    let file = env.new_list("journal.json");
    let f = file.to_str().unwrap();
    let t = support::cli::TYPING;
    env.inscribe(
        f,
        &[
            "Ghana|Ama Mensah|minister|2022-09-06T10:00:00+02:00",
            "Egypt|Ahmed Ali|head-of-delegation|2022-09-07T10:00:00+02:00|--chair-of|african",
            "Kenya|Jane_Doe [acting]|delegate|2022-09-08T10:00:00+02:00|--mode|remote",
            "Japan|Kishida Fumio|head-of-government|2022-09-09T10:00:00+02:00",
            "European Union|Ms. Ylva Johansson|minister|2022-09-10T10:00:00+02:00|--category|reio",
            "Holy See|Paul Gallagher|minister|2022-09-05T10:00:00+02:00|--category|observer-state|--mode|video",
            "UNODC|Ghada Waly|head-of-delegation|2022-09-05T11:00:00+02:00|--category|un-entity",
            "Chile|Juan Pérez|delegate|2022-09-11T10:00:00+02:00",
        ],
    );
    env.ok(t, &["mark", f, "Holy See", "--introducer", "the President"]);
    env.ok(t, &["withdraw", f, "Chile"]);
    env.ok("2022-10-17T10:00:00+02:00", &["next", f]);
    env.ok("2022-10-17T10:02:45+02:00", &["next", f]);
    let out = env.ok(
        "2022-10-17T10:04:00+02:00",
        &["export", f, "--format", "md"],
    );
    insta::assert_snapshot!("journal_markdown_queue", out);
}

#[test]
fn export_json_round_trips_to_an_equal_session() {
    let env = Env::new();
    let file = env.meeting();
    let out = env.ok(
        READ,
        &["export", file.to_str().unwrap(), "--format", "json"],
    );
    let exported = store::parse(&env.path("export.json"), &out).unwrap();
    assert_eq!(exported, store::load(&file).unwrap());
}

#[test]
fn export_output_writes_the_file_and_leaves_the_session_alone() {
    let env = Env::new();
    let file = env.meeting();
    let before = std::fs::read(&file).unwrap();
    let lock = store::lock_path(&file);
    std::fs::remove_file(&lock).unwrap();
    let out_path = env.path("out.csv");
    for _ in 0..2 {
        let out = env
            .podium(READ)
            .args([
                "export",
                file.to_str().unwrap(),
                "--format",
                "csv",
                "--output",
                out_path.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
    }
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(
        written,
        env.ok(READ, &["export", file.to_str().unwrap(), "--format", "csv"])
    );
    // Read-only on FILE: not changed, no lock taken, no temporary file left.
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!lock.exists());
    assert!(!store::temp_path(&out_path).exists());
}

#[test]
fn export_refuses_to_write_over_the_session_file() {
    let env = Env::new();
    let file = env.meeting();
    let before = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let out = env
        .podium(READ)
        .args(["export", f, "--format", "csv", "--output", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn export_unknown_format_is_a_usage_error_and_a_missing_file_is_refused() {
    let env = Env::new();
    let file = env.new_list("s.json");
    let out = env
        .podium(READ)
        .args(["export", file.to_str().unwrap(), "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = env
        .podium(READ)
        .args(["export", "absent.json", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
}
