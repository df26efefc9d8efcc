/** HTML for the emails and the cancel pages: every text escaped, no script, no external asset. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** A whole document in `lang`: a title, and a body already escaped. */
export function htmlDocument(lang: string, title: string, body: string, style = ''): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    style ? `<style>${style}</style>` : '',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}
