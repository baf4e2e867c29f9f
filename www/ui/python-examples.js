// The examples menu of the `python` demo: small concurrent programs, each one that
// CPython 3.11 runs unchanged (tests/e2e/python-editor.test.mjs runs them with python3).
// `deterministic`: CPython prints the same lines every time, so the engine's stdout must
// equal python3's; the others race (that is their point) or never end (the deadlock).
export const PYTHON_EXAMPLES = [
  {
    id: 'threads',
    title: 'Two threads: 1-5 and a-e, with time.sleep',
    deterministic: true,
    code: `import threading
import time


def show(symbols):
    for s in symbols:
        print(s)
        time.sleep(0.2)  # blocks this thread only: the other one runs meanwhile


numbers = threading.Thread(target=show, args=(["1", "2", "3", "4", "5"],), name="numbers")
letters = threading.Thread(target=show, args=(["a", "b", "c", "d", "e"],), name="letters")
numbers.start()
time.sleep(0.1)  # letters start half a step later
letters.start()
numbers.join()
letters.join()
print("both threads are done")
`,
  },
  {
    id: 'asyncio-gather',
    title: 'The same with asyncio and gather',
    deterministic: true,
    code: `import asyncio


async def show(symbols):
    for s in symbols:
        print(s)
        await asyncio.sleep(0.2)  # the other coroutine runs while this one waits


async def main():
    await asyncio.gather(show(["1", "2", "3", "4", "5"]), show(["a", "b", "c", "d", "e"]))
    print("both coroutines are done")


asyncio.run(main())
`,
  },
  {
    id: 'executor-map',
    title: 'A thread pool: submit, as_completed and map',
    deterministic: true,
    code: `import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def task(n):
    time.sleep(n / 10)  # n tenths of a second of waiting
    return n * n


jobs = [3, 1, 2, 4, 5]
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(task, n): n for n in jobs}
    for future in as_completed(futures):  # in the order they finish
        print(f"task {futures[future]} done: {future.result()}")
    print("map, in input order:", list(pool.map(task, jobs)))
`,
  },
  {
    id: 'lost-update',
    title: 'A lost update: read, sleep, write in 4 threads',
    deterministic: false,
    code: `import threading
import time

balance = 0


def deposit(times):
    global balance
    for _ in range(times):
        current = balance  # read
        time.sleep(0.001)  # another thread runs here and reads the same value
        balance = current + 1  # write: overwrites what the others wrote meanwhile


threads = [threading.Thread(target=deposit, args=(100,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"expected 400, got {balance}")
`,
  },
  {
    id: 'lost-update-lock',
    title: 'The same, fixed by a Lock',
    deterministic: true,
    code: `import threading
import time

balance = 0
lock = threading.Lock()


def deposit(times):
    global balance
    for _ in range(times):
        with lock:  # one thread at a time from the read to the write
            current = balance
            time.sleep(0.001)
            balance = current + 1


threads = [threading.Thread(target=deposit, args=(100,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"expected 400, got {balance}")
`,
  },
  {
    id: 'counter',
    title: 'counter += 1 in four threads',
    deterministic: true,
    code: `# CPython 3.11 switches threads only at certain points (calls, loop back-edges),
# never between the read and the write of "counter += 1": this comes out exact in
# practice, but the language does not promise it. Use a Lock when it matters.
# Untick "gil" and run it again: free-threaded (as python3.13t), the four threads add
# at the same time on your cores, and updates get lost.
import threading

counter = 0


def count(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=count, args=(250_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"expected 1000000, got {counter}")
`,
  },
  {
    id: 'producer-consumer',
    title: 'Producer and consumer with queue.Queue',
    deterministic: true,
    code: `import queue
import threading
import time

items = queue.Queue(maxsize=2)


def producer():
    for i in range(1, 6):
        time.sleep(0.1)  # making the next item takes a while
        print(f"put {i}")
        items.put(i)  # blocks while the queue is full
    items.put(None)  # nothing more to come


def consumer():
    while True:
        item = items.get()  # blocks until there is an item
        if item is None:
            break
        print(f"got {item}, squared: {item * item}")
        items.task_done()


threading.Thread(target=producer).start()
worker = threading.Thread(target=consumer)
worker.start()
worker.join()
print("the consumer saw every item")
`,
  },
  {
    id: 'deadlock',
    title: 'A deadlock: two locks taken in opposite orders',
    deterministic: false,
    code: `# Each thread holds one lock and waits for the other's: neither can go on.
# The program prints two lines, then hangs: press Stop (or Esc) to end it.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def first():
    with a:
        print("first: holds a, wants b")
        time.sleep(0.1)
        with b:
            print("first: holds both")  # never printed


def second():
    with b:
        print("second: holds b, wants a")
        time.sleep(0.1)
        with a:
            print("second: holds both")  # never printed


t1 = threading.Thread(target=first, name="first")
t2 = threading.Thread(target=second, name="second")
t1.start()
time.sleep(0.05)  # so that their first lines do not print at the same moment
t2.start()
t1.join()
t2.join()
print("done")  # never printed
`,
  },
  {
    id: 'asyncio-timeout',
    title: 'asyncio tasks with a timeout (wait_for)',
    deterministic: true,
    code: `import asyncio


async def fetch(name, seconds):
    print(f"{name}: started, needs {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{name}: finished")
    return name.upper()


async def with_timeout(name, seconds):
    try:
        result = await asyncio.wait_for(fetch(name, seconds), timeout=0.5)
        print(f"{name}: got {result}")
    except asyncio.TimeoutError:
        print(f"{name}: gave up after 0.5 s")  # wait_for cancelled it


async def main():
    tasks = [asyncio.create_task(with_timeout(name, s)) for name, s in [("fast", 0.1), ("medium", 0.3), ("slow", 1.0)]]
    await asyncio.gather(*tasks)


asyncio.run(main())
`,
  },
  {
    id: 'blocking-coroutine',
    title: 'A coroutine that blocks the loop with time.sleep',
    deterministic: false,
    code: `import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f} s"


async def ticker():
    for i in range(5):
        print(f"tick {i} at {now()}")
        await asyncio.sleep(0.1)


async def blocker():
    await asyncio.sleep(0.12)
    print(f"blocker: time.sleep(0.5) at {now()}, without await: every coroutine stops")
    time.sleep(0.5)  # should be: await asyncio.sleep(0.5)
    print(f"blocker: done at {now()}")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
`,
  },
  {
    id: 'processes',
    title: 'Processes: the same CPU work in four processes',
    deterministic: true,
    code: `import multiprocessing
import os


def work(n):
    return sum(i * i for i in range(n))


def report(name, n, results, parent):
    # In the child: its own interpreter, its own pid, the parent's as its parent.
    me = multiprocessing.current_process().name
    results.put((name, me, os.getpid() != parent and os.getppid() == parent, work(n)))


if __name__ == "__main__":
    # Each child is a new interpreter that runs this file as __mp_main__ (so the part
    # below this line does not run again there), then calls its target: the spawn start
    # method, macOS's and Windows's default. Linux forks by default; say which you mean.
    multiprocessing.set_start_method("spawn")
    results = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=report, args=(f"p{i}", 300_000, results, os.getpid())) for i in range(4)]
    for p in processes:
        p.start()
    answers = sorted(results.get() for _ in processes)
    for p in processes:
        p.join()
    for answer in answers:
        print(answer)
    print("exit codes:", [p.exitcode for p in processes])
`,
  },
  {
    id: 'pool-map',
    title: 'Pool.map over chunks of a list',
    deterministic: false,
    code: `import multiprocessing
import time


def load_data(n):
    # Stands for reading records from files: a list of numbers.
    return list(range(n))


def process_chunk(chunk):
    # Enough work per record that splitting it pays for starting the processes.
    total = 0
    for x in chunk:
        for k in range(1, 6):
            total += (x * k) % 7
    return total


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  # as on macOS and Windows
    data = load_data(800_000)
    size = len(data) // 8
    chunks = [data[i:i + size] for i in range(0, len(data), size)]

    start = time.perf_counter()
    sequential = [process_chunk(c) for c in chunks]
    one = time.perf_counter() - start

    start = time.perf_counter()
    with multiprocessing.Pool() as pool:
        parallel = pool.map(process_chunk, chunks)
    many = time.perf_counter() - start

    print("same answer:", parallel == sequential, sum(parallel))
    print(f"{len(chunks)} chunks on {multiprocessing.cpu_count()} cores: one process {one:.2f} s, a pool {many:.2f} s")
`,
  },
  {
    id: 'threads-processes-free',
    title: 'CPU work: 2 threads vs 2 processes (then untick gil)',
    deterministic: false,
    code: `# The same pure-Python CPU work done once sequentially, then split in two threads, then
# in two processes. With the GIL, the threads take turns: no faster. The processes each
# have their own interpreter and GIL: about twice as fast on two cores. Untick "gil" and
# run again: free-threaded (as python3.13t), the threads are as fast as the processes.
import multiprocessing
import sys
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = 1_000_000


def timed(label, run):
    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    print(f"{label}: {took:.2f} s")
    return took


def two_threads():
    threads = [threading.Thread(target=work, args=(N // 2,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def two_processes():
    with multiprocessing.Pool(2) as pool:
        pool.map(work, [N // 2, N // 2])


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print("GIL enabled:", sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True)
    one = timed("sequential   ", lambda: work(N))
    threads = timed("2 threads    ", two_threads)
    processes = timed("2 processes  ", two_processes)
    print(f"speed-up: threads {one / threads:.1f}x, processes {one / processes:.1f}x")
`,
  },
  {
    id: 'pool-too-small',
    title: 'A process pool whose tasks are too small to pay for it',
    deterministic: false,
    code: `# Starting processes and sending each task and its result between them costs time.
# When each task is tiny, that cost is all there is: the pool is slower than a loop.
import multiprocessing
import time


def tiny(x):
    return x + 1


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    items = list(range(2000))

    start = time.perf_counter()
    in_a_loop = [tiny(x) for x in items]
    loop = time.perf_counter() - start

    start = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        in_a_pool = pool.map(tiny, items, chunksize=1)
    pool_time = time.perf_counter() - start

    start = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        chunked = pool.map(tiny, items, chunksize=500)
    chunked_time = time.perf_counter() - start

    print("same answers:", in_a_loop == in_a_pool == chunked)
    print(f"a loop: {loop * 1000:.1f} ms; a pool, one task per item: {pool_time * 1000:.0f} ms; "
          f"in chunks of 500: {chunked_time * 1000:.0f} ms")
`,
  },
  {
    id: 'logging-threads',
    title: 'Threads that log: the tutorial\'s logging.basicConfig with times',
    deterministic: false,
    code: `# The threading tutorial's way to watch threads: logging, which stamps each line with
# the time (and could with the thread's name: add %(threadName)s to the format). The
# lines go to stderr, drawn in red in the output and at their moment on the timeline.
import logging
import threading
import time


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(1)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    format = "%(asctime)s: %(message)s"
    logging.basicConfig(format=format, level=logging.INFO, datefmt="%H:%M:%S")

    threads = list()
    for index in range(3):
        logging.info("Main    : create and start thread %d.", index)
        x = threading.Thread(target=thread_function, args=(index,))
        threads.append(x)
        x.start()

    for index, thread in enumerate(threads):
        logging.info("Main    : before joining thread %d.", index)
        thread.join()
        logging.info("Main    : thread %d done", index)
`,
  },
  {
    id: 'manager',
    title: 'A Manager: a dict and a list shared by processes',
    deterministic: true,
    code: `# Processes share no memory. A Manager starts one more process, a server, that holds
# the objects; the others get proxies, and every use of a proxy is a message to the
# server and back (its lane shows it serving each connection on a thread of its own).
import multiprocessing
from multiprocessing import Manager, Process


def f(d, l, worker):
    d[worker] = worker * worker
    l.append(worker)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with Manager() as manager:
        d = manager.dict()
        l = manager.list()
        workers = [Process(target=f, args=(d, l, i)) for i in range(4)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print(dict(sorted(d.items())))
        print(sorted(l))
        print(type(d).__name__, type(l).__name__, len(d), len(l))
`,
  },
];
