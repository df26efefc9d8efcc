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

  mailNotifyConfirmSubject: 'ご確認ください：{product} のご注文受付開始をお知らせします',
  mailNotifyConfirmIntro:
    '{product} のご注文受付が始まったらメールでお知らせするよう承りました。このメールアドレスでよろしいか、ご確認ください：',
  mailNotifyConfirmLink: 'メールアドレスを確認する',
  mailNotifyIgnore:
    'お心当たりがない場合は、このメールを無視してください。これ以上お送りしません。',
  mailNotifyAvailableSubject: '{product} のご注文を受け付けています',
  mailNotifyAvailableBody:
    'お待たせしました。{product} のご注文受付を開始しました。お知らせはこの1通のみで、今後この件でメールをお送りすることはありません。',
  mailNotifyUnsubscribe: '配信を停止する',
  pageNotifyConfirmTitle: 'メールアドレスを確認しますか？',
  pageNotifyConfirmSummary:
    '{product} のご注文受付が始まったら、{email} に一度だけお知らせします。',
  pageNotifyConfirmButton: '確認する',
  pageNotifyConfirmedTitle: '確認しました',
  pageNotifyConfirmedBody: '{product} のご注文受付が始まったら、一度だけお知らせします。',
  pageNotifyUnsubscribeTitle: '配信を停止しますか？',
  pageNotifyUnsubscribeSummary: '{email} には {product} についてのメールをお送りしません。',
  pageNotifyUnsubscribeButton: '配信を停止する',
  pageNotifyUnsubscribedTitle: '配信を停止しました',
  pageNotifyUnsubscribedBody: '{product} についてのメールはお送りしません。',
  pageNotifyAlreadyTitle: '変更はありません',
  pageNotifyAlreadyBody: 'このリンクはすでに使用されています。ほかの変更はありません。',
};
