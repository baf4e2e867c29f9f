// <concurrency-playground>: one demo in a blog post from a single script tag.
//   <script type="module" src="https://HOST/www/embed.js"></script>
//   <concurrency-playground demo="asyncio" tasks="7" panels="timeline,output" autorun></concurrency-playground>
// The element holds an iframe of this site's embed.html, addressed like a permalink: the
// demo, every other attribute as a parameter, `panels`, `autorun`. The iframe keeps the
// demo's workers and memory off the host page, and can be isolated on its own
// (Document-Isolation-Policy) where the host page is not. It grows to fit its content:
// embed.html posts its height, and only this element's own iframe is listened to.

import { SIZE_MESSAGE } from './protocol.js';

const EMBED_PAGE = new URL('../embed.html', import.meta.url);
// Attributes of the element that are not the demo's parameters.
const NOT_PARAMS = new Set(['class', 'id', 'style', 'title', 'hidden', 'lang', 'dir', 'slot', 'tabindex', 'height', 'autorun']);
const notParam = (name) => NOT_PARAMS.has(name) || name.startsWith('data-') || name.startsWith('aria-') || name.startsWith('on');

/** The embed page's address for an element's attributes. */
export function embedAddress(attributes, base = EMBED_PAGE) {
  const url = new URL(base);
  for (const { name, value } of attributes) {
    if (!notParam(name)) for (const v of name === 'urls' ? value.split(/\s+/).filter(Boolean) : [value]) url.searchParams.append(name, v);
  }
  if ([...attributes].some((a) => a.name === 'autorun')) url.searchParams.set('autorun', '1');
  return url.href;
}

class ConcurrencyPlaygroundElement extends HTMLElement {
  connectedCallback() {
    if (this.frame) return;
    const frame = document.createElement('iframe');
    frame.src = embedAddress(this.attributes);
    frame.title = this.getAttribute('title') ?? `Concurrency Playground: ${this.getAttribute('demo') ?? 'demo'}`;
    frame.loading = 'lazy';
    // Delegates cross-origin isolation where the host page has it; harmless elsewhere.
    frame.allow = 'cross-origin-isolated';
    Object.assign(frame.style, { display: 'block', width: '100%', border: '0', height: `${Number(this.getAttribute('height')) || 640}px` });
    this.onMessage = (event) => {
      if (event.source !== frame.contentWindow || event.origin !== EMBED_PAGE.origin) return;
      const { type, height } = event.data ?? {};
      if (type === SIZE_MESSAGE && Number.isFinite(height) && height > 0) frame.style.height = `${Math.ceil(Math.min(height, 20000))}px`;
    };
    window.addEventListener('message', this.onMessage);
    this.frame = frame;
    this.replaceChildren(frame);
    // The room a snippet's style held until now is the frame's to size from here on.
    this.style.minHeight = '';
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.frame = null;
  }
}

if (!customElements.get('concurrency-playground')) customElements.define('concurrency-playground', ConcurrencyPlaygroundElement);
