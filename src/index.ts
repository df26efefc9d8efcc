/**
 * preorder-elements: `import 'preorder-elements'` registers <order-button>,
 * <expected-date> and <availability-badge>; `configure()` sets page-wide options.
 */
import { defineElements } from './elements/define.js';

export * from './elements.js';

defineElements();
