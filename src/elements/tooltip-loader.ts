/**
 * Loads tooltip positioning (and @floating-ui/dom) on first use. The npm build
 * lets the app's bundler split it out; the script-tag build swaps this module
 * for one that loads the file beside the script itself.
 */
export const loadTooltipPosition = () => import('./tooltip-position.js');
/** `<order-button notify-endpoint>`'s form (notify-form.ts), on first use, the same way. */
export const loadNotifyForm = () => import('./notify-form.js');
