// What the CLS section reads from its probes: CLS as web-vitals counts it, the
// widgets that changed size after the first paint, and the page CSS proposed
// to reserve their space until they first render.

import { readFileSync } from 'node:fs';

/** CLS as web-vitals counts it: the worst session window (gap < 1 s, span < 5 s). */
export function cls(shifts) {
  let worst = 0;
  let current = 0;
  let first = 0;
  let previous = 0;
  for (const s of shifts.filter((x) => !x.hadRecentInput)) {
    if (current && s.t - previous < 1000 && s.t - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.t;
    }
    previous = s.t;
    worst = Math.max(worst, current);
  }
  return worst;
}

/**
 * Widgets whose box changed height after the first paint (ResizeObserver). An
 * element parsed before the first paint and defined only after it had no box
 * until then (an undefined custom element is an empty inline, 0×0, which
 * ResizeObserver does not report): its first report counts as growing from 0.
 */
export function resizes(sizes, fcp, defined) {
  const byWidget = new Map();
  for (const s of sizes) {
    const list = byWidget.get(s.who) ?? [];
    list.push(s);
    byWidget.set(s.who, list);
  }
  const changed = [];
  for (const [who, list] of byWidget) {
    const first = list[0];
    const definedAt = defined[who.split(/[[.#\s]/)[0]];
    if (fcp !== null && definedAt > fcp && first.added < fcp && first.t >= definedAt && first.h > 0)
      changed.push({
        who,
        t: first.t,
        from: 0,
        to: first.h,
        state: `no box at first paint → ${first.defined ? 'defined' : 'undefined'}, ${first.loading ? 'loading' : (first.status ?? 'no status')}`,
      });
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (a.h !== b.h)
        changed.push({
          who,
          t: b.t,
          from: a.h,
          to: b.h,
          state: `${a.defined ? '' : 'undefined, '}${a.loading ? 'loading' : (a.status ?? 'no status')} → ${b.loading ? 'loading' : (b.status ?? 'no status')}`,
        });
    }
  }
  return changed;
}

/**
 * The shipped stylesheet's rules, inline: they give each element, until its
 * first render, the space it takes then (generated from src/elements/reserved-space.ts).
 */
export const RESERVE_CSS = `<style>${readFileSync(new URL('../dist/preorder-elements.css', import.meta.url), 'utf8')}</style>`;
