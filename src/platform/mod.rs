//! What the browser (or, natively, the OS) gives every other layer: timers and yielding,
//! the one clock, cooperative cancellation and URL resolution. Models (`src/models/`) and
//! workloads (`src/workloads/`) both stand on it; it stands on nothing of theirs.
pub mod cancel;
pub mod clock;
pub mod timer;
pub mod url;
