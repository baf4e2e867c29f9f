// What a learner should look for in each demo, shown above its controls.
export const LESSONS = {
  'concurrency-vs-parallelism':
    'The same CPU-bound tasks, three ways. One after another; then interleaved on one event loop, each computing a slice and yielding (concurrency); then on several threads at once (parallelism). ' +
    'Interleaving lets every task make progress, but one lane still does one thing at a time: it takes as long as the sequential run, and every task finishes near the end. ' +
    'Threads finish sooner only when there are cores to run them: look at the speedup as you raise threads past the number of cores.',
  gil:
    'In CPython, a thread must hold the global interpreter lock (GIL) to run Python code. Here the threads really share one lock in shared memory: a thread that waits longer than the switch interval asks the holder to let go, and waiting shows as blocked spans. ' +
    'With the GIL, CPU-bound threads take turns and the run is no faster than doing the work sequentially; turn it off (free-threaded Python 3.13+) and they compute at once. ' +
    'I/O-bound threads release the lock while they wait, so they overlap either way. In the mixed workload, watch thread 1 wait for the lock each time its I/O completes: the convoy effect.',
  'io-vs-cpu':
    'I/O-bound tasks spend their time waiting; CPU-bound tasks spend it computing. Both sets run one after another, then concurrently. ' +
    'Async makes the waiting tasks finish in about the time of one, but does nothing for the computing ones: they never wait, so there is nothing to overlap. ' +
    'Only parallel threads speed up computing, and only up to the number of cores.',
  processes:
    'Each process is a separate worker with its own copy of the program and its own memory, like multiprocessing.Process. Each squares its share of the numbers and adds to its global counter: every process reports only its own count, while threads, sharing one memory, all add to one counter. ' +
    'Starting a process and sending it work cost time (grey overhead): with little work, processes lose to doing it all in one.',
  'pool-map':
    'Pool.map cuts the work into chunks, hands them to a pool of workers, and puts the results back in order. Here the chunks are bands of a picture, computed by a thread pool (shared memory) and by a process pool (each band copied back as text). ' +
    'Both pictures equal the sequential one, bit for bit. Watch which worker took which chunk, and try more chunks than workers: the bands in the middle cost more, and small chunks balance the load.',
  executors:
    'concurrent.futures: submit tasks to a pool of max_workers threads or processes. Never more than max_workers run at once; the others wait their turn. ' +
    'The tasks take different times and finish out of order (the as_completed line), yet map returns the results in the order you submitted them.',
  choosing:
    'Which approach should you choose? The same tasks run five ways on this machine: sequentially, with async, with threads under a GIL, with threads without one, and with processes. ' +
    'Choose the workload and compare. Each claim of the lesson is shown next to the figure measured here, and the sweep shows how the speedup grows with workers, against the ideal and Amdahl\'s law.',
  scraper:
    'A web scraper spends its time waiting for servers. The pages are fetched one after another first (the baseline), then with a pool of threads or with async requests, all for real. ' +
    'Overlapping the waits is what pays. Paste your own URLs to fetch real sites: a site that does not allow other pages to read it (CORS) fails on its own line, and the others go on. A browser opens at most six connections to one HTTP/1.1 site: a seventh page from that site waits for one to free up. The simulated pages do not wait: this page\'s service worker answers them inside the browser.',
  threads:
    'Each thread prints its own sequence and sleeps after every line, like Python\'s threading.Thread with time.sleep. ' +
    'Watch the lines interleave, then run it again: the order changes, because the scheduler, not your program, decides who wakes first. ' +
    'The sleeps overlap, so the whole run takes about as long as one thread, not the sum of all of them.',
  asyncio:
    'All coroutines share one thread: the event loop. Each prints a line, then awaits a timer (await asyncio.sleep); while it waits, the others run. ' +
    'There is only one lane, yet the waits overlap, so many coroutines finish in about the time of one. Nothing runs in parallel here: this is concurrency without threads. ' +
    'Set blocking_ms and coroutine 1 computes without awaiting: every other timer fires late, by about that much.',
  python:
    'Write or paste a Python program, or pick one from the examples, and run it: each threading.Thread is a thread of the Python engine that takes turns on one real GIL, switching where CPython 3.11 switches, and asyncio runs on one event loop, as in CPython. ' +
    'The timeline shows who ran, who waited for the GIL or a lock, and who slept; each printed line sits at its moment on its lane. ' +
    'Try the lost update, then its fix with a Lock; the deadlock ends only when you press Stop.',
};
