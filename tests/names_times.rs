//! Issue 12 from outside: names and times as delegations' emails give them (SPEC section 10),
//! and the corrections `rename`, `reinstate` and `set title` (SPEC section 3).

mod support;

use serde_json::Value;
use support::cli::Desk;

const UK: &str = "United Kingdom of Great Britain and Northern Ireland";

fn vienna() -> Desk {
    Desk::with(&["--time-zone", "Europe/Vienna"])
}

fn entries(d: &Desk) -> Vec<Value> {
    d.list()["entries"].as_array().cloned().unwrap_or_default()
}

fn entry(d: &Desk, id: u64) -> Value {
    entries(d)
        .into_iter()
        .find(|e| e["id"] == id)
        .unwrap_or(Value::Null)
}

fn add(d: &Desk, delegation: &str, more: &[&str]) -> std::process::Output {
    d.cmd(&support::cli::add_args(delegation, "delegate", more))
        .output()
        .expect("run")
}

#[test]
fn uk_u_k_turkey_turkiye_vietnam_czech_republic_eu_and_vatican_are_stored_as_the_un_writes_them() {
    let d = vienna();
    let cases = [
        ("UK", UK),
        ("Turkey", "Türkiye"),
        ("Vietnam", "Viet Nam"),
        ("Czech Republic", "Czechia"),
        ("EU", "European Union"),
        ("Vatican", "Holy See"),
    ];
    for (typed, written) in cases {
        let out = add(&d, typed, &[]);
        assert!(out.status.success(), "{typed}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("\"{typed}\" is written \"{written}\"")),
            "{typed}: {stdout}"
        );
    }
    let names: Vec<String> = entries(&d)
        .iter()
        .map(|e| e["delegation"].as_str().unwrap_or_default().to_string())
        .collect();
    for (_, written) in cases {
        assert!(names.iter().any(|n| n == written), "{written} in {names:?}");
    }
    let category = |name: &str| {
        entries(&d)
            .into_iter()
            .find(|e| e["delegation"] == name)
            .map(|e| e["category"].clone())
    };
    assert_eq!(category("European Union"), Some("reio".into()));
    assert_eq!(category("Holy See"), Some("observer-state".into()));
    assert_eq!(category("Czechia"), Some("state-party".into()));
    // u.k. and turkiye are the same delegations: refused as duplicates of what is stored.
    for typed in ["u.k.", "turkiye"] {
        let err = d.refused_with(
            &[
                "add",
                "--delegation",
                typed,
                "--speaker",
                "S",
                "--level",
                "delegate",
            ],
            1,
        );
        assert!(err.contains("already has entry"), "{typed}: {err}");
    }
}

#[test]
fn turkiye_then_turkey_is_refused_as_a_duplicate() {
    let d = vienna();
    d.ok(&support::cli::add_args("Türkiye", "minister", &[]));
    let err = d.refused_with(&support::cli::add_args("Turkey", "delegate", &[]), 1);
    assert!(err.contains("Türkiye already has entry #1"), "{err}");
}

#[test]
fn korea_is_refused_with_its_two_candidates() {
    let d = vienna();
    let err = d.refused_with(&support::cli::add_args("Korea", "delegate", &[]), 1);
    assert!(err.contains("\"Republic of Korea\""), "{err}");
    assert!(
        err.contains("\"Democratic People's Republic of Korea\""),
        "{err}"
    );
    d.ok(&support::cli::add_args("South Korea", "delegate", &[]));
    assert_eq!(entry(&d, 1)["delegation"], "Republic of Korea");
}

#[test]
fn rotary_international_is_stored_as_typed_with_a_warning() {
    let d = vienna();
    let out = add(&d, "Rotary International", &["--category", "ngo"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning:") && stderr.contains("not in the reference data"),
        "{stderr}"
    );
    assert_eq!(entry(&d, 1)["delegation"], "Rotary International");
    assert_eq!(entry(&d, 1)["category"], "ngo");
}

#[test]
fn an_entry_is_named_by_a_short_form_of_its_delegation() {
    let d = vienna();
    d.ok(&support::cli::add_args("United Kingdom", "delegate", &[]));
    d.ok(&["withdraw", "UK"]);
    assert_eq!(entry(&d, 1)["status"], "withdrawn");
}

#[test]
fn times_of_emails_in_europe_vienna_give_the_right_instants_in_summer_and_winter() {
    let d = vienna();
    let cases = [
        ("Kenya", "5 Sep 09:12", "2022-09-05T09:12:00+02:00"),
        ("Peru", "2022-09-05 09:12", "2022-09-05T09:12:00+02:00"),
        ("Chile", "Sep 5 09:12", "2022-09-05T09:12:00+02:00"),
        ("Fiji", "09:12", "2022-10-17T09:12:00+02:00"),
        (
            "Ghana",
            "5 December 2021 09:12",
            "2021-12-05T09:12:00+01:00",
        ),
        ("Mali", "2021-12-05T09:12", "2021-12-05T09:12:00+01:00"),
        ("Chad", "2022-09-05T07:12:00Z", "2022-09-05T09:12:00+02:00"),
    ];
    for (delegation, at, _) in cases {
        d.ok(&support::cli::add_args(
            delegation,
            "delegate",
            &["--at", at],
        ));
    }
    for (delegation, at, instant) in cases {
        let e = entries(&d)
            .into_iter()
            .find(|e| e["delegation"] == delegation)
            .unwrap_or(Value::Null);
        assert_eq!(e["requested_at"], instant, "{at}");
    }
    assert_eq!(d.list()["time_zone"], "Europe/Vienna");
    assert!(d.ok(&["list"]).contains("Europe/Vienna"));
}

#[test]
fn a_time_in_the_hour_skipped_is_refused_and_one_in_the_hour_repeated_takes_the_first() {
    let d = vienna();
    let err = d.refused_with(
        &support::cli::add_args("Kenya", "delegate", &["--at", "2022-03-27 02:30"]),
        1,
    );
    assert!(err.contains("skipped"), "{err}");
    d.ok(&support::cli::add_args(
        "Kenya",
        "delegate",
        &["--at", "2021-10-31 02:30"],
    ));
    assert_eq!(entry(&d, 1)["requested_at"], "2021-10-31T02:30:00+02:00");
}

#[test]
fn an_unparsable_time_is_refused_with_the_forms_in_plain_words() {
    let d = vienna();
    let err = d.refused_with(
        &support::cli::add_args("Kenya", "delegate", &["--at", "Monday morning"]),
        1,
    );
    assert!(
        err.contains("5 Sep 09:12") && err.contains("09:12"),
        "{err}"
    );
}

#[test]
fn a_request_in_the_future_is_accepted_with_a_warning() {
    let d = vienna();
    let out = add(&d, "Kenya", &["--at", "18 Oct 09:00"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning:") && stderr.contains("later than now"),
        "{stderr}"
    );
}

#[test]
fn mars_base_is_refused_as_a_time_zone() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("m.json");
    let out = assert_cmd::Command::cargo_bin("podium")
        .expect("binary")
        .args([
            "new",
            file.to_str().unwrap_or_default(),
            "--time-zone",
            "Mars/Base",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error:"));
    assert!(!file.exists());
    let d = vienna();
    let err = d.refused_with(&["set", "time-zone", "Mars/Base"], 1);
    assert!(err.contains("Mars/Base"), "{err}");
}

#[test]
fn new_reads_its_times_in_its_zone_and_set_time_zone_shows_them_in_the_new_one() {
    let d = Desk::with(&[
        "--time-zone",
        "Europe/Vienna",
        "--opens",
        "5 Sep 2022 00:00",
        "--closes",
        "17 Oct 12:00",
    ]);
    let json: Value = serde_json::from_str(&d.ok(&["export", "--format", "json"])).expect("json");
    assert_eq!(json["settings"]["closes"], "2022-10-17T12:00:00+02:00");
    d.ok(&support::cli::add_args(
        "Kenya",
        "delegate",
        &["--at", "2022-09-05 09:12"],
    ));
    d.ok(&["set", "time-zone", "America/New_York"]);
    assert_eq!(entry(&d, 1)["requested_at"], "2022-09-05T03:12:00-04:00");
    assert_eq!(d.list()["time_zone"], "America/New_York");
}

#[test]
fn a_bare_number_as_a_duration_is_refused_with_the_forms() {
    let d = vienna();
    let err = d.refused_with(&["set", "limit", "2"], 1);
    assert!(
        err.contains("2 seconds or 2 minutes") && err.contains("3m"),
        "{err}"
    );
    d.ok(&["set", "limit", "2m"]);
}

#[test]
fn rename_keeps_queued_at_and_the_place() {
    let d = vienna();
    d.ok(&support::cli::add_args(
        "Kenya",
        "delegate",
        &["--at", "5 Sep 09:00"],
    ));
    d.ok(&support::cli::add_args(
        "Rotary Intl",
        "delegate",
        &["--at", "5 Sep 09:10"],
    ));
    d.ok(&support::cli::add_args(
        "Peru",
        "delegate",
        &["--at", "5 Sep 09:20"],
    ));
    let before = entry(&d, 2);
    let out = d.ok(&[
        "rename",
        "2",
        "--delegation",
        "Rotary International",
        "--speaker",
        "Ms. Ana Ruiz",
    ]);
    assert!(out.contains("#2"), "{out}");
    let after = entry(&d, 2);
    assert_eq!(after["delegation"], "Rotary International");
    assert_eq!(after["speaker"], "Ms. Ana Ruiz");
    assert_eq!(after["queued_at"], before["queued_at"]);
    assert_eq!(after["position"], 2);
    // A new delegation name that is already on the list is refused.
    let err = d.refused_with(&["rename", "2", "--delegation", "peru"], 1);
    assert!(err.contains("Peru already has entry #3"), "{err}");
    // And it is resolved like an inscription.
    let out = d.ok(&["rename", "3", "--delegation", "UK"]);
    assert!(out.contains(&format!("is written \"{UK}\"")), "{out}");
    assert_eq!(entry(&d, 3)["delegation"], UK);
    let log: Value = serde_json::from_str(&d.ok(&["export", "--format", "json"])).expect("json");
    assert!(
        log["log"]
            .as_array()
            .is_some_and(|l| l.iter().any(|r| r["what"] == "renamed"))
    );
}

#[test]
fn reinstate_restores_the_place() {
    let d = vienna();
    for (delegation, at) in [
        ("Kenya", "5 Sep 09:00"),
        ("Peru", "5 Sep 09:10"),
        ("Chile", "5 Sep 09:20"),
    ] {
        d.ok(&support::cli::add_args(
            delegation,
            "delegate",
            &["--at", at],
        ));
    }
    d.ok(&["withdraw", "Peru"]);
    assert_eq!(entry(&d, 2)["status"], "withdrawn");
    // Named by its delegation although it is withdrawn.
    let out = d.ok(&["reinstate", "peru", "--at", "17 Oct 09:30"]);
    assert!(out.contains("place 2"), "{out}");
    let e = entry(&d, 2);
    assert_eq!(e["status"], "waiting");
    assert_eq!(e["position"], 2);
    assert_eq!(e["queued_at"], "2022-09-05T09:10:00+02:00");
    // Refused while another entry of its delegation waits.
    d.ok(&["withdraw", "2"]);
    d.ok(&support::cli::add_args(
        "Peru",
        "minister",
        &["--at", "5 Sep 10:00"],
    ));
    let err = d.refused_with(&["reinstate", "2"], 1);
    assert!(err.contains("Peru already has entry #4"), "{err}");
    // Only withdrawn entries are reinstated.
    d.refused_with(&["reinstate", "1"], 1);
}

#[test]
fn set_title_changes_the_title_and_refuses_an_empty_one() {
    let d = vienna();
    d.ok(&["set", "title", "Item 1 (f): general discussion"]);
    assert_eq!(d.list()["title"], "Item 1 (f): general discussion");
    d.refused_with(&["set", "title", "  "], 1);
}

#[test]
fn an_import_resolves_names_and_reads_times_in_the_list_s_zone() {
    let d = vienna();
    let csv = d.dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
         5 Sep 09:12,UK,A,delegate,,,,\n\
         2022-09-05 09:13,Vatican,B,delegate,,,,\n\
         ,Rotary International,C,delegate,,ngo,,\n",
    )
    .expect("csv");
    let out = d
        .cmd(&["import", csv.to_str().unwrap_or_default()])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"UK\" is written"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in the reference data"));
    assert_eq!(entry(&d, 1)["delegation"], UK);
    assert_eq!(entry(&d, 1)["requested_at"], "2022-09-05T09:12:00+02:00");
    assert_eq!(entry(&d, 2)["delegation"], "Holy See");
    assert_eq!(entry(&d, 2)["category"], "observer-state");
    let bad = d.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "requested_at,delegation,speaker,level,chair_of,category,mode,no_post\nsoon,Korea,A,delegate,,,,\n",
    )
    .expect("csv");
    d.refused_with(&["import", bad.to_str().unwrap_or_default()], 1);
}
