# invariant: per-thread-order number letter
# The tutorial's asyncio program: two coroutines print 1-5 and a-e under gather, sleeping 20 ms
# after each line, the letters starting 10 ms later. The engine prints them strictly alternating
# (number 1, letter a, number 2, ...), as CPython does on an idle machine. If CPython's process
# stalls past two deadlines, both coroutines resume in one loop iteration and their next
# deadlines nearly coincide, which can swap a later pair; so only each coroutine's own order is
# checked. asyncio__interleave_deadlines.py is the deterministic version.
import asyncio

async def print_numbers():
    for i in range(1, 6):
        print("number", i)
        await asyncio.sleep(0.02)

async def print_letters():
    await asyncio.sleep(0.01)
    for ch in "abcde":
        print("letter", ch)
        await asyncio.sleep(0.02)

async def main():
    await asyncio.gather(print_numbers(), print_letters())
    print("Done")

if __name__ == "__main__":
    asyncio.run(main())
