/**
 * --mail-labels: a JSON file of the merchant's own words for the emails and
 * the cancel pages, as `labels` are for the elements: `{ "de": {
 * "mailMovedSubject": "...", "moved": "..." } }`, keyed by a language or a
 * full tag, then by a mail key or an element key (the date line is the
 * element string `moved`). Checked at start, each problem named.
 */
import { readFileSync } from 'node:fs';
import { CATALOGS, MAIL_KEYS, type MailLabels } from 'preorder-elements/text';

const KNOWN = new Set<string>([...MAIL_KEYS, ...Object.keys(CATALOGS.en)]);

const isTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** The overrides in `json` (the file's text); throws a message naming the file and the entry. */
export function parseMailLabels(json: string, file: string): MailLabels {
  const fail = (what: string) => new Error(`--mail-labels: ${file}: ${what}`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw fail(`not JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw fail('expected an object keyed by locale, such as { "de": { "mailCancelLink": "..." } }');
  for (const [locale, strings] of Object.entries(value)) {
    if (!isTag(locale))
      throw fail(`${JSON.stringify(locale)} is not a locale tag such as de or de-AT`);
    if (!strings || typeof strings !== 'object' || Array.isArray(strings))
      throw fail(`"${locale}": expected an object of strings by key`);
    for (const [key, text] of Object.entries(strings)) {
      if (!KNOWN.has(key))
        throw fail(
          `"${locale}.${key}" is no string of the emails or pages; expected one of ${MAIL_KEYS.join(', ')} (or an element string such as moved)`,
        );
      if (typeof text !== 'string') throw fail(`"${locale}.${key}": expected a string`);
    }
  }
  return value as MailLabels;
}

export function loadMailLabels(file: string): MailLabels {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `--mail-labels: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return parseMailLabels(json, file);
}
