//! The secretariat's records: exports of the list (CSV, the complete record in Markdown, the
//! Journal's list of speakers, the spreadsheet, the President's copy, the whole session as JSON)
//! and the import of inscriptions from a spreadsheet. The report of what happened is in
//! [`crate::report`].

pub mod export;
pub mod formula;
pub mod html;
pub mod import;
pub mod journal;
pub mod when;
pub mod xlsx;

// `podium export FILE --format csv|md|json|journal|xlsx|html [--output PATH] [--all]`: the
// export's bytes, made from a session read without the lock; the command line writes them to
// the standard output or to PATH (the spreadsheet only to PATH).

use crate::app::AppError;
use crate::domain::{Session, Time};
use when::local;

/// The export formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One header line, then one line per entry (for the secretariat's spreadsheets).
    Csv,
    /// The complete record in Markdown: heard (with the time each used), speaking, inscribed
    /// tier by tier, withdrawn.
    #[value(alias = "markdown")]
    Md,
    /// The whole session, as the state file holds it.
    Json,
    /// The list of speakers as the Journal of the United Nations prints it (Markdown).
    Journal,
    /// A spreadsheet (.xlsx), one row per entry; needs --output.
    Xlsx,
    /// The President's copy: one page to print on A4.
    Html,
}

/// The export in `format`, as bytes; `all` adds the speakers heard to the Journal's list. The
/// projected starts (csv, xlsx, html) see the day: `earlier` are the lists of the conference
/// that speak first (SPEC section 8), as `list` sees them.
pub fn render(
    s: &Session,
    earlier: &[&Session],
    format: Format,
    now: Time,
    all: bool,
) -> Result<Vec<u8>, AppError> {
    // "As at" times too are read in the list's zone.
    let now = local(s, now);
    match format {
        Format::Csv => export::csv(s, earlier, now),
        Format::Md => Ok(export::markdown(s, now).into_bytes()),
        Format::Json => export::json(s),
        Format::Journal => Ok(journal::journal(s, all).into_bytes()),
        Format::Xlsx => xlsx::xlsx(s, earlier, now),
        Format::Html => Ok(html::president(s, earlier, now).into_bytes()),
    }
}
