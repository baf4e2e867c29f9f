// Phase and stat names in the lesson's spelling, wherever the page shows one:
// cpu_threads -> "CPU threads", io_async -> "I/O async", threads_no_gil -> "threads no GIL".
const SPELLING = { cpu: 'CPU', io: 'I/O', gil: 'GIL' };

export const words = (name) => name.split('_').map((w) => SPELLING[w] ?? w).join(' ');
