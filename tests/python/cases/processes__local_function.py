# A function defined inside another cannot be the target of a spawned process: pickling it
# by name fails ("Can't pickle local object ...") and start() raises.
import multiprocessing


def main():
    def inner():
        print("never runs")

    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=inner)
    try:
        p.start()
    except AttributeError as e:
        print("AttributeError:", e)
    print("started:", p.pid is not None)


if __name__ == "__main__":
    main()
