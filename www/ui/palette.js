// Span kinds and their colours, read from CSS so that the theme decides them.
export const SPAN_KINDS = [
  { kind: 'cpu', label: 'computing (cpu)' },
  { kind: 'io', label: 'waiting on I/O' },
  { kind: 'sleep', label: 'sleeping' },
  { kind: 'wait', label: 'blocked (lock, join)' },
  { kind: 'overhead', label: 'overhead (start, copy)' },
];

export function cssColor(name, fallback = '#888') {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function spanColor(kind) {
  return cssColor(`--span-${kind}`);
}

export function renderLegend(list) {
  list.replaceChildren(
    ...SPAN_KINDS.map(({ kind, label }) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = spanColor(kind);
      li.append(swatch, label);
      return li;
    }),
    (() => {
      const li = document.createElement('li');
      const tick = document.createElement('span');
      tick.className = 'tick';
      li.append(tick, 'a printed line');
      return li;
    })(),
  );
}
