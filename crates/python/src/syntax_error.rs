//! SyntaxError and IndentationError as CPython 3.11 words and places them, from ruff's
//! parse errors: the message a learner knows ("'(' was never closed", "expected ':'",
//! "unexpected indent") at the line and column CPython points at.

use crate::compile::{CompileError, Source};

/// Describes a parse error ruff reported at byte `offset` with `raw` as its message.
pub fn describe(source: &Source, raw: &str, offset: usize) -> CompileError {
    let at = |off: usize, message: String| {
        let line = source.line_of(off);
        CompileError { message, line, column: source.column_of(off), text: source.line_text(line).to_string() }
    };
    // An unclosed bracket is what CPython reports, at the bracket, when the parser failed on
    // a later line than the bracket's.
    if let Some((off, ch)) = unclosed_bracket(&source.text) {
        if !raw.starts_with("missing closing quote") && source.line_of(offset) > source.line_of(off) {
            return at(off, format!("'{ch}' was never closed"));
        }
    }
    if raw.starts_with("Unexpected indentation") {
        return at(offset, "unexpected indent".into());
    }
    if let Some(rest) = raw.strip_prefix("Expected an indented block after ") {
        let line = source.line_of(offset);
        let mut e = at(offset, String::new());
        e.message = format!("expected an indented block after {rest} on line {}", line.saturating_sub(1).max(1));
        return e;
    }
    if raw.starts_with("missing closing quote") {
        let line = source.line_of(offset);
        return at(offset, format!("unterminated string literal (detected at line {line})"));
    }
    if raw.starts_with("Expected `:`") {
        return at(offset, "expected ':'".into());
    }
    if raw.contains("unindent") || raw.contains("Unindent") {
        return at(offset, "unindent does not match any outer indentation level".into());
    }
    at(offset, "invalid syntax".into())
}

/// CPython raises IndentationError for these messages, SyntaxError for the rest.
pub fn kind_of(message: &str) -> &'static str {
    if message.starts_with("unexpected indent") || message.starts_with("expected an indented block") || message.starts_with("unindent") {
        "IndentationError"
    } else {
        "SyntaxError"
    }
}

/// The first bracket still open at the end of the source (strings and comments skipped).
fn unclosed_bracket(text: &str) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) {
                        i += q;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                // A closer that does not match is a different error; leave it to the parser.
                if stack.pop().is_none() {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.first().copied()
}
