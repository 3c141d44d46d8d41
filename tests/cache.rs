//! The cache of large datasets: used while the file's bytes stay the same, never after an
//! edit, never for a dataset that failed validation, and never an obstacle when broken.

use std::path::{Path, PathBuf};
use std::process::Command;

use cybernorms::data::{self, cache::Cache, model::Dataset};

#[path = "../examples/gen.rs"]
mod generator;

/// A fresh directory for one test, with a large (cacheable) generated dataset in it.
fn setup(test: &str) -> (PathBuf, PathBuf, Dataset) {
    let dir = std::env::temp_dir().join(format!("cybernorms-cache-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = generator::generate(2000, 7);
    let file = dir.join("big.ron");
    let text = ron::to_string(&data).unwrap();
    assert!(
        text.len() > 1 << 20,
        "the dataset must be large enough to be cached"
    );
    std::fs::write(&file, text).unwrap();
    (dir, file, data)
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_large_dataset_is_saved_once_and_read_back_while_unchanged() {
    let (dir, file, data) = setup("reuse");
    let cache = dir.join("cache");
    let first = data::load_path(&file, Some(&cache)).unwrap();
    assert_eq!(first.dataset(), &data);
    assert_eq!(cache_files(&cache).len(), 1, "one cache file per dataset");

    // Prove the next load reads the cache: put a different dataset in the file's slot.
    let bytes = std::fs::read(&file).unwrap();
    let mut other = data.clone();
    other.incidents[0].name = "Read from the cache".into();
    Cache::new(&cache, &file, &bytes).write(&other);
    let second = data::load_path(&file, Some(&cache)).unwrap();
    assert_eq!(second.dataset().incidents[0].name, "Read from the cache");

    // Without a cache directory, the file itself is read.
    let plain = data::load_path(&file, None).unwrap();
    assert_eq!(plain.dataset(), &data);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_edited_file_is_parsed_again_and_its_cache_replaced() {
    let (dir, file, data) = setup("edit");
    let cache = dir.join("cache");
    data::load_path(&file, Some(&cache)).unwrap();
    let mut edited = data.clone();
    edited.incidents[0].name = "Renamed in the file".into();
    std::fs::write(&file, ron::to_string(&edited).unwrap()).unwrap();
    let loaded = data::load_path(&file, Some(&cache)).unwrap();
    assert_eq!(loaded.dataset().incidents[0].name, "Renamed in the file");
    assert_eq!(cache_files(&cache).len(), 1, "the old copy is replaced");
    // And the replacement is what the next load reads.
    let again = data::load_path(&file, Some(&cache)).unwrap();
    assert_eq!(again.dataset(), &edited);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_cache_is_ignored() {
    let (dir, file, data) = setup("broken");
    let cache = dir.join("cache");
    data::load_path(&file, Some(&cache)).unwrap();
    let slot = cache_files(&cache).pop().unwrap();
    let full = std::fs::read(&slot).unwrap();
    for broken in [&full[..full.len() / 2], b"not a cache".as_slice(), &[]] {
        std::fs::write(&slot, broken).unwrap();
        let loaded = data::load_path(&file, Some(&cache)).unwrap();
        assert_eq!(loaded.dataset(), &data);
    }
    // A cache directory that cannot be created is no obstacle either.
    let blocked = dir.join("big.ron").join("cache");
    assert_eq!(
        data::load_path(&file, Some(&blocked)).unwrap().dataset(),
        &data
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn invalid_and_small_datasets_are_never_cached() {
    let (dir, file, mut data) = setup("invalid");
    let cache = dir.join("cache");
    data.incidents[0].mitigations.truncate(1);
    std::fs::write(&file, ron::to_string(&data).unwrap()).unwrap();
    for _ in 0..2 {
        let e = data::load_path(&file, Some(&cache)).err().expect("invalid");
        assert!(
            e.to_string().contains("needs at least 2 mitigating norms"),
            "{e}"
        );
    }
    assert!(cache_files(&cache).is_empty());

    let small = dir.join("small.ron");
    std::fs::copy("tests/fixtures/mini.ron", &small).unwrap();
    data::load_path(&small, Some(&cache)).unwrap();
    assert!(cache_files(&cache).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_cli_caches_under_xdg_cache_home_unless_told_not_to() {
    let (dir, file, _) = setup("cli");
    let run = |home: &Path, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_cybernorms"))
            .env("XDG_CACHE_HOME", home)
            .arg("--data")
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (used, unused) = (dir.join("used"), dir.join("unused"));
    let search = ["search", "critical grid", "--limit", "5"];
    let first = run(&used, &search);
    assert_eq!(cache_files(&used.join("cybernorms")).len(), 1);
    assert_eq!(
        run(&used, &search),
        first,
        "the cached copy answers the same"
    );
    assert_eq!(
        run(
            &unused,
            &["--no-cache", "search", "critical grid", "--limit", "5"]
        ),
        first
    );
    assert!(!unused.exists(), "--no-cache writes nothing");
    // `check` always validates the file itself, so it writes no cache either.
    assert!(run(&unused, &["check"]).contains(": ok"));
    assert!(!unused.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
