//! The live view of a run: what the page draws while the run goes. One test in its own
//! binary, because the live recorder is global to the engine and tests run in parallel.

use std::sync::atomic::{AtomicUsize, Ordering};

use concurrency_playground::trace::{self, LaneKind, Recorder, SpanKind};

#[test]
fn live_trace_returns_what_was_recorded_since_the_caller_last_looked() {
    let rec = Recorder::start();
    let lane = rec.lane("thread 1", LaneKind::Thread);
    rec.span(lane, SpanKind::Sleep, Some(0), "sleep", 0.0, 1.0);
    rec.log(lane, "one");
    let first = trace::live(0, 0).expect("a run is live");
    assert_eq!(first.lanes.len(), 1);
    assert_eq!(first.spans.len(), 1);
    assert_eq!(first.logs.len(), 1);
    assert!(first.t_ms >= 0.0);

    rec.span(lane, SpanKind::Cpu, Some(1), "work", 1.0, 2.0);
    let next = trace::live(first.spans.len(), first.logs.len()).expect("still live");
    assert_eq!(next.spans.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["work"]);
    assert!(next.logs.is_empty());
    // Indices past the end (a caller that saw a previous, longer run) give nothing, not a panic.
    assert!(trace::live(99, 99).expect("live").spans.is_empty());

    // The finished result holds everything; after the run nothing is live.
    let result = rec.finish("test", serde_json::json!({}), "single", serde_json::json!(null), Default::default());
    assert_eq!(result.spans.len(), 2);
    trace::end_live();
    assert!(trace::live(0, 0).is_none());

    the_hook_runs_after_each_record_on_its_own_thread_only();
}

static HOOK_CALLS: AtomicUsize = AtomicUsize::new(0);
static SPANS_SEEN_BY_HOOK: AtomicUsize = AtomicUsize::new(0);

fn hook() {
    HOOK_CALLS.fetch_add(1, Ordering::SeqCst);
    // What the engine's hook does: read the live trace. The recorder must not be locked here.
    let seen = trace::live(0, 0).map_or(0, |t| t.spans.len());
    SPANS_SEEN_BY_HOOK.store(seen, Ordering::SeqCst);
}

fn the_hook_runs_after_each_record_on_its_own_thread_only() {
    let rec = Recorder::start();
    let lane = rec.lane("main", LaneKind::Main);
    trace::after_record_on_this_thread(Some(hook));
    rec.span(lane, SpanKind::Cpu, Some(0), "work", 0.0, 1.0);
    assert_eq!(HOOK_CALLS.load(Ordering::SeqCst), 1);
    assert_eq!(SPANS_SEEN_BY_HOOK.load(Ordering::SeqCst), 1, "the hook sees the span it follows");
    rec.log(lane, "printed");
    assert_eq!(HOOK_CALLS.load(Ordering::SeqCst), 2);
    // Another thread's records do not call this thread's hook (the engine's hook is JS,
    // callable only from the engine's thread).
    let other = rec.clone();
    std::thread::spawn(move || {
        other.span(lane, SpanKind::Cpu, Some(1), "elsewhere", 1.0, 2.0);
        other.log(lane, "elsewhere");
    })
    .join()
    .unwrap();
    assert_eq!(HOOK_CALLS.load(Ordering::SeqCst), 2);
    trace::after_record_on_this_thread(None);
    rec.span(lane, SpanKind::Cpu, Some(0), "after", 2.0, 3.0);
    assert_eq!(HOOK_CALLS.load(Ordering::SeqCst), 2, "the hook was removed");
    trace::end_live();
}
