//! podium: the live list of speakers at the podium desk of an intergovernmental meeting.
//!
//! `domain` holds the rules (pure), `store` the state file, `cli` the headless commands,
//! `clock` the monotonic and rehearsal clocks, `delegations` the reference data,
//! `records` the exports and the import, `report` what happened, `manual` the command line's
//! own documentation (man page, completions, docs/cli.md).

pub mod cli;
pub mod clock;
pub mod delegations;
pub mod domain;
pub mod follow;
pub mod manual;
pub mod records;
pub mod rehearse;
pub mod report;
pub mod store;
pub mod tui;
pub mod web;
