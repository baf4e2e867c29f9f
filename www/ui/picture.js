// The pool-map picture: the Mandelbrot set the pools computed, once per pool, each band
// of rows outlined and tinted in the colour of the worker that computed it.

// Worker colours: Okabe-Ito, distinguishable with colour-vision deficiencies.
const WORKER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];

function decode(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function drawOne(picture, pixels, owners, title, workerLabel) {
  const { size, max_iter: maxIter, chunks } = picture;
  const figure = document.createElement('figure');
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute('role', 'img');
  const g = canvas.getContext('2d');
  const image = g.createImageData(size, size);
  for (let i = 0; i < pixels.length; i++) {
    const n = pixels[i];
    const inside = n >= Math.min(maxIter, 255);
    const t = Math.sqrt(n / maxIter);
    image.data[4 * i] = inside ? 10 : 30 + 200 * t;
    image.data[4 * i + 1] = inside ? 10 : 40 + 170 * t;
    image.data[4 * i + 2] = inside ? 20 : 90 + 160 * t;
    image.data[4 * i + 3] = 255;
  }
  g.putImageData(image, 0, 0);
  const counts = new Map();
  chunks.forEach(([from, to], c) => {
    const owner = owners[c];
    if (owner == null || to <= from) return;
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
    g.fillStyle = WORKER_COLOURS[owner % WORKER_COLOURS.length];
    g.globalAlpha = 0.28;
    g.fillRect(0, from, size, to - from);
    g.globalAlpha = 1;
    g.fillRect(0, from, Math.max(3, size / 60), to - from);
  });
  const caption = document.createElement('figcaption');
  const parts = [...counts].sort((a, b) => a[0] - b[0]).map(([w, n]) => `${workerLabel} ${w + 1}: ${n} chunk${n === 1 ? '' : 's'}`);
  caption.textContent = `${title}. ${parts.join(', ')}`;
  canvas.setAttribute('aria-label', caption.textContent);
  figure.append(canvas, caption);
  return figure;
}

/** Shows the picture of a pool-map run in `panel`; hides the panel for other demos. */
export function renderPicture(panel, result) {
  const picture = result?.value?.picture;
  panel.hidden = !picture;
  const box = panel.querySelector('.pictures');
  if (!picture) {
    box.replaceChildren();
    return;
  }
  const pixels = decode(picture.pixels_base64);
  const views = [];
  if (picture.owners.threads.some((o) => o != null)) {
    views.push(drawOne(picture, pixels, picture.owners.threads, 'Thread pool (shared memory)', 'thread'));
  }
  views.push(drawOne(picture, pixels, picture.owners.processes, 'Process pool (rows copied back as text)', 'process'));
  box.replaceChildren(...views);
}
