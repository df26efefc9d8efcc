// Per-run request logs for the endpoints that tests and the benchmark count
// at: a `run=ID` query names the run, so each test or measurement counts its
// own requests.

/**
 * @typedef {object} RunLog
 * @property {number} count requests seen
 * @property {string[]} urls their paths and queries, in arrival order
 * @property {Map<string, number>} perSku requests that asked for each SKU
 * @property {Map<string, number>} inflight requests for each SKU not answered yet
 * @property {string[]} overlaps SKUs asked for while a request for them was in flight
 */

export function requestLogs() {
  /** @type {Map<string, RunLog>} */
  const runs = new Map();
  /** @param {string} run */
  const of = (run) => {
    let log = runs.get(run);
    if (!log) {
      log = { count: 0, urls: [], perSku: new Map(), inflight: new Map(), overlaps: [] };
      runs.set(run, log);
    }
    return log;
  };
  return {
    /** The log of `run` (an empty one if it saw nothing yet). */
    of,
    /**
     * Counts a request of `run` for `skus`; call the function it returns once answered.
     * @param {string} run
     * @param {URL} url
     * @param {string[]} skus
     * @returns {() => void}
     */
    begin(run, url, skus) {
      const log = of(run);
      log.count += 1;
      log.urls.push(url.pathname + url.search);
      for (const sku of skus) {
        log.perSku.set(sku, (log.perSku.get(sku) ?? 0) + 1);
        if (log.inflight.get(sku)) log.overlaps.push(sku);
        log.inflight.set(sku, (log.inflight.get(sku) ?? 0) + 1);
      }
      return () => {
        for (const sku of skus) log.inflight.set(sku, (log.inflight.get(sku) ?? 1) - 1);
      };
    },
  };
}
