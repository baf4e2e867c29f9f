//! The page's "Rust that runs here" panel is cut from the demo's own file, so it cannot
//! say something the program does not do. A demo marks what to show between a line
//! `// rust-panel: begin` and a line `// rust-panel: end` (several such excerpts may
//! follow each other); the file is compiled into the engine with `include_str!`, and the
//! excerpts are cut from that text, each shifted left by its common indentation.

/// A demo's source file, as compiled.
#[derive(Clone, Copy)]
pub struct Source {
    /// From the repository's root, as the panel's first line names it.
    pub path: &'static str,
    pub text: &'static str,
}

/// `Source` of a file in `src/demos/`, read when the engine is compiled.
#[macro_export]
macro_rules! demo_source {
    ($file:literal) => {
        $crate::demos::Source { path: concat!("src/demos/", $file), text: include_str!($file) }
    };
}

const BEGIN: &str = "// rust-panel: begin";
const END: &str = "// rust-panel: end";

/// What the panel shows between two excerpts: they are not contiguous in the file.
pub const GAP: &str = "// …";

/// The panel's text: the file's name as a comment, then each excerpt, `GAP` between them.
/// Unbalanced markers are an error naming the line, so a demo cannot ship a panel that
/// silently lost its end (the native tests cut every demo's panel).
pub fn panel(source: &Source) -> Result<String, String> {
    let mut excerpts: Vec<Vec<&str>> = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for (n, line) in source.text.lines().enumerate() {
        match (line.trim(), open.as_mut()) {
            (BEGIN, None) => open = Some(Vec::new()),
            (BEGIN, Some(_)) => return Err(format!("{}:{}: a second begin before an end", source.path, n + 1)),
            (END, Some(_)) => excerpts.extend(open.take()),
            (END, None) => return Err(format!("{}:{}: an end without a begin", source.path, n + 1)),
            (_, Some(lines)) => lines.push(line),
            (_, None) => {}
        }
    }
    if open.is_some() {
        return Err(format!("{}: a begin without an end", source.path));
    }
    if excerpts.is_empty() {
        return Err(format!("{}: no `{BEGIN}` marker", source.path));
    }
    let bodies: Vec<String> = excerpts.iter().map(|lines| dedent(lines)).collect();
    Ok(format!("// {}\n{}", source.path, bodies.join(&format!("\n{GAP}\n"))))
}

fn dedent(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| if l.trim().is_empty() { "" } else { &l[indent..] })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &'static str) -> Source {
        Source { path: "src/demos/x.rs", text }
    }

    #[test]
    fn cuts_excerpts_between_markers_and_dedents_each() {
        let text = "fn a() {}\n    // rust-panel: begin\n    let x = 1;\n\n        x + 1\n    // rust-panel: end\nfn b() {}\n// rust-panel: begin\nfn c() {}\n// rust-panel: end\n";
        assert_eq!(panel(&src(text)).unwrap(), "// src/demos/x.rs\nlet x = 1;\n\n    x + 1\n// …\nfn c() {}");
    }

    #[test]
    fn unbalanced_markers_are_errors() {
        assert!(panel(&src("// rust-panel: begin\nx\n")).unwrap_err().contains("without an end"));
        assert!(panel(&src("x\n// rust-panel: end\n")).unwrap_err().contains(":2: an end without"));
        assert!(panel(&src("// rust-panel: begin\n// rust-panel: begin\n")).unwrap_err().contains("second begin"));
        assert!(panel(&src("fn main() {}\n")).unwrap_err().contains("no `"));
    }
}
