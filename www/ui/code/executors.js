// With threads, a whole program: CPython prints the lines the demo prints. A process
// pool needs processes, which "Your own Python" does not run yet.
export const runnable = (p) => p.kind === 'thread';

const pool = (p) => (p.kind === 'thread' ? 'ThreadPoolExecutor' : 'ProcessPoolExecutor');

// A process pool starts processes that import the program again: its main part goes
// under `if __name__ == "__main__":`.
const main = (p, lines) => (p.kind === 'thread'
  ? lines.join('\n')
  : ['if __name__ == "__main__":', ...lines.map((l) => `    ${l}`)].join('\n'));

export const python = (p) => `import sys
import time
from concurrent.futures import ${pool(p)}, as_completed


def task(i):
    time.sleep([1.0, 0.3, 0.7, 1.3, 0.5][i % 5] * ${p.delay_ms / 1000})   # ${p.delay_ms} ms × 1.0, 0.3, 0.7, 1.3, 0.5
    sys.stdout.write(f"task {i + 1} done: {i * i}\\n")   # one write: a whole line
    return i * i


${main(p, [
  `print("submit ${p.tasks} tasks to a ${p.kind} pool of ${p.max_workers}")`,
  `with ${pool(p)}(max_workers=${p.max_workers}) as pool:`,
  `    futures = [pool.submit(task, i) for i in range(${p.tasks})]`,
  '    order = [futures.index(f) + 1 for f in as_completed(futures)]   # finishing order',
  '    print("as_completed order:", ", ".join(map(str, order)))',
  '    results = [f.result() for f in futures]                         # input order, as map gives',
  '    print("map results, in input order:", ", ".join(map(str, results)))',
])}
`;
