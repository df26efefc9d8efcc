// The elements as custom-elements.json describes them, in the shape the
// generators and `npm run check:lists` share: tags, classes, the properties
// (with an attribute, so settable from HTML and frameworks), the attributes
// spelled otherwise than their property, and the events with their detail type.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const MANIFEST = 'custom-elements.json';

/** `availability-change` -> `AvailabilityChange`. */
export const pascal = (name) =>
  name.replace(/(^|-)([a-z])/g, (_, _dash, letter) => letter.toUpperCase());

/** The `detail: { a, b }` field list a @fires description names, or null. */
export function documentedDetail(description = '') {
  const match = /`detail: \{([^}]*)\}`/.exec(description);
  return match
    ? match[1]
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    : null;
}

const isInput = (member) =>
  member.kind === 'field' &&
  !member.static &&
  !member.readonly &&
  (member.privacy ?? 'public') === 'public' &&
  Boolean(member.attribute);

function eventOf(tag, event) {
  const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
  if (!detail)
    throw new Error(
      `${MANIFEST}: <${tag}> event "${event.name}": expected a type CustomEvent<SomeDetail> ` +
        `(write @fires {CustomEvent<SomeDetail>} ${event.name} - ...), got "${event.type?.text ?? 'none'}"`,
    );
  return {
    name: event.name,
    detail,
    description: event.description ?? '',
    reactProp: `on${pascal(event.name)}`,
  };
}

/**
 * Reads the manifest. Each element: { tag, className, base, summary,
 * properties: [{ name, inherited }], attributes: [{ name, property }],
 * events: [{ name, detail, description, reactProp }] }; each base class the
 * elements share: { className, properties, events } (the events all its
 * elements fire).
 */
export function readManifest(path = join(root, MANIFEST)) {
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`npm run manifest\` (or \`npm run build\`) first`);
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const elements = declarations
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => {
      const tag = declaration.tagName;
      const base = declaration.superclass?.name;
      const inputs = (declaration.members ?? []).filter(isInput);
      return {
        tag,
        className: declaration.name,
        base: declarations.some((d) => d.name === base && d.kind === 'class') ? base : null,
        summary: (declaration.summary ?? '').replace(/\s+/g, ' ').trim(),
        properties: inputs.map((member) => ({
          name: member.name,
          inherited: member.inheritedFrom?.name === base,
        })),
        // Only attributes spelled otherwise than their property; those with no
        // property at all (`status`, `loading`) are set by the element, not read.
        attributes: (declaration.attributes ?? [])
          .filter((attribute) => attribute.fieldName && attribute.name !== attribute.fieldName)
          .map((attribute) => ({ name: attribute.name, property: attribute.fieldName })),
        events: (declaration.events ?? []).map((event) => eventOf(tag, event)),
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const bases = [...new Set(elements.map((element) => element.base).filter(Boolean))].map(
    (className) => {
      const own = elements.filter((element) => element.base === className);
      const properties = own[0].properties.filter((p) => p.inherited).map((p) => p.name);
      const events = own[0].events.filter((event) =>
        own.every((element) => element.events.some((e) => e.name === event.name)),
      );
      return { className, properties, events };
    },
  );
  return { elements, bases };
}
