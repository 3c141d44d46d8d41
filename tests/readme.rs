//! The README's key table is the keymap's: this test fails, printing the right text, when
//! they drift apart.

use cybernorms::app::{Mode, help_rows};

fn keys_block() -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for (mode, prefix) in [
        (Mode::Browse, ""),
        (Mode::Grid, ""),
        (Mode::Search, "while searching: "),
        (Mode::Palette, ""),
    ] {
        for (keys, help) in help_rows(mode) {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | {prefix}{help} |\n", keys.join(" ")));
        }
    }
    out.push_str("| any key | close the help |\n");
    out
}

#[test]
fn readme_lists_exactly_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- keys:start -->\n")
        .expect("keys:start marker")
        + "<!-- keys:start -->\n".len();
    let end = readme.find("<!-- keys:end -->").expect("keys:end marker");
    let expected = keys_block();
    assert!(
        readme[start..end] == expected,
        "README keys differ from the keymap; put this between the markers:\n{expected}"
    );
}
