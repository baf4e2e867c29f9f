// The `choosing` demo's own panel: the time table with bars and the winner, the
// verdict, each claim of the lesson next to the figure that tests it, and the sweep of
// speedup against workers with the ideal line and the fitted Amdahl curve.
import { formatMs } from './timeline.js';
import { cssColor } from './palette.js';
import { el } from './dom.js';

function table(rows) {
  const slowest = Math.max(...rows.map((r) => r.wall_ms ?? 0), 1e-9);
  const body = rows.map((r) => {
    const bar = el('span', { className: 'bar' });
    bar.style.width = `${r.wall_ms == null ? 0 : Math.max(1, (100 * r.wall_ms) / slowest)}%`;
    const tr = el('tr', { className: r.winner ? 'winner' : '' }, [
      el('th', { scope: 'row', textContent: `${r.approach}${r.winner ? ' (winner)' : ''}` }),
      el('td', { textContent: r.wall_ms == null ? '–' : formatMs(r.wall_ms) }),
      el('td', { textContent: r.speedup == null ? '–' : `×${r.speedup.toFixed(2)}` }),
      el('td', { className: 'bar-cell' }, [bar]),
      el('td', { textContent: r.note ?? (r.matches_sequential ? 'same results ✓' : r.matches_sequential === false ? 'DIFFERENT ✗' : '') }),
    ]);
    return tr;
  });
  const head = el('tr', {}, ['approach', 'time', 'speedup', '', 'check'].map((t) => el('th', { scope: 'col', textContent: t })));
  return el('table', { className: 'choosing-table' }, [el('thead', {}, [head]), el('tbody', {}, body)]);
}

function claims(list) {
  return el('ul', { className: 'claims' }, list.map((c) => {
    const mark = c.holds === true ? '✓ holds' : c.holds === false ? '✗ not here' : 'see figure';
    const figure = c.figure == null ? '' : ` measured: ×${c.figure.toFixed(2)}`;
    return el('li', { className: c.holds === false ? 'contradicted' : '' }, [
      el('strong', { textContent: `${mark}: ` }),
      `${c.claim}${figure}${c.note ? ` (${c.note})` : ''}`,
    ]);
  }));
}

function sweepChart(sweep) {
  const canvas = el('canvas');
  const width = 420;
  const height = 240;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  canvas.style.width = `${width}px`;
  canvas.style.maxWidth = '100%';
  const g = canvas.getContext('2d');
  g.scale(dpr, dpr);
  const pts = sweep.points;
  const maxW = Math.max(...pts.map((p) => p.workers));
  const maxS = Math.max(maxW, ...pts.map((p) => p.speedup));
  const pad = { l: 40, r: 12, t: 12, b: 32 };
  const x = (w) => pad.l + ((w - 1) / Math.max(1, maxW - 1)) * (width - pad.l - pad.r);
  const y = (s) => height - pad.b - (s / maxS) * (height - pad.t - pad.b);
  g.strokeStyle = cssColor('--muted');
  g.fillStyle = cssColor('--muted');
  g.font = '11px system-ui, sans-serif';
  g.beginPath();
  g.moveTo(pad.l, pad.t);
  g.lineTo(pad.l, height - pad.b);
  g.lineTo(width - pad.r, height - pad.b);
  g.stroke();
  for (let w = 1; w <= maxW; w++) g.fillText(String(w), x(w) - 3, height - pad.b + 14);
  g.fillText('workers', width / 2 - 20, height - 4);
  for (let s = 0; s <= maxS; s += Math.max(1, Math.round(maxS / 4))) g.fillText(`×${s}`, 6, y(s) + 4);
  const line = (values, colour, dash) => {
    g.strokeStyle = colour;
    g.setLineDash(dash);
    g.lineWidth = 2;
    g.beginPath();
    values.forEach((p, i) => (i ? g.lineTo(x(p.workers), y(p.speedup)) : g.moveTo(x(p.workers), y(p.speedup))));
    g.stroke();
    g.setLineDash([]);
  };
  line(pts.map((p) => ({ workers: p.workers, speedup: p.workers })), cssColor('--muted'), [4, 4]);
  if (sweep.amdahl) line(sweep.amdahl, cssColor('--span-wait'), [8, 3]);
  line(pts, cssColor('--span-cpu'), []);
  g.fillStyle = cssColor('--span-cpu');
  for (const p of pts) g.fillRect(x(p.workers) - 3, y(p.speedup) - 3, 6, 6);
  const serial = sweep.serial_fraction == null ? 'not enough points to fit' : `serial fraction ${(100 * sweep.serial_fraction).toFixed(1)}%`;
  const caption = `Speedup of ${sweep.approach} against workers: measured (solid), ideal (dotted), Amdahl's law fitted (dashed): ${serial}. ` +
    pts.map((p) => `${p.workers}: ×${p.speedup.toFixed(2)}`).join(', ');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  return el('figure', { className: 'sweep' }, [canvas, el('figcaption', { textContent: caption })]);
}

/** Shows a `choosing` result in `panel`; hides the panel for every other demo. */
export function renderChoosing(panel, result) {
  const value = result?.demo === 'choosing' ? result.value : null;
  panel.hidden = !value;
  const box = panel.querySelector('.choosing');
  if (!value) {
    box.replaceChildren();
    return;
  }
  const parts = [el('p', { className: 'verdict', textContent: value.verdict }), table(value.rows), el('h3', { textContent: 'What the lesson claims, and what this run measured' }), claims(value.claims)];
  if (value.sweep.points.length) parts.push(sweepChart(value.sweep));
  box.replaceChildren(...parts);
}
