//! `podium export --format xlsx --output PATH`: the list as a real spreadsheet (Office Open XML,
//! written by `rust_xlsxwriter`). On the first sheet, row 1 is the header and below it one row
//! per entry in display order, nothing else. Every field of `list --json` is a column (in that
//! order), then the times the speech started and ended and the seconds used. Texts are text
//! cells, never formulas, whatever they begin with; times are date-time cells in the list's time
//! zone; the header row is frozen and the columns sized to what they hold.

use super::export::seconds_used;
use super::when::local;
use crate::app::AppError;
use crate::domain::{Session, Time, parse_time};
use crate::present::json::entries_json_after;
use crate::present::rfc3339;
use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;

/// The columns in order: those of `list --json` first, as it writes them. A field that
/// `list --json` gains later and this list does not name yet is still written, after these.
pub const COLUMNS: [&str; 26] = [
    "id",
    "position",
    "delegation",
    "speaker",
    "level",
    "priority",
    "chair_of",
    "category",
    "mode",
    "limit_seconds",
    "requested_at",
    "queued_at",
    "status",
    "spoken_seconds",
    "projected_start",
    "statement_received",
    "no_post",
    "introducer",
    "late_reason",
    "video_late",
    "role",
    "reply",
    "moved",
    // Beyond `list --json`: what the spreadsheet's reader asks next.
    "started_at",
    "ended_at",
    "seconds_used",
];

/// The columns that hold a time: written as date-time cells.
const TIMES: [&str; 5] = [
    "requested_at",
    "queued_at",
    "projected_start",
    "started_at",
    "ended_at",
];

/// The widest a column is sized (in characters), so a long reason does not push the rest away.
const WIDEST: usize = 48;

fn bad(e: XlsxError) -> AppError {
    AppError::Io(format!("cannot write the spreadsheet ({e})"))
}

/// The spreadsheet, as the bytes of an .xlsx file.
pub fn xlsx(s: &Session, earlier: &[&Session], now: Time) -> Result<Vec<u8>, AppError> {
    let rows = rows(s, earlier, now)?;
    let mut columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    for row in &rows {
        for key in row.keys() {
            if !columns.iter().any(|c| c == key) {
                columns.push(key.clone());
            }
        }
    }
    let mut book = Workbook::new();
    // Made at `now`, not at the machine's clock: the same list exported at the same time is the
    // same file, byte for byte (PODIUM_NOW pins it in tests and rehearsals).
    let made = now.with_timezone(&chrono::Utc);
    let made = ExcelDateTime::from_ymd(made.year() as u16, made.month() as u8, made.day() as u8)
        .and_then(|d| d.and_hms(made.hour() as u16, made.minute() as u8, made.second()))
        .map_err(bad)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&made));
    let sheet = book.add_worksheet();
    sheet.set_name("List of speakers").map_err(bad)?;
    let header = Format::new().set_bold().set_align(FormatAlign::Top);
    let when = Format::new()
        .set_num_format("yyyy-mm-dd hh:mm:ss")
        .set_align(FormatAlign::Left);
    let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
    for (c, name) in columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, col(c)?, name.as_str(), &header)
            .map_err(bad)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| too_many())?;
        for (c, name) in columns.iter().enumerate() {
            let shown = write_cell(s, sheet, r, col(c)?, name, row.get(name), &when)?;
            widths[c] = widths[c].max(shown);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        // A little room beyond the text, as a spreadsheet's own "fit" leaves.
        let w = u32::try_from((*w).min(WIDEST) + 2).unwrap_or(10);
        sheet.set_column_width(col(c)?, w).map_err(bad)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(bad)?;
    book.save_to_buffer().map_err(bad)
}

fn too_many() -> AppError {
    AppError::Io("the list has more entries than a spreadsheet holds".to_string())
}

fn col(c: usize) -> Result<u16, AppError> {
    u16::try_from(c).map_err(|_| too_many())
}

/// The entries as `list --json` writes them, each with the three extra columns.
fn rows(
    s: &Session,
    earlier: &[&Session],
    now: Time,
) -> Result<Vec<serde_json::Map<String, Value>>, AppError> {
    let order = s.display_order();
    let mut out = Vec::with_capacity(order.len());
    for (json, e) in entries_json_after(s, now, earlier).iter().zip(order) {
        let Value::Object(mut row) = serde_json::to_value(json)
            .map_err(|e| AppError::Io(format!("cannot write the spreadsheet ({e})")))?
        else {
            continue;
        };
        let time = |t: Option<Time>| t.map_or(Value::Null, |t| Value::String(rfc3339(t)));
        row.insert("started_at".into(), time(e.started_at));
        row.insert("ended_at".into(), time(e.ended_at));
        row.insert(
            "seconds_used".into(),
            seconds_used(s, e, now).map_or(Value::Null, Value::from),
        );
        out.push(row);
    }
    Ok(out)
}

/// Writes one cell; returns how many characters it shows (to size the column).
fn write_cell(
    s: &Session,
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    name: &str,
    value: Option<&Value>,
    when: &Format,
) -> Result<usize, AppError> {
    match value {
        None | Some(Value::Null) => Ok(0),
        Some(Value::Bool(b)) => {
            sheet.write_boolean(r, c, *b).map_err(bad)?;
            Ok(5)
        }
        Some(Value::Number(n)) => {
            // Ids, places and seconds: whole numbers, exact in a double up to 2^53.
            let shown = n.to_string();
            match n.as_f64() {
                Some(x) => {
                    sheet.write_number(r, c, x).map_err(bad)?;
                }
                None => {
                    sheet.write_string(r, c, shown.as_str()).map_err(bad)?;
                }
            }
            Ok(shown.len())
        }
        Some(Value::String(text)) if TIMES.contains(&name) => {
            match parse_time(text).ok().and_then(|t| excel_time(s, t)) {
                Some(t) => {
                    sheet
                        .write_datetime_with_format(r, c, t, when)
                        .map_err(bad)?;
                    Ok(19)
                }
                // A time no spreadsheet can hold (before 1900, a damaged file) stays readable.
                None => text_cell(sheet, r, c, text),
            }
        }
        Some(Value::String(text)) => text_cell(sheet, r, c, text),
        Some(other) => text_cell(sheet, r, c, &other.to_string()),
    }
}

/// A text cell: `write_string` stores the text as it is, so "=1+1" stays those four
/// characters and no spreadsheet computes it.
fn text_cell(sheet: &mut Worksheet, r: u32, c: u16, text: &str) -> Result<usize, AppError> {
    sheet.write_string(r, c, text).map_err(bad)?;
    Ok(text.chars().count())
}

/// The time as the list's clock on the wall shows it (a spreadsheet's date-time has no zone);
/// `None` outside the years a spreadsheet holds (1900 to 9999).
fn excel_time(s: &Session, t: Time) -> Option<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let t = local(s, t);
    let year = u16::try_from(t.year()).ok()?;
    let month = u8::try_from(t.month()).ok()?;
    let day = u8::try_from(t.day()).ok()?;
    let hour = u16::try_from(t.hour()).ok()?;
    let minute = u8::try_from(t.minute()).ok()?;
    ExcelDateTime::from_ymd(year, month, day)
        .and_then(|d| d.and_hms(hour, minute, t.second()))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Settings};

    #[test]
    fn the_same_list_exported_at_the_same_time_is_the_same_file() {
        let t = |s: &str| parse_time(s).expect("a time");
        let mut s = Session::new(
            "General discussion",
            Settings::default(),
            t("2022-10-17T09:00:00+02:00"),
        );
        s.add(
            Inscription::new("Ghana", "Ama Mensah", Level::Minister),
            t("2022-10-17T09:01:00+02:00"),
        )
        .expect("added");
        let now = t("2022-10-17T10:00:00+02:00");
        let first = xlsx(&s, &[], now).expect("an export");
        // The machine's clock moves on between the two; the file does not.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(first, xlsx(&s, &[], now).expect("an export"));
        assert_ne!(
            first,
            xlsx(&s, &[], t("2022-10-17T11:00:00+02:00")).expect("an export")
        );
    }
}
