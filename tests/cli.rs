//! The command line seen from outside: output, stderr and exit codes.

use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cybernorms"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run cybernorms")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn check_prints_counts_per_kind() {
    let out = run(&["check", "tests/fixtures/mini.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "tests/fixtures/mini.ron: ok\n     1 norm sets\n     2 norms\n     2 agreements\n     2 incidents\n"
    );
}

#[test]
fn check_without_path_checks_the_bundled_dataset() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("<bundled>/dataset/cybernorms.ron: ok\n"));
}

#[test]
fn check_reports_every_problem_and_exits_2() {
    let dir = std::env::temp_dir().join(format!("cybernorms-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ron");
    let mini = include_str!("fixtures/mini.ron")
        .replacen(
            "norm: \"gge-2015-13j\", rationale: \"Fixture rationale: disclosure",
            "norm: \"gge-13z\", rationale: \"Fixture rationale: disclosure",
            1,
        )
        .replacen("name: \"SolarWinds\"", "name: \"\"", 1);
    std::fs::write(&bad, mini).unwrap();
    let out = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let p = bad.display();
    assert_eq!(
        text(&out.stderr),
        format!(
            "{p}: incident 'wannacry' field 'mitigations[0].norm': no norm 'gge-13z'\n\
             {p}: incident 'solarwinds' field 'name': must not be empty\n\
             2 problem(s) found\n"
        )
    );
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn data_flag_with_a_syntax_error_exits_2_with_line_and_column() {
    let out = run(&["--data", "Cargo.toml", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("Cargo.toml:1:1: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn dump_json_has_the_documented_shape() {
    let out = run(&["--data", "tests/fixtures/mini.ron", "dump", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["norm_sets", "norms", "agreements", "incidents"] {
        for item in v[key].as_array().unwrap() {
            assert!(
                item["id"].is_string() && item["name"].is_string(),
                "{key}: {item}"
            );
            assert!(item["sources"][0]["url"].is_string(), "{key}: {item}");
        }
    }
    assert_eq!(v["norms"][0]["code"], "13(f)");
    assert_eq!(v["norms"][0]["set"], "gge-2015-norms");
    let m = &v["incidents"][0]["mitigations"];
    assert_eq!(m[0]["norm"], "gge-2015-13j");
    assert_eq!(
        m[0]["rationale"],
        "Fixture rationale: disclosure of norm j would have helped."
    );
    assert_eq!(m[0]["basis"], "Editorial");
    assert_eq!(m[1]["basis"]["Bpf"], 2021);
}

#[test]
fn dump_needs_a_format() {
    let out = run(&["dump"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--json"));
}

#[test]
fn explorer_without_a_terminal_says_how_to_get_one() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("ssh -t") && err.contains("cybernorms check"),
        "{err}"
    );
}
