//! The dataset: its serde model, loading, validation and the indexed catalog.

pub mod cache;
pub mod catalog;
pub mod load;
pub mod model;
pub mod text;
pub mod validate;

pub use catalog::{Catalog, EntityRef, Kind};
pub use load::{LoadError, load_bundled, load_path, load_str};
pub use model::Dataset;
