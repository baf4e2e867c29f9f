// Syntax colours for the code panel. Prism (npm `prismjs`, copied into www/vendor by make)
// only cuts the text into typed tokens; the DOM is built here with text nodes, so nothing
// is ever parsed as HTML. Without the vendor files the code shows as plain text.
import { afterFirstPaint } from '../paint.js';

let loading = null;

function loadPrism() {
  loading ??= (async () => {
    // The plain text is shown first: the colours come after the page's first paint.
    await afterFirstPaint();
    // Prism's files are classic scripts that register on the global `Prism`; `manual`
    // stops it from scanning the page by itself.
    globalThis.Prism = { manual: true, disableWorkerMessageHandler: true };
    await import('../vendor/prism/prism-core.min.js');
    await import('../vendor/prism/prism-python.min.js');
    await import('../vendor/prism/prism-rust.min.js');
    return globalThis.Prism;
  })().catch((error) => {
    console.warn(`code highlighting unavailable: ${error.message}`);
    return null;
  });
  return loading;
}

/** Prism's token stream as DOM nodes: a span per token, classed `tok-<type>`. */
function toNodes(tokens) {
  return tokens.map((token) => {
    if (typeof token === 'string') return document.createTextNode(token);
    const span = document.createElement('span');
    const aliases = [].concat(token.alias ?? []);
    span.className = [token.type, ...aliases].map((t) => `tok-${t}`).join(' ');
    span.append(...toNodes(Array.isArray(token.content) ? token.content : [token.content]));
    return span;
  });
}

const painting = new WeakMap();

/**
 * Shows `text` in `element` at once, coloured as `language` as soon as Prism is there.
 * `notes[i]`, when given, is shown after line i as a comment of the page's own
 * (`.code-note`), apart from the text: `data-text` stays exactly `text`.
 */
export async function paint(element, text, language, notes = []) {
  const call = {};
  painting.set(element, call);
  element.dataset.text = text;
  element.replaceChildren(...withNotes(text, notes, (line) => [document.createTextNode(line)]));
  const prism = await loadPrism();
  const grammar = prism?.languages[language];
  // A newer paint may have replaced the text meanwhile: colour only what is still shown.
  if (!grammar || painting.get(element) !== call) return;
  if (!notes.some(Boolean)) element.replaceChildren(...toNodes(prism.tokenize(text, grammar)));
  // With notes, line by line (a note goes at a line's end; the panels' excerpts hold no
  // token that spans lines).
  else element.replaceChildren(...withNotes(text, notes, (line) => toNodes(prism.tokenize(line, grammar))));
}

/** The lines of `text` as nodes made by `nodesOf`, each followed by its note if any. */
function withNotes(text, notes, nodesOf) {
  if (!notes.some(Boolean)) return nodesOf(text);
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const note = notes[i] ? [Object.assign(document.createElement('span'), { className: 'code-note', textContent: `  // ${notes[i]}` })] : [];
    return [...nodesOf(line), ...note, ...(i < lines.length - 1 ? [document.createTextNode('\n')] : [])];
  });
}
