/**
 * The space each element holds while its data loads, and before its first
 * render (before the script defines it, or while it waits to connect): the
 * elements' :host styles and preorder-elements.css (generated from this file
 * at build) read these numbers, so nothing on the page moves when either
 * arrives (CLS 0). Lengths are em of the element's
 * font size; line heights have no unit. Plain constants, so the bundler
 * writes the numbers in place (no object to ship).
 */
import type { ELEMENTS } from './define.js';

/** <order-button>: the button's line height (times its font size)... */
export const ORDER_BUTTON_LINE_HEIGHT = 1.2;
/** ...its padding above and below the label... */
export const ORDER_BUTTON_PADDING = 1.5;
/** ...and one message line under it. */
export const ORDER_BUTTON_MESSAGE_LINE = 1.4;

/** <expected-date>: one line. */
export const EXPECTED_DATE_LINE_HEIGHT = 1.4;

/** <availability-badge>: one line of its smaller text. */
export const AVAILABILITY_BADGE_FONT_SIZE = 0.75;
export const AVAILABILITY_BADGE_LINE_HEIGHT = 1.5;

/**
 * Each tag's style until its first render (preorder-elements.css, `:not([status])`:
 * before the script defines it, and while a defined one waits for its slice to
 * connect), at the default tokens: the page's CSS cannot see the element's own
 * font-size token yet.
 */
export const RESERVED_STYLES = {
  'order-button': {
    display: 'block',
    'min-height': `${ORDER_BUTTON_LINE_HEIGHT + ORDER_BUTTON_PADDING + ORDER_BUTTON_MESSAGE_LINE}em`,
  },
  'expected-date': {
    display: 'block',
    'min-height': `${EXPECTED_DATE_LINE_HEIGHT}em`,
  },
  'availability-badge': {
    display: 'inline-block',
    'font-size': `${AVAILABILITY_BADGE_FONT_SIZE}em`,
    'line-height': `${AVAILABILITY_BADGE_LINE_HEIGHT}`,
    'min-height': `${AVAILABILITY_BADGE_LINE_HEIGHT}em`,
    'vertical-align': 'middle',
  },
} as const satisfies Record<keyof typeof ELEMENTS, Record<string, string>>;
