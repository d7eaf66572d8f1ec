//! What the tests share, in one place: the command line's harness (`cli`: a desk's folder and
//! the real binary run in it with a pinned clock), the pseudo-terminal's (`pty`: tmux, and a pty
//! of the test's own), the tools a test needs (`needs`), large sessions built directly
//! (`sessions`, also read by the benchmarks), the room's screens served (`web`) and the records'
//! readers (`readers`: LibreOffice, Chromium). Each test file takes what it uses.
#![allow(dead_code)]

pub mod cli;
pub mod needs;
pub mod pty;
pub mod readers;
pub mod sessions;
pub mod web;
