//! podium: the live list of speakers at the podium desk of an intergovernmental meeting.
//!
//! `domain` holds the rules (pure), `store` the state file, `cli` the headless commands.

pub mod cli;
pub mod domain;
pub mod store;
