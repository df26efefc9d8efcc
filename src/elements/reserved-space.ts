/**
 * The space each element holds while its data loads, and before the script
 * defines it at all: the elements' :host styles and preorder-elements.css
 * (generated from this file at build) read these numbers, so nothing on the
 * page moves when either arrives (CLS 0). Lengths are em of the element's
 * font size; line heights have no unit. Plain data: nothing to run.
 */
import type { ELEMENTS } from './define.js';

/**
 * <order-button>: the button (its line height times its font size, plus its
 * padding above and below) and one message line under it.
 */
export const ORDER_BUTTON_SPACE = { lineHeight: 1.2, padding: 1.5, message: 1.4 } as const;

/** <expected-date>: one line. */
export const EXPECTED_DATE_SPACE = { lineHeight: 1.4 } as const;

/** <availability-badge>: one line of its smaller text. */
export const AVAILABILITY_BADGE_SPACE = { fontSize: 0.75, lineHeight: 1.5 } as const;

/**
 * Each tag's style until it is defined (preorder-elements.css), at the default
 * tokens: the page's CSS cannot see the element's own font-size token yet.
 */
export const UNDEFINED_STYLES = {
  'order-button': {
    display: 'block',
    'min-height': `${ORDER_BUTTON_SPACE.lineHeight + ORDER_BUTTON_SPACE.padding + ORDER_BUTTON_SPACE.message}em`,
  },
  'expected-date': {
    display: 'block',
    'min-height': `${EXPECTED_DATE_SPACE.lineHeight}em`,
  },
  'availability-badge': {
    display: 'inline-block',
    'font-size': `${AVAILABILITY_BADGE_SPACE.fontSize}em`,
    'line-height': `${AVAILABILITY_BADGE_SPACE.lineHeight}`,
    'min-height': `${AVAILABILITY_BADGE_SPACE.lineHeight}em`,
    'vertical-align': 'middle',
  },
} as const satisfies Record<keyof typeof ELEMENTS, Record<string, string>>;
