# A lambda submitted to a ProcessPoolExecutor cannot be pickled: submit still returns a
# future, and the pickling error comes out of result().
import concurrent.futures
import multiprocessing
import pickle


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as ex:
        f = ex.submit(lambda: 42)
        try:
            f.result(timeout=10)
        except Exception as e:
            print(type(e).__name__, isinstance(e, pickle.PicklingError))
        print("then:", ex.submit(abs, -3).result(timeout=10))
