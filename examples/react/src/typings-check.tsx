/**
 * Not part of the app: compile-time checks of the library's React typings
 * (`npm run typecheck`). Each `@ts-expect-error` line must fail to compile.
 */
import { useRef } from 'react';
import {
  AvailabilityBadge,
  ExpectedDate,
  OrderButton,
  type OrderButtonElement,
} from 'preorder-elements/react';

export function TypingsCheck() {
  const ref = useRef<OrderButtonElement>(null);
  return (
    <>
      {/* The wrappers of preorder-elements/react */}
      <OrderButton
        ref={ref}
        className="product-form__submit"
        sku="LAMP-BLACK"
        quantity={2}
        notifyUrl="/notify"
        fallback="disabled"
        availability={{ sku: 'LAMP-BLACK', onHand: 1 }}
        onOrderButtonClick={(event) => event.detail.lineItem.properties}
        onAvailabilityChange={(event) => event.detail.status}
        onAvailabilityError={(event) => event.detail.error.kind}
      />
      <ExpectedDate
        sku="LAMP-BLACK"
        cutoff="14:00"
        transitDays="2-4"
        onExpectedDateChange={(event) => event.detail.current}
      />
      <AvailabilityBadge skuFrom="input[name=id]" />
      {/* @ts-expect-error quantity is a number */}
      <OrderButton quantity="2" />
      {/* @ts-expect-error fallback is add-to-cart, disabled or hidden */}
      <OrderButton fallback="maybe" />
      {/* @ts-expect-error the detail has no such field */}
      <OrderButton onOrderButtonClick={(event) => event.detail.nope} />
      {/* @ts-expect-error status is the element's state, not a prop */}
      <OrderButton status="preorder" />
      {/* @ts-expect-error cutoff belongs to expected-date */}
      <OrderButton cutoff="14:00" />

      {/* The elements themselves in React 19 (preorder-elements/react-jsx) */}
      <order-button
        sku="LAMP-BLACK"
        quantity={2}
        sku-from="input[name=id]"
        onorder-button-click={(event) => event.detail.lineItem}
      />
      <expected-date
        sku="LAMP-BLACK"
        transit-days="2-4"
        onexpected-date-change={(event) => event.detail.previous}
      />
      <availability-badge sku="LAMP-BLACK" onavailability-change={(e) => e.detail.status} />
      {/* @ts-expect-error quantity is a number */}
      <order-button quantity="2" />
      {/* @ts-expect-error the detail has no such field */}
      <order-button onorder-button-click={(event) => event.detail.nope} />
    </>
  );
}
