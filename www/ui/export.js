// Exports of a run: the trace in the Chrome Trace Event format (it opens in Perfetto
// and chrome://tracing) and the timeline as a PNG.

/** The run as Chrome trace events: one thread per lane, complete events for spans
 *  ("ph": "X", times in microseconds), instant events for printed lines. */
export function toChromeTrace(result) {
  const pid = 1;
  const tid = (lane) => lane + 1;
  const events = [
    { ph: 'M', name: 'process_name', pid, tid: 0, args: { name: `Concurrency Playground: ${result.demo} (${result.build} build)` } },
    ...result.lanes.map((lane) => ({ ph: 'M', name: 'thread_name', pid, tid: tid(lane.id), args: { name: `${lane.label} (${lane.kind})` } })),
    ...result.lanes.map((lane) => ({ ph: 'M', name: 'thread_sort_index', pid, tid: tid(lane.id), args: { sort_index: lane.id } })),
    ...result.spans.map((s) => ({
      ph: 'X',
      name: s.label,
      cat: s.kind,
      pid,
      tid: tid(s.lane),
      ts: Math.round(s.start_ms * 1000),
      dur: Math.round((s.end_ms - s.start_ms) * 1000),
      args: { kind: s.kind, task: s.task },
    })),
    ...result.logs.map((log) => ({ ph: 'i', s: 't', name: log.text, cat: 'print', pid, tid: tid(log.lane), ts: Math.round(log.t_ms * 1000) })),
  ];
  return { traceEvents: events, displayTimeUnit: 'ms', otherData: { demo: result.demo, params: result.params, build: result.build, wall_ms: result.wall_ms, stats: result.stats } };
}

/** Saves `blob` as a file called `name` (a download; nothing leaves the machine). */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportTrace(result) {
  const json = JSON.stringify(toChromeTrace(result));
  download(`${result.demo}-trace.json`, new Blob([json], { type: 'application/json' }));
}

export function exportPng(canvas, demo) {
  canvas.toBlob((blob) => blob && download(`${demo}-timeline.png`, blob), 'image/png');
}
