//! The layers of the engine, checked in its source: the platform (timers, clock,
//! cancellation, URLs) stands on nothing else of the crate; workloads stand on the
//! platform only; models may use workloads; demos use everything, but not each other.

use std::fs;
use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn assert_uses_none(dir: &str, forbidden: &[&str]) {
    let files = sources(dir);
    assert!(!files.is_empty(), "{dir} has sources");
    for (name, text) in files {
        for f in forbidden {
            assert!(!text.contains(f), "{dir}/{name} uses {f}");
        }
    }
}

#[test]
fn the_platform_stands_on_nothing_else_of_the_crate() {
    assert_uses_none("src/platform", &["crate::models", "crate::workloads", "crate::demos", "crate::trace", "crate::params"]);
}

#[test]
fn workloads_stand_on_the_platform_only() {
    assert_uses_none("src/workloads", &["crate::models", "crate::demos"]);
}

#[test]
fn models_do_not_reach_up_into_demos() {
    assert_uses_none("src/models", &["crate::demos"]);
}

#[test]
fn demos_do_not_import_each_other() {
    let files = sources("src/demos");
    let demos: Vec<String> = files
        .iter()
        .map(|(n, _)| n.trim_end_matches(".rs").to_string())
        .filter(|n| !["mod", "phases", "excerpt"].contains(&n.as_str()))
        .collect();
    for (name, text) in &files {
        for other in &demos {
            if name.trim_end_matches(".rs") == other || name == "mod.rs" {
                continue;
            }
            assert!(!text.contains(&format!("super::{other}::")), "src/demos/{name} uses the {other} demo");
        }
    }
}
