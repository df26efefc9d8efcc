// `npm run manifest`: custom-elements.json from the elements' JSDoc, described
// as the package ships it (dist/*.js modules, real tag definitions).
import { readdirSync, readFileSync } from 'node:fs';

const dist = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

// The tags defineElements() registers, read from its source rather than listed twice.
const TAGS = [
  ...readFileSync('src/elements/define.ts', 'utf8').matchAll(/'([a-z]+-[a-z-]+)': (\w+),/g),
];

// Reactive state declared as `name: { state: true }` in an element's static properties.
const STATE = new Set(
  readdirSync('src/elements')
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [
      ...readFileSync(`src/elements/${file}`, 'utf8').matchAll(/(\w+): \{ state: true \}/g),
    ])
    .map((match) => match[1]),
);

/** Module paths of the shipped files; definitions for the real tags; no attribute for internal state. */
function asShipped() {
  return {
    name: 'preorder-elements-as-shipped',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = dist(module.path);
        for (const declaration of module.declarations ?? []) {
          if (declaration.superclass?.module)
            declaration.superclass.module = dist(declaration.superclass.module);
          for (const item of [
            ...(declaration.members ?? []),
            ...(declaration.attributes ?? []),
            ...(declaration.events ?? []),
          ])
            if (item.inheritedFrom?.module)
              item.inheritedFrom.module = dist(item.inheritedFrom.module);
          // Lit's `state: true` properties are internal: no attribute, no public member.
          declaration.attributes &&= declaration.attributes.filter((a) => !STATE.has(a.fieldName));
          declaration.members &&= declaration.members.filter((m) => !STATE.has(m.name));
        }
        module.exports = (module.exports ?? []).filter(
          (entry) => entry.kind !== 'custom-element-definition',
        );
        for (const entry of module.exports)
          entry.declaration.module = dist(entry.declaration.module);
        if (module.path === 'dist/elements/define.js')
          for (const [, tag, className] of TAGS) {
            module.exports.push({
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: className, module: `dist/elements/${tag}.js` },
            });
          }
      }
    },
  };
}

export default {
  globs: ['src/elements/*.ts'],
  exclude: ['src/elements/*.styles.ts'],
  litelement: true,
  plugins: [asShipped()],
};
