//! One error for everything the application layer refuses or fails to do.

use crate::domain::RuleError;
use crate::store::StoreError;
use thiserror::Error;

/// Why a change or a read was refused or failed; each says what to do. The file is as it was.
#[derive(Debug, Error)]
pub enum AppError {
    /// A rule of the list refused it.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// The state file: missing, broken, locked, not saved.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What was given does not read: a time, a setting, a row of an inscriptions file.
    #[error("{0}")]
    Input(String),
    /// Writing elsewhere than the state file failed: an export, a copy, the standard output.
    #[error("{0}")]
    Io(String),
}

impl From<String> for AppError {
    fn from(s: String) -> Self {
        AppError::Input(s)
    }
}
