# Value and Array typecodes: 'i' ints, 'd' floats; lock=False gives a raw value without
# get_lock(); a float for an int value raises TypeError.
import multiprocessing


def update(v, d, arr):
    v.value += 5
    d.value /= 4
    for i in range(len(arr)):
        arr[i] = arr[i] * 10


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    v = ctx.Value("i", 7, lock=False)
    d = ctx.Value("d", 3.0)
    arr = ctx.Array("i", [1, 2, 3], lock=False)
    p = ctx.Process(target=update, args=(v, d, arr))
    p.start()
    p.join()
    print(v.value, d.value, arr[:])
    print("raw has get_lock:", hasattr(v, "get_lock"), "synchronized has:", hasattr(d, "get_lock"))
    try:
        v.value = 1.5
    except TypeError as e:
        print("TypeError:", e)
    try:
        arr[5] = 1
    except IndexError as e:
        print("IndexError:", e)
    print("d repr:", repr(d))
