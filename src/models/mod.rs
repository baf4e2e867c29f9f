//! Execution models: how a demo's tasks are run. One module each.
pub mod event_loop;
pub mod gil;
pub mod processes;
pub mod threads;
