export const python = (p) => `import threading, time

def show(symbols):
    for s in symbols:
        print(s)
        time.sleep(${p.delay_ms / 1000})   # ${p.delay_ms} ms

sequences = [${['"1 2 3 …"', '"a b c …"', '"A B C …"', '"α β γ …"'].slice(0, Math.min(p.threads, 4)).join(', ')}${p.threads > 4 ? ', …' : ''}]
threads = [threading.Thread(target=show, args=(seq.split()[:${p.steps}],))
           for seq in sequences]          # ${p.threads} threads
for t in threads:
    t.start()
for t in threads:
    t.join()`;

export const rust = (p) => `// src/demos/threads.rs: each thread is a real wasm thread (a rayon pool Worker)
let printed = spawn_all(${p.threads}, move |i| {
    let mut out = Vec::new();
    for step in 0..${p.steps} {
        let text = symbol(i, step);         // "1", "a", "A", ...
        rec.log(lanes[i], text.clone());    // print
        out.push(text);
        cancel.sleep_blocking(${p.delay_ms}.0)?;  // time.sleep: blocks this thread only
    }
    Ok(out)
})
.await?;                                    // join, without blocking the engine thread`;
