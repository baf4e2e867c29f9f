# asyncio's run_in_executor with a ProcessPoolExecutor: CPU work in worker processes, awaited
# from coroutines with gather (results in argument order).
import asyncio
import concurrent.futures
import multiprocessing


def digits_sum(n):
    return sum(int(d) for d in str(2 ** n))


async def main(ex):
    loop = asyncio.get_running_loop()
    jobs = [loop.run_in_executor(ex, digits_sum, n) for n in (10, 100, 1000, 5000)]
    results = await asyncio.gather(*jobs)
    print("digit sums:", results)
    single = await loop.run_in_executor(ex, pow, 3, 4)
    print("pow:", single)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as ex:
        asyncio.run(main(ex))
    print("done")
