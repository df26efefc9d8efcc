/**
 * The demo page: fetches every scenario in one batched request, then shows
 * what the engine decides and what the text layer says for each. All data is
 * rendered as text (textContent), never as markup.
 */
import {
  decide,
  validateRecord,
  type AvailabilityRecord,
  type Decision,
  type Problem,
} from '../src/engine/index.js';
import { describe } from '../src/text/index.js';
import { endpointUrl } from '../src/data/index.js';
import { buildScenarios, type Scenario } from './scenarios.js';

interface Loaded {
  raw: unknown;
  record: AvailabilityRecord | null;
  problems: Problem[];
}

interface Card {
  scenario: Scenario;
  quantity: HTMLInputElement;
  result: HTMLElement;
  raw: HTMLElement;
  decision: HTMLElement;
}

/** Titles, descriptions and SKUs; the records themselves come from the endpoint. */
const scenarios = buildScenarios(Date.now());

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo page: #${id} is missing`);
  return element;
}

const form = byId('controls', HTMLFormElement);
const statusLine = byId('status', HTMLElement);
const cardList = byId('cards', HTMLElement);
const resetButton = byId('reset', HTMLButtonElement);

let loaded = new Map<string, Loaded>();
let loadError: string | null = null;
/** The request in flight; a newer load aborts it, so a late answer never wins. */
let inFlight: AbortController | null = null;

type Child = Node | string | null;

/** Creates an element with text or child nodes; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

function settings() {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return {
    locale: value('locale') || 'en',
    timeZone: value('timeZone') || undefined,
    currency: value('currency') || 'USD',
    fault: value('fault'),
  };
}

function availabilityUrl(skus: string[], fault: string): string {
  const params = new URLSearchParams();
  if (fault === 'delay') params.set('delay', '2000');
  else if (fault) params.set('fault', fault);
  // The same URL the elements build from the template `{skus}`.
  return endpointUrl(`/api/availability?skus={skus}${params.size ? `&${params}` : ''}`, skus);
}

/** One batched request for every scenario; throws a readable error on any failure. */
async function fetchRecords(
  skus: string[],
  fault: string,
  signal: AbortSignal,
): Promise<unknown[]> {
  const response = await fetch(availabilityUrl(skus, fault), {
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!response.ok) {
    const retry = response.headers.get('Retry-After');
    throw new Error(`HTTP ${response.status}${retry ? ` (Retry-After: ${retry} s)` : ''}`);
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) throw new Error(`expected JSON, got ${type || 'no content type'}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error('the response is not valid JSON');
  }
  if (!Array.isArray(json)) throw new Error('expected a JSON array of records');
  return json;
}

function skuOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { sku?: unknown }).sku : undefined;
}

async function load(): Promise<void> {
  const { fault } = settings();
  const skus = scenarios.map((scenario) => scenario.record.sku);
  statusLine.textContent = `Loading ${skus.length} records in one request...`;
  document.body.toggleAttribute('data-loading', true);
  const started = performance.now();
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  try {
    const records = await fetchRecords(skus, fault, controller.signal);
    loaded = new Map();
    for (const raw of records) {
      const sku = skuOf(raw);
      if (typeof sku === 'string') loaded.set(sku, { raw, ...validateRecord(raw) });
    }
    loadError = null;
    const ms = Math.round(performance.now() - started);
    statusLine.textContent = `Loaded ${loaded.size} of ${skus.length} records in one request (${ms} ms).`;
  } catch (error) {
    if (controller.signal.aborted) return; // superseded by a newer load
    loaded = new Map();
    loadError = error instanceof Error ? error.message : String(error);
    statusLine.textContent = `Availability could not be loaded: ${loadError}.`;
  } finally {
    if (inFlight === controller) {
      inFlight = null;
      document.body.toggleAttribute('data-loading', false);
    }
  }
  renderAll();
}

/** A term and its value; `lang` marks values in the chosen locale (the terms stay English). */
function field(term: string, value: Child | Child[], lang?: string): Node[] {
  const values = Array.isArray(value) ? value : [value];
  return [h('dt', {}, term), h('dd', lang ? { lang } : {}, ...values)];
}

function list(items: string[], className: string): HTMLElement {
  return h('ul', { class: className }, ...items.map((item) => h('li', {}, item)));
}

function problemText(problem: Problem): string {
  return `${problem.field}: ${problem.reason}`;
}

function renderDecision(decision: Decision, problems: Problem[]): Node[] {
  const { locale, currency } = settings();
  let text: ReturnType<typeof describe>;
  try {
    text = describe(decision, { locale, currency });
  } catch (error) {
    return [h('p', { class: 'error' }, `describe() failed: ${String(error)}`)];
  }
  const button = h('button', { type: 'button', class: 'order', lang: locale }, text.label);
  button.disabled = !decision.orderable;

  const rows: Node[] = [
    ...field(
      'Status',
      h('span', { class: 'status', 'data-status': decision.status }, decision.status),
    ),
    ...field('Order kind', decision.orderKind ?? 'none'),
  ];
  if (text.ship) {
    // No datetime (ships now, to be confirmed): plain text, not a <time> without a date.
    const { datetime, text: shipText } = text.ship;
    rows.push(...field('Ships', datetime ? h('time', { datetime }, shipText) : shipText, locale));
  }
  if (text.moved) rows.push(...field('Moved', h('span', { class: 'moved' }, text.moved), locale));
  if (text.release) rows.push(...field('Release', text.release, locale));
  if (text.messages.length) {
    rows.push(...field('Messages', list(text.messages, 'messages'), locale));
  }
  if (text.explanation) {
    // infoLabel names the info trigger; the explanation is its tooltip.
    const info = text.infoLabel ? h('strong', { class: 'info-label' }, text.infoLabel) : null;
    rows.push(...field('Explanation', [info, text.explanation], locale));
  }

  const notes: Node[] = [];
  if (problems.length) {
    notes.push(
      h('p', { class: 'note-title' }, 'Validation problems'),
      list(problems.map(problemText), 'problems'),
    );
  }
  if (decision.warnings.length) {
    notes.push(
      h('p', { class: 'note-title' }, 'Engine warnings'),
      list(decision.warnings, 'problems'),
    );
  }
  return [button, h('dl', {}, ...rows), ...notes];
}

function renderCard(card: Card): void {
  const { scenario } = card;
  const { timeZone } = settings();
  const entry = loaded.get(scenario.record.sku);
  card.raw.textContent = entry ? JSON.stringify(entry.raw, null, 2) : '(no record)';
  if (!entry?.record) {
    const why = loadError
      ? `Status unknown: ${loadError}.`
      : entry
        ? 'The record has no usable sku.'
        : 'The endpoint returned no record for this SKU.';
    card.result.replaceChildren(
      h('p', { class: 'unknown' }, why),
      ...(entry ? [list(entry.problems.map(problemText), 'problems')] : []),
    );
    card.decision.textContent = '(no decision)';
    return;
  }
  const quantity = card.quantity.valueAsNumber;
  const decision = decide(entry.record, { quantity, timeZone });
  card.result.replaceChildren(...renderDecision(decision, entry.problems));
  card.decision.textContent = JSON.stringify(decision, null, 2);
}

const cards: Card[] = scenarios.map((scenario) => {
  const inputId = `quantity-${scenario.id}`;
  const quantity = h('input', { id: inputId, type: 'number', min: '1', max: '999', value: '1' });
  const result = h('div', { class: 'result' });
  const raw = h('code');
  const decision = h('code');
  const card: Card = { scenario, quantity, result, raw, decision };
  quantity.addEventListener('input', () => renderCard(card));
  cardList.append(
    h(
      'article',
      { class: 'card', 'aria-labelledby': `title-${scenario.id}` },
      h('h2', { id: `title-${scenario.id}` }, scenario.title),
      h('p', { class: 'sku' }, h('code', {}, scenario.record.sku)),
      h('p', { class: 'description' }, scenario.description),
      h('p', { class: 'quantity' }, h('label', { for: inputId }, 'Quantity'), quantity),
      result,
      h('details', {}, h('summary', {}, 'Raw record'), h('pre', {}, raw)),
      h('details', {}, h('summary', {}, 'Decision (engine output)'), h('pre', {}, decision)),
    ),
  );
  return card;
});

function renderAll(): void {
  for (const card of cards) renderCard(card);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
form.addEventListener('change', (event) => {
  // The fault knob only matters for the next request; everything else re-renders.
  if ((event.target as HTMLSelectElement).name === 'fault') void load();
  else renderAll();
});
resetButton.addEventListener('click', async () => {
  const response = await fetch('/api/scenarios/reset', { method: 'POST' });
  if (response.ok) await load();
  else statusLine.textContent = `Reset failed: HTTP ${response.status}.`;
});

void load();
