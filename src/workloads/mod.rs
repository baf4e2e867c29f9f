//! What tasks do: compute (cpu), fetch (io).
pub mod cpu;
pub mod fetch;
pub mod tasks;
