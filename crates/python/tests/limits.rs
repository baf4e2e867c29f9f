//! The engine's limits: a program that keeps growing gets a MemoryError and can go on.
//! (Its own test binary: the allocation counter is per process.)

#[test]
fn runaway_memory_is_a_memory_error_the_program_can_catch() {
    let code = "x = []\ntry:\n    while True:\n        x.append('abcdefgh' * 4)\nexcept MemoryError:\n    n = len(x)\n    del x\n    print('MemoryError', n > 1000000)\nprint('alive')\n";
    let out = python_engine::run_blocking(code, python_engine::Config::default(), 60_000.0);
    assert!(!out.timed_out, "{out:?}");
    assert_eq!(out.stdout, "MemoryError True\nalive\n", "{out:?}");
    assert_eq!(out.exit_code, 0);
}
