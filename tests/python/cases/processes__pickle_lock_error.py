# What is sent to a child is pickled: a threading.Lock cannot be, so start() raises TypeError
# and no process starts; a lambda target cannot be found by name in the child either.
import multiprocessing
import pickle
import threading


def use(x):
    pass


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    p = multiprocessing.Process(target=use, args=(threading.Lock(),))
    try:
        p.start()
    except TypeError as e:
        print("TypeError:", e)
    print("children:", multiprocessing.active_children())
    q = multiprocessing.Process(target=lambda: None)
    try:
        q.start()
    except Exception as e:
        print(type(e).__name__, isinstance(e, pickle.PicklingError))
    print("children:", multiprocessing.active_children())
