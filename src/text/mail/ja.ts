/** 日本語のメール文言（キーとパラメータは en.ts と同じ）。 */
import type { MailCatalog } from './keys.js';

export const mailJa: MailCatalog = {
  mailMovedSubject: '{product}の発送予定日が変わりました（ご注文 {orderId}）',
  mailGreeting: 'こんにちは。',
  mailMovedIntro: 'ご注文 {orderId} の{product}の発送予定日が変更になりました。',
  mailCancelOffer:
    'お待ちいただけない場合は、この商品をキャンセルできます。ご注文のほかの商品はそのままです。',
  mailCancelLink: 'この商品をキャンセル',
  mailSignoff: 'ご不便をおかけして申し訳ありません。',

  pageCancelTitle: '{product}をキャンセルしますか？',
  pageCancelSummary: 'ご注文 {orderId}：{product} {count} 点をキャンセルします。',
  pageCancelConfirm: 'この商品をキャンセル',
  pageCancelledTitle: 'キャンセルしました',
  pageCancelledBody: 'ご注文 {orderId} の{product}をキャンセルしました。',
  pageAlreadyTitle: 'すでにキャンセル済みです',
  pageAlreadyBody:
    'ご注文 {orderId} のこの商品はすでにキャンセルされています。ほかの変更はありません。',
  pageInvalidTitle: 'このリンクは無効です',
  pageInvalidBody: 'メールに記載されたリンクをそのまま開いてください。',
};
