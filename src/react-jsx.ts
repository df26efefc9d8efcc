/**
 * `preorder-elements/react-jsx`: JSX typings for using the elements directly
 * in React 19, which sets properties and adds listeners for custom events on
 * custom elements itself:
 *
 *   import type {} from 'preorder-elements/react-jsx';
 *   <order-button sku="TEE-RED-M" onorder-button-click={(e) => e.detail.lineItem} />
 *
 * Types only (no runtime code); register the elements yourself
 * (`import 'preorder-elements'`). The prop types here are shared with the
 * wrappers of `preorder-elements/react`.
 */
import type * as React from 'react';
import type {
  AvailabilityBadge,
  AvailabilityChangeDetail,
  AvailabilityElement,
  AvailabilityErrorDetail,
  AvailabilityRecord,
  ExpectedDate,
  ExpectedDateChangeDetail,
  OrderButton,
  OrderButtonClickDetail,
} from './elements.js';

type Props<E, K extends keyof E> = { [P in K]?: E[P] };

/** The record given inline: an object, or its JSON. No request is made. */
export type AvailabilityInput = AvailabilityRecord | string;

/** Properties every element takes (set as DOM properties). */
export type AvailabilityElementProps = Props<
  AvailabilityElement,
  'sku' | 'quantity' | 'endpoint' | 'locale' | 'timeZone' | 'skuFrom' | 'quantityFrom'
> & {
  /** The record inline (an object, or its JSON): no request is made. */
  availability?: AvailabilityInput | null;
};

export type OrderButtonOwnProps = AvailabilityElementProps &
  Props<OrderButton, 'notifyUrl' | 'fieldName' | 'dateFieldName' | 'fallback'>;

export type ExpectedDateOwnProps = AvailabilityElementProps &
  Props<ExpectedDate, 'cutoff' | 'transitDays'>;

export type AvailabilityBadgeOwnProps = AvailabilityElementProps;

/** The same options as HTML attributes (kebab case), for those who prefer them. */
interface AvailabilityElementAttributes {
  'sku-from'?: string;
  'quantity-from'?: string;
  'time-zone'?: string;
}

/** React 19 adds `on<event-name>` props on custom elements as listeners, name as is. */
interface AvailabilityListeners {
  'onavailability-change'?: (event: CustomEvent<AvailabilityChangeDetail>) => void;
  'onavailability-error'?: (event: CustomEvent<AvailabilityErrorDetail>) => void;
}

type Intrinsic<E extends HTMLElement> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> &
  AvailabilityElementAttributes &
  AvailabilityListeners;

export type OrderButtonJSXProps = Intrinsic<OrderButton> &
  OrderButtonOwnProps & {
    'notify-url'?: string;
    'field-name'?: string;
    'date-field-name'?: string;
    'onorder-button-click'?: (event: CustomEvent<OrderButtonClickDetail>) => void;
  };

export type ExpectedDateJSXProps = Intrinsic<ExpectedDate> &
  ExpectedDateOwnProps & {
    'transit-days'?: string;
    'onexpected-date-change'?: (event: CustomEvent<ExpectedDateChangeDetail>) => void;
  };

export type AvailabilityBadgeJSXProps = Intrinsic<AvailabilityBadge> & AvailabilityBadgeOwnProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'order-button': OrderButtonJSXProps;
      'expected-date': ExpectedDateJSXProps;
      'availability-badge': AvailabilityBadgeJSXProps;
    }
  }
}
