// The project's own TypeScript program, for reading exported types the way a
// user's compiler sees them (`npm run check:lists`).
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './manifest.mjs';

export function openProgram(files) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram(
    files.map((file) => join(root, file)),
    config.options,
  );
  const checker = program.getTypeChecker();
  const source = (file) => program.getSourceFile(join(root, file));
  const ours = (symbol) =>
    (symbol.declarations ?? []).some((d) => !d.getSourceFile().fileName.includes('node_modules'));

  const resolve = (symbol) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

  const typeOnly = (symbol) =>
    (symbol.declarations ?? []).some(
      (d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly),
    );

  /** A module's exports, re-exports resolved to what they name; `value` unless type-only. */
  const exportsOf = (file) =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(source(file))).map((symbol) => {
      const resolved = resolve(symbol);
      const value = !typeOnly(symbol) && Boolean(resolved.flags & ts.SymbolFlags.Value);
      return { name: symbol.name, symbol: resolved, value };
    });

  /** The named export of a module, or undefined. */
  const exported = (file, name) => exportsOf(file).find((entry) => entry.name === name)?.symbol;

  /** The type a name stands for: a type alias or interface, else the value's type. */
  function typeOf(symbol) {
    return symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)
      ? checker.getDeclaredTypeOfSymbol(symbol)
      : checker.getTypeOfSymbol(symbol);
  }

  /** Property names of a type declared in this project (not React's or the DOM's). */
  const ownProperties = (type) =>
    checker
      .getPropertiesOfType(type)
      .filter(ours)
      .map((p) => p.name);

  /** The element types of a readonly tuple of string literals (`as const`). */
  const literals = (type) =>
    (checker.isTupleType(type) ? checker.getTypeArguments(type) : []).map((t) => t.value);

  return { checker, source, ours, exportsOf, exported, typeOf, ownProperties, literals, ts };
}

/** The sorted difference both ways, as "missing a, b; extra c" (empty when equal). */
export function difference(expected, actual) {
  const missing = [...new Set(expected)].filter((name) => !actual.includes(name)).sort();
  const extra = [...new Set(actual)].filter((name) => !expected.includes(name)).sort();
  return [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `extra ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
