// `npm run manifest`: custom-elements.json from the elements' JSDoc, described
// as the package ships it (dist/*.js modules, real tag definitions). The tags
// come from the declarations' @tagname; `npm run check:lists` checks them
// against the ELEMENTS map that defineElements() registers.

const dist = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

/**
 * Lit's `name: { state: true }` properties are internal: read from the
 * class's own `static properties` object (the analyzer's parse of it), and
 * dropped before the members are inherited.
 */
function withoutInternalState() {
  return {
    name: 'preorder-elements-without-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      const properties = node.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword),
      )?.initializer;
      if (!properties || !ts.isObjectLiteralExpression(properties)) return;
      const state = new Set(
        properties.properties
          .filter(
            (property) =>
              ts.isPropertyAssignment(property) &&
              ts.isObjectLiteralExpression(property.initializer) &&
              property.initializer.properties.some(
                (option) =>
                  ts.isPropertyAssignment(option) &&
                  option.name.getText() === 'state' &&
                  option.initializer.kind === ts.SyntaxKind.TrueKeyword,
              ),
          )
          .map((property) => property.name.getText()),
      );
      declaration.attributes &&= declaration.attributes.filter((a) => !state.has(a.fieldName));
      declaration.members &&= declaration.members.filter((m) => !state.has(m.name));
    },
  };
}

/** Module paths of the shipped files; one definition per tagged class, on define.js. */
function asShipped() {
  return {
    name: 'preorder-elements-as-shipped',
    packageLinkPhase({ customElementsManifest }) {
      const definitions = [];
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
          if (declaration.tagName)
            definitions.push({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: module.path },
            });
        }
        module.exports = (module.exports ?? []).filter(
          (entry) => entry.kind !== 'custom-element-definition',
        );
        for (const entry of module.exports)
          entry.declaration.module = dist(entry.declaration.module);
      }
      const define = customElementsManifest.modules.find(
        (module) => module.path === 'dist/elements/define.js',
      );
      if (!define) throw new Error('custom-elements.json: no module for src/elements/define.ts');
      define.exports.push(...definitions);
    },
  };
}

export default {
  globs: ['src/elements/*.ts'],
  // notify-form.ts is a part of <order-button> (its lazy chunk), not an element of its own.
  exclude: [
    'src/elements/*.styles.ts',
    'src/elements/reserved-space.ts',
    'src/elements/notify-form.ts',
  ],
  litelement: true,
  plugins: [withoutInternalState(), asShipped()],
};
