/**
 * The strings of `<order-button>`'s "notify me" form, in the five locales.
 * Kept beside the element catalogs rather than in them: only the form's lazy
 * chunk imports them, so a page without the form never loads them (the
 * script bundle's English catalog stays as it is). `labels` override them
 * by the same keys.
 */
import type { BuiltinLocale } from './locale-list.js';

export interface NotifyFormStrings {
  notifyFormLabel: string;
  notifyFormSubmit: string;
  notifyFormSending: string;
  notifyFormSent: string;
  notifyFormInvalid: string;
  notifyFormLimited: string;
  notifyFormFailed: string;
}

export const NOTIFY_FORM_TEXT: Record<BuiltinLocale, NotifyFormStrings> = {
  en: {
    notifyFormLabel: 'Email me when it can be ordered',
    notifyFormSubmit: 'Notify me',
    notifyFormSending: 'Sending…',
    notifyFormSent: 'Almost done: check your inbox and confirm the link we sent you.',
    notifyFormInvalid: 'Enter an email address, such as name@example.com.',
    notifyFormLimited: 'Too many sign-ups just now. Please try again later.',
    notifyFormFailed: 'That did not work. Please try again.',
  },
  de: {
    notifyFormLabel: 'Per E-Mail benachrichtigen, sobald bestellbar',
    notifyFormSubmit: 'Benachrichtigen',
    notifyFormSending: 'Wird gesendet…',
    notifyFormSent:
      'Fast geschafft: Bitte bestätigen Sie den Link in der E-Mail, die wir Ihnen gesendet haben.',
    notifyFormInvalid: 'Geben Sie eine E-Mail-Adresse ein, z. B. name@example.com.',
    notifyFormLimited: 'Gerade zu viele Anmeldungen. Bitte versuchen Sie es später erneut.',
    notifyFormFailed: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
  },
  fr: {
    notifyFormLabel: 'Me prévenir par e-mail quand il pourra être commandé',
    notifyFormSubmit: 'Me prévenir',
    notifyFormSending: 'Envoi…',
    notifyFormSent: 'Presque fini : confirmez le lien de l’e-mail que nous venons de vous envoyer.',
    notifyFormInvalid: 'Saisissez une adresse e-mail, par exemple nom@example.com.',
    notifyFormLimited: 'Trop d’inscriptions pour le moment. Réessayez plus tard.',
    notifyFormFailed: 'Cela n’a pas fonctionné. Veuillez réessayer.',
  },
  es: {
    notifyFormLabel: 'Avisarme por correo cuando se pueda pedir',
    notifyFormSubmit: 'Avisarme',
    notifyFormSending: 'Enviando…',
    notifyFormSent: 'Casi listo: confirme el enlace del correo que le hemos enviado.',
    notifyFormInvalid: 'Escriba una dirección de correo, como nombre@example.com.',
    notifyFormLimited: 'Demasiadas solicitudes ahora mismo. Inténtelo más tarde.',
    notifyFormFailed: 'No ha funcionado. Inténtelo de nuevo.',
  },
  ja: {
    notifyFormLabel: 'ご注文受付開始をメールでお知らせ',
    notifyFormSubmit: 'お知らせを受け取る',
    notifyFormSending: '送信中…',
    notifyFormSent: 'あと少しです。お送りしたメールのリンクを開いて確認してください。',
    notifyFormInvalid: 'メールアドレスを入力してください（例：name@example.com）。',
    notifyFormLimited: 'ただいまお申し込みが集中しています。しばらくしてからお試しください。',
    notifyFormFailed: 'うまくいきませんでした。もう一度お試しください。',
  },
};

/** The strings for a locale tag: its language's, else English; a merchant's `labels` for that language win. */
export function notifyFormText(
  tag: string,
  labels?: Record<string, Partial<Record<string, string>>>,
): NotifyFormStrings {
  const lang = tag.split('-')[0]?.toLowerCase() as BuiltinLocale;
  const base = NOTIFY_FORM_TEXT[lang] ?? NOTIFY_FORM_TEXT.en;
  const own = labels?.[tag] ?? labels?.[lang] ?? {};
  const pick = (key: keyof NotifyFormStrings) =>
    typeof own[key] === 'string' ? own[key] : base[key];
  return Object.fromEntries(
    (Object.keys(base) as (keyof NotifyFormStrings)[]).map((key) => [key, pick(key)]),
  ) as unknown as NotifyFormStrings;
}
