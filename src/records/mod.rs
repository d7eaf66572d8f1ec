//! The secretariat's records: exports of the list (CSV, the Journal's Markdown, the whole session
//! as JSON) and the import of inscriptions from a spreadsheet. The report of what happened is in
//! [`crate::report`].

pub mod export;
pub mod formula;
pub mod import;
