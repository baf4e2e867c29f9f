//! The README's table of demos is written by hand, so it is checked against the registry
//! (what `playground.demos()` publishes): every demo in chapter order, its chapter, and
//! every parameter with its range or its choices. A demo added, renamed or re-ranged
//! without its row fails here.

use concurrency_playground::demos::DEMOS;
use concurrency_playground::params::Kind;

/// The rows of the table under `## Demos`: `| \`id\` | chapter | what runs | parameters |`.
fn table_rows(readme: &str) -> Vec<Vec<String>> {
    let section = readme.split("\n## Demos\n").nth(1).expect("a `## Demos` section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect())
        .collect()
}

/// How the README writes a bound: 4,000,000,000; small numbers as they are (2000).
fn written(n: i64) -> String {
    if n.abs() < 10_000 {
        return n.to_string();
    }
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_readme_table_lists_every_demo_with_its_chapter_and_parameters() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let rows = table_rows(&readme);
    let mut demos: Vec<_> = DEMOS.iter().collect();
    demos.sort_by_key(|d| d.chapter);
    let ids: Vec<String> = rows.iter().map(|r| r[0].trim_matches('`').to_string()).collect();
    assert_eq!(ids, demos.iter().map(|d| d.id).collect::<Vec<_>>(), "the README's demos, in chapter order");
    for (row, demo) in rows.iter().zip(demos) {
        assert_eq!(row.len(), 4, "{}: | id | chapter | what runs | parameters |", demo.id);
        assert!(row[1].starts_with(&format!("{}: ", demo.chapter)), "{}: chapter {} in {:?}", demo.id, demo.chapter, row[1]);
        let params = &row[3];
        for p in demo.params {
            assert!(params.contains(&format!("`{}`", p.name)), "{}: parameter `{}` missing from {params:?}", demo.id, p.name);
            match p.kind {
                Kind::Int { min, max, .. } | Kind::Urls { min, max, .. } => {
                    let range = format!("`{}` {}–{}", p.name, written(min), written(max));
                    assert!(params.contains(&range), "{}: {range:?} not in {params:?}", demo.id);
                }
                Kind::Choice { options, .. } => {
                    let choices = options.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join("/");
                    assert!(params.contains(&format!("`{}` {choices}", p.name)), "{}: {choices:?} not in {params:?}", demo.id);
                }
                Kind::Bool { .. } | Kind::Text { .. } => {}
            }
        }
        // No parameter the demo does not have.
        let named = params.split('`').skip(1).step_by(2).filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        for name in named {
            let known = demo.params.iter().any(|p| p.name == name)
                || demo.params.iter().any(|p| matches!(p.kind, Kind::Choice { options, .. } if options.contains(&name)));
            assert!(known, "{}: the README names `{name}`, which is not one of its parameters or choices", demo.id);
        }
    }
}

#[test]
fn thousands_are_written_as_the_readme_writes_them() {
    assert_eq!(written(2000), "2000");
    assert_eq!(written(4_000_000_000), "4,000,000,000");
    assert_eq!(written(100_000), "100,000");
}
