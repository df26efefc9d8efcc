/** Payment terms as a shopper-facing message. */
import type { Message, PaymentTerms } from './types.js';

const cents = (amount: number) => Math.round(amount * 100) / 100;

export function paymentMessage(terms: PaymentTerms | undefined): Message | null {
  if (!terms) return null;
  if (terms.mode === 'full') return { key: 'payInFull' };
  if (terms.mode === 'on_ship') return { key: 'payOnShip' };
  const { depositAmount, depositPercent, price } = terms;
  // A fixed deposit can never exceed the price itself.
  if (depositAmount !== undefined) {
    const amount = price !== undefined ? Math.min(depositAmount, price) : depositAmount;
    return { key: 'payDepositAmount', amount: cents(amount) };
  }
  if (depositPercent !== undefined) {
    return price !== undefined
      ? { key: 'payDepositAmount', amount: cents((price * depositPercent) / 100) }
      : { key: 'payDepositPercent', percent: depositPercent };
  }
  return { key: 'payDeposit' };
}
