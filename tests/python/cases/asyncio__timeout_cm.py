# asyncio.timeout context manager (3.11): expiry becomes TimeoutError, otherwise no effect.
import asyncio

async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(0.01)
        print("finished within timeout")
    try:
        async with asyncio.timeout(0.02) as cm:
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("timed out; expired:", cm.expired())
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(0.01)
    print("no deadline:", cm2.when())
    try:
        async with asyncio.timeout(0.02):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner sees CancelledError")
                raise
    except TimeoutError:
        print("outer sees TimeoutError")

asyncio.run(main())
