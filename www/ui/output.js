// The printed output, in time order, each line tied to the lane that printed it.
import { formatMs } from './timeline.js';

// More lines than this make the page sluggish and nobody reads them: say how many were left out.
const MAX_LINES = 5000;

const linesOf = (text) => (text ? text.replace(/\n$/, '').split('\n') : []);

/**
 * Which printed lines went to stderr, for a run whose value holds the text printed
 * (`value.stdout`, `value.stderr`: the python demo). The logs are the two streams'
 * lines interleaved, each in its order: walk both, and call a line stderr's when it is
 * stderr's next line and not stdout's. Returns `{ stderr: Set of log indexes, rest }`,
 * `rest` being stderr text no log carried (shown after the lines).
 */
export function splitStreams(result) {
  const value = result.value ?? {};
  const stderr = new Set();
  if (typeof value.stderr !== 'string' || !value.stderr) return { stderr, rest: '' };
  const out = linesOf(value.stdout ?? '');
  const err = linesOf(value.stderr);
  let o = 0;
  let e = 0;
  // A log may hold several lines (print("a\nb")): it matches as many.
  const matches = (lines, at, parts) => parts.every((part, k) => lines[at + k] === part);
  result.logs.forEach((log, i) => {
    const parts = log.text.replace(/\n$/, '').split('\n');
    const isOut = matches(out, o, parts);
    const isErr = matches(err, e, parts);
    if (isErr && !isOut) {
      stderr.add(i);
      e += parts.length;
    } else if (isOut) {
      o += parts.length;
    }
  });
  return { stderr, rest: err.slice(e).join('\n') };
}

/** Fills the output panel; choosing a line (click, Enter) calls `onSelect(t_ms, lane)`.
 *  Lines printed to stderr are marked (class `stderr`, red), with a label for screen readers. */
export function renderOutput(list, result, onSelect = () => {}) {
  const labels = new Map(result.lanes.map((l) => [l.id, l.label]));
  const shown = result.logs.slice(0, MAX_LINES);
  const streams = splitStreams(result);
  const items = shown.map((log, index) => {
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
    if (streams.stderr.has(index)) {
      li.classList.add('stderr');
      text.prepend(Object.assign(document.createElement('span'), { className: 'sr-only', textContent: 'stderr: ' }));
    }
    return li;
  });
  if (streams.rest) {
    const rest = document.createElement('li');
    rest.className = 'stderr rest';
    rest.textContent = streams.rest;
    items.push(rest);
  }
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
