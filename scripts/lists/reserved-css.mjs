// src/preorder-elements.css from src/elements/reserved-space.ts: the module is
// plain data, so it is transpiled (types dropped) and imported as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './manifest.mjs';

export const RESERVED_SPACE = 'src/elements/reserved-space.ts';

const HEADER = `/*
 * preorder-elements.css: link it in <head> beside a deferred or async script.
 * It reserves each widget's space until the widget first renders (before the
 * script defines it, and while a page of thousands connects them in turns), so
 * nothing on the page moves when they appear (CLS 0). The sizes match the
 * elements' own reservations; the elements' styles take over once rendered
 * (every element then has a status attribute).
 * Generated from ${RESERVED_SPACE} by scripts/generate.mjs: do not edit.
 */
`;

/** Each tag's reserved space as CSS rules, from reserved-space.ts. */
async function reservedRules() {
  const { outputText } = ts.transpileModule(readFileSync(join(root, RESERVED_SPACE), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  const { RESERVED_STYLES } = await import(url);
  return Object.entries(RESERVED_STYLES).map(
    ([tag, declarations]) =>
      `${tag}:not([status]) {\n${Object.entries(declarations)
        .map(([property, value]) => `  ${property}: ${value};\n`)
        .join('')}}\n`,
  );
}

export async function renderReservedCss() {
  return HEADER + (await reservedRules()).join('');
}

/**
 * src/preorder-elements.reserved.html: the same rules as a <style> element to
 * paste into a theme's <head>. Inline, the first paint waits for no stylesheet
 * request (the linked file is render-blocking); see docs/benchmarks.md, first paint.
 */
export async function renderReservedStyle() {
  return `<!--
  preorder-elements: paste into <head>, before the script tag. It reserves each
  widget's space until it first renders (CLS 0) without a
  render-blocking stylesheet request: the same rules as preorder-elements.css.
  Generated from ${RESERVED_SPACE} by scripts/generate.mjs: do not edit.
-->
<style>
${(await reservedRules()).join('')}</style>
`;
}
