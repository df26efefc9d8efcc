/**
 * `preorder-elements/vue`: template typings for Vue 3 (props, and `@event`
 * handlers with typed `detail`, checked by vue-tsc / Vue - Official), plus the
 * tag list for the compiler's `isCustomElement`:
 *
 *   // vite.config.ts
 *   import { isCustomElement } from 'preorder-elements/vue';
 *   vue({ template: { compilerOptions: { isCustomElement } } });
 *
 *   // env.d.ts (or any module of the app)
 *   import type {} from 'preorder-elements/vue';
 *
 * It registers nothing: `import 'preorder-elements'` does. It imports nothing
 * at run time either (the generated tag list is plain data), so a Vite config
 * running in Node may load it. The tags and prop types are generated from
 * custom-elements.json (src/generated/vue.ts).
 */
// vue is the app's: it is not installed in this repository, so these
// references do not resolve here (they are checked in examples/vue).
// @ts-expect-error -- 'vue' resolves in the app that uses these typings
import type { HTMLAttributes, ReservedProps } from 'vue';
import { TAGS } from './generated/vue.js';

export * from './generated/vue.js';

/** For Vue's `compilerOptions.isCustomElement`: true for the library's tags. */
export const isCustomElement = (tag: string): boolean => (TAGS as readonly string[]).includes(tag);

/**
 * A custom element as Vue's tooling sees a component: the element instance
 * (template refs) plus `$props` for template checking. `$props` exists for
 * the types only; do not read it from a ref.
 */
export type VueCustomElement<E extends HTMLElement, P> = new () => E & {
  /** @deprecated Template typing only: not a property of the element. */
  $props: HTMLAttributes & ReservedProps & P;
};
