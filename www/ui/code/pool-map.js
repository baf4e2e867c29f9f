export const python = (p) => `from multiprocessing import Pool

SIZE, CHUNKS = ${p.size}, ${p.chunks}

def rows(band):                   # Mandelbrot rows lo..hi
    lo, hi = band
    return [escape_time(x, y) for y in range(lo, hi) for x in range(SIZE)]

bands = [(SIZE * c // CHUNKS, SIZE * (c + 1) // CHUNKS) for c in range(CHUNKS)]
with Pool(${p.workers}) as pool:
    picture = [px for band in pool.map(rows, bands) for px in band]   # in order`;
