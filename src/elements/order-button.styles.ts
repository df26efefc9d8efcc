import { css } from './css.js';
import {
  ORDER_BUTTON_LINE_HEIGHT,
  ORDER_BUTTON_MESSAGE_LINE,
  ORDER_BUTTON_PADDING,
} from './reserved-space.js';

// Each public --order-button-* token is read where it applies (a page sets one
// token and every state follows: the disabled state has tokens of its own).
export const orderButtonStyles = css`
  :host {
    display: block;
    /* Button plus one message line reserved while loading: no layout shift. */
    min-height: calc(
      var(--order-button-font-size, 1em) * ${ORDER_BUTTON_LINE_HEIGHT} + ${ORDER_BUTTON_PADDING}em +
        ${ORDER_BUTTON_MESSAGE_LINE}em
    );
  }
  :host([hidden]) {
    display: none;
  }
  :host([fallback-hidden]) {
    visibility: hidden;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  [part='button'] {
    flex: 0 1 var(--order-button-width, 100%);
    min-width: 0;
    margin: 0;
    padding: var(--order-button-padding, 0.75em 1.25em);
    border: var(--order-button-border, 0);
    border-radius: var(--order-button-radius, 6px);
    background: var(--order-button-background, #111);
    color: var(--order-button-color, #fff);
    font: inherit;
    font-size: var(--order-button-font-size, 1em);
    font-weight: var(--order-button-font-weight, 600);
    line-height: ${ORDER_BUTTON_LINE_HEIGHT};
    cursor: pointer;
  }
  [part='button'][aria-disabled='true'] {
    background: var(--order-button-disabled-background, #e4e4e4);
    color: var(--order-button-disabled-color, #333);
    cursor: not-allowed;
  }
  [part='button'][aria-busy='true'] {
    cursor: progress;
  }
  [part='button']:focus-visible,
  [part='info']:focus-visible {
    outline: 2px solid var(--order-button-focus-color, #1f4fd1);
    outline-offset: 2px;
  }
  ::slotted(button),
  ::slotted(input) {
    flex: 0 1 var(--order-button-width, 100%);
  }
  [part='info'] {
    flex: none;
    display: grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    margin: 0;
    padding: 0;
    border: 1px solid;
    border-radius: 50%;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 700;
    cursor: help;
  }
  [part='messages'] {
    margin: 0.4em 0 0;
    padding: 0;
    list-style: none;
    color: var(--order-button-message-color); /* unset: inherited, as by default */
    font-size: 0.875em;
    line-height: ${ORDER_BUTTON_MESSAGE_LINE};
  }
  /* Closed, it is hidden by the browser's own [hidden] rule: nothing here sets its display. */
  [part='tooltip'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 2147483000;
    max-width: min(20rem, 90vw);
    padding: 0.5em 0.75em;
    border-radius: 6px;
    background: var(--order-button-tooltip-background, #222);
    color: var(--order-button-tooltip-color, #fff);
    font-size: 0.875em;
    line-height: 1.4;
  }
  .placeholder {
    visibility: hidden;
  }
`;
