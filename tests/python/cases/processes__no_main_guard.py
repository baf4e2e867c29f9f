# Without the `if __name__ == "__main__":` guard, spawn's child re-runs the whole module, which
# starts a process again while the child is still bootstrapping: that raises RuntimeError in the
# child (traceback on stderr), whose exitcode is 1; the parent itself carries on and exits 0.
import multiprocessing


def work():
    print("the target never runs")


print("module runs as", __name__)
ctx = multiprocessing.get_context("spawn")
p = ctx.Process(target=work)
p.start()
p.join()
print("child exitcode:", p.exitcode)
print("parent done")
