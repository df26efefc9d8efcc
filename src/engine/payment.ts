/** Payment terms as a shopper-facing message. */
import type { Message, PaymentTerms } from './types.js';

// Rounded to the cent; an amount too large to scale by 100 stays as it is (never Infinity).
const cents = (amount: number) => {
  const rounded = Math.round(amount * 100) / 100;
  return Number.isFinite(rounded) ? rounded : amount;
};

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
      ? { key: 'payDepositAmount', amount: cents(price * (depositPercent / 100)) }
      : { key: 'payDepositPercent', percent: depositPercent };
  }
  return { key: 'payDeposit' };
}
