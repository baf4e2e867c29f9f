// The timeline: one lane per thread / event loop / process, spans coloured by kind,
// printed lines as ticks, a time axis. Drawn on canvas, batched by colour, so that
// large traces stay cheap; the lanes are also listed as text for screen readers.
import { SPAN_KINDS, spanColor, cssColor } from './palette.js';

const RIGHT = 14;
const AXIS = 26;
const LANE_PAD = 5;
const MAX_LANE_ROWS_PX = 160;

export function formatMs(ms) {
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A step of 1, 2 or 5 x 10^k giving about `count` ticks over `span`. */
function tickStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/** Rows inside each lane: one per task, so overlapping tasks on one lane stay visible. */
function layout(result, spansByLane) {
  let y = 0;
  return result.lanes.map((lane) => {
    const tasks = [...new Set((spansByLane.get(lane.id) ?? []).map((s) => s.task ?? -1))].sort((a, b) => a - b);
    const rowOf = new Map(tasks.map((t, i) => [t, i]));
    const rows = Math.max(1, tasks.length);
    const rowH = Math.max(2, Math.min(16, MAX_LANE_ROWS_PX / rows));
    const height = rows * rowH + 2 * LANE_PAD;
    const box = { lane, top: y, height, rowH, rowOf };
    y += height;
    return box;
  });
}

/** What every frame needs and only the run decides: computed once per run, not per frame. */
function prepare(result) {
  const spansByLane = new Map();
  const spansByKind = new Map();
  for (const s of result.spans) {
    if (!spansByLane.has(s.lane)) spansByLane.set(s.lane, []);
    spansByLane.get(s.lane).push(s);
    if (!spansByKind.has(s.kind)) spansByKind.set(s.kind, []);
    spansByKind.get(s.kind).push(s);
  }
  return { spansByLane, spansByKind, boxes: layout(result, spansByLane) };
}

export class Timeline {
  constructor(canvas, laneList, details) {
    this.canvas = canvas;
    this.laneList = laneList;
    this.details = details;
    this.result = null;
    this.view = null; // [from, to] in ms; null: the whole run
    this.marker = null;
    this.geometry = null;
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw());
    this.listen();
  }

  /** Zoom (wheel, + and -), pan (drag, arrow keys), reset (0), details under the pointer. */
  listen() {
    const c = this.canvas;
    c.tabIndex = 0;
    c.addEventListener('wheel', (e) => {
      if (!this.geometry) return;
      e.preventDefault();
      this.zoom(e.deltaY < 0 ? 1 / 1.25 : 1.25, this.timeAt(e.offsetX));
    }, { passive: false });
    let drag = null;
    c.addEventListener('pointerdown', (e) => {
      if (!this.geometry) return;
      drag = { x: e.clientX, view: this.currentView() };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener('pointermove', (e) => {
      if (drag) {
        const [from, to] = drag.view;
        const dt = ((drag.x - e.clientX) / this.geometry.plotW) * (to - from);
        this.setView(from + dt, to + dt);
      } else {
        this.describeAt(e.offsetX, e.offsetY);
      }
    });
    c.addEventListener('pointerup', () => { drag = null; });
    c.addEventListener('keydown', (e) => {
      if (!this.geometry) return;
      const [from, to] = this.currentView();
      const step = (to - from) / 10;
      const keys = {
        '+': () => this.zoom(1 / 1.5), '=': () => this.zoom(1 / 1.5), '-': () => this.zoom(1.5),
        ArrowLeft: () => this.setView(from - step, to - step), ArrowRight: () => this.setView(from + step, to + step),
        0: () => this.resetView(), Home: () => this.resetView(),
      };
      if (keys[e.key]) {
        e.preventDefault();
        keys[e.key]();
      }
    });
  }

  currentView() {
    return this.view ?? [0, Math.max(this.result?.wall_ms ?? 1, 1e-3)];
  }

  setView(from, to) {
    const wall = Math.max(this.result.wall_ms, 1e-3);
    const width = Math.min(to - from, wall);
    const start = Math.min(Math.max(from, 0), wall - width);
    this.view = width >= wall ? null : [start, start + width];
    this.draw();
  }

  resetView() {
    this.view = null;
    this.draw();
  }

  zoom(factor, around) {
    const [from, to] = this.currentView();
    const t = around ?? (from + to) / 2;
    const width = Math.max((to - from) * factor, 0.01);
    this.setView(t - (t - from) * (width / (to - from)), t - (t - from) * (width / (to - from)) + width);
  }

  timeAt(px) {
    const { gutter, plotW } = this.geometry;
    const [from, to] = this.currentView();
    return from + ((px - gutter) / plotW) * (to - from);
  }

  /** The span under the pointer, in words, for everyone (aria-live) and as a tooltip. */
  describeAt(px, py) {
    if (!this.geometry || !this.details) return;
    const t = this.timeAt(px);
    const box = this.geometry.boxes.find((b) => py >= b.top && py < b.top + b.height);
    let text = '';
    if (box && px >= this.geometry.gutter) {
      const row = Math.floor((py - box.top - LANE_PAD) / box.rowH);
      const task = [...box.rowOf].find(([, r]) => r === row)?.[0];
      const span = (this.prepared.spansByLane.get(box.lane.id) ?? []).find((s) => (s.task ?? -1) === task && s.start_ms <= t && t <= s.end_ms);
      if (span) {
        text = `${box.lane.label}: ${span.label} (${span.kind}${span.task != null ? `, task ${span.task + 1}` : ''}), from ${formatMs(span.start_ms)} for ${formatMs(span.end_ms - span.start_ms)}`;
      }
    }
    this.details.textContent = text || 'Hover a span for its details. Zoom with the wheel or + and -, pan by dragging or with the arrow keys, 0 to see the whole run.';
    this.canvas.title = text;
  }

  /** Draws a marker at `t` ms (a printed line chosen in the output). */
  mark(t) {
    this.marker = t;
    const [from, to] = this.currentView();
    if (t < from || t > to) this.view = null;
    this.draw();
  }

  show(result) {
    this.result = result;
    this.prepared = prepare(result);
    this.view = null;
    this.marker = null;
    this.describe();
    this.draw();
  }

  clear() {
    this.result = null;
    this.view = null;
    this.marker = null;
    this.geometry = null;
    this.laneList.replaceChildren();
    this.canvas.setAttribute('aria-label', 'Timeline: no run yet');
    this.draw();
  }

  describe() {
    const r = this.result;
    const items = r.lanes.map((lane) => {
      const spans = r.spans.filter((s) => s.lane === lane.id);
      const byKind = SPAN_KINDS.map(({ kind }) => [kind, spans.filter((s) => s.kind === kind).reduce((t, s) => t + s.end_ms - s.start_ms, 0)])
        .filter(([, ms]) => ms > 0)
        .map(([kind, ms]) => `${kind} ${formatMs(ms)}`);
      const li = document.createElement('li');
      li.dataset.lane = lane.id;
      li.dataset.kind = lane.kind;
      li.textContent = `${lane.label} (${lane.kind}): ${spans.length} spans${byKind.length ? `, ${byKind.join(', ')}` : ''}`;
      return li;
    });
    this.laneList.replaceChildren(...items);
    this.canvas.setAttribute('aria-label', `Timeline of ${r.lanes.length} lanes over ${formatMs(r.wall_ms)}: ${r.lanes.map((l) => l.label).join(', ')}`);
  }

  draw() {
    const { canvas } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.parentElement.clientWidth;
    const boxes = this.result ? this.prepared.boxes : [];
    const lanesH = boxes.reduce((h, b) => h + b.height, 0);
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
    g.clearRect(0, 0, width, height);
    const fg = cssColor('--fg');
    const muted = cssColor('--muted');
    const line = cssColor('--line');
    g.font = '12px system-ui, sans-serif';
    g.textBaseline = 'middle';
    if (!this.result) {
      g.fillStyle = muted;
      g.fillText('Run a demo to see what every lane did.', 16, height / 2);
      return;
    }
    const r = this.result;
    // The label gutter fits the longest label, up to a third of the width.
    const GUTTER = Math.min(width / 3, 16 + Math.max(60, ...r.lanes.map((l) => g.measureText(l.label).width)));
    const [from, to] = this.currentView();
    const span = Math.max(to - from, 1e-3);
    const plotW = Math.max(10, width - GUTTER - RIGHT);
    const x = (t) => GUTTER + ((t - from) / span) * plotW;
    this.geometry = { gutter: GUTTER, plotW, boxes };
    canvas.dataset.view = `${from.toFixed(3)}-${to.toFixed(3)}`; // what is shown, for tests and tools

    // Lane backgrounds and labels.
    boxes.forEach((b, i) => {
      if (i % 2) {
        g.fillStyle = line;
        g.globalAlpha = 0.35;
        g.fillRect(0, b.top, width, b.height);
        g.globalAlpha = 1;
      }
      g.fillStyle = fg;
      let label = b.lane.label;
      while (label.length > 4 && g.measureText(label).width > GUTTER - 14) label = `${label.slice(0, -2)}…`;
      g.fillText(label, 8, b.top + b.height / 2);
    });

    // Spans, one fill colour at a time, clipped to the plot.
    const boxOf = new Map(boxes.map((b) => [b.lane.id, b]));
    g.save();
    g.beginPath();
    g.rect(GUTTER, 0, plotW + 1, lanesH);
    g.clip();
    for (const { kind } of SPAN_KINDS) {
      g.fillStyle = spanColor(kind);
      // Many spans can fall in one pixel when zoomed out: one rectangle per pixel is enough.
      const covered = new Map(); // row key -> rightmost pixel drawn
      for (const s of this.prepared.spansByKind.get(kind) ?? []) {
        if (s.end_ms < from || s.start_ms > to) continue;
        const b = boxOf.get(s.lane);
        if (!b) continue;
        const row = b.rowOf.get(s.task ?? -1) ?? 0;
        const x0 = x(s.start_ms);
        const w = Math.max(1, x(s.end_ms) - x0);
        const key = s.lane * 65536 + row;
        if ((covered.get(key) ?? -1) >= Math.floor(x0 + w)) continue;
        covered.set(key, Math.floor(x0 + w));
        const gap = b.rowH > 4 ? 1 : 0;
        g.fillRect(x0, b.top + LANE_PAD + row * b.rowH, w, b.rowH - gap);
      }
    }

    // Printed lines: a tick across the lane at the moment of printing.
    g.fillStyle = cssColor('--log-tick');
    g.globalAlpha = 0.7;
    for (const log of r.logs) {
      const b = boxOf.get(log.lane);
      if (b && log.t_ms >= from && log.t_ms <= to) g.fillRect(Math.round(x(log.t_ms)), b.top + 1, 1.5, b.height - 2);
    }
    g.globalAlpha = 1;
    if (this.marker != null) {
      g.fillStyle = cssColor('--accent');
      g.fillRect(Math.round(x(this.marker)) - 1, 0, 3, lanesH);
    }
    g.restore();

    // Time axis.
    const axisY = lanesH + 4;
    g.strokeStyle = muted;
    g.fillStyle = muted;
    g.beginPath();
    g.moveTo(GUTTER, axisY);
    g.lineTo(GUTTER + plotW, axisY);
    g.stroke();
    const step = tickStep(span, plotW / 90);
    g.textAlign = 'center';
    for (let t = Math.ceil(from / step) * step; t <= to + 1e-9; t += step) {
      const tx = x(t);
      g.beginPath();
      g.moveTo(tx, axisY);
      g.lineTo(tx, axisY + 4);
      g.stroke();
      g.fillText(formatMs(t), Math.min(tx, width - 24), axisY + 14);
    }
    g.textAlign = 'start';
  }
}
