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

/// Runs a lookup on the fixture; returns (exit code, stdout, stderr).
fn lookup(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--data", "tests/fixtures/mini.ron"];
    all.extend_from_slice(args);
    let out = run(&all);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        !stdout.contains('\x1b'),
        "no escape codes when stdout is not a terminal"
    );
    (out.status.code().unwrap(), stdout, stderr)
}

#[test]
fn show_prints_the_best_match_as_a_card_in_each_format() {
    let (code, out, _) = lookup(&["show", "13f"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "UN GGE 2015 13(f): Do not damage critical infrastructure (2015) · norm · gge-2015-13f\n\
         Fixture summary of norm f.\n\
         Carried by:\n\
         - UN GGE 2015\n\
         Sources: https://example.org/f\n"
    );
    let (_, md, _) = lookup(&["show", "13f", "--format", "markdown"]);
    assert!(md.starts_with("**UN GGE 2015 13(f): Do not damage critical infrastructure** (2015) · norm · `gge-2015-13f`\n"), "{md}");
    let (_, json, _) = lookup(&["show", "wannacrypt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (v["id"].as_str(), v["kind"].as_str()),
        (Some("wannacry"), Some("incident"))
    );
    assert_eq!(v["mitigations"][1]["basis"]["Bpf"], 2021);
}

#[test]
fn lookups_that_find_nothing_exit_1() {
    for args in [
        &["show", "zzzz"][..],
        &["search", "zzzz"],
        &["links", "nope"],
    ] {
        let (code, out, err) = lookup(args);
        assert_eq!(code, 1, "{args:?}");
        assert!(out.is_empty());
        assert!(!err.is_empty(), "says why on stderr: {args:?}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    let (code, _, err) = lookup(&["search", "x", "--kind", "planet"]);
    assert_eq!(code, 2);
    assert!(err.contains("planet"));
    let (code, _, _) = lookup(&["show", "x", "--format", "pdf"]);
    assert_eq!(code, 2);
}

#[test]
fn search_ranks_filters_by_kind_and_limits() {
    let (code, out, _) = lookup(&["search", "2015"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert!(
        ids.contains(&"gge-2015-13f") && ids.contains(&"gge-2015"),
        "{out}"
    );
    let (_, out, _) = lookup(&["search", "2015", "--kind", "agreement"]);
    assert_eq!(
        out,
        "agreement  gge-2015                     2015 UN GGE 2015\n"
    );
    let (_, out, _) = lookup(&["search", "e", "--limit", "2"]);
    assert_eq!(out.lines().count(), 2);
    let (_, md, _) = lookup(&["search", "solar", "--format", "markdown"]);
    assert_eq!(md, "- **2020–2021 SolarWinds** (incident, `solarwinds`)\n");
    let (_, json, _) = lookup(&["search", "solar", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["id"], "solarwinds");
}

#[test]
fn list_prints_every_entity_of_a_kind() {
    let (code, out, _) = lookup(&["list", "incidents"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "incident   wannacry                     2017 WannaCry\n\
         incident   solarwinds                   2020–2021 SolarWinds\n"
    );
    let (_, json, _) = lookup(&["list", "norm-set", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn links_show_both_directions_with_basis_and_rationale() {
    let (code, out, _) = lookup(&["links", "gge-2015-13f"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "set        norm set   gge-2015-norms               UN GGE 2015 report, paragraph 13\n\
         contains   agreement  gge-2015                     2015 UN GGE 2015\n\
         mitigates  incident   wannacry                     2017 WannaCry [BPF 2021]\n    \
         Fixture rationale: restraint under norm f would have helped.\n\
         mitigates  incident   solarwinds                   2020–2021 SolarWinds [Editorial]\n    \
         Fixture rationale: norm f would not have applied here.\n"
    );
    let (_, json, _) = lookup(&["links", "wannacry", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["relation"], "mitigates");
    assert_eq!(v[0]["basis"], "Editorial");
    let (_, md, _) = lookup(&["links", "accord-cote", "--format", "markdown"]);
    assert!(md.starts_with("- echoes: **UN GGE 2015 13(j): Report vulnerabilities** (norm, `gge-2015-13j`) [Editorial]\n"), "{md}");
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let script = text(&out.stdout);
        assert!(
            script.contains("cybernorms") && script.contains("links"),
            "{shell}"
        );
    }
    let man = text(&run(&["man"]).stdout);
    assert!(
        man.contains(".TH cybernorms 1") && man.contains("search"),
        "{man}"
    );
}
