// The timeline's content as a table: every span with its lane, kind, task and times, for
// screen readers, keyboard users and anyone who wants the numbers. Built when opened,
// since a run may have 100,000 spans; the first MAX_ROWS are shown.
import { formatMs } from './timeline.js';

export const MAX_ROWS = 2000;

function cell(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function renderTimelineTable(box, result) {
  if (!result) {
    box.replaceChildren(cell('p', 'No run yet.'));
    return;
  }
  const labels = new Map(result.lanes.map((l) => [l.id, l.label]));
  const spans = [...result.spans].sort((a, b) => a.start_ms - b.start_ms || a.lane - b.lane);
  const table = document.createElement('table');
  table.className = 'span-table';
  const shown = spans.slice(0, MAX_ROWS);
  table.append(cell('caption', shown.length < spans.length
    ? `The first ${shown.length.toLocaleString('en')} of ${spans.length.toLocaleString('en')} spans, by start time (Export trace has them all).`
    : `${spans.length.toLocaleString('en')} spans, by start time.`));
  const head = document.createElement('tr');
  for (const h of ['Lane', 'Kind', 'Task', 'What', 'Start', 'End', 'Duration']) {
    const th = cell('th', h);
    th.scope = 'col';
    head.append(th);
  }
  table.createTHead().append(head);
  const rows = shown.map((s) => {
    const tr = document.createElement('tr');
    const lane = cell('th', labels.get(s.lane) ?? String(s.lane));
    lane.scope = 'row';
    tr.append(
      lane,
      cell('td', s.kind),
      cell('td', s.task ?? ''),
      cell('td', s.label ?? ''),
      cell('td', formatMs(s.start_ms), 'num'),
      cell('td', formatMs(s.end_ms), 'num'),
      cell('td', formatMs(s.end_ms - s.start_ms), 'num'),
    );
    return tr;
  });
  table.createTBody().append(...rows);
  box.replaceChildren(table);
}
