//! podium: the live list of speakers at the podium desk of an intergovernmental meeting.
//!
//! `domain` holds the rules (pure), `store` the state file, `cli` the headless commands,
//! `clock` the monotonic and rehearsal clocks, `delegations` the reference data.

pub mod cli;
pub mod clock;
pub mod delegations;
pub mod domain;
pub mod follow;
pub mod rehearse;
pub mod store;
pub mod tui;
