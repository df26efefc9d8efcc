/**
 * The module build's loader (dist/preorder-elements.module.js, for
 * `<script type="module" src=... data-endpoint=...>`): defines each tag from
 * its own chunk when the tag first appears on the page, in the HTML or added
 * later, so a page downloads only the elements it shows. It imports nothing
 * statically: its first task asks for the data layer and for the chunks of
 * the tags present at once (the build lists each chunk's own imports beside
 * it, see vite.module.config.ts), so the availability request leaves while
 * the element code is still on its way, and no chunk waits for another.
 */
import type { ELEMENTS } from './elements/define.js';

/**
 * Each tag's chunk, to its class under its public name (minified, a class's
 * own name is not). Typed by ELEMENTS, the one list of tags: a tag added
 * there without a line here does not compile.
 */
const CHUNKS = {
  'order-button': () =>
    import('./elements/order-button.js').then(({ OrderButton }) => ({ OrderButton })),
  'expected-date': () =>
    import('./elements/expected-date.js').then(({ ExpectedDate }) => ({ ExpectedDate })),
  'availability-badge': () =>
    import('./elements/availability-badge.js').then(({ AvailabilityBadge }) => ({
      AvailabilityBadge,
    })),
} satisfies Record<keyof typeof ELEMENTS, () => Promise<Record<string, CustomElementConstructor>>>;
type Tag = keyof typeof CHUNKS;
const TAGS = Object.keys(CHUNKS) as Tag[];

// A module has no document.currentScript: its script tags are the ones whose
// resolved src is this module's URL (a module runs once per URL, so every
// such tag is read, in document order, as two classic tags would be).
const url = import.meta.url;
const scripts = [...document.querySelectorAll('script')].filter((script) => script.src === url);

/** Each tag's definition once asked for. */
const loading = new Map<Tag, Promise<void>>();

/** Loads and defines the tag, once; returns the tags this call started loading. */
function load(tag: Tag): Tag[] {
  if (loading.has(tag) || customElements.get(tag)) return [];
  const define = Promise.all([CHUNKS[tag](), api]).then(([named, { publish }]) => {
    const [element] = Object.values(named);
    if (!customElements.get(tag)) customElements.define(tag, element);
    publish(tag, named);
  });
  define.catch((error: unknown) => {
    console.error(`[preorder-elements] <${tag}> could not be loaded:`, error);
  });
  loading.set(tag, define);
  return [tag];
}

const api = import('./module-api.js').then((m) => {
  m.start(scripts, () => TAGS.flatMap(load));
  return m;
});

function found(element: Element): void {
  const tag = element.localName as Tag;
  if (customElements.get(tag)) return;
  load(tag);
  void api.then(({ prefetch }) => customElements.get(tag) || prefetch(element));
}

const selector = TAGS.join(',');
const scan = (root: Element | Document) => {
  if (root instanceof Element && root.matches(selector)) found(root);
  for (const element of root.querySelectorAll(selector)) found(element);
};
scan(document);
// The page's language (the script tag's data-locale, else <html lang>, else
// the browser's): a lazy locale's strings are asked for now, with the other
// chunks, not when an element first renders (a round after them). The text
// layer's own import of that file then finds it loaded. The build puts the
// files here by language (vite.module.config.ts).
const LOCALE_CHUNKS = 'LOCALE_CHUNKS' as unknown as Record<string, string>;
const locale =
  scripts.findLast((script) => script.dataset.locale)?.dataset.locale ||
  document.documentElement.lang ||
  navigator.language;
const localeChunk = loading.size ? LOCALE_CHUNKS[locale.split(/[-_]/)[0].toLowerCase()] : undefined;
if (localeChunk) import(/* @vite-ignore */ localeChunk).catch(() => {}); // the text layer warns

const observer = new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  if (TAGS.every((tag) => customElements.get(tag))) observer.disconnect();
});
observer.observe(document, { childList: true, subtree: true });
