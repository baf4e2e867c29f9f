// Ready-made exercises, one per chapter: each is a link like any a teacher builds
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
    title: 'Four threads that sleep',
    query: 'demo=threads&threads=4&steps=3&delay_ms=100&predict=wall_ms&question=' +
      encodeURIComponent('Four threads each print three lines and sleep 100 ms after every line (time.sleep). How long does the whole run take?'),
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
  {
    title: 'A picture in eight bands',
    query: 'demo=pool-map&workers=2&chunks=8&size=400&predict=fastest&choices=sequential,threads,processes&question=' +
      encodeURIComponent('Pool.map computes a 400-pixel picture in 8 bands with 2 workers. Which finishes first: one loop, a thread pool, or a process pool?'),
  },
  {
    title: 'Six tasks, two workers',
    query: 'demo=executors&kind=thread&max_workers=2&tasks=6&delay_ms=200&predict=pool_ms&question=' +
      encodeURIComponent('Six tasks taking 200, 60, 140, 260, 100 and 200 ms go to a ThreadPoolExecutor with max_workers=2. How long until all six are done?'),
  },
  {
    title: 'Waiting on I/O: which approach?',
    query: 'demo=choosing&workload=io&tasks=8&work_ms=100&sweep=false&predict=fastest&choices=sequential,async,processes&question=' +
      encodeURIComponent('Eight tasks each wait 100 ms on I/O. Which finishes first: one after another, asyncio, or a process pool?'),
  },
  {
    title: 'counter += 1 in four threads',
    // The "counter" example of www/ui/python-examples.js, compressed as links carry programs
    // (tests/e2e/python-editor.test.mjs checks that it still is that example).
    query: 'demo=python&code=MQAgwgCgngLgFgewHYgMwDoCMmQGcDuAljAMZwCmuI8ATuQIYAmVyANlCPTCCeTTPUIoADgiEwqAChL1WrXABoQrBAmEgARvRIBrALTlGAc0oBKBQChQScgDc%2Bm8jHzlyKeORB0mnJI2oUIPg0xJ4IAGYgAEQkCACuSDAOANQAvCCYUQBcAYRUsQC2lCDx3OQAHtrcQlYgwjRVhLxKGnHcHsr0SEZx9CYgjAjFSAjc9QgFeZ7E6CAAqrie9CAAMgi6QRQoxCAFXEk0uOgWhAWi-AHejEJGFhaxCQcg6QAMdxaM5JEPiZIwp2YshYQCCQEYVFpWDx4ok%2BMDQeEEDQQAB9EBCLxdEx-AG4UxA0GE6GPFLpTDvWgMZjPEAAbUpTBu6AAKnArn96DQTDBUj8YEpOUZcKlJAAmACsLxRLxlClMphAiORaIxDW65EkABZTABdCxK6jo9xsqm4AmgmDoXACfiSUz6pGGjEM5jmkGWgBWYiQdos9XEknCUQqwnIJCS-kwMujLyURlGIAA3ny%2BABfKL2oA&predict=stdout&question=' +
      encodeURIComponent('Four threads each run counter += 1 a quarter of a million times, with no lock, under the GIL. What does the program print?'),
  },
];
