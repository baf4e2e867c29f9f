// The run's figures: wall time, CPU time, the phases against their sequential baseline
// (speedup and parallel efficiency), and whatever else the demo reported in `stats`.
// Stats are read generically: a demo adds figures without touching this file.
import { formatMs } from './timeline.js';
import { el } from './dom.js';
import { words } from './words.js';

// How each known statistic is shown; unknown ones are shown under their own name.
const STATS = {
  cpu_ms: { label: 'CPU time (sum of cpu spans)', format: formatMs },
  sequential_sleep_ms: { label: 'All sleeps, one after another', format: formatMs },
  interleavings: { label: 'Switches between threads in the output', format: String },
  max_timer_late_ms: { label: 'Latest timer fired late by', format: formatMs },
  others_max_timer_late_ms: { label: 'Other coroutines\' timers late by', format: formatMs },
  bytes: { label: 'Bytes received', format: (v) => v.toLocaleString('en') },
  failures: { label: 'Failed requests', format: String },
  overhead_ms: { label: 'Overhead: starting processes, copying data', format: formatMs },
  bytes_copied_to_processes: { label: 'Bytes copied to and from processes', format: (v) => v.toLocaleString('en') },
  memory_isolated: { label: 'Each process kept its own memory', format: (v) => (v ? 'yes ✓' : 'NO ✗') },
  out_of_order: { label: 'Tasks finished out of order', format: (v) => (v ? 'yes' : 'no') },
  pool_ms: { label: 'Pool run', format: formatMs },
  serial_fraction: { label: 'Serial fraction (Amdahl fit)', format: (v) => `${(v * 100).toFixed(1)}%` },
  gil_handovers: { label: 'Times the GIL changed hands', format: String },
  // The python demo: each Python thread's time holding the GIL and waiting (for it, a lock, a join...).
  threads: {
    label: 'Each thread: running Python / waiting',
    format: (list) => list.map((t) => `${t.name}: ${formatMs(t.running_ms)} / ${formatMs(t.waiting_ms)}`).join(' · '),
  },
  gil: { label: 'GIL', format: (v) => (v ? 'on' : 'off (free-threaded)') },
  real_threads: { label: 'Each Python thread a Worker of its own', format: (v) => (v ? 'yes' : 'no: threads take turns on one') },
  // The python demo's processes: how each ended (a negative code: the signal that ended it).
  processes: {
    label: 'Processes and their exit codes',
    format: (list) => list.map((p) => `${p.name}: ${exitCode(p.exitcode)}`).join(' · '),
  },
  io_response_ms: { label: 'I/O thread waited for the GIL (mean)', format: formatMs },
  io_response_max_ms: { label: 'I/O thread waited for the GIL (worst)', format: formatMs },
  matches_sequential: { label: 'Output matches the sequential answer', format: (v) => (v ? 'yes ✓' : 'NO ✗') },
  parallel_efficiency: { label: 'Parallel efficiency (speedup ÷ threads)', format: (v) => `${Math.round(v * 100)}%` },
};

const capital = (s) => `${s[0].toUpperCase()}${s.slice(1)}`;
const SIGNALS = { '-9': 'killed', '-15': 'terminated' };
const exitCode = (code) => (code == null ? 'still running' : SIGNALS[code] ? `${code} (${SIGNALS[code]})` : String(code));

/**
 * Phases are what demos report as `<phase>_ms` (not a known statistic), with
 * `speedup_<phase>` when they computed one. The baseline of a phase is the
 * `sequential` phase, or `<group>_sequential` for phases named `<group>_...`.
 */
export function phasesOf(result) {
  const stats = result.stats ?? {};
  const names = Object.keys(stats)
    .filter((k) => /^.+_ms$/.test(k) && !STATS[k] && typeof stats[k] === 'number')
    .map((k) => k.slice(0, -3));
  const baselines = names.filter((n) => n === 'sequential' || n.endsWith('_sequential'));
  const baselineOf = (name) => baselines
    .filter((b) => b !== name && name.startsWith(b.slice(0, -'sequential'.length)))
    .sort((a, b) => b.length - a.length)[0];
  // Grouped by baseline, the baseline first: "sequential, threads", "cpu sequential, cpu async, ...".
  const group = (n) => (baselines.includes(n) ? n : baselineOf(n) ?? n);
  names.sort((a, b) => group(a).localeCompare(group(b)) || (baselines.includes(b) - baselines.includes(a)) || a.localeCompare(b));
  return names.map((name) => {
    const ms = stats[`${name}_ms`];
    const baseline = baselineOf(name);
    const isBaseline = baselines.includes(name);
    let speedup = typeof stats[`speedup_${name}`] === 'number' ? stats[`speedup_${name}`] : null;
    if (speedup == null && baseline && !isBaseline && ms > 0) speedup = stats[`${baseline}_ms`] / ms;
    const workers = workerLanes(result, name);
    const efficiency = speedup != null && workers > 1 ? speedup / workers : null;
    return { name, ms, baseline: isBaseline ? null : baseline ?? null, isBaseline, speedup, workers, efficiency };
  });
}

/** How many threads or processes ran phase `name`: the lanes whose label names it
 *  ("threads" -> "thread 1", "cpu_threads" -> "CPU, thread 2", "processes" -> "process 1"). */
function workerLanes(result, name) {
  const singular = (w) => (w.endsWith('sses') ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w);
  const tokens = (text) => text.toLowerCase().replaceAll('i/o', 'io').split(/[^a-z0-9]+/).filter(Boolean).map(singular);
  const parts = tokens(name);
  // The phase's words in a row: "threads_gil" names "threads + GIL: thread 1", not "threads, no GIL: thread 1".
  const names = (label) => tokens(label).some((_, i, all) => parts.every((p, j) => all[i + j] === p));
  return (result.lanes ?? []).filter((lane) => (lane.kind === 'thread' || lane.kind === 'process') && names(lane.label)).length;
}

function figure(label, value, key) {
  const div = el('div', {}, [el('dt', { textContent: label }), el('dd', { textContent: value })]);
  if (key) div.dataset.stat = key;
  return div;
}

function speedupText(s) {
  if (s == null) return '–';
  const x = `×${s.toFixed(2)}`;
  if (s < 0.95) return `${x} (slower)`;
  if (s <= 1.05) return `${x} (no gain)`;
  return x;
}

/** The phases as a table: time with a bar, speedup and efficiency against the baseline. */
function phaseTable(phases) {
  const longest = Math.max(...phases.map((p) => p.ms), 1e-9);
  const rows = phases.map((p) => {
    const bar = el('span', { className: 'bar' });
    bar.style.width = `${Math.max(0.5, (100 * p.ms) / longest)}%`;
    if (p.isBaseline) bar.classList.add('baseline');
    const tr = el('tr', {}, [
      el('th', { scope: 'row', textContent: capital(words(p.name)) }),
      el('td', { className: 'num', textContent: formatMs(p.ms) }),
      el('td', { className: 'bar-cell' }, [bar]),
      el('td', { className: 'num', textContent: p.isBaseline ? 'baseline' : speedupText(p.speedup) }),
      el('td', { className: 'num', textContent: p.efficiency == null ? '–' : `${Math.round(p.efficiency * 100)}% of ${p.workers}` }),
    ]);
    tr.dataset.phase = p.name;
    return tr;
  });
  const head = el('tr', {}, ['phase', 'time', '', 'speedup', 'efficiency'].map((t) => el('th', { scope: 'col', textContent: t })));
  return el('table', { className: 'phase-table' }, [
    el('caption', { textContent: 'Each phase against its sequential baseline (efficiency: speedup ÷ workers)' }),
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}

/** Fills the figures list (`dl`) and, when the run has phases, the phase table after it. */
export function renderFigures(list, result) {
  const stats = result.stats ?? {};
  const phases = phasesOf(result);
  const phaseKeys = new Set(phases.flatMap((p) => [`${p.name}_ms`, `speedup_${p.name}`]));
  const items = [figure('Wall time', formatMs(result.wall_ms), 'wall_ms')];
  // The best phase against its baseline, up front: the number the lesson is about.
  const best = phases.filter((p) => p.speedup != null).sort((a, b) => b.speedup - a.speedup)[0];
  if (best) items.push(figure(`Best speedup (${words(best.name)})`, speedupText(best.speedup), 'best_speedup'));
  for (const [key, value] of Object.entries(stats)) {
    if (phaseKeys.has(key)) continue;
    const known = STATS[key];
    const label = known?.label ?? capital(words(key.replace(/_ms$/, '')));
    const text = known ? known.format(value)
      : key.endsWith('_ms') && typeof value === 'number' ? formatMs(value)
        : typeof value === 'object' ? JSON.stringify(value) : String(value);
    items.push(figure(label, text, key));
  }
  const sleeps = stats.sequential_sleep_ms;
  if (sleeps > 0 && result.wall_ms > 0) {
    // Measured: how many waits were under way at once, on average.
    items.push(figure('Sleeps overlapped (sum ÷ wall)', `×${(sleeps / result.wall_ms).toFixed(2)}`, 'overlap'));
  }
  items.push(figure('Lanes', String(result.lanes.length), 'lanes'));
  list.replaceChildren(...items);
  const table = list.nextElementSibling?.classList.contains('phase-table') ? list.nextElementSibling : null;
  if (phases.length > 1) {
    const fresh = phaseTable(phases);
    if (table) table.replaceWith(fresh);
    else list.after(fresh);
  } else {
    table?.remove();
  }
}

/** Empties the figures (a new demo was chosen). */
export function clearFigures(list) {
  list.replaceChildren(figure('Wall time', '–', 'wall_ms'));
  if (list.nextElementSibling?.classList.contains('phase-table')) list.nextElementSibling.remove();
}
