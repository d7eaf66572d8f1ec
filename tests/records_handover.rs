//! The records handed over at the end of the day (SPEC section 12): the Journal's list of
//! speakers, the spreadsheet read back by LibreOffice, the President's copy and the report's page
//! rendered and printed by headless Chromium, and the report's sections on the floor (absences,
//! points of order, pauses, meeting slots, extra time and time taken away, undo).

mod support;

use podium::domain::history::{History, Snapshot};
use podium::domain::{
    AbsentPolicy, Inscription, Level, Session, Setting, Settings, Slot, parse_time,
};
use podium::report::Report;
use std::path::{Path, PathBuf};
use support::cli::{Env, TYPING};

/// The time the handover list is read at: Türkiye at the podium since 10:03:20.
const READ: &str = "2022-10-17T10:05:00+02:00";

/// A list run by commands with a pinned clock, two meeting slots on two days:
///
/// | place | entry | notes |
/// |---|---|---|
/// | heard | #1 Ghana, minister | spoke 3:20 of 3:00 |
/// | podium | #8 Türkiye, minister (priority tier) | since 10:03:20 |
/// | 1 | #2 Egypt for the African group | 5:00 from 10:06:20 |
/// | 2 | #3 Kenya | remote, from 10:11:20 |
/// | 3 | #4 Chile, Lucía Fernández | video; past the first slot's end: the next day at 10:00 |
/// | 4 | #6 Japan | |
/// | 5 | #7 Peru | |
/// | withdrawn | #5 Poland | |
fn handover(env: &Env) -> PathBuf {
    let file = env.new_list_with(
        "handover.json",
        &[
            "--slot",
            "2022-10-17T10:00:00+02:00/2022-10-17T10:15:00+02:00",
            "--slot",
            "2022-10-18T10:00:00+02:00/2022-10-18T13:00:00+02:00",
        ],
    );
    let f = file.to_str().expect("a UTF-8 path");
    let rows: [&[&str]; 8] = [
        &[
            "Ghana",
            "Ama Mensah",
            "minister",
            "2022-09-06T10:00:00+02:00",
        ],
        &[
            "Egypt",
            "Ahmed Ali",
            "head-of-delegation",
            "2022-09-07T10:00:00+02:00",
            "--chair-of",
            "african",
        ],
        &[
            "Kenya",
            "Jane Doe",
            "delegate",
            "2022-09-08T10:00:00+02:00",
            "--mode",
            "remote",
        ],
        &[
            "Chile",
            "Lucía Fernández",
            "delegate",
            "2022-09-09T10:00:00+02:00",
            "--mode",
            "video",
        ],
        &[
            "Poland",
            "Jan Kowalski",
            "deputy-minister",
            "2022-09-10T10:00:00+02:00",
        ],
        &[
            "Japan",
            "Sato Hanako",
            "delegate",
            "2022-09-11T10:00:00+02:00",
        ],
        &[
            "Peru",
            "Ana Quispe",
            "head-of-delegation",
            "2022-09-12T10:00:00+02:00",
        ],
        &[
            "Türkiye",
            "Ayşe Yılmaz",
            "minister",
            "2022-09-13T10:00:00+02:00",
        ],
    ];
    for row in rows {
        let mut args = vec![
            "add",
            f,
            "--delegation",
            row[0],
            "--speaker",
            row[1],
            "--level",
            row[2],
            "--at",
            row[3],
        ];
        args.extend_from_slice(&row[4..]);
        env.ok(TYPING, &args);
    }
    env.ok(
        "2022-10-16T09:30:00+02:00",
        &["withdraw", f, "Poland", "--at", "2022-10-16T09:00:00+02:00"],
    );
    env.ok("2022-10-17T10:00:00+02:00", &["next", f]);
    env.ok("2022-10-17T10:03:20+02:00", &["next", f]);
    file
}

fn export(env: &Env, file: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", file.to_str().unwrap()];
    all.extend_from_slice(args);
    env.ok(READ, &all)
}

#[test]
fn journal_lists_the_speakers_to_be_heard_as_the_journal_prints_them() {
    let env = Env::new();
    let file = handover(&env);
    let before = std::fs::read(&file).unwrap();
    let out = export(&env, &file, &["--format", "journal"]);
    insta::assert_snapshot!("journal_to_be_heard", out);
    // No time spoken, no withdrawn delegation, nobody heard without --all.
    assert!(!out.contains("3:20") && !out.contains("spoke"), "{out}");
    assert!(
        !out.contains("Poland") && !out.contains("ithdrawn"),
        "{out}"
    );
    assert!(
        !out.contains("Ghana") && !out.contains("Speakers heard"),
        "{out}"
    );
    assert!(
        out.contains(
            "1. Egypt (on behalf of the Group of African States) — Ahmed Ali, Head of Delegation\n"
        ),
        "{out}"
    );
    assert!(!out.contains("Türkiye"), "at the podium: being heard");
    assert!(out.contains("Kenya — Jane Doe, Delegate (remote)"), "{out}");
    assert!(
        out.contains("Chile — Lucía Fernández, Delegate (video statement)"),
        "{out}"
    );
    assert!(
        out.contains("Monday, 17 October 2022: 10:00-10:15"),
        "{out}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "read-only");
}

#[test]
fn journal_all_adds_the_speakers_heard_under_their_own_heading() {
    let env = Env::new();
    let file = handover(&env);
    let out = export(&env, &file, &["--format", "journal", "--all"]);
    insta::assert_snapshot!("journal_all", out);
    let heard = out.find("## Speakers heard").expect("the heading");
    let to_come = out.find("## Speakers to be heard").expect("the heading");
    assert!(heard < to_come);
    let heard_part = &out[heard..to_come];
    assert!(
        heard_part.contains("1. Ghana — H.E. Ama Mensah, Minister"),
        "{out}"
    );
    assert!(
        heard_part.contains("2. Türkiye — H.E. Ayşe Yılmaz, Minister"),
        "{out}"
    );
    assert!(out[to_come..].contains("1. Egypt (on behalf of the Group of African States)"));
    assert!(!out.contains("3:20") && !out.contains("Poland"), "{out}");
}

#[test]
fn journal_names_every_group_as_printed() {
    use podium::domain::Group;
    let printed: Vec<String> = Group::ALL
        .iter()
        .map(|g| podium::records::journal::group_in_print(*g))
        .collect();
    assert_eq!(
        printed,
        [
            "Group of African States",
            "Group of Asia-Pacific States",
            "Group of Eastern European States",
            "Group of Latin American and Caribbean States",
            "Group of Western European and other States",
        ]
    );
}

#[test]
fn markdown_keeps_the_complete_record_with_times_and_withdrawals() {
    let env = Env::new();
    let file = handover(&env);
    let out = export(&env, &file, &["--format", "md"]);
    assert!(out.contains("spoke 3:20 of 3:00"), "{out}");
    // The time of the export too is read in the list's zone, whatever offset the clock gives.
    let utc = env.ok(
        "2022-10-17T08:05:00Z",
        &["export", file.to_str().unwrap(), "--format", "md"],
    );
    assert!(utc.contains("as at 2022-10-17 10:05 +02:00"), "{utc}");
    assert!(out.contains("## Withdrawn"), "{out}");
}

/// A list with a speaker whose name is a formula and names with accents.
fn spreadsheet_list(env: &Env) -> PathBuf {
    let file = handover(env);
    let f = file.to_str().unwrap();
    env.ok(
        TYPING,
        &[
            "add",
            f,
            "--delegation",
            "Brazil",
            "--speaker",
            "=1+1",
            "--level",
            "delegate",
            "--at",
            "2022-09-14T10:00:00+02:00",
        ],
    );
    file
}

#[test]
fn xlsx_needs_output_and_writes_nothing_without_it() {
    let env = Env::new();
    let file = handover(&env);
    let before = std::fs::read(&file).unwrap();
    let out = env
        .podium(READ)
        .args(["export", file.to_str().unwrap(), "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(out.stdout.is_empty(), "nothing on the standard output");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--output"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn xlsx_columns_are_every_field_of_list_json() {
    let env = Env::new();
    let file = handover(&env);
    let list = env.ok(READ, &["list", file.to_str().unwrap(), "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&list).unwrap();
    for entry in doc["entries"].as_array().unwrap() {
        for key in entry.as_object().unwrap().keys() {
            assert!(
                podium::records::xlsx::COLUMNS.contains(&key.as_str()),
                "list --json has {key}, the spreadsheet's columns do not name it"
            );
        }
    }
}

#[test]
fn xlsx_opens_in_libreoffice_one_row_per_entry_accents_kept_and_no_formula() {
    let env = Env::new();
    let file = spreadsheet_list(&env);
    let xlsx = env.path("list.xlsx");
    let out = export(
        &env,
        &file,
        &["--format", "xlsx", "--output", xlsx.to_str().unwrap()],
    );
    assert!(out.is_empty(), "{out}");
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "an Office Open XML (zip) file");
    let Some(csv) = support::readers::libreoffice_csv(&xlsx) else {
        return;
    };
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, podium::records::xlsx::COLUMNS);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // One row per entry, nothing else.
    assert_eq!(rows.len(), 9, "{csv}");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = |d: &str| rows.iter().find(|r| r[col("delegation")] == d).unwrap();
    // The formula is the text the officer typed, not its value.
    assert_eq!(row("Brazil")[col("speaker")], "=1+1", "{csv}");
    assert_eq!(row("Türkiye")[col("speaker")], "Ayşe Yılmaz");
    assert_eq!(row("Chile")[col("speaker")], "Lucía Fernández");
    // Times are date-time cells, shown in the list's zone (Vienna, +02:00).
    assert_eq!(
        row("Ghana")[col("started_at")],
        "2022-10-17 10:00:00",
        "{csv}"
    );
    assert_eq!(row("Ghana")[col("requested_at")], "2022-09-06 10:00:00");
    // Chile does not fit in the first slot: it starts the second day's meeting.
    assert_eq!(row("Chile")[col("projected_start")], "2022-10-18 10:00:00");
    assert_eq!(row("Ghana")[col("spoken_seconds")], "200");
    assert_eq!(row("Türkiye")[col("status")], "current");
    assert_eq!(row("Egypt")[col("chair_of")], "african");
    assert_eq!(row("Kenya")[col("position")], "2");
}

#[test]
fn xlsx_cells_are_text_numbers_and_date_times_with_the_header_frozen() {
    // The sheet's XML, read with the zip and XML the spreadsheet program reads: a formula cell
    // would have an <f> element; a text cell is a shared string (t="s").
    let env = Env::new();
    let file = spreadsheet_list(&env);
    let xlsx = env.path("list.xlsx");
    export(
        &env,
        &file,
        &["--format", "xlsx", "--output", xlsx.to_str().unwrap()],
    );
    let Some(python) = support::readers::program("python3", "python3") else {
        return;
    };
    let script = r#"
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
sheet = z.read('xl/worksheets/sheet1.xml').decode()
strings = z.read('xl/sharedStrings.xml').decode()
print('formulas', sheet.count('<f>') + sheet.count('<f '))
print('frozen', 'state="frozen"' in sheet and 'ySplit="1"' in sheet)
print('widths', len(re.findall(r'<col ', sheet)))
print('formula-text', '=1+1' in strings)
print('rows', len(re.findall(r'<row ', sheet)))
"#;
    let out = std::process::Command::new(python)
        .args(["-c", script])
        .arg(&xlsx)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("formulas 0"), "{said}");
    assert!(said.contains("frozen True"), "{said}");
    assert!(said.contains("formula-text True"), "{said}");
    assert!(said.contains("rows 10"), "header and nine entries: {said}");
    assert!(!said.contains("widths 0"), "columns sized: {said}");
}

#[test]
fn csv_is_utf8_without_a_byte_order_mark_and_gains_the_missing_columns_at_the_end() {
    let env = Env::new();
    let file = handover(&env);
    let out = export(&env, &file, &["--format", "csv"]);
    assert!(!out.starts_with('\u{feff}'));
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("place,id,delegation,speaker,level,chair_of,category,mode,status,requested_at,queued_at,started_at,ended_at,seconds_used,limit_seconds,overtime_seconds,statement_received,no_post,"), "{header}");
    assert!(
        header.ends_with(",introducer,late_reason,priority,projected_start,video_late"),
        "{header}"
    );
    assert!(out.contains("Lucía Fernández"));
    assert!(
        out.contains("2022-10-18T10:00:00+02:00"),
        "Chile's projected start: {out}"
    );
}

/// Writes an export or a report to a file in the test's folder; returns its path and text.
fn page(env: &Env, now: &str, file: &Path, args: &[&str], name: &str) -> (PathBuf, String) {
    let out = env.path(name);
    let mut all: Vec<&str> = args.to_vec();
    all.insert(1, file.to_str().unwrap());
    all.extend_from_slice(&["--output", out.to_str().unwrap()]);
    env.ok(now, &all);
    let text = std::fs::read_to_string(&out).unwrap();
    (out, text)
}

/// `podium export FILE --format html --output copy.html` at [`READ`]: the President's copy.
fn president_copy(env: &Env, file: &Path) -> (PathBuf, String) {
    page(
        env,
        READ,
        file,
        &["export", "--format", "html"],
        "copy.html",
    )
}

/// Nothing in the page reaches outside it: no address, no script, no file.
fn assert_self_contained(html: &str) {
    for needle in [
        "http:", "https:", "//", "src=", "href=", "url(", "@import", "<script", "<link",
    ] {
        assert!(!html.contains(needle), "the page contains {needle:?}");
    }
}

/// Keeps a rendering for docs/ when PODIUM_DOCS_IMAGES names a folder.
fn keep_for_docs(png: &Path, name: &str) {
    if let Some(dir) = std::env::var_os("PODIUM_DOCS_IMAGES") {
        std::fs::copy(png, Path::new(&dir).join(name)).expect("the docs folder");
    }
}

#[test]
fn president_copy_has_the_queue_tick_boxes_slot_ends_window_and_zone() {
    let env = Env::new();
    let file = handover(&env);
    let (_, html) = president_copy(&env, &file);
    assert_self_contained(&html);
    assert!(html.contains("@page { size: A4;"), "prints on A4");
    assert!(html.contains("break-inside: avoid"), "rows are not cut");
    assert!(html.contains("Times in Europe/Vienna"), "{html}");
    assert!(
        html.contains("The list is open from 5 September 2022 00:00 to 17 October 2022 12:00"),
        "{html}"
    );
    assert_eq!(
        html.matches("<span class=\"box\"></span>").count(),
        5,
        "one tick box per waiting entry"
    );
    assert!(html.contains("Egypt (on behalf of the Group of African States)"));
    assert!(
        html.contains("At the podium: Türkiye — Ayşe Yılmaz, Minister"),
        "{html}"
    );
    // The end of the first slot falls between Kenya (10:11) and Chile (the next day).
    let kenya = html.find("Kenya").unwrap();
    let end = html
        .find("End of the meeting of 17 October 10:00-10:15")
        .unwrap();
    let chile = html.find("Chile").unwrap();
    assert!(kenya < end && end < chile, "{html}");
    assert!(html.contains("End of the meeting of 18 October 10:00-13:00"));
    assert!(html.contains("Mon 17 Oct 10:11"), "{html}");
    assert!(html.contains("Lucía Fernández") && html.contains("Video statement"));
    assert!(
        !html.contains("Poland") && !html.contains("Ghana"),
        "only the queue"
    );
}

#[test]
fn president_copy_renders_in_chromium_and_prints_on_a4_pages() {
    let env = Env::new();
    let file = handover(&env);
    // Forty more, with names long enough to wrap, so the list runs over two pages.
    let f = file.to_str().unwrap();
    for i in 0..40 {
        env.ok(
            TYPING,
            &[
                "add",
                f,
                "--delegation",
                &format!("Delegation of the Organization number {i}"),
                "--speaker",
                &format!(
                    "Ms. Speaker with a long name number {i}, Special Envoy for the Environment"
                ),
                "--level",
                "delegate",
                "--at",
                "2022-09-20T10:00:00+02:00",
            ],
        );
    }
    let (path, _) = president_copy(&env, &file);
    let png = env.path("copy.png");
    if let Some(bytes) = support::readers::screenshot(&path, &png, 900, 1200) {
        assert_eq!(support::readers::png_size(&bytes), (900, 1200));
    }
    let pdf = env.path("copy.pdf");
    if let Some(bytes) = support::readers::print_pdf(&path, &pdf) {
        let text = String::from_utf8_lossy(&bytes);
        let pages = text.matches("/Type /Page\n").count()
            + text.matches("/Type /Page/").count()
            + text.matches("/Type /Page ").count();
        assert!(pages >= 2, "the list runs over {pages} pages");
        // A4 is 595 x 842 points.
        assert!(text.contains("/MediaBox [0 0 59"), "A4 pages");
        let (rows, cut) = support::readers::rows_cut_across_pages(&bytes);
        // The header row, 45 waiting entries and the ends of the two meeting slots.
        assert_eq!(rows, 48, "the rows of the printed table");
        assert_eq!(cut, 0, "a row is cut across two pages");
    }
}

/// The check above can fail: a row taller than a page must be cut, and the PDF shows it.
#[test]
fn the_pdf_check_sees_a_row_cut_across_pages() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("tall.html");
    let tall: Vec<String> = (0..90).map(|i| format!("line {i}")).collect();
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><head><style>@page {{ size: A4; }}</style></head><body><table>\
             <thead><tr><th>Place</th><th>Speaker</th></tr></thead>\
             <tr><td>1</td><td>short</td></tr><tr><td>2</td><td>{}</td></tr></table></body></html>",
            tall.join("<br>")
        ),
    )
    .unwrap();
    if let Some(bytes) = support::readers::print_pdf(&page, &dir.path().join("tall.pdf")) {
        // A data table (with a header row): Chromium tags its rows.
        assert_eq!(support::readers::rows_cut_across_pages(&bytes), (3, 1));
    }
}

#[test]
fn president_copy_screenshot_for_the_docs() {
    let env = Env::new();
    let file = handover(&env);
    let (path, _) = president_copy(&env, &file);
    let png = env.path("president-copy.png");
    if support::readers::screenshot(&path, &png, 820, 640).is_some() {
        keep_for_docs(&png, "president-copy.png");
    }
}

/// The meeting of the report's figures, scripted through the list's own changes:
///
/// - 10:00 Ghana called; 10:01:00 a point of order; 10:01:45 the clock runs again (45 s);
///   10:02:00 +30 s; 10:02:10 +1:00, undone at 10:02:20; 10:03:45 Ghana ends, 3:00 of 3:30.
/// - 10:03:45 Kenya called, absent at 10:04:00 (behind-next: behind Chile).
/// - 10:04:10 Chile called; 10:05:00 -30 s; paused 10:06:00-10:06:20; ends 10:07:30, 3:00 of 2:30.
/// - 10:07:30 Kenya called; the absent setting becomes drop; Peru absent at 10:08:00: dropped.
/// - Read at 10:10:00.
fn scripted() -> Session {
    let t = |hms: &str| parse_time(&format!("2022-10-17T{hms}+02:00")).unwrap();
    let settings = Settings {
        slots: vec![Slot {
            start: t("10:00:00"),
            end: t("13:00:00"),
        }],
        ..Settings::default()
    };
    let mut s = Session::new("Scripted meeting", settings, t("09:00:00"));
    s.time_zone = "Europe/Vienna".to_string();
    for (d, who, level) in [
        ("Ghana", "Ama Mensah", Level::Minister),
        ("Kenya", "Jane Doe", Level::Delegate),
        ("Chile", "Lucía Fernández", Level::Delegate),
        ("Peru", "Ana Quispe", Level::Delegate),
        ("Japan", "Sato Hanako", Level::Delegate),
    ] {
        s.add(Inscription::new(d, who, level), t("09:10:00"))
            .unwrap();
    }
    let mut history = History::default();
    s.next(t("10:00:00")).unwrap();
    s.point_of_order(t("10:01:00")).unwrap();
    s.toggle_pause(t("10:01:45")).unwrap();
    s.extra_time(30, t("10:02:00")).unwrap();
    let before = Snapshot::of(&s);
    s.extra_time(60, t("10:02:10")).unwrap();
    history.record(&before, &s, "one minute more");
    history.undo(&mut s, t("10:02:20")).unwrap();
    s.next(t("10:03:45")).unwrap();
    s.absent(2, t("10:04:00")).unwrap();
    s.next(t("10:04:10")).unwrap();
    s.extra_time(-30, t("10:05:00")).unwrap();
    s.toggle_pause(t("10:06:00")).unwrap();
    s.toggle_pause(t("10:06:20")).unwrap();
    s.next(t("10:07:30")).unwrap();
    s.set(Setting::Absent(AbsentPolicy::Drop), t("10:07:40"))
        .unwrap();
    s.absent(4, t("10:08:00")).unwrap();
    s
}

const SCRIPTED_READ: &str = "2022-10-17T10:10:00+02:00";

#[test]
fn report_gives_absences_points_of_order_pauses_slots_and_extra_time_apart() {
    let s = scripted();
    let r = Report::compute(&s, parse_time(SCRIPTED_READ).unwrap());

    let absences: Vec<(&str, &str, &str)> = r
        .absences
        .iter()
        .map(|a| (a.title.as_str(), a.policy.as_str(), a.outcome.as_str()))
        .collect();
    assert_eq!(
        absences,
        [
            ("Kenya", "behind-next", "moved behind Chile"),
            ("Peru", "drop", "dropped from the list"),
        ]
    );

    assert_eq!(r.points_of_order.len(), 1);
    let p = &r.points_of_order[0];
    assert_eq!(p.title, "Ghana");
    assert_eq!(p.at, parse_time("2022-10-17T10:01:00+02:00").unwrap());
    assert_eq!(p.seconds, 45);
    assert_eq!(r.pauses.len(), 1);
    assert_eq!(
        (r.pauses[0].title.as_str(), r.pauses[0].seconds),
        ("Chile", 20)
    );

    // +30 s and -30 s apart; the undone minute does not count.
    assert_eq!(r.extra_granted.len(), 1);
    assert_eq!(r.extra_granted_seconds, 30);
    assert_eq!(r.time_taken.len(), 1);
    assert_eq!(r.time_taken_seconds, 30);
    assert_eq!(r.undone.len(), 1);
    assert_eq!(r.undone[0].label, "one minute more");
    assert!(
        r.undone[0].change.contains("extra time for Ghana 1:00"),
        "{:?}",
        r.undone[0]
    );

    // Ghana 3:00 of 3:30, Chile 3:00 of 2:30 (0:30 over); Kenya is at the podium.
    assert_eq!(r.slots.len(), 1);
    let sl = &r.slots[0];
    assert_eq!(sl.heading, "17 October 10:00-13:00");
    assert_eq!((sl.heard, sl.seconds, sl.limit_seconds), (2, 360, 360));
    assert_eq!((sl.overruns, sl.overtime_seconds), (1, 30));

    let text = r.to_string();
    for line in [
        "Meeting slots\n  17 October 10:00-13:00: 2 speakers heard in 6:00 (limits 6:00); 1 overrun, 0:30 over",
        "#2 Kenya (Jane Doe), absent when called; the setting behind-next: moved behind Chile",
        "#4 Peru (Ana Quispe), absent when called; the setting drop: dropped from the list",
        "2022-10-17 10:01 +02:00: during Ghana, the floor stood still 0:45 (to 10:01:45)",
        "1 point of order; the floor stood still 0:45 in all",
        "during Chile, the floor stood still 0:20 (to 10:06:20)",
        "\nExtra time granted: 0:30 in all (1 time)\n  2022-10-17 10:02 +02:00: extra time for Ghana 0:30: limit now 3:30",
        "\nTime taken away: 0:30 in all (1 time)\n  2022-10-17 10:05 +02:00: time taken from Chile 0:30: limit now 2:30",
        "undone \"one minute more\", which was: extra time for Ghana 1:00: limit now 4:30",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn podium_report_prints_the_new_sections_and_writes_html_with_output() {
    let env = Env::new();
    let file = env.path("scripted.json");
    let bytes = serde_json::to_vec_pretty(&scripted()).unwrap();
    std::fs::write(&file, bytes).unwrap();
    let before = std::fs::read(&file).unwrap();
    let text = env.ok(SCRIPTED_READ, &["report", file.to_str().unwrap()]);
    assert!(text.contains("\nAbsences\n"), "{text}");
    assert!(text.contains("\nPoints of order\n"), "{text}");
    assert!(
        text.contains("\nTime taken away: 0:30 in all (1 time)\n"),
        "{text}"
    );
    assert_eq!(
        env.ok(
            SCRIPTED_READ,
            &["report", file.to_str().unwrap(), "--format", "text"]
        ),
        text
    );
    let (path, html) = page(
        &env,
        SCRIPTED_READ,
        &file,
        &["report", "--format", "html"],
        "report.html",
    );
    assert_self_contained(&html);
    assert_eq!(html.matches("<svg ").count(), 2, "two pictures");
    assert!(html.contains("Each speaker's time against the limit"));
    assert!(html.contains("Time by regional group"));
    // Chile's bar runs past its limit, in red.
    assert!(html.contains("fill=\"#c62828\""), "{html}");
    assert!(html.contains("Lucía Fernández"));
    assert!(html.contains("Time taken away: 0:30 in all (1 time)"));
    assert_eq!(std::fs::read(&file).unwrap(), before, "read-only");
    let png = env.path("report.png");
    if support::readers::screenshot(&path, &png, 820, 1400).is_some() {
        keep_for_docs(&png, "report.png");
    }
    let pdf = env.path("report.pdf");
    if let Some(bytes) = support::readers::print_pdf(&path, &pdf) {
        assert!(String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 59"));
    }
}

#[test]
fn report_output_refuses_the_session_file_and_leaves_it_alone() {
    let env = Env::new();
    let file = handover(&env);
    let before = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let out = env
        .podium(READ)
        .args(["report", f, "--format", "html", "--output", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error:") && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn podium_report_names_the_absences_of_commands_and_what_the_setting_did() {
    let env = Env::new();
    let file = handover(&env);
    let f = file.to_str().unwrap();
    env.ok("2022-10-17T10:04:00+02:00", &["absent", f, "kenya"]);
    env.ok("2022-10-17T10:04:10+02:00", &["set", f, "absent", "drop"]);
    env.ok("2022-10-17T10:04:20+02:00", &["absent", f, "peru"]);
    let text = env.ok(READ, &["report", f]);
    let absences = &text[text.find("\nAbsences\n").expect("the section")..];
    let absences = &absences[..absences[1..].find("\n\n").map_or(absences.len(), |i| i + 1)];
    assert_eq!(
        absences.trim(),
        "Absences\n  \
         2022-10-17 10:04 +02:00: #3 Kenya (Jane Doe), absent when called; the setting behind-next: moved behind Chile\n  \
         2022-10-17 10:04 +02:00: #7 Peru (Ana Quispe), absent when called; the setting drop: dropped from the list",
        "{text}"
    );
    // The meeting slots: Ghana's 3:20 in the first; nothing yet in the second.
    assert!(
        text.contains(
            "17 October 10:00-10:15: 1 speaker heard in 3:20 (limits 3:00); 1 overrun, 0:20 over"
        ),
        "{text}"
    );
    assert!(
        text.contains("18 October 10:00-13:00: nobody heard"),
        "{text}"
    );
}
