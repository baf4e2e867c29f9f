//! Prints ruff's raw parse error for a file (to map its messages onto CPython's).
fn main() {
    let src = std::fs::read_to_string(std::env::args().nth(1).expect("file")).expect("read");
    match ruff_python_parser::parse_module(&src) {
        Ok(_) => println!("ok"),
        Err(e) => println!("{:?} | {}", e.location, e.error),
    }
}
