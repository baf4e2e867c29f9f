//! How much memory the program holds: every allocation of the process is counted, so a
//! program that keeps growing (a list appended to for ever) gets a MemoryError at the next
//! eval-breaker check instead of exhausting the page's wasm memory and crashing the engine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The allocator of any binary that links the engine: the system's, counted.
pub struct CountingAlloc;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// Safety: every call is forwarded to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size > layout.size() {
                ALLOCATED.fetch_add(new_size - layout.size(), Ordering::Relaxed);
            } else {
                ALLOCATED.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// Bytes allocated and not yet freed, by everything in this process or wasm instance.
pub fn allocated() -> usize {
    ALLOCATED.load(Ordering::Relaxed)
}

/// How much a program may hold before a MemoryError: well inside a browser tab's wasm
/// memory (the Python build's memory may grow to 4 GiB, but phones give far less).
pub const LIMIT_BYTES: usize = 512 * 1024 * 1024;
