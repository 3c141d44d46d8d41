//! cybernorms: a terminal explorer of international cyber norms, the agreements that carry
//! them, and the historical incidents they would have mitigated.

pub mod app;
pub mod card;
pub mod cli;
pub mod data;
pub mod insights;
pub mod search;
pub mod tui;
pub mod ui;
