// Exports of a run: the trace in the Chrome Trace Event format (it opens in Perfetto
// and chrome://tracing) and the timeline as a PNG.

/** Microseconds, whole: the format's unit. Rounding is monotonic, so spans that nest or
 *  are disjoint in milliseconds still do once rounded (ends are rounded, not durations). */
const us = (ms) => Math.round(ms * 1000);

/**
 * Splits one lane's spans into tracks on which complete events obey the format's rule:
 * two events of one thread either nest or are disjoint. Perfetto draws events that
 * overlap without nesting wrongly (asyncio's coroutines all asleep at once, the
 * scraper's concurrent fetches), so such spans cannot share a thread.
 *
 * `spans` are [{ span, ts, end }]. Returns arrays of them, in order: one track when the
 * lane already nests (every thread's lane today), else a track per task, and, in the rare
 * case a task's own spans overlap, more tracks for that task (first fit).
 */
export function tracksOf(spans) {
  if (fitsOneTrack(spans)) return [spans];
  const byTask = new Map();
  for (const s of spans) {
    const task = s.span.task ?? -1;
    if (!byTask.has(task)) byTask.set(task, []);
    byTask.get(task).push(s);
  }
  const tasks = [...byTask.keys()].sort((a, b) => a - b);
  return tasks.flatMap((task) => firstFit(byTask.get(task)));
}

/** Parents before children: by start, then the longer first. */
const nestingOrder = (a, b) => a.ts - b.ts || b.end - a.end;

/** Whether events can all go on one thread: each starts after the events open at its start
 *  end, or ends within the innermost of them. */
function fitsOneTrack(spans) {
  const open = []; // ends of the events that contain the current one, innermost last
  for (const s of [...spans].sort(nestingOrder)) {
    while (open.length && open[open.length - 1] <= s.ts) open.pop();
    if (open.length && s.end > open[open.length - 1]) return false;
    open.push(s.end);
  }
  return true;
}

/** Tracks for spans that may overlap: each goes on the first track where it nests or is
 *  disjoint (a stack of open ends per track). */
function firstFit(spans) {
  const tracks = []; // { open: [end, ...], spans: [...] }
  for (const s of [...spans].sort(nestingOrder)) {
    let track = tracks.find(({ open }) => {
      while (open.length && open[open.length - 1] <= s.ts) open.pop();
      return !open.length || s.end <= open[open.length - 1];
    });
    if (!track) tracks.push((track = { open: [], spans: [] }));
    track.open.push(s.end);
    track.spans.push(s);
  }
  return tracks.map((t) => t.spans);
}

/**
 * The run as Chrome trace events: one thread per lane (named after it, in the lanes'
 * order), complete events for spans ("ph": "X", times in microseconds), instant events for
 * printed lines on their lane's thread. A lane whose spans overlap without nesting keeps
 * its thread for its printed lines and gets a thread per task for its spans, named
 * "<lane> · task <n>" and sorted under it.
 */
export function toChromeTrace(result) {
  const pid = 1;
  const laneTid = (lane) => lane + 1;
  let nextTid = Math.max(0, ...result.lanes.map((l) => laneTid(l.id))) + 1;
  const meta = [
    { ph: 'M', name: 'process_name', pid, tid: 0, args: { name: `Concurrency Playground: ${result.demo} (${result.build} build)` } },
  ];
  const thread = (tid, name, sortIndex) => meta.push(
    { ph: 'M', name: 'thread_name', pid, tid, args: { name } },
    { ph: 'M', name: 'thread_sort_index', pid, tid, args: { sort_index: sortIndex } },
  );
  // The events keep the order of result.spans (a test compares them one to one).
  const tidOfSpan = new Map();
  const byLane = new Map(result.lanes.map((lane) => [lane.id, []]));
  for (const span of result.spans) byLane.get(span.lane)?.push({ span, ts: us(span.start_ms), end: us(span.end_ms) });
  for (const lane of result.lanes) {
    const name = `${lane.label} (${lane.kind})`;
    // Sort indexes leave room under each lane for its task threads.
    const base = lane.id * 100000;
    thread(laneTid(lane.id), name, base);
    const tracks = tracksOf(byLane.get(lane.id));
    if (tracks.length === 1) {
      for (const s of tracks[0]) tidOfSpan.set(s.span, laneTid(lane.id));
      continue;
    }
    tracks.forEach((track, i) => {
      const tid = nextTid++;
      const task = track[0].span.task;
      const again = i > 0 && tracks[i - 1][0].span.task === task; // a task's second track
      thread(tid, `${name} · ${task == null ? 'no task' : `task ${task}`}${again ? ' (overlapping)' : ''}`, base + i + 1);
      for (const s of track) tidOfSpan.set(s.span, tid);
    });
  }
  const events = [
    ...meta,
    ...result.spans.map((s) => {
      const ts = us(s.start_ms);
      return { ph: 'X', name: s.label, cat: s.kind, pid, tid: tidOfSpan.get(s) ?? laneTid(s.lane), ts, dur: us(s.end_ms) - ts, args: { kind: s.kind, task: s.task } };
    }),
    ...result.logs.map((log) => ({ ph: 'i', s: 't', name: log.text, cat: 'print', pid, tid: laneTid(log.lane), ts: us(log.t_ms) })),
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
