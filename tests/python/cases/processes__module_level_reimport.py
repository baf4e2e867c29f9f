# Spawn re-imports the main module in each child: code outside the __main__ guard runs again
# there, with __name__ == "__mp_main__", before the target is called.
import multiprocessing

print("module level, __name__ =", __name__)


def hello(n):
    print("hello from child", n)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    for n in range(2):
        p = multiprocessing.Process(target=hello, args=(n,))
        p.start()
        p.join()
        print("parent joined child", n, "exitcode", p.exitcode)
    print("done")
