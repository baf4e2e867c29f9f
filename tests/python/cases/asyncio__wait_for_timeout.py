# wait_for with a timeout raises TimeoutError and cancels the inner coroutine.
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
        return "never"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise

async def quick():
    await asyncio.sleep(0.01)
    return "quick result"

async def main():
    print(await asyncio.wait_for(quick(), timeout=0.5))
    try:
        await asyncio.wait_for(slow(), timeout=0.03)
    except asyncio.TimeoutError:
        print("TimeoutError caught")
    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except TimeoutError as e:
        print("builtin TimeoutError works too:", type(e).__name__)
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
