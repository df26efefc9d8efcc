/**
 * The elements' stylesheet tag: a CSS literal whose only interpolations are
 * numbers (the reserved heights), through lit's unsafeCSS. Lit's own `css`
 * would do the same, but ships a check (and its long message) for values a
 * literal of ours never has. The script build minifies these literals by the
 * tag's name (vite.script.config.ts), so it stays `css`. The text is the
 * literal's as written (String.raw): it holds no backslash escapes, so raw and
 * cooked are the same (a CSS escape such as `\201C` would be kept as CSS reads it).
 */
import { unsafeCSS, type CSSResult } from 'lit';

export const css = (strings: TemplateStringsArray, ...numbers: number[]): CSSResult =>
  unsafeCSS(String.raw(strings, ...numbers));
