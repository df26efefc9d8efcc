/**
 * English mail strings, the reference catalog: its keys are the key set every
 * locale has. Templates as in the element catalogs (`{name}`, `{n, plural,
 * ...}`); parameters listed beside each. The date line itself is the element
 * catalog's `moved` ("Now expected ... (was ...)"), the product page's words.
 */
export const mailEn = {
  // The delay notice (promise.changed). {product}: the product title; {orderId}.
  mailMovedSubject: 'New expected date for {product} (order {orderId})',
  mailGreeting: 'Hello,',
  mailMovedIntro: 'The expected date of {product} in your order {orderId} has changed:',
  mailCancelOffer:
    'If you would rather not wait, you can cancel this item. The rest of your order stays as it is.',
  mailCancelLink: 'Cancel this line',
  mailSignoff: 'Thank you for your patience.',

  // The cancel page. {product}, {orderId}; {count}: units not yet shipped.
  pageCancelTitle: 'Cancel {product}?',
  pageCancelSummary:
    'Order {orderId}: {count, plural, one {# unit} other {# units}} of {product} will be cancelled.',
  pageCancelConfirm: 'Cancel this line',
  pageCancelledTitle: 'Cancelled',
  pageCancelledBody: '{product} in order {orderId} is cancelled.',
  pageAlreadyTitle: 'Already cancelled',
  pageAlreadyBody: 'This line of order {orderId} was already cancelled. Nothing else was changed.',
  pageInvalidTitle: 'This link is not valid',
  pageInvalidBody: 'Please open the link exactly as it is in your email.',

  // "Notify me" (service/src/mail/notify-*.ts). {product}: the product title; {email}: the address.
  mailNotifyConfirmSubject: 'Please confirm: email me when {product} can be ordered',
  mailNotifyConfirmIntro:
    'You asked to be told by email when {product} can be ordered. Please confirm that this is your address:',
  mailNotifyConfirmLink: 'Confirm my address',
  mailNotifyIgnore: 'If you did not ask for this, ignore this email: nothing more will be sent.',
  mailNotifyAvailableSubject: '{product} can now be ordered',
  mailNotifyAvailableBody:
    'Good news: {product} can now be ordered. This is the one email you asked for; we will not write about it again.',
  mailNotifyUnsubscribe: 'Unsubscribe',
  pageNotifyConfirmTitle: 'Confirm your email address?',
  pageNotifyConfirmSummary: 'We will email {email} once, when {product} can be ordered.',
  pageNotifyConfirmButton: 'Confirm',
  pageNotifyConfirmedTitle: 'Confirmed',
  pageNotifyConfirmedBody: 'We will email you once, when {product} can be ordered.',
  pageNotifyUnsubscribeTitle: 'Unsubscribe?',
  pageNotifyUnsubscribeSummary: '{email} will not be emailed about {product}.',
  pageNotifyUnsubscribeButton: 'Unsubscribe',
  pageNotifyUnsubscribedTitle: 'Unsubscribed',
  pageNotifyUnsubscribedBody: 'You will get no email about {product}.',
  pageNotifyAlreadyTitle: 'Nothing to change',
  pageNotifyAlreadyBody: 'This link was already used. Nothing else was changed.',
} as const;
