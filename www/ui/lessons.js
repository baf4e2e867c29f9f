// What a learner should look for in each demo, shown above its controls.
export const LESSONS = {
  threads:
    'Each thread prints its own sequence and sleeps after every line, like Python\'s threading.Thread with time.sleep. ' +
    'Watch the lines interleave, then run it again: the order changes, because the scheduler, not your program, decides who wakes first. ' +
    'The sleeps overlap, so the whole run takes about as long as one thread, not the sum of all of them.',
  asyncio:
    'All coroutines share one thread: the event loop. Each prints a line, then awaits a timer (await asyncio.sleep); while it waits, the others run. ' +
    'There is only one lane, yet the waits overlap, so many coroutines finish in about the time of one. Nothing runs in parallel here: this is concurrency without threads.',
};
