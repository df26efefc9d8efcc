/**
 * `preorder-elements/vue`: template typings for Vue 3 (props, and `@event`
 * handlers with typed `detail`, checked by vue-tsc / Vue - Official), plus the
 * tag list for the compiler's `isCustomElement`:
 *
 *   // vite.config.ts
 *   import { isCustomElement } from 'preorder-elements/vue';
 *   vue({ template: { compilerOptions: { isCustomElement } } });
 *
 *   // env.d.ts (or any module of the app)
 *   import type {} from 'preorder-elements/vue';
 *
 * It registers nothing: `import 'preorder-elements'` does. It imports nothing
 * at run time either, so a Vite config running in Node may load it.
 */
// vue is the app's: it is not installed in this repository, so these two
// references do not resolve here (they are checked in examples/vue).
// @ts-expect-error -- 'vue' resolves in the app that uses these typings
import type { HTMLAttributes, ReservedProps } from 'vue';
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

/** The tags the library defines. */
export const TAGS = ['order-button', 'expected-date', 'availability-badge'] as const;

/** For Vue's `compilerOptions.isCustomElement`: true for the library's tags. */
export const isCustomElement = (tag: string): boolean => (TAGS as readonly string[]).includes(tag);

type Props<E, K extends keyof E> = { [P in K]?: E[P] };

/** Props of every element (kebab case works too: `sku-from`, `time-zone`). */
export type AvailabilityElementVueProps = Props<
  AvailabilityElement,
  'sku' | 'quantity' | 'endpoint' | 'locale' | 'timeZone' | 'skuFrom' | 'quantityFrom'
> & {
  /** The record inline (an object, or its JSON): no request is made. */
  availability?: AvailabilityRecord | string | null;
  /** `@availability-change` */
  onAvailabilityChange?: (event: CustomEvent<AvailabilityChangeDetail>) => void;
  /** `@availability-error` */
  onAvailabilityError?: (event: CustomEvent<AvailabilityErrorDetail>) => void;
};

export type OrderButtonVueProps = AvailabilityElementVueProps &
  Props<OrderButton, 'notifyUrl' | 'fieldName' | 'dateFieldName' | 'fallback'> & {
    /** `@order-button-click`: cancel it (`event.preventDefault()`) to run your own cart code. */
    onOrderButtonClick?: (event: CustomEvent<OrderButtonClickDetail>) => void;
  };

export type ExpectedDateVueProps = AvailabilityElementVueProps &
  Props<ExpectedDate, 'cutoff' | 'transitDays'> & {
    /** `@expected-date-change` */
    onExpectedDateChange?: (event: CustomEvent<ExpectedDateChangeDetail>) => void;
  };

export type AvailabilityBadgeVueProps = AvailabilityElementVueProps;

/**
 * A custom element as Vue's tooling sees a component: the element instance
 * (template refs) plus `$props` for template checking. `$props` exists for
 * the types only; do not read it from a ref.
 */
export type VueCustomElement<E extends HTMLElement, P> = new () => E & {
  /** @deprecated Template typing only: not a property of the element. */
  $props: HTMLAttributes & ReservedProps & P;
};

// @ts-expect-error -- 'vue' resolves in the app that uses these typings
declare module 'vue' {
  interface GlobalComponents {
    'order-button': VueCustomElement<OrderButton, OrderButtonVueProps>;
    'expected-date': VueCustomElement<ExpectedDate, ExpectedDateVueProps>;
    'availability-badge': VueCustomElement<AvailabilityBadge, AvailabilityBadgeVueProps>;
  }
}
