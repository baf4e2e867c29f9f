# Values of many kinds keep their type and value through a Queue between processes: ints big
# and small, floats, strings, None, bools, tuples, lists, dicts, sets, frozensets, ranges,
# Ellipsis, and a large nested value.
import multiprocessing


def echo(inq, outq):
    while True:
        item = inq.get()
        if item == "stop":
            break
        outq.put(item)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    inq, outq = ctx.Queue(), ctx.Queue()
    p = ctx.Process(target=echo, args=(inq, outq))
    p.start()
    values = [0, -7, 2 ** 100, 1.5, float("inf"), "text", "", None, True, False, (1, (2, 3)), [1, [2]],
              {"a": 1, 2: "b", (3, 4): [5]}, {1, 2, 3}, frozenset({4}), range(2, 10, 3), ...]
    for v in values:
        inq.put(v)
        back = outq.get()
        print(repr(back), type(back).__name__, back == v)
    big = {"numbers": list(range(50000)), "words": ["w%d" % i for i in range(1000)]}
    inq.put(big)
    back = outq.get()
    print("big:", back == big, len(back["numbers"]), back["words"][-1])
    inq.put("stop")
    p.join()
