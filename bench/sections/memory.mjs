// 6. Memory after attaching and removing 10,000 elements: heap, DOM, live timers and listeners.
import { setTimeout as sleep } from 'node:timers/promises';
import { fmt, seconds } from '../format.mjs';
import { batched, scriptTag } from '../fixtures.mjs';
import { MEMORY_ELEMENTS } from '../options.mjs';
import { leakProbe } from '../probes.mjs';

export const name = 'memory';

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage, bar } = bench;
  const TOTAL = MEMORY_ELEMENTS;
  const PER_BATCH = 500;
  const id = 'memory';
  const url = server.registerPage('memory.html', id, {
    SCRIPT: scriptTag({ endpoint: batched(id, '&delay=20'), defer: false }),
  });
  return withPage({ probes: [leakProbe] }, async (page, errors, context) => {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForFunction(() => window.PreorderElements && customElements.get('order-button'));
    const snapshot = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const live = await page.evaluate(() => {
        const lib = (x) => x.stack.includes('preorder-elements');
        const { timers, listeners } = window.__bench.leaks();
        return {
          timers: timers.filter(lib),
          listeners: listeners.filter(lib),
          allTimers: timers.length,
          allListeners: listeners.length,
        };
      });
      return { heap: heap.usedSize, dom, live };
    };
    const cycle = (start, count, waitForRender) =>
      page.evaluate(
        async ({ start, count, waitForRender }) => {
          const { orig } = window.__bench;
          const stage = document.getElementById('stage');
          const tags = ['availability-badge', 'order-button', 'expected-date'];
          const els = [];
          for (let i = start; i < start + count; i++) {
            const el = document.createElement(tags[i % 3]);
            el.setAttribute('sku', `pre-mem-${i}`);
            els.push(el);
          }
          let seen = 0;
          const rendered = new Promise((resolve) => {
            const onEvent = () => {
              if (++seen === count) resolve();
            };
            stage.addEventListener('availability-change', onEvent);
            stage.addEventListener('availability-error', onEvent);
          });
          stage.append(...els);
          if (waitForRender) await rendered;
          else await new Promise((r) => orig.setTimeout(r, 5)); // requests queued or in flight
          stage.replaceChildren(); // disconnects every widget
          stage.replaceWith(stage.cloneNode(false)); // and drops the bench's own listeners with the old stage
          return seen;
        },
        { start, count, waitForRender },
      );
    const before = await snapshot();
    const t0 = performance.now();
    let renderedCount = 0;
    let warm;
    let mid;
    for (let start = 0, b = 0; start < TOTAL; start += PER_BATCH, b++) {
      // Even batches render, then go; odd ones go while their request is queued or in flight.
      renderedCount += await cycle(start, PER_BATCH, b % 2 === 0);
      if (b === 1) {
        // Warm: code compiled, templates and formatters cached, the store's record cache full.
        await sleep(500);
        warm = await snapshot();
        warm.elements = start + PER_BATCH;
      }
      if (start + PER_BATCH === TOTAL / 2) {
        await sleep(500);
        mid = await snapshot();
        mid.elements = start + PER_BATCH;
      }
    }
    const attachMs = performance.now() - t0;
    await sleep(1500); // every queued flush, request and retry has ended
    const after = await snapshot();
    const requests = server.log(id).count;
    const result = {
      total: TOTAL,
      perBatch: PER_BATCH,
      attachMs,
      renderedCount,
      before,
      warm,
      mid,
      after,
      requests,
      errors: errors.length,
    };
    console.log(
      `  heap ${fmt(before.heap / 1024)} KiB before, ${fmt(warm.heap / 1024)} KiB after ${fmt(warm.elements)} elements, ${fmt(mid?.heap / 1024)} KiB after ${fmt(mid?.elements)}, ${fmt(after.heap / 1024)} KiB after ${fmt(TOTAL)}; nodes ${before.dom.nodes} / ${warm.dom.nodes} / ${after.dom.nodes}; JS listeners ${before.dom.jsEventListeners} / ${warm.dom.jsEventListeners} / ${after.dom.jsEventListeners}`,
    );
    bar(
      `attach and remove ${fmt(TOTAL)} elements: no leaked timers`,
      after.live.timers.length === 0,
      `${after.live.timers.length} live timers from the library (${before.live.timers.length} before)${after.live.timers.length ? `: ${JSON.stringify(after.live.timers[0])}` : ''}`,
    );
    console.log(
      `  info live window/document listeners from the library: ${before.live.listeners.length} before, ${after.live.listeners.length} after`,
    );
    return result;
  });
}

/** Its part of docs/benchmarks.md. */
export function describe(p, { memory: m }) {
  const kib = (b) => `${fmt(b / 1024)} KiB`;
  const listOf = (items) =>
    items.slice(0, 5).map(
      (x) =>
        `  - ${x.kind ?? `${x.target} "${x.type}"`}${x.delay !== undefined ? ` ${x.delay} ms` : ''}: ${
          x.stack
            .split('\n')
            .find((l) => l.includes('preorder-elements'))
            ?.trim() ?? ''
        }`,
    );
  p(
    '## 6. Memory after attaching and removing 10,000 elements',
    '',
    `A blank page (bench/pages/memory.html) with the script tag (endpoint answering after 20 ms).`,
    `${fmt(m.total)} elements (badge, button and date in turn, each its own SKU) in batches of ${m.perBatch}: even`,
    'batches are removed after every element rendered, odd batches 5 ms after being attached (their',
    'request queued or in flight). Then 1.5 s of quiet, and CDP `HeapProfiler.collectGarbage` (twice)',
    'before `Runtime.getHeapUsage` and `Memory.getDOMCounters`, the same as before the first batch.',
    'An init script wraps setTimeout/setInterval/clearTimeout/clearInterval and add/removeEventListener',
    'on window and document, recording the stack of each; live ones created from the bundle are',
    'counted (a `once` listener counts as gone once it fired).',
    '',
    `| | before any element | after ${fmt(m.warm.elements)} (warm) | after ${fmt(m.mid?.elements)} | after ${fmt(m.total)} | ${fmt(m.total)} vs warm |`,
    '|---|---:|---:|---:|---:|---:|',
    ...[
      ['JS heap used', (x) => x.heap, kib],
      ['DOM nodes', (x) => x.dom.nodes, fmt],
      ['JS event listeners (all targets)', (x) => x.dom.jsEventListeners, fmt],
      ['documents', (x) => x.dom.documents, fmt],
      ['live timers from the library', (x) => x.live.timers.length, fmt],
      ['live window/document listeners from the library', (x) => x.live.listeners.length, fmt],
    ].map(
      ([label, get, f]) =>
        `| ${label} | ${f(get(m.before))} | ${f(get(m.warm))} | ${m.mid ? f(get(m.mid)) : 'n/a'} | ${f(get(m.after))} | ${f(get(m.after) - get(m.warm))} |`,
    ),
    '',
    `${m.renderedCount} elements rendered before removal; ${m.requests} requests in all; ${seconds(m.attachMs)} for the ${fmt(m.total / m.perBatch)} batches.`,
    '"Warm" is after the first two batches: compiled code, Lit\'s template cache, the formatters and',
    "the store's cache of up to 500 records for SKUs no element shows (by design, src/data/store.ts)",
    'are all in place, so growth from there on is what more elements leave behind. The second',
    "document is the inert one Lit's `<template>` parsing creates, once.",
    '',
  );
  if (m.after.live.timers.length)
    p('Live timers after removal:', ...listOf(m.after.live.timers), '');
  if (m.after.live.listeners.length)
    p('Live listeners after removal:', ...listOf(m.after.live.listeners), '');
}

/** Its line in the findings. */
export function findings(out, { memory: m }) {
  out.push(
    `- **Memory:** after attaching and removing ${fmt(m.total)} elements the heap is ${fmt((m.after.heap - m.before.heap) / 1024)} KiB above the empty page and ${fmt((m.after.heap - m.warm.heap) / 1024)} KiB above the warm state after ${fmt(m.warm.elements)} (${fmt((m.after.heap - m.mid.heap) / 1024)} KiB between ${fmt(m.mid.elements)} and ${fmt(m.total)}: bounded, no per-element growth); ${m.after.live.timers.length} live timers and ${m.after.live.listeners.length} window/document listeners left by the library; DOM nodes and JS listeners back to the warm count.`,
  );
}
