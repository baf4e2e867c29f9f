// The run's figures: wall time, CPU time, and what the demo reported in `stats`.
import { formatMs } from './timeline.js';

// How each known statistic is shown; unknown ones are shown under their own name.
const STATS = {
  cpu_ms: { label: 'CPU time (sum of cpu spans)', format: formatMs },
  sequential_sleep_ms: { label: 'All sleeps, one after another', format: formatMs },
  interleavings: { label: 'Switches between threads in the output', format: String },
  max_timer_late_ms: { label: 'Latest timer fired late by', format: formatMs },
  matches_sequential: { label: 'Output matches the sequential answer', format: (v) => (v ? 'yes ✓' : 'NO ✗') },
};

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
    items.push(figure(known?.label ?? key.replaceAll('_', ' '), known ? known.format(value) : String(value), key));
  }
  const sleeps = result.stats.sequential_sleep_ms;
  if (sleeps > 0 && result.wall_ms > 0) {
    // Measured: how many waits were under way at once, on average.
    items.push(figure('Sleeps overlapped (sum ÷ wall)', `×${(sleeps / result.wall_ms).toFixed(2)}`, 'overlap'));
  }
  items.push(figure('Lanes', String(result.lanes.length), 'lanes'));
  list.replaceChildren(...items);
}
