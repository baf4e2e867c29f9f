# bytes cross between processes pickled: a bytes argument to a child arrives equal (and
# still bytes), bytes come back through a Queue, as dict keys, and from a pool's tasks.
import multiprocessing


def inspect(data, outq):
    outq.put((type(data).__name__, len(data), data[:4], data.hex()[:8], data.decode("latin-1")[-2:]))
    outq.put({data[:2]: data[2:4], "echo": data})


def checksum(chunk):
    return chunk, sum(chunk) % 256, chunk.upper()


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    payload = bytes(range(256)) + "héllo".encode()
    outq = ctx.Queue()
    p = ctx.Process(target=inspect, args=(payload, outq))
    p.start()
    print(outq.get())
    back = outq.get()
    print(back[payload[:2]] == payload[2:4], back["echo"] == payload, type(back["echo"]).__name__)
    p.join()
    print("exitcode", p.exitcode)
    with ctx.Pool(2) as pool:
        for chunk, total, upper in pool.map(checksum, [b"abc", b"", b"\x00\xff", b"mixed Case"]):
            print(chunk, total, upper)
