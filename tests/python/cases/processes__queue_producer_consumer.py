# A Queue between two processes: a producer puts items and a None sentinel, a consumer takes
# them until the sentinel and sends its totals back on a second Queue.
import multiprocessing


def producer(q, n):
    for i in range(n):
        q.put({"id": i, "words": ["w"] * i})
    q.put(None)


def consumer(q, results):
    count = words = 0
    ids = []
    while True:
        item = q.get()
        if item is None:
            break
        count += 1
        words += len(item["words"])
        ids.append(item["id"])
    results.put((count, words, ids))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    prod = multiprocessing.Process(target=producer, args=(q, 8))
    cons = multiprocessing.Process(target=consumer, args=(q, results))
    cons.start()
    prod.start()
    count, words, ids = results.get()
    prod.join()
    cons.join()
    print("items:", count)
    print("words:", words)
    print("in order:", ids)
    print("exitcodes:", prod.exitcode, cons.exitcode)
