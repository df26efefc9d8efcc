/**
 * Renders in slices: when many elements update at once (48 badges given
 * their records by one answer, 10,000 widgets defined on one page), each
 * task renders for about SLICE_MS and then yields to the event loop, so
 * input and paint are never held up by one long task. A few elements render
 * at once, as before; only the rest wait for the next task. The store's work
 * on an answer counts as part of its task's slice (openSlice): in the data
 * layer, so both it and the elements read this one clock.
 */

/**
 * Rendering per task before yielding, ms: a long task is 50 ms, and at 4x CPU
 * slowdown one render past the slice plus an answer's reading still fit; fewer,
 * longer slices keep the time to the last element no worse than rendering all
 * in one task was (8 ms slices made it 15% later at 4x).
 */
const SLICE_MS = 16;

let sliceStart = 0;
/** Renders waiting for a later slice (their promises' resolvers), oldest first, from `next` on. */
let waiting: (() => void)[] = [];
let next = 0;

const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
};

/** Opens this task's slice, when none is: work from now on in this task counts against it. */
export function openSlice(): number {
  const now = performance.now();
  if (!sliceStart) {
    sliceStart = now;
    // The slice ends with this task, however it ends.
    void nextTask().then(() => (sliceStart = 0));
  }
  return now - sliceStart;
}

/**
 * In a new task: the waiting renders, oldest first, while its slice lasts;
 * then the next task for the rest. One queue, so each task wakes only the
 * renders it runs (10,000 waiters each re-checking every task was most of
 * the work at 10,000 widgets).
 */
async function runWaiting(): Promise<void> {
  await nextTask(); // a new task: openSlice()'s own reset has ended the last slice
  while (next < waiting.length && openSlice() < SLICE_MS) {
    waiting[next++]();
    await null; // that render (its promise's reaction) runs before the next room check
  }
  if (next < waiting.length) void runWaiting();
  else [waiting, next] = [[], 0];
}

/**
 * Runs `render` at once while this task's slice lasts, else in a later task.
 * The room is checked right before each render, never across an await: checks
 * queued as microtasks would all pass before the first render took any time.
 */
export function inSlice(render: () => void): Promise<void> {
  // Opening this task's slice, when none is, then asking whether it has room left.
  if (openSlice() < SLICE_MS) return Promise.resolve(render());
  return new Promise<void>((resolve) => {
    if (waiting.push(resolve) === next + 1) void runWaiting();
  }).then(render);
}
