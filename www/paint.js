// The page's first paint: what the page loads that it does not need to show its content
// (the wasm, the code panel's colours) starts after it, so that the largest paint (the
// lesson, drawn from the snapshot of demos()) waits for nothing but the page's own files.
// Lighthouse's model of a slow phone counts every request started before that paint as
// holding it up: the 300 KB of wasm, started first, put it 1.5 s later there.

let painted = null;

// Where no paint is reported (a hidden tab, an embed out of sight), no longer than this.
const LONGEST_WAIT_MS = 250;

/**
 * Resolves once the page's content drawn so far is on the screen: the browser's next
 * largest-contentful-paint entry where it reports them (Chromium, Firefox), else two
 * animation frames. Its first call must come before the page draws (www/api.js).
 */
export function afterFirstPaint() {
  painted ??= new Promise((resolve) => {
    const since = performance.now();
    let observer = null;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, LONGEST_WAIT_MS);
    if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.startTime >= since)) done();
      });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(done));
    }
  });
  return painted;
}
