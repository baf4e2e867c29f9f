// The run's figures: wall time, CPU time, and what the demo reported in `stats`.
import { formatMs } from './timeline.js';

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
  io_response_ms: { label: 'I/O thread waited for the GIL (mean)', format: formatMs },
  io_response_max_ms: { label: 'I/O thread waited for the GIL (worst)', format: formatMs },
  matches_sequential: { label: 'Output matches the sequential answer', format: (v) => (v ? 'yes ✓' : 'NO ✗') },
};

// Phase-by-phase demos report `<phase>_ms` and `speedup_<phase>`.
function patternLabel(key, value) {
  const words = (s) => s.replaceAll('_', ' ');
  let m = key.match(/^speedup_(.+)$/);
  if (m) return { label: `Speedup: ${words(m[1])}`, text: `×${Number(value).toFixed(2)}` };
  m = key.match(/^(.+)_ms$/);
  if (m && typeof value === 'number') return { label: `${words(m[1])[0].toUpperCase()}${words(m[1]).slice(1)} phase`, text: formatMs(value) };
  if (key === 'parallel_efficiency') return { label: 'Parallel efficiency (speedup ÷ threads)', text: `${Math.round(value * 100)}%` };
  return null;
}

function figure(label, value, key) {
  const div = document.createElement('div');
  if (key) div.dataset.stat = key;
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  div.append(dt, dd);
  return div;
}

export function renderFigures(list, result) {
  const items = [figure('Wall time', formatMs(result.wall_ms), 'wall_ms')];
  for (const [key, value] of Object.entries(result.stats)) {
    const known = STATS[key];
    const pattern = known ? null : patternLabel(key, value);
    const label = known?.label ?? pattern?.label ?? key.replaceAll('_', ' ');
    const text = known ? known.format(value) : pattern ? pattern.text : String(value);
    items.push(figure(label, text, key));
  }
  const sleeps = result.stats.sequential_sleep_ms;
  if (sleeps > 0 && result.wall_ms > 0) {
    // Measured: how many waits were under way at once, on average.
    items.push(figure('Sleeps overlapped (sum ÷ wall)', `×${(sleeps / result.wall_ms).toFixed(2)}`, 'overlap'));
  }
  items.push(figure('Lanes', String(result.lanes.length), 'lanes'));
  list.replaceChildren(...items);
}
