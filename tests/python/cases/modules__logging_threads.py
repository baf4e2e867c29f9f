# logging as the threading tutorial uses it: basicConfig(format="%(asctime)s: %(message)s",
# datefmt="%H:%M:%S"), a thread function that logs as it starts and finishes, several
# threads one after another; the times' shape is checked (not their value), and a
# formatter's default asctime ("2026-11-30 12:00:00,123"). Records say their thread,
# process, function and line.
import logging
import sys
import threading
import time


class Shape(logging.Handler):
    # Keeps each formatted line's shape: the time replaced by its pattern.
    def __init__(self):
        logging.Handler.__init__(self)
        self.lines = []

    def emit(self, record):
        line = self.format(record)
        stamp, _, message = line.partition(": ")
        ok = len(stamp) == 8 and stamp[2] == ":" and stamp[5] == ":" and stamp.replace(":", "").isdigit()
        self.lines.append(("HH:MM:SS" if ok else stamp) + ": " + message)


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(0.01)
    logging.info("Thread %s: finishing", name)


def child_logs():
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter("%(processName)s %(funcName)s %(message)s"))
    child_log = logging.getLogger("child")
    child_log.addHandler(h)
    child_log.propagate = False
    child_log.warning("from a child process")


if __name__ == "__main__":
    shape = Shape()
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S", handlers=[shape])
    logging.info("Main    : before creating thread")
    for index in range(3):
        x = threading.Thread(target=thread_function, args=(index,))
        logging.info("Main    : create and start thread %d.", index)
        x.start()
        x.join()
        logging.info("Main    : thread %d done", index)
    print("\n".join(shape.lines))

    record = logging.LogRecord("n", logging.INFO, "p.py", 3, "m", (), None)
    stamp = logging.Formatter().formatTime(record)
    print(len(stamp), stamp[4] + stamp[7] + stamp[10] + stamp[13] + stamp[16] + stamp[19])

    where = logging.StreamHandler(sys.stdout)
    where.setFormatter(logging.Formatter("%(levelname)s %(threadName)s %(processName)s %(funcName)s:%(lineno)d %(filename)s %(module)s %(message)s"))
    log = logging.getLogger("where")
    log.addHandler(where)
    log.propagate = False

    def inner():
        log.warning("from inner")

    inner()
    t = threading.Thread(target=inner, name="T1")
    t.start()
    t.join()
    log.warning("from the module")
    print(isinstance(record.created, float), record.msecs >= 0, record.relativeCreated >= 0, record.thread == threading.get_ident())
    # A child process's records carry its name.
    from multiprocessing import Process
    child = Process(target=child_logs, name="Child-1")
    child.start()
    child.join()
