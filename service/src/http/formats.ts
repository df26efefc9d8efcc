/** The string formats of the schemas, checked by the engine's own date rules (no 30 February). */
import { isCalendarDay, normalizeIsoDate } from 'preorder-elements/engine';

interface FormatRegistry {
  addFormat(
    name: string,
    format: { type: 'string'; validate: (value: string) => boolean },
  ): unknown;
}

/** What each format expects, as an error message says it. */
export const FORMAT_EXPECTED: Record<string, string> = {
  date: 'a real calendar day, YYYY-MM-DD',
  'date-time': 'an ISO 8601 date-time with its offset (2027-03-12T09:00:00Z)',
  'iso-date': 'a real calendar day (YYYY-MM-DD) or an ISO 8601 date-time with its offset',
  email: 'an email address',
};

/** An ajv plugin: replaces ajv-formats' `date` and `date-time` with the engine's checks. */
export function addFormats(ajv: FormatRegistry): FormatRegistry {
  ajv.addFormat('date', { type: 'string', validate: isCalendarDay });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value) => value.includes('T') && (normalizeIsoDate(value)?.length ?? 0) > 10,
  });
  ajv.addFormat('iso-date', {
    type: 'string',
    validate: (value) => normalizeIsoDate(value) !== null,
  });
  return ajv;
}
