//! A dataset full of escape sequences, controls, bidi overrides and zero-width characters:
//! no CLI output carries any of them raw, byte by byte.

use std::process::Command;

const HOSTILE: &str = "tests/fixtures/hostile.ron";

/// Control characters (C0, DEL, C1), bidi controls and zero-width characters.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[test]
fn every_cli_output_is_free_of_unsafe_characters() {
    let commands: &[&[&str]] = &[
        &["check", HOSTILE],
        &["--data", HOSTILE, "dump", "--json"],
        &["--data", HOSTILE, "show", "wanna"],
        &["--data", HOSTILE, "show", "wanna", "--format", "markdown"],
        &["--data", HOSTILE, "show", "wanna", "--format", "json"],
        &["--data", HOSTILE, "search", "e", "--limit", "50"],
        &["--data", HOSTILE, "search", "e", "--format", "json"],
        &["--data", HOSTILE, "list", "incident"],
        &["--data", HOSTILE, "list", "norm", "--format", "markdown"],
        &["--data", HOSTILE, "links", "wannacry"],
        &[
            "--data",
            HOSTILE,
            "links",
            "gge-2015-13j",
            "--format",
            "json",
        ],
    ];
    for args in commands {
        let out = Command::new(env!("CARGO_BIN_EXE_cybernorms"))
            .args(*args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8(bytes.clone()).expect("UTF-8 output");
            let bad: Vec<char> = text.chars().filter(|&c| is_unsafe(c)).collect();
            assert!(bad.is_empty(), "{args:?} {stream} carries {bad:?}");
        }
    }
}

#[test]
fn a_hostile_problem_report_is_escaped_too() {
    let dir = std::env::temp_dir().join(format!("cybernorms-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ron");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile.ron"
    ))
    .unwrap()
    .replacen(
        "norm: \"gge-2015-13j\", rationale: \"Fixture rationale: disclosure",
        "norm: \"x\\u{1b}[2J\", rationale: \"Fixture rationale: disclosure",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cybernorms"))
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no norm 'x\\u{1b}[2J'"), "{err}");
    assert!(!err.contains('\x1b'));
    std::fs::remove_dir_all(&dir).unwrap();
}
