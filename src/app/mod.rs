//! The application layer: the work every front end needs around the domain's rules. It opens a
//! list for writing (lock, load), applies one change and saves it with the running speech
//! checkpointed, reads a list without the lock and writes copies and exports; it prints nothing.
//! The command line turns its [`AppError`] into an `error:` line and exit 1, the screen into its
//! status line.

pub mod desk;
pub mod error;
pub mod setting;

pub use desk::{Held, change, create, hold, read, read_as_written, save_copy, write_output};
pub use error::AppError;
