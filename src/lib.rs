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

/// mimalloc: a large dataset is a few million small strings, and the system allocator
/// spends a seventh of the load, and most of the exit, on them. Built without transparent
/// huge pages (`no_thp`): with them, a start after a pause could take twice as long while
/// the kernel prepared the pages, and a small dataset's memory tripled.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
