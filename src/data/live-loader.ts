/**
 * Loads the live feed when the `live` option is first set. The npm build lets
 * the app's bundler split it out; the script-tag build swaps this module for
 * one that loads the file beside the script itself.
 */
export const loadLive = () => import('./live.js');
