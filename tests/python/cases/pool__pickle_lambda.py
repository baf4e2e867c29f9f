# Pool.map of a lambda fails before any work is sent: a lambda cannot be pickled by name.
# (The message includes the lambda's address, so only the type is printed.)
import multiprocessing
import pickle


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        try:
            pool.map(lambda x: x + 1, range(3))
        except Exception as e:
            print(type(e).__name__, isinstance(e, pickle.PicklingError))
            print("mentions lambda:", "<lambda>" in str(e))
        print("pool still usable:", pool.map(abs, [-1, -2]))
