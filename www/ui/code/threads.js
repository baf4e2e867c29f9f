// A whole program: CPython prints the lines the demo prints (in an order of its own).
export const runnable = true;

export const python = (p) => `import sys
import threading
import time

LETTERS = [None, "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "αβγδεζηθικλμ"]


def symbol(thread, step):         # 1 2 3 …, a b c …, A B C …, α β γ …, then t5.1 t5.2 …
    if thread == 0:
        return str(step + 1)
    if thread < len(LETTERS) and step < len(LETTERS[thread]):
        return LETTERS[thread][step]
    return f"t{thread + 1}.{step + 1}"


def show(thread):
    for step in range(${p.steps}):
        # One write per line: print() writes the text and the newline separately,
        # and another thread can print in between.
        sys.stdout.write(symbol(thread, step) + "\\n")
        time.sleep(${p.delay_ms / 1000})          # ${p.delay_ms} ms: blocks this thread only


print("main: starting ${p.threads} threads")
threads = [threading.Thread(target=show, args=(i,)) for i in range(${p.threads})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main: all threads joined")
`;
