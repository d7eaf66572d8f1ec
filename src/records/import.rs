//! `podium import FILE INSCRIPTIONS.csv [--dry-run]`: inscriptions from a spreadsheet, all or
//! none. Every row is read and checked before anything is written: first the cells (times,
//! levels, groups, categories, modes, yes/no), then the rules of `add` (window, duplicates,
//! including duplicates inside the file) through [`Session::add_many`] on the loaded copy of the
//! session. One bad row refuses the whole file, and the message names the row and the column.

use crate::app::{self, AppError};
use crate::delegations;
use crate::domain::{
    self, Category, Done, Field, Group, Inscription, Level, Mode, RuleError, Session, Time, Words,
    fmt_time,
};
use std::collections::HashMap;
use std::path::Path;

/// The header of an inscriptions file (SPEC section 3), in the documented order.
pub const COLUMNS: [&str; 8] = [
    "requested_at",
    "delegation",
    "speaker",
    "level",
    "chair_of",
    "category",
    "mode",
    "no_post",
];

/// One data row, read and parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The data row's number: the first row after the header is row 1.
    pub number: usize,
    /// The line of the file where the row starts (quoted cells may span lines).
    pub line: u64,
    pub inscription: Inscription,
    /// A request time without an offset (`5 Sep 09:12`), read in the list's zone when the rows
    /// meet the list (SPEC section 10); `None` where the cell was RFC 3339 or empty.
    pub requested_text: Option<String>,
    /// What the name resolution said: `"UK" is written ...` (stdout).
    pub notes: Vec<String>,
    /// A delegation the reference data lacks, kept as typed (a warning).
    pub warnings: Vec<String>,
}

/// Why a file is refused: where (row and column, when there is one) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub row: Option<(usize, u64)>,
    pub column: Option<&'static str>,
    pub message: String,
}

impl Refusal {
    fn file(message: String) -> Refusal {
        Refusal {
            row: None,
            column: None,
            message,
        }
    }

    fn at(row: &Row, column: Option<&'static str>, message: String) -> Refusal {
        Refusal {
            row: Some((row.number, row.line)),
            column,
            message,
        }
    }

    /// The one line the officer reads after `error:`.
    pub fn say(&self, name: &str) -> String {
        let place = match (self.row, self.column) {
            (Some((n, line)), Some(c)) => format!("{name}, row {n} (line {line}), column {c}: "),
            (Some((n, line)), None) => format!("{name}, row {n} (line {line}): "),
            (None, _) => format!("{name}: "),
        };
        format!(
            "{place}{}. Nothing was imported: correct the file and import it again",
            self.message
        )
    }
}

/// Reads the bytes of an inscriptions file: UTF-8 (a byte-order mark allowed), LF or CRLF, the
/// header first. Refuses the whole file at the first bad cell.
pub fn parse(bytes: &[u8]) -> Result<Vec<Row>, Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Refusal::file(format!(
            "the file is not UTF-8 text (line {line}, byte {}); save the spreadsheet as \"CSV UTF-8\"",
            at + 1
        ))
    })?;
    // Spreadsheets saving "CSV UTF-8" put a byte-order mark first; it is not part of the header.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(Refusal::file(format!("cannot read the header ({e})"))),
        None => {
            return Err(Refusal::file(format!(
                "the file is empty; it needs the header line {}",
                COLUMNS.join(",")
            )));
        }
    };
    let index = columns(&header)?;
    let mut rows = Vec::new();
    // The line where each row starts, counted from the bytes: the reader's own line count runs
    // one behind after a CRLF (it has not yet read the LF), and spreadsheets on Windows write
    // CRLF. Counted as we go, so a file of 100,000 rows is read once.
    let bytes = text.as_bytes();
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    let mut line_at = |offset: usize| -> u64 {
        let mut start = offset.min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= counted_to {
            lines_before += bytes[counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        lines_before + 1
    };
    for (i, record) in records.enumerate() {
        let number = i + 1;
        let record = record.map_err(|e| Refusal {
            row: Some((number, 0)),
            column: None,
            message: format!("cannot read the row ({e})"),
        })?;
        let line = record
            .position()
            .map(|p| line_at(usize::try_from(p.byte()).unwrap_or(usize::MAX)))
            .unwrap_or(0);
        if record.len() != COLUMNS.len() {
            // The first cell that is missing (the header may name the columns in any order),
            // or the first one beyond the header.
            let column = if record.len() < COLUMNS.len() {
                index
                    .iter()
                    .position(|&at| at == record.len())
                    .map_or("?", |c| COLUMNS[c])
            } else {
                "9"
            };
            return Err(Refusal {
                row: Some((number, line)),
                column: Some(column),
                message: format!(
                    "the row has {} cells and the header {}; a comma inside a name must be quoted (\"Mensah, Ama\")",
                    record.len(),
                    COLUMNS.len()
                ),
            });
        }
        let cell = |name: &str| {
            COLUMNS
                .iter()
                .position(|c| *c == name)
                .and_then(|c| record.get(index[c]))
                .map(|c| super::formula::unguard(c).trim())
                .unwrap_or("")
        };
        // A spreadsheet often saves empty rows at the end as ",,,,,,,": they carry nothing.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row {
            number,
            line,
            inscription: Inscription::new("", "", Level::Delegate),
            requested_text: None,
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        let bad = |column: &'static str, message: String| Refusal::at(&row, Some(column), message);
        let (requested_at, requested_text) = match cell("requested_at") {
            "" => (None, None),
            t => match domain::parse_time(t) {
                Ok(at) => (Some(at), None),
                Err(_) => (None, Some(t.to_string())),
            },
        };
        let spelling = match cell("delegation") {
            "" => None,
            t => Some(delegations::spelling(t).map_err(|m| bad("delegation", m))?),
        };
        let level = match cell("level") {
            "" => {
                return Err(bad(
                    "level",
                    format!(
                        "the level is empty; give one of: {}",
                        Level::ALL.map(Level::word).join(", ")
                    ),
                ));
            }
            t => Level::parse_or_list(t).map_err(|m| bad("level", format!("\"{t}\" is {m}")))?,
        };
        let chair_of: Option<Group> = match cell("chair_of") {
            "" => None,
            t => Some(
                Group::parse_or_list(t).map_err(|m| bad("chair_of", format!("\"{t}\" is {m}")))?,
            ),
        };
        let category = match cell("category") {
            "" => spelling
                .as_ref()
                .and_then(|sp| sp.category)
                .unwrap_or(Category::StateParty),
            t => Category::parse_or_list(t)
                .map_err(|m| bad("category", format!("\"{t}\" is {m}")))?,
        };
        let mode = match cell("mode") {
            "" => Mode::Floor,
            t => Mode::parse_or_list(t).map_err(|m| bad("mode", format!("\"{t}\" is {m}")))?,
        };
        let no_post = yes_no(cell("no_post")).map_err(|m| bad("no_post", m))?;
        let (notes, warnings) = match &spelling {
            Some(sp) => (
                sp.note.iter().cloned().collect(),
                sp.warning.iter().cloned().collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let inscription = Inscription {
            delegation: spelling
                .map(|sp| sp.name)
                .unwrap_or_else(|| cell("delegation").to_string()),
            speaker: cell("speaker").to_string(),
            level,
            chair_of,
            category,
            mode,
            requested_at,
            // A spreadsheet carries no override: a request outside the window refuses the file.
            late: None,
            no_post,
        };
        rows.push(Row {
            inscription,
            requested_text,
            notes,
            warnings,
            ..row
        });
    }
    if rows.is_empty() {
        return Err(Refusal::file(
            "the file has no rows after the header: nothing to import".to_string(),
        ));
    }
    Ok(rows)
}

/// Where each of [`COLUMNS`] stands in the file's header. The columns may come in any order
/// (and in any case), but all must be there, once, and no other.
fn columns(header: &csv::StringRecord) -> Result<[usize; 8], Refusal> {
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_lowercase().replace(['-', ' '], "_"))
        .collect();
    let mut index = [usize::MAX; 8];
    let mut unknown = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match COLUMNS.iter().position(|c| c == name) {
            Some(c) if index[c] != usize::MAX => {
                return Err(Refusal::file(format!(
                    "the header names the column {name} twice"
                )));
            }
            Some(c) => index[c] = i,
            None => unknown.push(if name.is_empty() {
                format!("(an empty name in place {})", i + 1)
            } else {
                header.get(i).unwrap_or_default().trim().to_string()
            }),
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(index)
        .filter(|(_, i)| *i == usize::MAX)
        .map(|(c, _)| *c)
        .collect();
    if missing.is_empty() && unknown.is_empty() {
        return Ok(index);
    }
    let mut what = Vec::new();
    if !missing.is_empty() {
        what.push(format!("missing {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        what.push(format!("unknown {}", unknown.join(", ")));
    }
    Err(Refusal::file(format!(
        "the first line must be the header {} (any order); this one has {}",
        COLUMNS.join(","),
        what.join("; ")
    )))
}

/// `no_post`: true/false, yes/no or 1/0 in any case; empty is false.
fn yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "0" => Ok(false),
        "true" | "yes" | "1" => Ok(true),
        _ => Err(format!(
            "\"{text}\" is not yes or no; write true/false, yes/no or 1/0 (empty means no)"
        )),
    }
}

/// Applies the rows to `s` with the rules of `add`, all or none; on a refusal `s` is as it was
/// and the refusal names the row and the column the rule is about.
pub fn apply(s: &mut Session, rows: &[Row], label: &str, now: Time) -> Result<Vec<Done>, Refusal> {
    let first_id = s.next_id;
    // Times without an offset are read in the list's zone, now that the list is known.
    let reading = s.reading(s.in_zone(now));
    let mut batch = Vec::with_capacity(rows.len());
    for r in rows {
        let mut ins = r.inscription.clone();
        if let Some(text) = &r.requested_text {
            ins.requested_at = Some(
                reading
                    .time(text)
                    .map_err(|m| Refusal::at(r, Some("requested_at"), m))?,
            );
        }
        batch.push(ins);
    }
    s.add_many(batch, label, now).map_err(|(i, e)| {
        let Some(row) = rows.get(i) else {
            return Refusal::file(e.to_string());
        };
        let (column, message) = match e {
            RuleError::Empty("delegation") => {
                (Some("delegation"), "the delegation is empty".to_string())
            }
            RuleError::Empty(_) => (Some("speaker"), "the speaker's name is empty".to_string()),
            RuleError::NotOneLine(what) => (
                Some(if what == "delegation" {
                    "delegation"
                } else {
                    "speaker"
                }),
                format!("the {what} has a line break in it: put it on one line"),
            ),
            RuleError::OutsideWindow { window, at } => (
                Some("requested_at"),
                format!(
                    "R1: the list of speakers {window}; this request was made at {at}{}. A spreadsheet carries no override: correct the time if it reached the secretariat in time, or take the row out and add it with `podium add --late REASON`",
                    if row.inscription.requested_at.is_none() && row.requested_text.is_none() {
                        " (the cell is empty, so: now)"
                    } else {
                        ""
                    }
                ),
            ),
            RuleError::Duplicate {
                delegation, id, what, ..
            } => {
                let column = if row.inscription.chair_of.is_some() {
                    "delegation and chair_of"
                } else {
                    "delegation"
                };
                // Ids are given in row order from `first_id`, so an id at or past it is a row
                // of this file.
                let earlier = id
                    .checked_sub(first_id)
                    .and_then(|k| usize::try_from(k).ok())
                    .and_then(|k| rows.get(k));
                let message = match earlier {
                    Some(r) => format!(
                        "{delegation}{what} is already inscribed on row {} of this file; one entry per delegation (a statement for a regional group is a separate entry, with chair_of)",
                        r.number
                    ),
                    None => format!(
                        "{delegation} already has entry #{id} on this list{what}; one entry per delegation (a statement for a regional group is a separate entry, with chair_of)"
                    ),
                };
                return Refusal::at(row, Some(column), message);
            }
            // The fields a refusal points to, as a spreadsheet gives them.
            other => (None, other.say(column_of)),
        };
        Refusal::at(row, column, message)
    })
    .map(|mut done| {
        for (d, r) in done.iter_mut().zip(rows) {
            d.warnings.splice(0..0, r.warnings.iter().cloned());
        }
        done
    })
}

/// A field of the domain as an inscriptions file gives it: its columns, and for what a
/// spreadsheet cannot carry (a late reason), the command that can.
fn column_of(field: Field) -> &'static str {
    match field {
        Field::RequestTime | Field::NoticeTime => "in the row's requested_at cell",
        Field::LateReason => "with `podium add --late REASON` (a spreadsheet carries no override)",
        Field::OnBehalfOf => "in the row's chair_of cell",
        Field::Listing => "`podium list FILE`",
    }
}

/// What an import did: a dry run's text and warnings, or the entries added.
#[derive(Debug)]
pub enum Imported {
    /// `--dry-run`: nothing changed; what would be added, one line a row, and each row's
    /// warnings ("row 3: ...").
    Checked { warnings: Vec<String>, text: String },
    /// The inscriptions added and saved, with each row's warnings.
    Added(Done),
}

/// Runs `podium import`: every row read and checked, then all added in one change, or none.
pub fn run(file: &Path, csv_path: &Path, dry_run: bool, now: Time) -> Result<Imported, AppError> {
    let name = csv_path.display().to_string();
    let bytes = std::fs::read(csv_path)
        .map_err(|e| AppError::Input(format!("cannot read {name} ({e}); nothing was imported")))?;
    let rows = parse(&bytes).map_err(|r| AppError::Input(r.say(&name)))?;
    let label = format!(
        "import of {}",
        csv_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone())
    );
    if dry_run {
        // Read-only: no lock, no write; the rules run on a copy in memory.
        let mut s = app::read(file)?;
        let done = apply(&mut s, &rows, &label, now).map_err(|r| AppError::Input(r.say(&name)))?;
        return Ok(Imported::Checked {
            warnings: row_warnings(&rows, &done),
            text: format!(
                "{}dry run: {} inscriptions of {name} would be added to {}; nothing was changed\n",
                dry_run_text(&s, &rows, &done),
                done.len(),
                file.display()
            ),
        });
    }
    let done = app::change(file, "podium import", now, |s| {
        let done = apply(s, &rows, &label, now).map_err(|r| RuleError::BadValue(r.say(&name)))?;
        let ids = (
            done.first().and_then(|d| d.entry),
            done.last().and_then(|d| d.entry),
        );
        let warnings = row_warnings(&rows, &done);
        let notes: String = rows
            .iter()
            .flat_map(|r| {
                r.notes
                    .iter()
                    .map(move |n| format!("row {}: {n}\n", r.number))
            })
            .collect();
        Ok(Done {
            message: format!(
                "{notes}imported {} inscriptions from {name}{}; {} waiting",
                done.len(),
                match ids {
                    (Some(a), Some(b)) => format!(" as #{a} to #{b}"),
                    _ => String::new(),
                },
                s.count(domain::Status::Waiting)
            ),
            warnings,
            entry: ids.0,
        })
    })?;
    Ok(Imported::Added(done))
}

/// Each row's warnings, named by the row: "row 3: ...".
fn row_warnings(rows: &[Row], done: &[Done]) -> Vec<String> {
    rows.iter()
        .zip(done)
        .flat_map(|(row, d)| {
            d.warnings
                .iter()
                .map(move |w| format!("row {}: {w}", row.number))
        })
        .collect()
}

/// What a dry run would add, one line per row with the place the entry would take.
fn dry_run_text(s: &Session, rows: &[Row], done: &[Done]) -> String {
    use std::fmt::Write;
    let queue = s.queue();
    let total = queue.len();
    let places: HashMap<u64, usize> = queue
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i + 1))
        .collect();
    let mut out = String::new();
    for (row, d) in rows.iter().zip(done) {
        let Some(e) = d.entry.and_then(|id| s.entry(id)) else {
            continue;
        };
        let _ = writeln!(
            out,
            "row {}: would add #{} {} ({}, {}), requested {}, {}, place {} of {total}",
            row.number,
            e.id,
            e.title(),
            e.speaker,
            e.level.label(),
            fmt_time(e.requested_at),
            e.tier_words(),
            places.get(&e.id).copied().unwrap_or(0)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Change, Settings, Status, parse_time};

    fn t(s: &str) -> Time {
        parse_time(s).unwrap()
    }

    fn session() -> Session {
        let settings = Settings {
            opens: Some(t("2022-09-05T00:00:00+02:00")),
            closes: Some(t("2022-10-17T12:00:00+02:00")),
            ..Settings::default()
        };
        Session::new("S", settings, t("2022-09-01T09:00:00+02:00"))
    }

    const NOW: &str = "2022-10-01T09:00:00+02:00";

    /// R11's deadline for high-level speakers, refused in the import's own words: the row's
    /// cell and the command that can override, no flag of `podium add` given as if it applied.
    #[test]
    fn a_high_level_request_after_the_deadline_names_the_rows_cell() {
        let mut s = session();
        s.kind = crate::domain::ListKind::Opening;
        s.settings.high_level_deadline = Some(t("2022-09-20T12:00:00+02:00"));
        let rows = parse(
            b"requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
              2022-09-25T10:00:00+02:00,Ghana,H.E. Kwame,head-of-state,,,,\n",
        )
        .expect("the file reads");
        let before = s.clone();
        let refusal = apply(&mut s, &rows, "import", t(NOW)).expect_err("after the deadline");
        let said = refusal.say("in.csv");
        assert!(said.contains("R11"), "{said}");
        assert!(said.contains("in the row's requested_at cell"), "{said}");
        assert!(said.contains("`podium add --late REASON`"), "{said}");
        assert!(!said.contains("with --at"), "{said}");
        assert_eq!(s, before, "nothing imported");
    }

    #[test]
    fn yes_no_in_every_spelling() {
        for (text, want) in [
            ("", false),
            ("true", true),
            ("TRUE", true),
            ("Yes", true),
            ("1", true),
            ("no", false),
            ("False", false),
            ("0", false),
        ] {
            assert_eq!(yes_no(text), Ok(want), "{text}");
        }
        assert!(yes_no("y").is_err());
    }

    #[test]
    fn parse_reads_defaults_and_skips_empty_rows() {
        let rows = parse(
            b"requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
              ,Ghana,Ama,Minister,,,,\n\
              ,,,,,,,\n\
              2022-09-10T10:00:00+02:00, Peru ,Ana,head of delegation,GRULAC,signatory,Remote,yes\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].number, 1);
        assert_eq!(rows[0].inscription.requested_at, None);
        assert_eq!(rows[0].inscription.category, Category::StateParty);
        assert_eq!(rows[0].inscription.mode, Mode::Floor);
        // The empty row keeps its number: the next one is row 3, as in the spreadsheet.
        assert_eq!(rows[1].number, 3);
        assert_eq!(rows[1].line, 4);
        let p = &rows[1].inscription;
        assert_eq!(p.delegation, "Peru");
        assert_eq!(p.level, Level::HeadOfDelegation);
        assert_eq!(p.chair_of, Some(Group::LatinAmericanCaribbean));
        assert_eq!(p.category, Category::Signatory);
        assert_eq!(p.mode, Mode::Remote);
        assert!(p.no_post);
        assert_eq!(p.late, None);
    }

    #[test]
    fn a_quoted_cell_across_lines_keeps_the_row_numbers() {
        let refusal = parse(
            b"requested_at,delegation,speaker,level,chair_of,category,mode,no_post\n\
              ,Ghana,\"Ama\nMensah\",minister,,,,\n\
              ,Peru,Ana,king,,,,\n",
        )
        .unwrap_err();
        assert_eq!(refusal.row, Some((2, 4)));
        assert_eq!(refusal.column, Some("level"));
    }

    #[test]
    fn add_many_is_all_or_nothing_and_leaves_the_session_as_it_was() {
        let mut s = session();
        s.add(Inscription::new("Ghana", "Ama", Level::Minister), t(NOW))
            .unwrap();
        let before = s.clone();
        let mut batch: Vec<Inscription> = (0..50)
            .map(|i| Inscription::new(&format!("D{i}"), "X", Level::Delegate))
            .collect();
        batch.push(Inscription::new("d7", "Y", Level::Delegate));
        let (i, e) = s.add_many(batch, "import", t(NOW)).unwrap_err();
        assert_eq!(i, 50);
        assert!(matches!(e, RuleError::Duplicate { id: 9, .. }), "{e:?}");
        assert_eq!(s, before);

        // Late rows are refused too: a batch has no override.
        let mut late = Inscription::new("Peru", "Ana", Level::Delegate);
        late.requested_at = Some(t("2022-10-18T09:00:00+02:00"));
        let (i, e) = s.add_many(vec![late], "import", t(NOW)).unwrap_err();
        assert_eq!(i, 0);
        assert!(matches!(e, RuleError::OutsideWindow { .. }));
        assert_eq!(s, before);
    }

    #[test]
    fn check_finds_a_duplicate_an_edited_file_holds_and_ignores_withdrawn_ones() {
        let mut s = session();
        let batch = ["Ghana", "Peru", "Chile"]
            .map(|d| Inscription::new(d, "X", Level::Delegate))
            .to_vec();
        s.add_many(batch, "import", t(NOW)).unwrap();
        assert!(s.problems().is_empty());
        // A file edited by hand: Chile renamed to another spelling of Peru.
        s.entries[2].delegation = "PERU".into();
        assert_eq!(
            s.problems(),
            ["#2 and #3 are the same inscription of Peru".to_string()]
        );
        s.withdraw(2, None, t(NOW)).unwrap();
        assert!(s.problems().is_empty());
    }

    #[test]
    fn add_many_gives_what_add_gives_one_by_one() {
        let batch: Vec<Inscription> = (0..40)
            .map(|i| {
                let mut ins = Inscription::new(
                    &format!("D{}", i % 30),
                    "X",
                    if i % 3 == 0 {
                        Level::Minister
                    } else {
                        Level::Delegate
                    },
                );
                // Rows 30 to 39 repeat delegations as group statements: separate entries.
                if i >= 30 {
                    ins.chair_of = Some(Group::Weog);
                }
                ins.requested_at = Some(t(&format!("2022-09-{:02}T10:00:00+02:00", 6 + i % 17)));
                ins
            })
            .collect();
        let mut one = session();
        for ins in batch.clone() {
            one.add(ins, t(NOW)).unwrap();
        }
        let mut many = session();
        let done = many.add_many(batch, "import", t(NOW)).unwrap();
        assert_eq!(done.len(), 40);
        assert_eq!(one.entries, many.entries);
        assert_eq!(one.next_id, many.next_id);
        assert_eq!(one.next_order, many.next_order);
        let ids = |s: &Session| s.queue().iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(&one), ids(&many));
        // One record for the import, then one per entry, as `add` logs them.
        assert_eq!(many.log.len(), one.log.len() + 1);
        assert_eq!(many.log[1].what, Change::Imported);
        assert_eq!(many.log[2..], one.log[1..]);
        assert_eq!(many.count(Status::Waiting), 40);
    }
}
