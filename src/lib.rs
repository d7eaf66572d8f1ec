//! podium: the live list of speakers at the podium desk of an intergovernmental meeting.
//!
//! `domain` holds the rules (pure), `store` the state file, `app` the work every front end shares
//! (open, change, save, read), `present` the words and JSON shapes they share, `cli` the
//! headless commands (and their documentation, `cli::manual`), `tui` the screen, `clock` the
//! monotonic and rehearsal clocks, `delegations` the reference data, `records` the exports and
//! the import, `report` what happened. Nothing imports `cli` or `tui`: they sit on top.

pub(crate) mod app;
pub mod cli;
pub mod clock;
pub(crate) mod conference;
pub(crate) mod delegations;
pub mod domain;
pub(crate) mod follow;
pub(crate) mod present;
pub mod records;
pub mod rehearse;
pub mod report;
pub mod store;
pub mod tui;
pub(crate) mod web;

// Only what the binary, the tests and the benchmarks use is public: the rules (`domain`), the
// file (`store`), the clocks, the command line, the screen, the records, the report and the
// rehearsal. The rest is the crate's own.

/// The command line's documentation (man page, completions, docs/cli.md), for its tests.
pub use cli::manual;
