export const python = (p) => `from multiprocessing import Pool

SIZE, CHUNKS = ${p.size}, ${p.chunks}

def rows(band):                   # Mandelbrot rows lo..hi
    lo, hi = band
    return [escape_time(x, y) for y in range(lo, hi) for x in range(SIZE)]

bands = [(SIZE * c // CHUNKS, SIZE * (c + 1) // CHUNKS) for c in range(CHUNKS)]
with Pool(${p.workers}) as pool:
    picture = [px for band in pool.map(rows, bands) for px in band]   # in order`;

export const rust = (p) => `// src/demos/pool_map.rs
let jobs: Vec<MandelbrotIn> = (0..${p.chunks}).map(|c| chunk(${p.size}, ${p.chunks}, c)).collect();
// threads: each writes its rows straight into the one shared picture
run_queue(${p.workers}, jobs.len(), |worker, c| { picture[at..].copy_from_slice(&mandelbrot(&jobs[c])) }).await?;
// processes: each chunk goes out as text and its rows come back as text
let pool = start_pool(&rec, &proc_lanes /* ${p.workers} */).await?;
let outputs = map_on_pool(&rec, &pool, &proc_lanes, &proc_jobs).await?;   // in order
all_match &= picture == expected;        // bit for bit`;
