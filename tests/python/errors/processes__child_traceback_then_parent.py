# A child's uncaught exception prints "Process NAME:" and its traceback on stderr (exitcode 1);
# the parent, after join, raises its own error, uncaught: both tracebacks, in that order.
import multiprocessing


def parse(text):
    return int(text)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=parse, args=("twelve",), name="parser")
    p.start()
    p.join()
    print("child exitcode:", p.exitcode)
    if p.exitcode != 0:
        raise RuntimeError("the parser process failed")
