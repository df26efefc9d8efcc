/** --smtp-url and its companions, checked with a message naming the option and what it expects. */
import { loadMailLabels } from './labels.js';
import { deriveLinkSecret } from './links.js';
import type { MailOptions } from './setup.js';

type RawOptions = Record<string, string | undefined>;

/** The email options, or undefined without --smtp-url. */
export function mailOptions(raw: RawOptions): MailOptions | undefined {
  const smtpUrl = raw['smtp-url'];
  if (smtpUrl === undefined) return undefined;
  if (!URL.canParse(smtpUrl) || !/^smtps?:$/.test(new URL(smtpUrl).protocol))
    throw new Error(
      `--smtp-url: expected smtp://host:port or smtps://user:password@host:port, got ${JSON.stringify(smtpUrl.replace(/\/\/[^@/]*@/, '//***@'))}`,
    );
  const from = raw['mail-from'];
  if (!from || !/^[^@\s]+@[^@\s]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from))
    throw new Error(
      `--mail-from: required with --smtp-url: expected an address such as shop@example.com or "Shop <shop@example.com>", got ${JSON.stringify(from ?? '')}`,
    );
  const publicUrl = raw['public-url'];
  if (
    publicUrl !== undefined &&
    (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol))
  )
    throw new Error(
      `--public-url: expected an http:// or https:// URL such as https://shop.example.com/preorder, got ${JSON.stringify(publicUrl)}`,
    );
  const adminToken = raw['admin-token'];
  const linkSecret = raw['link-secret'] || (adminToken ? deriveLinkSecret(adminToken) : '');
  if (!linkSecret)
    throw new Error(
      '--link-secret: required with --smtp-url unless --admin-token is set (it signs the cancel links in the emails)',
    );
  if (raw['link-secret'] !== undefined && raw['link-secret'].length < 16)
    throw new Error('--link-secret: expected at least 16 characters (it signs the cancel links)');
  const labelsFile = raw['mail-labels'];
  return {
    smtpUrl,
    from,
    publicUrl,
    linkSecret,
    labels: labelsFile ? loadMailLabels(labelsFile) : undefined,
  };
}
