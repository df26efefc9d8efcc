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
} as const;
