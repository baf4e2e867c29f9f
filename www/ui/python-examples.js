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
];
