// Building the page's elements: the one helper every UI module uses.

/** A new `tag` element with `props` set on it (textContent, className, ...) and `children` appended. */
export function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
