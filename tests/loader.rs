//! Malformed and inconsistent datasets: each gives its exact error, never a panic.

use cybernorms::data::{self, LoadError};

const MINI: &str = include_str!("fixtures/mini.ron");

/// The fixture with `from` replaced by `to` (which must occur exactly once).
fn mutated(from: &str, to: &str) -> String {
    assert_eq!(
        MINI.matches(from).count(),
        1,
        "{from:?} must occur once in the fixture"
    );
    MINI.replacen(from, to, 1)
}

fn error_of(text: &str) -> String {
    match data::load_str("bad.ron", text) {
        Ok(_) => panic!("dataset unexpectedly loaded"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_fixture_itself_loads() {
    let c = data::load_str("mini.ron", MINI).expect("fixture is valid");
    assert_eq!(c.dataset().incidents.len(), 2);
}

#[test]
fn the_bundled_dataset_loads() {
    data::load_bundled().expect("the bundled dataset is valid");
}

#[test]
fn syntax_error_names_line_and_column() {
    let text = mutated(
        "            year: 2015,\n            made_by: \"UN Group",
        "            year: 2015\n            made_by: \"UN Group",
    );
    assert_eq!(error_of(&text), "bad.ron:9:13: Expected comma");
}

#[test]
fn unknown_field_is_rejected() {
    let text = mutated("code: \"13(j)\",", "code: \"13(j)\", colour: \"red\",");
    assert_eq!(
        error_of(&text),
        "bad.ron:27:28: Unexpected field named `colour` in `Norm`, expected one of `id`, `set`, `code`, `name`, `summary`, `aliases`, `themes`, `equivalents`, or `sources` instead"
    );
}

#[test]
fn missing_field_is_reported() {
    let text = mutated("            summary: \"Fixture summary of norm j.\",\n", "");
    assert_eq!(
        error_of(&text),
        "bad.ron:31:9: Unexpected missing field named `summary` in `Norm`"
    );
}

#[test]
fn wrong_type_is_reported() {
    let text = mutated(
        "    year: 2020,\n            kind",
        "    year: \"2020\",\n            kind",
    );
    assert_eq!(error_of(&text), "bad.ron:56:18: Expected integer");
}

#[test]
fn unknown_enum_variant_is_reported() {
    let text = mutated("kind: NonBindingDeclaration", "kind: Treatyish");
    assert_eq!(
        error_of(&text),
        "bad.ron:57:19: Unexpected variant named `Treatyish` in enum `AgreementKind`, expected one of `BindingTreaty`, `NonBindingDeclaration`, `Report`, `Resolution`, `ModelLaw`, `IndustryCommitment`, `MultistakeholderCall`, or `TechnicalNorm` instead"
    );
}

#[test]
fn empty_file_is_reported() {
    assert_eq!(
        error_of(""),
        "bad.ron:1:1: Expected opening `(` for struct `Dataset`"
    );
}

#[test]
fn dangling_mitigation_names_entity_field_and_target() {
    let text = mutated(
        "norm: \"gge-2015-13j\", rationale: \"Fixture rationale: disclosure",
        "norm: \"gge-13z\", rationale: \"Fixture rationale: disclosure",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'wannacry' field 'mitigations[0].norm': no norm 'gge-13z'"
    );
}

#[test]
fn link_to_the_wrong_kind_is_reported() {
    let text = mutated(
        "norms: [\"gge-2015-13f\", \"gge-2015-13j\"]",
        "norms: [\"gge-2015-13f\", \"wannacry\"]",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: agreement 'gge-2015' field 'norms[1]': 'wannacry' is an incident, not a norm"
    );
}

#[test]
fn duplicate_id_is_reported_even_across_kinds() {
    let text = mutated("id: \"solarwinds\"", "id: \"gge-2015\"");
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'gge-2015' field 'id': duplicate id: already used by an agreement"
    );
}

#[test]
fn norm_of_missing_set_is_reported() {
    let text = mutated(
        "            set: \"gge-2015-norms\",\n            code: \"13(j)\"",
        "            set: \"gge-2016-norms\",\n            code: \"13(j)\"",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: norm 'gge-2015-13j' field 'set': no norm set 'gge-2016-norms'"
    );
}

#[test]
fn empty_required_text_is_reported() {
    let text = mutated("name: \"SolarWinds\"", "name: \"  \"");
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'solarwinds' field 'name': must not be empty"
    );
}

#[test]
fn entity_without_sources_is_reported() {
    let text = mutated(
        "sources: [Source(title: \"Fixture source\", url: \"https://example.org/cote\")]",
        "sources: []",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: agreement 'accord-cote' field 'sources': needs at least one source"
    );
}

#[test]
fn incident_needs_two_sources_and_two_mitigations() {
    let text = mutated(
        "                Source(title: \"Fixture source 2\", url: \"https://example.org/s2\"),\n",
        "",
    )
    .replacen(
        "                NormLink(norm: \"gge-2015-13f\", rationale: \"Fixture rationale: norm f would not have applied here.\", basis: Editorial),\n",
        "",
        1,
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'solarwinds' field 'mitigations': needs at least 2 mitigating norms\n\
         bad.ron: incident 'solarwinds' field 'sources': an incident needs at least 2 sources"
    );
}

#[test]
fn a_rationale_must_be_a_sentence_not_a_label() {
    let text = mutated(
        "rationale: \"Fixture rationale: norm f would not have applied here.\"",
        "rationale: \"supply chain\"",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'solarwinds' field 'mitigations[1].rationale': 'supply chain' is a label, not a reason: write at least one sentence (6+ words, ending with a full stop)"
    );
}

#[test]
fn a_bpf_basis_needs_a_bpf_source() {
    let text = mutated(
        "NormLink(norm: \"gge-2015-13f\", rationale: \"Fixture rationale: norm f would not have applied here.\", basis: Editorial)",
        "NormLink(norm: \"gge-2015-13f\", rationale: \"Fixture rationale: norm f would not have applied here.\", basis: Bpf(2021))",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'solarwinds' field 'mitigations[1].basis': a claim about the BPF's own work needs a source on intgovforum.org that shows it"
    );
}

#[test]
fn equivalents_must_be_norms_of_other_sets() {
    let text = mutated(
        "aliases: [\"#10\", \"norm j\"],",
        "aliases: [\"#10\", \"norm j\"], equivalents: [\"gge-2015-13f\", \"nope\"],",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: norm 'gge-2015-13j' field 'equivalents[0]': 'gge-2015-13f' is in the same set; equivalents are norms of other sets\n\
         bad.ron: norm 'gge-2015-13j' field 'equivalents[1]': no norm 'nope'"
    );
}

#[test]
fn non_http_url_is_reported() {
    let text = mutated(
        "url: \"https://example.org/cote\",",
        "url: \"ftp://example.org/cote\",",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: agreement 'accord-cote' field 'url': 'ftp://example.org/cote' is not an http(s) URL"
    );
}

#[test]
fn id_that_is_not_a_slug_is_reported() {
    let text = mutated("id: \"accord-cote\"", "id: \"Accord Côte\"");
    assert_eq!(
        error_of(&text),
        "bad.ron: agreement 'Accord Côte' field 'id': 'Accord Côte' is not a slug (lowercase letters, digits and single hyphens)"
    );
}

#[test]
fn end_year_before_start_is_reported() {
    let text = mutated("end_year: Some(2021)", "end_year: Some(2019)");
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'solarwinds' field 'end_year': 2019 is before year 2020"
    );
}

#[test]
fn norm_listed_twice_by_one_agreement_is_reported() {
    let text = mutated(
        "norms: [\"gge-2015-13f\", \"gge-2015-13j\"]",
        "norms: [\"gge-2015-13f\", \"gge-2015-13f\"]",
    );
    assert_eq!(
        error_of(&text),
        "bad.ron: agreement 'gge-2015' field 'norms[1]': 'gge-2015-13f' is listed twice"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = mutated("name: \"SolarWinds\"", "name: \"\"")
        .replacen(
            "norm: \"gge-2015-13f\", rationale",
            "norm: \"nope\", rationale",
            1,
        )
        .replacen("basis: Bpf(2021)", "basis: Bpf(1999)", 1);
    assert_eq!(
        error_of(&text),
        "bad.ron: incident 'wannacry' field 'mitigations[1].norm': no norm 'nope'\n\
         bad.ron: incident 'wannacry' field 'mitigations[1].basis': 1999 is not a year of the BPF on Cybersecurity (from 2014)\n\
         bad.ron: incident 'solarwinds' field 'name': must not be empty"
    );
}

#[test]
fn unreadable_and_non_utf8_files_are_reported() {
    let dir = std::env::temp_dir().join(format!("cybernorms-loader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("missing.ron");
    let e = data::load_path(&missing, None)
        .err()
        .expect("missing file fails");
    assert!(matches!(e, LoadError::Read { .. }), "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("{}: cannot read: ", missing.display()))
    );

    let bad = dir.join("latin1.ron");
    std::fs::write(&bad, b"Dataset(\n  norm_sets: [\xff]").unwrap();
    let e = data::load_path(&bad, None)
        .err()
        .expect("invalid UTF-8 fails");
    assert_eq!(
        e.to_string(),
        format!("{}:2:15: invalid UTF-8", bad.display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_dataset_date_must_be_a_date_and_is_shown_with_the_version() {
    let dated = MINI.replacen(
        "Dataset(",
        "Dataset(\n    version: \"2.1.0\",\n    date: \"2026-11-24\",",
        1,
    );
    let c = data::load_str("mini.ron", &dated).expect("a dated fixture loads");
    assert_eq!(c.edition().as_deref(), Some("version 2.1.0 of 2026-11-24"));
    assert_eq!(data::load_str("mini.ron", MINI).unwrap().edition(), None);
    for bad in ["2026-13-01", "24 November 2026", "2026-11-4", "1066-10-14"] {
        let text = dated.replace("2026-11-24", bad);
        assert_eq!(
            error_of(&text),
            format!("bad.ron: dataset field 'date': '{bad}' is not a date (YYYY-MM-DD)")
        );
    }
}
