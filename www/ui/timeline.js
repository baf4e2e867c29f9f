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
function layout(result) {
  let y = 0;
  return result.lanes.map((lane) => {
    const tasks = [...new Set(result.spans.filter((s) => s.lane === lane.id).map((s) => s.task ?? -1))].sort((a, b) => a - b);
    const rowOf = new Map(tasks.map((t, i) => [t, i]));
    const rows = Math.max(1, tasks.length);
    const rowH = Math.max(2, Math.min(16, MAX_LANE_ROWS_PX / rows));
    const height = rows * rowH + 2 * LANE_PAD;
    const box = { lane, top: y, height, rowH, rowOf };
    y += height;
    return box;
  });
}

export class Timeline {
  constructor(canvas, laneList) {
    this.canvas = canvas;
    this.laneList = laneList;
    this.result = null;
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw());
  }

  show(result) {
    this.result = result;
    this.describe();
    this.draw();
  }

  clear() {
    this.result = null;
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
    const boxes = this.result ? layout(this.result) : [];
    const lanesH = boxes.reduce((h, b) => h + b.height, 0);
    const height = Math.max(90, lanesH + AXIS);
    canvas.style.height = `${height}px`;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
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
    const span = Math.max(r.wall_ms, 1e-3);
    const plotW = Math.max(10, width - GUTTER - RIGHT);
    const x = (t) => GUTTER + (t / span) * plotW;

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

    // Spans, one fill colour at a time.
    const boxOf = new Map(boxes.map((b) => [b.lane.id, b]));
    for (const { kind } of SPAN_KINDS) {
      g.fillStyle = spanColor(kind);
      for (const s of r.spans) {
        if (s.kind !== kind) continue;
        const b = boxOf.get(s.lane);
        if (!b) continue;
        const row = b.rowOf.get(s.task ?? -1) ?? 0;
        const x0 = x(s.start_ms);
        const w = Math.max(1, x(s.end_ms) - x0);
        const gap = b.rowH > 4 ? 1 : 0;
        g.fillRect(x0, b.top + LANE_PAD + row * b.rowH, w, b.rowH - gap);
      }
    }

    // Printed lines: a tick across the lane at the moment of printing.
    g.fillStyle = cssColor('--log-tick');
    g.globalAlpha = 0.7;
    for (const log of r.logs) {
      const b = boxOf.get(log.lane);
      if (b) g.fillRect(Math.round(x(log.t_ms)), b.top + 1, 1.5, b.height - 2);
    }
    g.globalAlpha = 1;

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
    for (let t = 0; t <= span + 1e-9; t += step) {
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
