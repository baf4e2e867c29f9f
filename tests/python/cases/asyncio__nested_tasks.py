# Tasks that create tasks; results gathered into a dict; exceptions in child tasks.
import asyncio

async def leaf(path):
    await asyncio.sleep(0.001 * len(path))
    return len(path)

async def branch(name, width):
    children = [asyncio.create_task(leaf(f"{name}/{i}")) for i in range(width)]
    sizes = await asyncio.gather(*children)
    return name, sum(sizes)

async def main():
    tree = dict(await asyncio.gather(branch("a", 2), branch("bb", 3), branch("ccc", 1)))
    print(tree)

    async def failing_child():
        await asyncio.sleep(0.001)
        raise ArithmeticError("child failed")

    async def parent():
        child = asyncio.create_task(failing_child())
        try:
            await child
        except ArithmeticError as e:
            return f"parent handled: {e}"

    print(await parent())
    print(len(asyncio.all_tasks()), "task(s) running: main only")

asyncio.run(main())
