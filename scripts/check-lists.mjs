#!/usr/bin/env node
// `npm run check:lists` (after `npm run build`, or `npm run manifest`): the
// lists written once stay in step with what reads them. Fails when
//   - a generated file (src/generated/*, src/preorder-elements.css) is stale;
//   - ELEMENTS (src/elements/define.ts) and custom-elements.json name other
//     tags or classes;
//   - a tag, property (with its kebab-case attribute) or event of the manifest
//     has no React component / prop / event mapping, JSX typing or Vue typing,
//     or one of those names something the manifest does not have;
//   - an event's @fires doc (`detail: { ... }`) does not name exactly the
//     fields of its detail interface (src/elements/events.ts);
//   - the locale list and src/text/locales/ differ, or a tag has no reserved space.
// Exit 1 with one line per problem.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { staleFiles } from './generate.mjs';
import { documentedDetail, MANIFEST, readManifest, root } from './lists/manifest.mjs';
import { difference, openProgram } from './lists/typescript.mjs';

const problems = [];
const compare = (what, expected, actual) => {
  const diff = difference(expected, actual);
  if (diff) problems.push(`${what}: ${diff}`);
};

const { elements } = readManifest();
const tags = elements.map((element) => element.tag);
const byTag = new Map(elements.map((element) => [element.tag, element]));

for (const path of await staleFiles())
  problems.push(
    `${path} is stale (not what ${MANIFEST} and the sources make): run npm run generate`,
  );

const { checker, source, ours, exportsOf, exported, typeOf, ownProperties, literals, ts } =
  openProgram([
    'src/react.ts',
    'src/react-jsx.ts',
    'src/vue.ts',
    'src/elements/define.ts',
    'src/elements/events.ts',
    'src/elements/reserved-space.ts',
    'src/text/locale-list.ts',
  ]);

// The tags defineElements() registers, and their classes.
const registry = checker.getPropertiesOfType(
  typeOf(exported('src/elements/define.ts', 'ELEMENTS')),
);
compare(
  `ELEMENTS vs ${MANIFEST} tags`,
  tags,
  registry.map((p) => p.name),
);
for (const entry of registry) {
  const element = byTag.get(entry.name);
  const className = checker.getTypeOfSymbol(entry).getSymbol()?.name;
  if (element && className !== element.className)
    problems.push(
      `ELEMENTS['${entry.name}'] is ${className}; ${MANIFEST} says ${element.className}`,
    );
}

const props = (element) => element.properties.map((property) => property.name);
const reactProps = (element) => element.events.map((event) => event.reactProp);

// preorder-elements/react: one component per tag; its own props are the
// manifest's properties and onXxx event props.
const reactValues = exportsOf('src/react.ts')
  .filter((entry) => entry.value)
  .map((entry) => entry.name);
compare(
  'preorder-elements/react components vs tags',
  elements.map((element) => element.className),
  reactValues.filter((name) => !['configure', 'refresh'].includes(name)),
);
for (const element of elements) {
  const component = exported('src/react.ts', element.className);
  const [signature] = component ? checker.getSignaturesOfType(typeOf(component), 0) : [];
  if (!signature) continue;
  const propsType = checker.getTypeOfSymbol(signature.parameters[0]);
  compare(
    `<${element.className}> props vs <${element.tag}>`,
    [...props(element), ...reactProps(element)],
    ownProperties(propsType),
  );
}

// The event props @lit/react maps at run time (the createComponent calls).
const mapped = new Map();
source('src/generated/react.ts').forEachChild(function visit(node) {
  if (ts.isCallExpression(node) && node.expression.getText() === 'createComponent') {
    const options = node.arguments[0];
    const option = (name) =>
      options.properties.find((p) => p.name?.getText() === name)?.initializer;
    const events = option('events')?.properties ?? [];
    mapped.set(
      option('tagName')?.text,
      events.map(
        (p) => `${p.name.getText()}=${p.initializer.expression?.text ?? p.initializer.text}`,
      ),
    );
  }
  node.forEachChild(visit);
});
compare('createComponent tagNames vs tags', tags, [...mapped.keys()]);
for (const element of elements)
  if (mapped.has(element.tag))
    compare(
      `createComponent <${element.tag}> events`,
      element.events.map((event) => `${event.reactProp}=${event.name}`),
      mapped.get(element.tag),
    );

// preorder-elements/react-jsx: JSX.IntrinsicElements of module 'react', as augmented.
const jsxFile = source('src/generated/react-jsx.ts');
const react = checker.getSymbolAtLocation(
  jsxFile.statements.find(ts.isImportDeclaration).moduleSpecifier,
);
const namespace = checker.getExportsOfModule(react).find((symbol) => symbol.name === 'JSX');
const intrinsic = checker.getExportsOfModule(namespace).find((s) => s.name === 'IntrinsicElements');
const customTags = checker
  .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(intrinsic))
  .filter((symbol) => symbol.name.includes('-') && ours(symbol));
compare(
  'JSX.IntrinsicElements vs tags',
  tags,
  customTags.map((symbol) => symbol.name),
);
for (const symbol of customTags) {
  const element = byTag.get(symbol.name);
  if (element)
    compare(
      `JSX <${element.tag}>`,
      [
        ...props(element),
        ...element.attributes.map((attribute) => attribute.name),
        ...element.events.map((event) => `on${event.name}`),
      ],
      ownProperties(checker.getTypeOfSymbol(symbol)),
    );
}

// preorder-elements/vue: TAGS (run time) and GlobalComponents (read from the
// declaration: 'vue' itself is not installed here).
compare('vue TAGS vs tags', tags, literals(typeOf(exported('src/vue.ts', 'TAGS'))));
const vueFile = source('src/generated/vue.ts');
const augmentation = vueFile.statements.find(
  (s) => ts.isModuleDeclaration(s) && s.name.text === 'vue',
);
const globals = augmentation?.body.statements.find((s) => s.name?.text === 'GlobalComponents');
const vueTags = (globals?.members ?? []).map((member) => [member.name.text, member.type]);
compare(
  'Vue GlobalComponents vs tags',
  tags,
  vueTags.map(([tag]) => tag),
);
for (const [tag, type] of vueTags) {
  const element = byTag.get(tag);
  if (!element || !ts.isTypeReferenceNode(type) || type.typeArguments?.length !== 2) continue;
  const [instance, vueProps] = type.typeArguments.map((node) => checker.getTypeFromTypeNode(node));
  if (instance.getSymbol()?.name !== element.className)
    problems.push(
      `Vue GlobalComponents['${tag}'] is typed as ${checker.typeToString(instance)}, not ${element.className}`,
    );
  compare(`Vue <${tag}>`, [...props(element), ...reactProps(element)], ownProperties(vueProps));
}

// Each @fires doc names the fields of its event's real detail.
for (const element of elements)
  for (const event of element.events) {
    const detail = exported('src/elements/events.ts', event.detail);
    const documented = documentedDetail(event.description);
    if (!detail)
      problems.push(`<${element.tag}> ${event.name}: no ${event.detail} in src/elements/events.ts`);
    else if (!documented)
      problems.push(`<${element.tag}> ${event.name}: its @fires doc names no \`detail: { ... }\``);
    else
      compare(
        `<${element.tag}> @fires ${event.name} doc vs ${event.detail}`,
        checker.getPropertiesOfType(typeOf(detail)).map((p) => p.name),
        documented,
      );
  }

// Locales: the list, and one catalog file per entry exporting a const of that name.
const locales = literals(typeOf(exported('src/text/locale-list.ts', 'BUILTIN_LOCALES')));
const files = readdirSync(join(root, 'src/text/locales')).filter((f) => f.endsWith('.ts'));
compare(
  'BUILTIN_LOCALES vs src/text/locales/',
  files.map((file) => file.replace(/\.ts$/, '')),
  locales,
);
for (const locale of locales)
  if (files.includes(`${locale}.ts`) && !exported(`src/text/locales/${locale}.ts`, locale))
    problems.push(`src/text/locales/${locale}.ts does not export const ${locale}`);

// Reserved space: one entry per tag.
compare(
  'RESERVED_STYLES (src/elements/reserved-space.ts) vs tags',
  tags,
  ownProperties(typeOf(exported('src/elements/reserved-space.ts', 'RESERVED_STYLES'))),
);

if (problems.length) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log(
  `lists: ${tags.length} tags, their properties and events match ${MANIFEST} in the React, JSX and Vue typings; @fires docs name their details; ${locales.length} locales`,
);
