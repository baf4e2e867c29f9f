// The printed output, in time order, each line tied to the lane that printed it.
import { formatMs } from './timeline.js';

// More lines than this make the page sluggish and nobody reads them: say how many were left out.
const MAX_LINES = 5000;

/** Fills the output panel; choosing a line (click, Enter) calls `onSelect(t_ms, lane)`. */
export function renderOutput(list, result, onSelect = () => {}) {
  const labels = new Map(result.lanes.map((l) => [l.id, l.label]));
  const shown = result.logs.slice(0, MAX_LINES);
  const items = shown.map((log) => {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = formatMs(log.t_ms);
    const lane = document.createElement('span');
    lane.className = 'lane';
    lane.textContent = labels.get(log.lane) ?? `lane ${log.lane}`;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = log.text; // never parsed as HTML
    li.dataset.lane = log.lane;
    li.tabIndex = 0;
    li.title = 'Show this moment on the timeline';
    const select = () => {
      for (const other of list.querySelectorAll('[aria-current]')) other.removeAttribute('aria-current');
      li.setAttribute('aria-current', 'true');
      onSelect(log.t_ms, log.lane);
    };
    li.addEventListener('click', select);
    li.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select();
      }
    });
    li.append(time, lane, text);
    return li;
  });
  if (result.logs.length > MAX_LINES) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `… and ${result.logs.length - MAX_LINES} more lines (the first ${MAX_LINES} are shown)`;
    items.push(more);
  }
  if (!items.length) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'Nothing was printed.';
    items.push(empty);
  }
  list.replaceChildren(...items);
}

export function clearOutput(list) {
  list.replaceChildren();
}
