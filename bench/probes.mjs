// In-page probes, installed with page.addInitScript(probe, arg): they run
// before any page script. Each keeps its findings on window.__bench and uses
// only what it saved before the page ran, so it cannot count its own work.

/**
 * Counts rendered widgets: every `availability-change` (a record rendered) and
 * `availability-error` (the fallback rendered), with the page time of the last.
 * `__bench.allDone(n)` resolves once n have arrived, after two frames.
 */
export function renderProbe() {
  const raf = requestAnimationFrame.bind(window);
  const now = performance.now.bind(performance);
  const bench = Object.assign((window.__bench ??= {}), {
    changes: 0,
    errors: 0,
    last: 0,
    longTasks: [],
    waiters: [],
  });
  const settle = () => {
    for (const waiter of [...bench.waiters]) {
      if (bench.changes + bench.errors >= waiter.n) {
        bench.waiters.splice(bench.waiters.indexOf(waiter), 1);
        raf(() =>
          raf(() => {
            performance.mark('bench-done');
            waiter.resolve(now());
          }),
        );
      }
    }
  };
  const count = (key) => () => {
    bench[key] += 1;
    bench.last = now();
    settle();
  };
  document.addEventListener('availability-change', count('changes'), true);
  document.addEventListener('availability-error', count('errors'), true);
  bench.allDone = (n) =>
    new Promise((resolve) => {
      bench.waiters.push({ n, resolve });
      settle();
    });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The library's longest runs of script: every script entry (a task's call
 * into the bundle, its microtasks included) of the long animation frames
 * (LoAF, 50 ms or more), from the bundle's URL. One frame may hold several
 * slices' tasks; one entry is one of them.
 */
export function frameScriptProbe() {
  const bench = (window.__bench ??= {});
  bench.frameScripts = [];
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries())
      for (const script of frame.scripts)
        if (script.sourceURL.includes('preorder-elements'))
          bench.frameScripts.push(script.duration);
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/**
 * Layout: every layout-shift entry with what moved, every size a widget took
 * (ResizeObserver, from the first frame it is laid out), every status/loading
 * change and when the elements were defined.
 */
export function layoutProbe() {
  // Probes are serialised: nothing from this module's scope reaches the page.
  const WIDGETS = 'order-button, expected-date, availability-badge';
  const now = performance.now.bind(performance);
  const bench = Object.assign((window.__bench ??= {}), {
    shifts: [],
    lcp: null,
    sizes: [],
    states: [],
    defined: {},
  });
  const who = (node) => {
    const el = node?.nodeType === 1 ? node : node?.parentElement;
    if (!el) return String(node?.nodeName ?? 'unknown');
    const root = el.getRootNode();
    const label = (e) => {
      let s = e.localName;
      if (e.id) s += `#${e.id}`;
      if (e.classList.length) s += `.${[...e.classList].join('.')}`;
      for (const a of ['sku', 'part']) if (e.hasAttribute(a)) s += `[${a}=${e.getAttribute(a)}]`;
      return s;
    };
    if (root instanceof ShadowRoot) return `${label(root.host)} >> ${label(el)}`;
    // A bare element is named with its parent: `div.description > p`.
    return !el.id && !el.classList.length && el.parentElement
      ? `${label(el.parentElement)} > ${label(el)}`
      : label(el);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.shifts.push({
        t: e.startTime,
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        sources: (e.sources ?? []).map((s) => ({
          node: who(s.node),
          from: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height],
          to: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height],
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.lcp = { t: e.startTime, size: e.size, who: who(e.element) };
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const added = new WeakMap(); // widget -> page time it was seen in the document
  const resize = new ResizeObserver((entries) => {
    const t = now();
    for (const e of entries) {
      const box = e.borderBoxSize?.[0];
      bench.sizes.push({
        t,
        who: who(e.target),
        w: Math.round(box ? box.inlineSize : e.contentRect.width),
        h: Math.round((box ? box.blockSize : e.contentRect.height) * 10) / 10,
        defined: e.target.matches(':defined'),
        status: e.target.getAttribute('status'),
        loading: e.target.hasAttribute('loading'),
        added: added.get(e.target),
      });
    }
  });
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        bench.states.push({
          t: now(),
          who: who(r.target),
          attr: r.attributeName,
          value: r.target.getAttribute(r.attributeName),
        });
        continue;
      }
      const t = now();
      const watch = (el) => {
        if (!added.has(el)) added.set(el, t);
        resize.observe(el);
      };
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.matches(WIDGETS)) watch(node);
        for (const el of node.querySelectorAll(WIDGETS)) watch(el);
      }
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['status', 'loading'],
  });
  for (const tag of WIDGETS.split(', '))
    customElements.whenDefined(tag).then(() => (bench.defined[tag] = now()));
}

/**
 * Leaks: live timers (setTimeout/setInterval not yet fired or cleared) and
 * live listeners on window and document, each with the stack that made it.
 * `__bench.leaks()` lists the live ones; `__bench.orig` has the unwrapped
 * functions for the harness's own use.
 */
export function leakProbe() {
  const orig = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
  };
  const timers = new Map();
  const listeners = new Map(); // key -> { target, type, stack }
  const stack = () => new Error().stack.split('\n').slice(2).join('\n');
  const ids = new WeakMap();
  let nextId = 1;
  const idOf = (fn) => {
    if ((typeof fn !== 'function' && typeof fn !== 'object') || fn === null) return String(fn);
    if (!ids.has(fn)) ids.set(fn, nextId++);
    return ids.get(fn);
  };

  window.setTimeout = function (handler, delay, ...args) {
    let id;
    const run =
      typeof handler === 'function'
        ? function (...a) {
            timers.delete(id);
            return handler.apply(this, a);
          }
        : handler;
    id = orig.setTimeout(run, delay, ...args);
    timers.set(id, { kind: 'timeout', delay: Number(delay) || 0, stack: stack() });
    return id;
  };
  window.setInterval = function (handler, delay, ...args) {
    const id = orig.setInterval(handler, delay, ...args);
    timers.set(id, { kind: 'interval', delay: Number(delay) || 0, stack: stack() });
    return id;
  };
  window.clearTimeout = (id) => {
    timers.delete(id);
    return orig.clearTimeout(id);
  };
  window.clearInterval = (id) => {
    timers.delete(id);
    return orig.clearInterval(id);
  };

  const watched = (target) => target === window || target === document;
  const capture = (options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched(this) && listener) {
      const key = `${this === window ? 'window' : 'document'}|${type}|${capture(options)}|${idOf(listener)}`;
      if (!listeners.has(key)) {
        listeners.set(key, {
          target: this === window ? 'window' : 'document',
          type,
          stack: stack(),
        });
        // once: gone when it fires; signal: gone when aborted.
        if (options?.once)
          orig.add.call(this, type, () => listeners.delete(key), {
            once: true,
            capture: capture(options),
          });
        options?.signal?.addEventListener?.('abort', () => listeners.delete(key));
      }
    }
    return orig.add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (watched(this) && listener) {
      listeners.delete(
        `${this === window ? 'window' : 'document'}|${type}|${capture(options)}|${idOf(listener)}`,
      );
    }
    return orig.remove.call(this, type, listener, options);
  };

  Object.assign((window.__bench ??= {}), {
    orig,
    leaks: () => ({
      timers: [...timers.values()],
      listeners: [...listeners.values()],
    }),
  });
}
