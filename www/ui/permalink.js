// Permalinks: the address holds the demo and every parameter that differs from its
// default, e.g. ?demo=gil&threads=4&gil=false. Reading a link only converts text to the
// schema's types; the engine validates (the rules are declared once, in Rust), so a
// bad link is refused with the same message the API gives.

// Address keys that are not demo parameters.
const RESERVED = new Set(['demo', 'build', 'debug', 'panels', 'autorun', 'predict', 'choices', 'question']);

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function fromText(spec, values) {
  const [first] = values;
  switch (spec?.type) {
    case 'int':
      return NUMBER.test(first) ? Number(first) : first;
    case 'bool':
      return first === 'true' ? true : first === 'false' ? false : first;
    case 'urls':
      return values.length === 1 && NUMBER.test(first) ? Number(first) : values;
    case 'choice':
    case undefined:
      return first; // names the demo does not have: validation says which
    default:
      // A type this page does not know: its value travels as JSON unless it is text.
      if (typeof spec.default === 'string') return first;
      try {
        return JSON.parse(first);
      } catch {
        return first;
      }
  }
}

/** `{ demoId, params, given }` from an address's query string. */
export function readLink(search, demos) {
  const query = new URLSearchParams(search);
  const demoId = query.get('demo');
  const demo = demos.find((d) => d.id === demoId);
  const params = {};
  for (const name of new Set(query.keys())) {
    if (RESERVED.has(name)) continue;
    params[name] = fromText(demo?.params.find((p) => p.name === name), query.getAll(name));
  }
  return { demoId, params, given: Object.keys(params).length > 0 };
}

/** The address of `demo` with `values`: only what differs from the defaults. */
export function linkFor(demo, values, base = location.href) {
  const url = new URL(base);
  for (const key of [...url.searchParams.keys()]) if (!['build', 'debug'].includes(key)) url.searchParams.delete(key);
  url.searchParams.set('demo', demo.id);
  for (const spec of demo.params) {
    const value = values[spec.name];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(spec.default)) continue;
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(spec.name, v));
    else url.searchParams.set(spec.name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return url.href;
}
