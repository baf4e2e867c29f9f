# A Pool's states: join() before close() raises, close() stops new work (ValueError: Pool not
# running), join() then waits for the workers.
import multiprocessing


def neg(x):
    return -x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    pool = multiprocessing.Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("join while running:", e)
    r = pool.map_async(neg, range(4))
    pool.close()
    try:
        pool.apply_async(neg, (1,))
    except ValueError as e:
        print("after close:", e)
    pool.join()
    print("results after join:", r.get())
    with multiprocessing.Pool(1) as p2:
        pass
    try:
        p2.map(neg, [1])
    except ValueError as e:
        print("after with:", e)
