/**
 * The one cache of Intl objects (formatters, plural rules) for the engine and
 * the text layer: their constructors are slow, so one instance per kind,
 * locale and options.
 */
const made = new Map<string, unknown>();

/** The Intl object of a kind for a locale and options, made once; throws as its constructor does. */
export function intl<O, T>(
  Kind: new (locale: string, options: O) => T,
  locale: string,
  options: O,
): T {
  const key = Kind.name + locale + JSON.stringify(options);
  let value = made.get(key) as T | undefined;
  if (value === undefined) {
    // Bounded: a page uses a handful of locales and zones; garbage in must not grow it forever.
    if (made.size > 200) made.clear();
    made.set(key, (value = new Kind(locale, options)));
  }
  return value;
}
