/**
 * English mail strings, the reference catalog. Templates as in the element
 * catalogs (`{name}`, `{n, plural, ...}`); parameters listed beside each.
 */
export const mailEn = {
  // The delay notice (promise.changed). {product}: the product title; {orderId}.
  mailMovedSubject: 'New expected date for {product} (order {orderId})',
  mailGreeting: 'Hello,',
  mailMovedIntro: 'The expected date of {product} in your order {orderId} has changed:',
  mailCancelOffer:
    'If you would rather not wait, you can cancel this item of your order. The rest of your order stays as it is.',
  mailCancelLink: 'Cancel this line',
  mailSignoff: 'Thank you for your patience.',
} as const;
