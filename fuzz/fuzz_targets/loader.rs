//! The loader and validator on arbitrary bytes: `cargo fuzz run loader` (nightly, or a stable
//! toolchain with RUSTC_BOOTSTRAP=1). Any input must load or fail with a message, never panic;
//! a dataset that loads must also index, search and make cards without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match cybernorms::data::load_str("fuzz.ron", text) {
        Ok(catalog) => {
            let ctx = cybernorms::app::Context::new(catalog);
            for m in ctx.index.filter("a 1", None).iter().take(5) {
                let _ = cybernorms::card::card(&ctx.catalog, m.entity, cybernorms::card::Style::Text);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
