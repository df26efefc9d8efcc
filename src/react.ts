/**
 * `preorder-elements/react`: React components for the three elements, made
 * with @lit/react, with typed props and typed event props. Importing it
 * registers the elements (once: another copy already on the page, such as the
 * script tag, is fine).
 *
 *   import { OrderButton } from 'preorder-elements/react';
 *   <OrderButton sku={sku} onOrderButtonClick={(e) => addToCart(e.detail.lineItem)} />
 *
 * `configure` and `refresh` are re-exported for convenience. Marked as a
 * client module: React Server Components render the wrappers as client
 * components (they need refs and effects).
 */
'use client';

import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  AvailabilityBadge as AvailabilityBadgeElement,
  ExpectedDate as ExpectedDateElement,
  OrderButton as OrderButtonElement,
  defineElements,
  type AvailabilityChangeDetail,
  type AvailabilityErrorDetail,
  type ExpectedDateChangeDetail,
  type OrderButtonClickDetail,
} from './elements.js';
import type {
  AvailabilityBadgeOwnProps,
  ExpectedDateOwnProps,
  OrderButtonOwnProps,
} from './react-jsx.js';

export type {
  AvailabilityElementProps,
  AvailabilityInput,
  AvailabilityBadgeOwnProps,
  ExpectedDateOwnProps,
  OrderButtonOwnProps,
} from './react-jsx.js';
export type { OrderButtonElement, ExpectedDateElement, AvailabilityBadgeElement };
export type {
  AvailabilityChangeDetail,
  AvailabilityErrorDetail,
  ExpectedDateChangeDetail,
  LineItem,
  OrderButtonClickDetail,
  PreorderOptions,
} from './elements.js';
export { configure, refresh } from './elements.js';

defineElements();

/** Event props of every element. */
export interface AvailabilityEventProps {
  onAvailabilityChange?: (event: CustomEvent<AvailabilityChangeDetail>) => void;
  onAvailabilityError?: (event: CustomEvent<AvailabilityErrorDetail>) => void;
}

type HostProps<E extends HTMLElement, Own> = Omit<
  React.HTMLAttributes<E>,
  keyof Own | keyof AvailabilityEventProps
> &
  Own &
  AvailabilityEventProps &
  React.RefAttributes<E>;

export type OrderButtonProps = HostProps<OrderButtonElement, OrderButtonOwnProps> & {
  /** The shopper activates the button; cancel the event to run your own cart code. */
  onOrderButtonClick?: (event: CustomEvent<OrderButtonClickDetail>) => void;
};

export type ExpectedDateProps = HostProps<ExpectedDateElement, ExpectedDateOwnProps> & {
  /** The promised date moved. */
  onExpectedDateChange?: (event: CustomEvent<ExpectedDateChangeDetail>) => void;
};

export type AvailabilityBadgeProps = HostProps<AvailabilityBadgeElement, AvailabilityBadgeOwnProps>;

const availabilityEvents = {
  onAvailabilityChange: 'availability-change' as EventName<CustomEvent<AvailabilityChangeDetail>>,
  onAvailabilityError: 'availability-error' as EventName<CustomEvent<AvailabilityErrorDetail>>,
};

/**
 * The class registered under `tag`: ours, or that of another copy of the
 * library loaded first. @lit/react reads its prototype to tell properties from
 * attributes.
 */
function registered<E extends HTMLElement>(tag: string, ours: new () => E): new () => E {
  const defined = typeof customElements === 'undefined' ? undefined : customElements.get(tag);
  return (defined as (new () => E) | undefined) ?? ours;
}

export const OrderButton = createComponent({
  react: React,
  tagName: 'order-button',
  elementClass: registered('order-button', OrderButtonElement),
  events: {
    ...availabilityEvents,
    onOrderButtonClick: 'order-button-click' as EventName<CustomEvent<OrderButtonClickDetail>>,
  },
  displayName: 'OrderButton',
}) as unknown as React.ForwardRefExoticComponent<OrderButtonProps>;

export const ExpectedDate = createComponent({
  react: React,
  tagName: 'expected-date',
  elementClass: registered('expected-date', ExpectedDateElement),
  events: {
    ...availabilityEvents,
    onExpectedDateChange: 'expected-date-change' as EventName<
      CustomEvent<ExpectedDateChangeDetail>
    >,
  },
  displayName: 'ExpectedDate',
}) as unknown as React.ForwardRefExoticComponent<ExpectedDateProps>;

export const AvailabilityBadge = createComponent({
  react: React,
  tagName: 'availability-badge',
  elementClass: registered('availability-badge', AvailabilityBadgeElement),
  events: availabilityEvents,
  displayName: 'AvailabilityBadge',
}) as unknown as React.ForwardRefExoticComponent<AvailabilityBadgeProps>;
