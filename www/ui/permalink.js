// Permalinks: the address holds the demo and every parameter that differs from its
// default, e.g. ?demo=gil&threads=4&gil=false. Reading a link only converts text to the
// schema's types; the engine validates (the rules are declared once, in Rust), so a
// bad link is refused with the same message the API gives.

// A `text` parameter (a program) travels compressed with lz-string
// (compressToEncodedURIComponent), so a program of several KB still makes a working link:
// ?demo=python&code=<compressed>. lz-string is loaded with the first demo that has one.

let codec = null;
let codecLoading = null;

/** Loads lz-string (www/vendor/lz-string, built by make); resolves when links can carry programs. */
export function loadTextCodec() {
  codecLoading ??= import('../vendor/lz-string/lz-string.js').then((module) => { codec = module; });
  return codecLoading;
}

const needCodec = () => {
  if (!codec) throw new Error('programs in links need lz-string: await loadTextCodec() first');
  return codec;
};

/** A program as it travels in an address. */
export function encodeText(text) {
  return needCodec().compressToEncodedURIComponent(text);
}

// Text a program could hold: no lone surrogates, no control characters but tab, newlines
// and form feed.
// eslint-disable-next-line no-control-regex
const DEBRIS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The program in an address's value, or null when it does not decode to text. lz-string
 * decodes most strings to something: only a value that is exactly what encodeText gives
 * for what it decodes to is a program (a `+` may have become a space on the way).
 */
export function decodeText(value) {
  const given = value.replaceAll(' ', '+');
  let text;
  try {
    text = needCodec().decompressFromEncodedURIComponent(given);
  } catch {
    return null;
  }
  if (typeof text !== 'string' || DEBRIS.test(text)) return null;
  return encodeText(text) === given ? text : null;
}

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
    case 'text':
      return decodeText(first);
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

/**
 * `{ demoId, params, given, unreadable }` from an address's query string. `unreadable`
 * names the text parameters whose value did not decode (left out of `params`). A demo with
 * a text parameter needs loadTextCodec() first.
 */
export function readLink(search, demos) {
  const query = new URLSearchParams(search);
  const demoId = query.get('demo');
  const demo = demos.find((d) => d.id === demoId);
  const params = {};
  const unreadable = [];
  for (const name of new Set(query.keys())) {
    if (RESERVED.has(name)) continue;
    const spec = demo?.params.find((p) => p.name === name);
    const value = fromText(spec, query.getAll(name));
    if (spec?.type === 'text' && value === null) unreadable.push(name);
    else params[name] = value;
  }
  return { demoId, params, given: Object.keys(params).length > 0, unreadable };
}

/** The address of `demo` with `values`: only what differs from the defaults. */
export function linkFor(demo, values, base = location.href) {
  const url = new URL(base);
  for (const key of [...url.searchParams.keys()]) if (!['build', 'debug'].includes(key)) url.searchParams.delete(key);
  url.searchParams.set('demo', demo.id);
  for (const spec of demo.params) {
    const value = values[spec.name];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(spec.default)) continue;
    if (spec.type === 'text') url.searchParams.set(spec.name, encodeText(String(value)));
    else if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(spec.name, v));
    else url.searchParams.set(spec.name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return url.href;
}
