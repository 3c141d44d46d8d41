//! A corpus of malformed datasets (`tests/fixtures/bad/`), plus a 50 MB one made on the fly:
//! each gives a precise message and exit code 2, never a panic. The messages are one
//! snapshot, read line by line when it was accepted.

use std::process::Command;

fn check(path: &std::path::Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cybernorms"))
        .arg("check")
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.stdout.is_empty(),
        "{}: nothing on stdout",
        path.display()
    );
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn every_malformed_dataset_gets_a_precise_message_and_exit_2() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    let mut report = String::new();
    for file in &files {
        let (code, stderr) = check(file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap());
        assert_eq!(code, Some(2), "{}: {stderr}", file.display());
        assert!(!stderr.contains("panicked"), "{}: {stderr}", file.display());
        report.push_str(&stderr);
    }
    insta::assert_snapshot!("malformed_messages", report);
}

#[test]
fn a_50_mb_dataset_is_read_and_rejected_precisely() {
    let dir = std::env::temp_dir().join(format!("cybernorms-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.ron");
    let name = "x".repeat(50 * 1024 * 1024);
    let text = format!(
        "Dataset(norm_sets: [NormSet(id: \"big\", name: \"{name}\", short_name: 7)], norms: [], agreements: [], incidents: [])\n"
    );
    std::fs::write(&big, text).unwrap();
    let (code, stderr) = check(&big);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        format!("{}:1:52428861: Expected string\n", big.display()),
        "the column of the number after short_name"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_huge_value_is_quoted_short_in_messages() {
    let long = "a".repeat(10_000);
    let text = include_str!("fixtures/mini.ron").replacen(
        "norm: \"gge-2015-13j\", rationale: \"Fixture rationale: disclosure",
        &format!("norm: \"{long}\", rationale: \"Fixture rationale: disclosure"),
        1,
    );
    let e = cybernorms::data::load_str("long.ron", &text)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        e,
        format!(
            "long.ron: incident 'wannacry' field 'mitigations[0].norm': no norm '{}… (10000 characters)'",
            "a".repeat(60)
        )
    );
}
