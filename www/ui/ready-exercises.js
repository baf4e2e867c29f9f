// Ready-made exercises, one or two per chapter: each is a link like any a teacher builds
// with "Make an exercise" (www/ui/exercise.js reads them).
export const READY_EXERCISES = [
  {
    title: 'Taking turns or running at once?',
    query: 'demo=concurrency-vs-parallelism&tasks=4&work_ms=150&predict=fastest&choices=sequential,concurrent,parallel',
  },
  {
    title: 'Two threads, one GIL',
    query: 'demo=gil&workload=cpu&gil=true&threads=2&work_ms=200&predict=threads_ms&question=' +
      encodeURIComponent('Two threads each compute for 200 ms, and only the thread holding the GIL may run. How long does the threaded phase take?'),
  },
  {
    title: 'CPU work: asyncio or threads?',
    query: 'demo=io-vs-cpu&predict=fastest&choices=cpu_async,cpu_threads',
  },
  {
    title: 'Ten coroutines waiting',
    query: 'demo=asyncio&tasks=10&steps=3&delay_ms=100&predict=wall_ms&question=' +
      encodeURIComponent('Ten coroutines each await a 100 ms sleep three times, gathered on one event loop. How long does the whole run take?'),
  },
  {
    title: 'Fetching eight slow pages',
    query: 'demo=scraper&urls=8&latency_ms=300&mode=async&predict=async_ms&question=' +
      encodeURIComponent('Eight pages each answer after 300 ms. How long does fetching all of them with asyncio take?'),
  },
  {
    title: 'A small job: processes or threads?',
    query: 'demo=processes&n=2000000&predict=fastest&choices=sequential,threads,processes&question=' +
      encodeURIComponent('Summing the squares of two million numbers: which finishes first?'),
  },
];
