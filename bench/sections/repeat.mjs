// 5. Repeat views within the cache TTL: requests, and what renders at once.
import { batched, gridCards, scriptTag } from '../fixtures.mjs';
import { renderProbe } from '../probes.mjs';

export const name = 'repeat';

/**
 * In the page: removes every badge and, `away` ms later, puts the same nodes
 * back (when `sameNodes`), then new elements for the same SKUs in their place.
 * Counts, for each, the badges rendered (a status, no `loading`) when their
 * first update completed; then waits `settle` ms for any background request.
 */
async function viewAgain({ away, sameNodes, settle }) {
  const rendered = (els) =>
    els.filter((el) => !el.hasAttribute('loading') && el.status !== 'unknown').length;
  const badges = [...document.querySelectorAll('availability-badge')];
  const places = badges.map((b) => [b.parentNode, b.nextSibling]);
  const put = async (els) => {
    els.forEach((el, i) => places[i][0].insertBefore(el, places[i][1]));
    await Promise.all(els.map((el) => el.updateComplete));
    return rendered(els);
  };
  for (const b of badges) b.remove();
  await new Promise((r) => setTimeout(r, away));
  let same = null;
  if (sameNodes) {
    same = await put(badges);
    for (const b of badges) b.remove();
  }
  const fresh = badges.map((b) => {
    const el = document.createElement('availability-badge');
    el.setAttribute('sku', b.getAttribute('sku'));
    return el;
  });
  const newNodes = await put(fresh);
  await new Promise((r) => setTimeout(r, settle));
  return { sameNodes: same, newNodes };
}

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage, bar } = bench;
  const n = 48;
  const out = {};
  /** The collection page's first view under `id`; then `next(page, first)` on it. */
  const view = (id, script, prefix, next) => {
    const url = server.registerPage('grid.html', id, {
      SCRIPT: script,
      CARDS: gridCards(n, prefix),
    });
    return withPage({ probes: [renderProbe] }, async (page) => {
      await page.goto(url);
      await page.evaluate((n) => window.__bench.allDone(n), n);
      return next(page, server.log(id).count);
    });
  };
  // Fresh (default cacheTtl 60 s): remove all, add the same nodes back, then new nodes.
  const fresh = 'repeat-fresh';
  out.fresh = await view(
    fresh,
    scriptTag({ endpoint: batched(fresh) }),
    'repeat',
    async (page, first) => {
      const again = await page.evaluate(viewAgain, { away: 50, sameNodes: true, settle: 300 });
      // The page again (a reload): the records stored by the first view serve it.
      const before = server.log(fresh).count;
      await page.reload();
      await page.evaluate((n) => window.__bench.allDone(n), n);
      await page.waitForTimeout(300);
      return {
        first,
        ...again,
        repeat: before - first,
        reloaded: server.log(fresh).count - before,
      };
    },
  );
  // Stale (cacheTtl 1 s): a repeat view after 1.5 s renders at once and refreshes in the background.
  const stale = 'repeat-stale';
  const staleScript = scriptTag({ endpoint: batched(stale, '&delay=100'), data: { cacheTtl: 1 } });
  out.stale = await view(stale, staleScript, 'stale', async (page, first) => {
    // 600 ms settle: the background refresh (100 ms latency).
    const again = await page.evaluate(viewAgain, { away: 1500, sameNodes: false, settle: 600 });
    return { first, atOnce: again.newNodes, repeat: server.log(stale).count - first };
  });
  bar(
    'repeat view within cacheTtl: 0 requests',
    out.fresh.first === 1 && out.fresh.repeat === 0 && out.fresh.reloaded === 0,
    `first view ${out.fresh.first} request, repeat ${out.fresh.repeat}, page reloaded ${out.fresh.reloaded}; rendered at once: ${out.fresh.sameNodes}/${n} same nodes, ${out.fresh.newNodes}/${n} new nodes`,
  );
  bar(
    'stale repeat view: one background request for 48 SKUs',
    out.stale.repeat === 1,
    `${out.stale.repeat} request(s); rendered at once from the stale record: ${out.stale.atOnce}/${n}`,
  );
  return { n, ...out };
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  const { fresh, stale, n } = results.repeat;
  p(
    '## 5. Repeat view within the cache TTL',
    '',
    `The collection page with ${n} badges (batched endpoint). After every badge rendered, the bench`,
    'removes them all, waits 50 ms and puts the same nodes back; then replaces them with new',
    'elements for the same SKUs; then reloads the page. Requests counted at the server; "at once" means rendered',
    "(a status, no `loading`) when the element's first update completed. `PreorderElements.refresh()`",
    'is not used.',
    '',
    '| view | requests | rendered at once |',
    '|---|---:|---:|',
    `| first view | ${fresh.first} | |`,
    `| repeat, same nodes (cacheTtl 60 s) | ${fresh.repeat} | ${fresh.sameNodes}/${n} |`,
    `| repeat, new elements, same SKUs (cacheTtl 60 s) | (in the line above) | ${fresh.newNodes}/${n} |`,
    `| repeat after 1.5 s with cacheTtl 1 s (stale) | ${stale.repeat} (background refresh) | ${stale.atOnce}/${n} |`,
    `| the page reloaded (cacheTtl 60 s, records from localStorage) | ${fresh.reloaded ?? 'n/a'} | |`,
    '',
  );
}

/** Its lines in the findings. */
export function findings(out, results) {
  out.push(
    `- **Repeat view within cacheTtl:** ${results.repeat.fresh.repeat} requests (first view ${results.repeat.fresh.first}); a stale repeat view renders ${results.repeat.stale.atOnce}/${results.repeat.n} at once and refreshes with ${results.repeat.stale.repeat} background request.`,
  );
}
