// Syntax colours for the code panel. Prism (npm `prismjs`, copied into www/vendor by make)
// only cuts the text into typed tokens; the DOM is built here with text nodes, so nothing
// is ever parsed as HTML. Without the vendor files the code shows as plain text.
let loading = null;

function loadPrism() {
  loading ??= (async () => {
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

/** Shows `text` in `element` at once, coloured as `language` as soon as Prism is there. */
export async function paint(element, text, language) {
  element.textContent = text;
  element.dataset.text = text;
  const prism = await loadPrism();
  const grammar = prism?.languages[language];
  // A newer paint may have replaced the text meanwhile: colour only what is still shown.
  if (!grammar || element.dataset.text !== text) return;
  element.replaceChildren(...toNodes(prism.tokenize(text, grammar)));
}
