// The timeline: one lane per thread / event loop / process, a row per task inside a lane,
// spans coloured by kind, printed lines as ticks, a time axis. Spans are rasterised by
// hand into one pixel buffer (a row of pixels per task row, copied down), because a
// fillRect per span costs about a microsecond in software rendering and 100,000 spans must
// pan smoothly; text and marks are drawn over it with the 2D API. The lanes are also listed
// as text for screen readers, and a keyboard cursor walks the spans one by one.
import { SPAN_KINDS, spanColor, cssColor } from './palette.js';

const RIGHT = 14;
const AXIS = 26;
const LANE_PAD = 5;
const MAX_ROW_PX = 16;
const MAX_LANE_ROWS_PX = 160; // a lane with many tasks gets thinner rows, not a taller canvas
const HELP = 'Hover or tap a span, or choose one from the keyboard, to see its details.';

export function formatMs(ms) {
  const a = Math.abs(ms);
  if (a >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (a >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (a >= 100) return `${ms.toFixed(0)} ms`;
  if (a >= 10) return `${ms.toFixed(1)} ms`;
  if (a >= 0.1 || a === 0) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

/** A step of 1, 2 or 5 x 10^k giving about `count` ticks over `span`. */
function tickStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/** The axis label at `t`, in seconds on long views, with the decimals `step` needs. */
function tickLabel(t, step, to) {
  const decimals = (unitStep) => Math.max(0, -Math.floor(Math.log10(unitStep) + 1e-9));
  if (to >= 2000 && step >= 100) return `${(t / 1000).toFixed(decimals(step / 1000))} s`;
  if (step >= 0.001) return `${t.toFixed(decimals(step))} ms`;
  return `${(t * 1000).toFixed(decimals(step * 1000))} µs`;
}

/** First index in `spans` (sorted by start) whose start is >= t. */
function firstAtOrAfter(spans, t) {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start_ms < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows of one lane: one per task; when there are too many to see, tasks that never
 *  overlap share a row (first fit on each task's extent). */
function rowsOf(spans) {
  const extent = new Map(); // task -> [first start, last end]
  for (const s of spans) {
    const task = s.task ?? -1;
    const e = extent.get(task);
    if (!e) extent.set(task, [s.start_ms, s.end_ms]);
    else {
      e[0] = Math.min(e[0], s.start_ms);
      e[1] = Math.max(e[1], s.end_ms);
    }
  }
  const tasks = [...extent.keys()].sort((a, b) => a - b);
  const rowOf = new Map();
  if (tasks.length * 2 <= MAX_LANE_ROWS_PX) {
    tasks.forEach((t, i) => rowOf.set(t, i));
    return { rowOf, rows: Math.max(1, tasks.length) };
  }
  const ends = []; // per row: where its last task ends
  for (const t of [...tasks].sort((a, b) => extent.get(a)[0] - extent.get(b)[0])) {
    const [start, end] = extent.get(t);
    let row = ends.findIndex((e) => e <= start);
    if (row < 0) row = ends.push(end) - 1;
    else ends[row] = end;
    rowOf.set(t, row);
  }
  return { rowOf, rows: Math.max(1, ends.length) };
}

/** What every frame needs and only the run decides: computed once per run, not per frame. */
function prepare(result) {
  const byLane = new Map(result.lanes.map((lane) => [lane.id, []]));
  for (const s of result.spans) byLane.get(s.lane)?.push(s);
  const logsByLane = new Map(result.lanes.map((lane) => [lane.id, []]));
  for (const log of result.logs ?? []) logsByLane.get(log.lane)?.push(log);
  let y = 0;
  const boxes = result.lanes.map((lane) => {
    const spans = byLane.get(lane.id);
    const { rowOf, rows } = rowsOf(spans);
    const rowSpans = Array.from({ length: rows }, () => []);
    for (const s of spans) rowSpans[rowOf.get(s.task ?? -1)].push(s);
    for (const list of rowSpans) list.sort((a, b) => a.start_ms - b.start_ms);
    // The longest span of each row bounds how far back a visible span can start.
    const maxDur = rowSpans.map((list) => list.reduce((m, s) => Math.max(m, s.end_ms - s.start_ms), 0));
    const rowH = Math.min(MAX_ROW_PX, MAX_LANE_ROWS_PX / rows);
    const height = Math.max(rows * rowH, 12) + 2 * LANE_PAD;
    const box = { lane, top: y, height, rowH, rows, rowOf, rowSpans, maxDur, logs: logsByLane.get(lane.id) };
    y += height;
    return box;
  });
  return { boxes, height: y };
}

// CSS colours as 32-bit pixels (RGBA bytes in memory order), via a 1x1 canvas so that any
// CSS colour syntax works.
const pixelCache = new Map();
const scratch = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function rgba(css) {
  if (!pixelCache.has(css)) {
    scratch.clearRect(0, 0, 1, 1);
    scratch.fillStyle = '#000';
    scratch.fillStyle = css;
    scratch.fillRect(0, 0, 1, 1);
    pixelCache.set(css, [...scratch.getImageData(0, 0, 1, 1).data]);
  }
  return pixelCache.get(css);
}
function pixel([r, g, b, a = 255]) {
  return LITTLE_ENDIAN ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}
const mix = (c1, c2, k) => c1.map((v, i) => Math.round(v * (1 - k) + c2[i] * k));

export class Timeline {
  constructor(canvas, laneList, details) {
    this.canvas = canvas;
    this.laneList = laneList;
    this.details = details;
    this.result = null;
    this.view = null; // [from, to] in ms; null: the whole run
    this.marker = null; // { t, lane }
    this.cursor = null; // { box, row, index }: the span chosen from the keyboard or by a tap
    this.geometry = null;
    this.frame = 0;
    this.image = null;
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw());
    this.listen();
  }

  /** Zoom (wheel, + and -), pan (drag, wheel sideways, arrow keys), reset (0), details. */
  listen() {
    const c = this.canvas;
    c.tabIndex = 0;
    c.addEventListener('wheel', (e) => {
      if (!this.geometry) return;
      e.preventDefault();
      const [from, to] = this.currentView();
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        const dt = (e.deltaX / this.geometry.plotW) * (to - from);
        this.setView(from + dt, to + dt, { soon: true });
      } else if (e.deltaY) {
        this.zoom(e.deltaY < 0 ? 1 / 1.25 : 1.25, this.timeAt(e.offsetX), { soon: true });
      }
    }, { passive: false });
    let drag = null;
    const touches = new Map(); // pointerId -> clientX, for a two-finger pinch
    let pinch = null;
    c.addEventListener('pointerdown', (e) => {
      if (!this.geometry) return;
      touches.set(e.pointerId, e.clientX);
      c.setPointerCapture(e.pointerId);
      if (touches.size === 2) {
        // Two fingers: zoom around the time between them, keeping it under them.
        const [a, b] = [...touches.values()];
        const rect = c.getBoundingClientRect();
        pinch = { span: Math.max(8, Math.abs(a - b)), view: this.currentView(), t: this.timeAt((a + b) / 2 - rect.left) };
        drag = null;
        return;
      }
      drag = { x: e.clientX, y: e.clientY, view: this.currentView(), moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      if (pinch && touches.has(e.pointerId)) {
        touches.set(e.pointerId, e.clientX);
        const [a, b] = [...touches.values()];
        const k = pinch.span / Math.max(8, Math.abs(a - b));
        const [from, to] = pinch.view;
        this.setView(pinch.t - (pinch.t - from) * k, pinch.t + (to - pinch.t) * k, { soon: true });
      } else if (drag) {
        if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) drag.moved = true;
        if (!drag.moved) return;
        const [from, to] = drag.view;
        const dt = ((drag.x - e.clientX) / this.geometry.plotW) * (to - from);
        this.setView(from + dt, to + dt, { soon: true });
      } else {
        const hit = this.spanAt(e.offsetX, e.offsetY);
        this.say(hit ? this.describeSpan(hit) : this.cursorText());
      }
    });
    const end = (e) => {
      touches.delete(e.pointerId);
      if (pinch) {
        if (touches.size < 2) pinch = null;
        drag = null;
        return;
      }
      // A tap (no drag) chooses the span under it: details on touch screens too.
      if (drag && !drag.moved && e.type === 'pointerup') {
        const hit = this.spanAt(e.offsetX, e.offsetY);
        if (hit) this.setCursor(hit);
      }
      drag = null;
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('pointerleave', () => { if (!drag) this.say(this.cursorText()); });
    c.addEventListener('keydown', (e) => {
      if (!this.geometry || e.altKey || e.ctrlKey || e.metaKey) return;
      const [from, to] = this.currentView();
      const step = (to - from) / 10;
      const keys = {
        '+': () => this.zoom(1 / 1.5), '=': () => this.zoom(1 / 1.5), '-': () => this.zoom(1.5),
        ArrowLeft: () => this.setView(from - step, to - step), ArrowRight: () => this.setView(from + step, to + step),
        0: () => this.resetView(), Home: () => this.resetView(),
        ArrowUp: () => this.moveRow(-1), ArrowDown: () => this.moveRow(1),
        '[': () => this.moveSpan(-1), ']': () => this.moveSpan(1), ',': () => this.moveSpan(-1), '.': () => this.moveSpan(1),
        Enter: () => this.zoomToCursor(),
      };
      if (keys[e.key]) {
        e.preventDefault();
        keys[e.key]();
      }
    });
    c.addEventListener('focus', () => this.say(this.cursorText()));
  }

  currentView() {
    return this.view ?? [0, Math.max(this.result?.wall_ms ?? 1, 1e-3)];
  }

  /** Shows [from, to] (clamped to the run). `soon`: draw at the next frame (pointer and
   *  wheel events come faster than frames); otherwise now. */
  setView(from, to, { soon = false } = {}) {
    if (!this.result) return;
    const wall = Math.max(this.result.wall_ms, 1e-3);
    const width = Math.max(Math.min(to - from, wall), Math.min(wall, 1e-4));
    const start = Math.min(Math.max(from, 0), wall - width);
    this.view = width >= wall ? null : [start, start + width];
    const [a, b] = this.currentView();
    this.canvas.dataset.view = `${a.toFixed(3)}-${b.toFixed(3)}`; // what is shown, for tests and tools
    if (soon) this.schedule();
    else this.draw();
  }

  resetView() {
    this.setView(0, Infinity);
  }

  zoom(factor, around, options) {
    const [from, to] = this.currentView();
    const t = around ?? (from + to) / 2;
    const k = factor;
    this.setView(t - (t - from) * k, t + (to - t) * k, options);
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  timeAt(px) {
    const { gutter, plotW } = this.geometry;
    const [from, to] = this.currentView();
    return from + ((px - gutter) / plotW) * (to - from);
  }

  /** The span at CSS pixel (px, py), within a few pixels for spans too thin to hit. */
  spanAt(px, py) {
    if (!this.geometry || px < this.geometry.gutter) return null;
    const box = this.geometry.boxes.find((b) => py >= b.top && py < b.top + b.height);
    if (!box) return null;
    const row = Math.min(box.rows - 1, Math.max(0, Math.floor((py - box.top - LANE_PAD) / box.rowH)));
    const t = this.timeAt(px);
    const [from, to] = this.currentView();
    const slack = (3 * (to - from)) / this.geometry.plotW;
    const spans = box.rowSpans[row];
    let best = null;
    let bestGap = Infinity;
    for (let i = firstAtOrAfter(spans, t - box.maxDur[row] - slack); i < spans.length && spans[i].start_ms <= t + slack; i++) {
      const s = spans[i];
      const gap = t < s.start_ms ? s.start_ms - t : t > s.end_ms ? t - s.end_ms : 0;
      if (gap <= slack && gap < bestGap) {
        best = { box, row, index: i };
        bestGap = gap;
      }
    }
    return best;
  }

  describeSpan({ box, row, index }) {
    const s = box.rowSpans[row][index];
    const task = s.task != null ? `, task ${s.task + 1}` : '';
    return `${box.lane.label}: ${s.label} (${s.kind}${task}), from ${formatMs(s.start_ms)} for ${formatMs(s.end_ms - s.start_ms)}`;
  }

  cursorText() {
    return this.cursor ? this.describeSpan(this.cursor) : HELP;
  }

  /** The details line under the canvas (aria-live) and the canvas's tooltip. */
  say(text) {
    if (this.details && this.details.textContent !== text) this.details.textContent = text;
    this.canvas.title = text === HELP ? '' : text;
  }

  setCursor(cursor) {
    this.cursor = cursor;
    const s = cursor.box.rowSpans[cursor.row][cursor.index];
    const [from, to] = this.currentView();
    if (s.end_ms < from || s.start_ms > to) {
      const half = (to - from) / 2;
      const mid = (s.start_ms + s.end_ms) / 2;
      this.setView(mid - half, mid + half);
    } else {
      this.draw();
    }
    this.say(this.describeSpan(cursor));
  }

  /** Rows that have spans, top to bottom: [box, row]. */
  rowList() {
    return this.geometry.boxes.flatMap((box) => box.rowSpans.map((spans, row) => (spans.length ? [box, row] : null)).filter(Boolean));
  }

  moveRow(delta) {
    const rows = this.rowList();
    if (!rows.length) return;
    const at = this.cursor ? rows.findIndex(([b, r]) => b === this.cursor.box && r === this.cursor.row) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    const [box, row] = rows[next];
    // The span in the new row closest in time to where the cursor was (at first: the
    // first one in view, so that ] walks forward from the left edge).
    const [from] = this.currentView();
    const cur = this.cursor && this.cursor.box.rowSpans[this.cursor.row][this.cursor.index];
    const t = cur ? (cur.start_ms + cur.end_ms) / 2 : from;
    const spans = box.rowSpans[row];
    let index = Math.min(spans.length - 1, firstAtOrAfter(spans, t));
    if (index > 0 && Math.abs(spans[index - 1].end_ms - t) < Math.abs(spans[index].start_ms - t)) index -= 1;
    this.setCursor({ box, row, index });
  }

  moveSpan(delta) {
    if (!this.cursor) {
      this.moveRow(1);
      return;
    }
    const { box, row, index } = this.cursor;
    const next = Math.min(box.rowSpans[row].length - 1, Math.max(0, index + delta));
    this.setCursor({ box, row, index: next });
  }

  zoomToCursor() {
    if (!this.cursor) return;
    const s = this.cursor.box.rowSpans[this.cursor.row][this.cursor.index];
    const pad = Math.max((s.end_ms - s.start_ms) * 0.25, 1e-3);
    this.setView(s.start_ms - pad, s.end_ms + pad);
  }

  /** Marks the moment `t` ms (a printed line chosen in the output), on lane `lane` if given. */
  mark(t, lane = null) {
    this.marker = { t, lane };
    const [from, to] = this.currentView();
    if (t < from || t > to) this.view = null;
    this.setView(...this.currentView());
  }

  /** Draws a run still going: `partial` has the lanes, the spans that have ended and the
   *  lines printed so far, and `wall_ms` = now. No announcement: it changes every frame. */
  showLive(partial) {
    this.result = partial;
    this.prepared = prepare(partial);
    this.view = null;
    this.marker = null;
    this.cursor = null;
    this.canvas.dataset.live = 'true';
    this.draw();
  }

  show(result) {
    delete this.canvas.dataset.live;
    this.result = result;
    this.prepared = prepare(result);
    this.view = null;
    this.marker = null;
    this.cursor = null;
    this.describe();
    this.resetView();
    this.say(HELP);
  }

  clear() {
    this.result = null;
    this.prepared = null;
    this.view = null;
    this.marker = null;
    this.cursor = null;
    this.geometry = null;
    delete this.canvas.dataset.view;
    delete this.canvas.dataset.live;
    this.laneList.replaceChildren();
    this.canvas.setAttribute('aria-label', 'Timeline: no run yet');
    this.say(HELP);
    this.draw();
  }

  /** The accessible summary: one list item per lane, with its time per kind. */
  describe() {
    const r = this.result;
    const items = this.prepared.boxes.map(({ lane, rowSpans }) => {
      const total = new Map();
      let count = 0;
      for (const list of rowSpans) {
        count += list.length;
        for (const s of list) total.set(s.kind, (total.get(s.kind) ?? 0) + s.end_ms - s.start_ms);
      }
      const byKind = SPAN_KINDS.filter(({ kind }) => total.get(kind) > 0).map(({ kind }) => `${kind} ${formatMs(total.get(kind))}`);
      const li = document.createElement('li');
      li.dataset.lane = lane.id;
      li.dataset.kind = lane.kind;
      li.textContent = `${lane.label} (${lane.kind}): ${count} spans${byKind.length ? `, ${byKind.join(', ')}` : ''}`;
      return li;
    });
    this.laneList.replaceChildren(...items);
    this.canvas.setAttribute('aria-label', `Timeline of ${r.lanes.length} lanes over ${formatMs(r.wall_ms)}: ${r.lanes.map((l) => l.label).join(', ')}`);
  }

  draw() {
    const { canvas } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.parentElement.clientWidth;
    if (!width) return; // not laid out (hidden): the ResizeObserver calls again
    const boxes = this.result ? this.prepared.boxes : [];
    const lanesH = this.result ? this.prepared.height : 0;
    const height = Math.max(90, lanesH + AXIS);
    // Resizing reallocates the canvas: only when its size really changed.
    const [w, h] = [Math.round(width * dpr), Math.round(height * dpr)];
    if (canvas.width !== w || canvas.height !== h) {
      canvas.style.height = `${height}px`;
      canvas.width = w;
      canvas.height = h;
    }
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    // An opaque background: the exported PNG looks like the page.
    const panel = cssColor('--panel', '#f6f8fa');
    g.fillStyle = panel;
    g.fillRect(0, 0, width, height);
    const fg = cssColor('--fg');
    const muted = cssColor('--muted');
    g.font = '12px system-ui, sans-serif';
    g.textBaseline = 'middle';
    if (!this.result) {
      this.geometry = null;
      g.fillStyle = muted;
      g.fillText('Run a demo to see what every lane did.', 16, height / 2);
      return;
    }
    const r = this.result;
    // The label gutter fits the longest label, up to a third of the width.
    const gutter = Math.round(Math.min(width / 3, 16 + Math.max(60, ...r.lanes.map((l) => g.measureText(l.label).width))));
    const [from, to] = this.currentView();
    const span = Math.max(to - from, 1e-6);
    const plotW = Math.max(10, width - gutter - RIGHT);
    const x = (t) => gutter + ((t - from) / span) * plotW;
    this.geometry = { gutter, plotW, boxes };
    canvas.dataset.view = `${from.toFixed(3)}-${to.toFixed(3)}`;

    // Lane backgrounds and labels: odd lanes striped.
    const stripe = mix(rgba(panel), rgba(cssColor('--line')), 0.35);
    boxes.forEach((b, i) => {
      if (i % 2) {
        g.fillStyle = `rgb(${stripe[0]} ${stripe[1]} ${stripe[2]})`;
        g.fillRect(0, b.top, width, b.height);
      }
      g.fillStyle = fg;
      let label = b.lane.label;
      while (label.length > 4 && g.measureText(label).width > gutter - 14) label = `${label.slice(0, -2)}…`;
      g.fillText(label, 8, b.top + b.height / 2);
    });

    this.rasterise({ boxes, dpr, gutter, plotW, lanesH, from, span, panel, stripe });

    // The chosen span: outlined.
    if (this.cursor) {
      const { box, row, index } = this.cursor;
      const s = box.rowSpans[row][index];
      const x0 = Math.max(gutter - 2, x(s.start_ms));
      const x1 = Math.min(gutter + plotW + 2, Math.max(x(s.end_ms), x0 + 1));
      g.strokeStyle = fg;
      g.lineWidth = 2;
      g.strokeRect(x0 - 1, box.top + LANE_PAD + row * box.rowH - 1, x1 - x0 + 2, Math.max(box.rowH, 2) + 2);
      g.lineWidth = 1;
    }
    // The moment of a chosen output line: across every lane, stronger on its own.
    if (this.marker && this.marker.t >= from && this.marker.t <= to) {
      const mx = Math.round(x(this.marker.t));
      g.fillStyle = cssColor('--accent');
      g.fillRect(mx - 1, 0, 2, lanesH);
      const own = boxes.find((b) => b.lane.id === this.marker.lane);
      if (own) g.fillRect(mx - 3, own.top, 6, own.height);
    }

    // Time axis.
    const axisY = lanesH + 4;
    g.strokeStyle = muted;
    g.fillStyle = muted;
    g.beginPath();
    g.moveTo(gutter, axisY);
    g.lineTo(gutter + plotW, axisY);
    g.stroke();
    const step = tickStep(span, plotW / 90);
    g.textAlign = 'center';
    for (let k = Math.ceil(from / step); k * step <= to + step * 1e-6; k++) {
      const t = k * step; // not a running sum: no creeping rounding in the labels
      const tx = x(t);
      g.beginPath();
      g.moveTo(tx, axisY);
      g.lineTo(tx, axisY + 4);
      g.stroke();
      g.fillText(tickLabel(t, step, to), Math.min(Math.max(tx, gutter), width - 28), axisY + 14);
    }
    g.textAlign = 'start';
  }

  /** Spans and printed-line ticks into one ImageData over the plot, in device pixels. */
  rasterise({ boxes, dpr, gutter, plotW, lanesH, from, span, panel, stripe }) {
    const x0 = Math.round(gutter * dpr);
    const pw = Math.max(1, Math.round((gutter + plotW) * dpr) - x0);
    const ph = Math.max(1, Math.round(lanesH * dpr));
    if (!this.image || this.image.width !== pw || this.image.height !== ph) {
      this.image = new ImageData(pw, ph);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.strip = new Uint32Array(pw);
      this.ticks = new Uint8Array(pw);
    }
    const { pixels, strip, ticks } = this;
    const colour = Object.fromEntries(SPAN_KINDS.map(({ kind }) => [kind, pixel(rgba(spanColor(kind)))]));
    const other = pixel(rgba(cssColor('--muted')));
    const tickRgb = rgba(cssColor('--log-tick'));
    const scale = pw / span;
    const to = from + span;
    boxes.forEach((b, i) => {
      const bgRgb = i % 2 ? stripe : rgba(panel);
      const bg = pixel(bgRgb);
      const top = Math.round(b.top * dpr);
      const bottom = Math.min(ph, Math.round((b.top + b.height) * dpr));
      pixels.fill(bg, top * pw, bottom * pw);
      const gap = b.rowH * dpr >= 5 ? Math.round(dpr) : 0;
      for (let row = 0; row < b.rows; row++) {
        const spans = b.rowSpans[row];
        const y0 = Math.round((b.top + LANE_PAD + row * b.rowH) * dpr);
        const y1 = Math.max(y0 + 1, Math.round((b.top + LANE_PAD + (row + 1) * b.rowH) * dpr) - gap);
        if (!spans.length || y0 >= ph) continue;
        strip.fill(bg);
        for (let k = firstAtOrAfter(spans, from - b.maxDur[row]); k < spans.length; k++) {
          const s = spans[k];
          if (s.start_ms > to) break;
          if (s.end_ms < from) continue;
          const a = Math.max(0, Math.round((s.start_ms - from) * scale));
          const e = Math.min(pw, Math.max(a + 1, Math.round((s.end_ms - from) * scale)));
          strip.fill(colour[s.kind] ?? other, a, e);
        }
        for (let y = y0; y < Math.min(y1, ph); y++) pixels.set(strip, y * pw);
      }
      // Printed lines: a tick across the lane, one per pixel column however many lines share it.
      if (b.logs.length) {
        ticks.fill(0);
        const width = Math.max(1, Math.round(1.5 * dpr));
        for (const log of b.logs) {
          if (log.t_ms < from || log.t_ms > to) continue;
          const c = Math.min(pw - 1, Math.round((log.t_ms - from) * scale));
          for (let d = 0; d < width && c + d < pw; d++) ticks[c + d] = 1;
        }
        const tick = pixel(mix(bgRgb, tickRgb, 0.75));
        // Sparse prints cross the lane (see them against every row); dense ones would hide
        // the spans, so they become a rug in the lane's top margin.
        let marked = 0;
        for (let c = 0; c < pw; c++) marked += ticks[c];
        const dense = marked * 6 > pw;
        const start = dense ? bottom - Math.max(1, Math.round((LANE_PAD - 1) * dpr)) : top + Math.round(dpr);
        const end = bottom - (dense ? 0 : Math.round(dpr));
        for (let c = 0; c < pw; c++) {
          if (!ticks[c]) continue;
          for (let y = start; y < end; y++) pixels[y * pw + c] = tick;
        }
      }
    });
    this.canvas.getContext('2d').putImageData(this.image, x0, 0);
  }
}
