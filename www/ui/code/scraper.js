const urlList = (p) => (Array.isArray(p.urls) ? p.urls.slice(0, 3).map((u) => `    "${u}",`).join('\n') + (p.urls.length > 3 ? '\n    # …' : '') : `    # simulated pages that answer after ${p.latency_ms} ms
    f"http://127.0.0.1:8080/sim/page/{i}?latency_ms=${p.latency_ms}" for i in range(1, ${p.urls + 1})`);

export const python = (p) => `import asyncio, aiohttp, requests
from concurrent.futures import ThreadPoolExecutor

urls = [
${urlList(p)}
]

def get(url):
    return len(requests.get(url, timeout=10).content)

sizes = [get(u) for u in urls]                      # sequential
${p.mode === 'threads' ? `with ThreadPoolExecutor(max_workers=${p.workers}) as pool:
    sizes = list(pool.map(get, urls))               # threads` : p.mode === 'async' ? `async def fetch(session, url):
    async with session.get(url) as r:
        return len(await r.read())

async def main():
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, u) for u in urls))
sizes = asyncio.run(main())                         # async` : '# mode "sequential": nothing more'}`;
