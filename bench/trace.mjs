// Main-thread time from a Chromium trace, split the way DevTools' Performance
// panel splits it: each trace event's self time (its duration minus its
// children's) goes to the category of its name, or to its parent's category
// when its name is not one of those below. Top-level events are the thread's tasks.

export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];

const SCRIPTING = new Set([
  'FunctionCall',
  'EvaluateScript',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'XHRReadyStateChange',
  'XHRLoad',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceCache',
  'v8.produceModuleCache',
  'v8.run',
  'V8.Execute',
  'V8.StackGuard',
  'V8.HandleInterrupts',
  'MinorGC',
  'MajorGC',
  'BlinkGC.AtomicPhase',
]);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout', 'IntersectionObserverController::computeIntersections']);
const PAINT = new Set([
  'PrePaint',
  'Paint',
  'Layerize',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'Commit',
  'PaintImage',
  'Decode Image',
]);
const LOADING = new Set(['ParseHTML', 'ResourceReceivedData', 'ResourceFinish']);

export function categoryOf(name) {
  if (SCRIPTING.has(name) || name.startsWith('V8.GC') || name.startsWith('v8.')) return 'scripting';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (LOADING.has(name)) return 'loading';
  return null;
}

/** Events of one thread as complete events (B/E pairs joined), sorted for a tree walk. */
function completeEvents(events) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && typeof e.dur === 'number')
      out.push({ name: e.name, ts: e.ts, dur: e.dur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, args: b.args });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * Analyses the renderer main thread that recorded the marks (performance.mark
 * in the page), over [from, to]: tasks that start in between; a missing `from`
 * is the start of the trace, a missing `to` its end. Returns milliseconds per category, the tasks, and the long ones (> 50 ms)
 * with their own split.
 */
export function analyzeTrace(events, { from, to }) {
  const mark = (name) =>
    events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const start = from ? mark(from) : null;
  const end = to ? mark(to) : null;
  const anchor = start ?? end;
  if (!anchor || (from && !start) || (to && !end))
    throw new Error(`marks ${from} / ${to} not in the trace`);
  const t0 = start ? start.ts : -Infinity;
  const t1 = end ? end.ts : Infinity;
  const thread = events
    .filter((e) => e.pid === anchor.pid && e.tid === anchor.tid)
    .sort((a, b) => a.ts - b.ts);
  const list = completeEvents(thread);
  const totals = { scripting: 0, style: 0, layout: 0, paint: 0, loading: 0, other: 0 };
  const tasks = [];
  const stack = [];
  for (const e of list) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const category = categoryOf(e.name) ?? parent?.category ?? 'other';
    const node = { end: e.ts + e.dur, category, task: parent ? parent.task : null };
    if (!parent) {
      // A task counts when it starts inside the window.
      if (e.ts < t0 || e.ts > t1) {
        node.task = null;
        node.skip = true;
      } else {
        node.task = {
          ts: e.ts,
          dur: e.dur,
          split: { scripting: 0, style: 0, layout: 0, paint: 0, loading: 0, other: 0 },
        };
        tasks.push(node.task);
      }
    } else node.skip = parent.skip;
    stack.push(node);
    if (node.skip) continue;
    totals[category] += e.dur;
    node.task.split[category] += e.dur;
    if (parent) {
      totals[parent.category] -= e.dur;
      node.task.split[parent.category] -= e.dur;
    }
  }
  const ms = (split) => Object.fromEntries(Object.entries(split).map(([k, v]) => [k, v / 1000]));
  return {
    ...ms(totals),
    busy: tasks.reduce((a, t) => a + t.dur, 0) / 1000,
    tasks: tasks.length,
    longTasks: tasks
      .filter((t) => t.dur > 50_000)
      .map((t) => ({
        at: Number.isFinite(t0) ? (t.ts - t0) / 1000 : null,
        duration: t.dur / 1000,
        ...ms(t.split),
      })),
    window: Number.isFinite(t1) ? (t1 - t0) / 1000 : null,
  };
}
