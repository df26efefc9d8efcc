/** preorder-elements: the package entry. */
export * from './engine/index.js';
export * from './text/index.js';
