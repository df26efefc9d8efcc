/**
 * Tooltip positioning, loaded only when a tooltip first opens: @floating-ui/dom
 * is not needed for the first render.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Keeps `tooltip` beside `anchor` (flipping and shifting into view); returns the cleanup. */
export function followAnchor(anchor: HTMLElement, tooltip: HTMLElement): () => void {
  return autoUpdate(anchor, tooltip, () => {
    void computePosition(anchor, tooltip, {
      strategy: 'fixed',
      placement: 'top',
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      tooltip.style.left = `${x}px`;
      tooltip.style.top = `${y}px`;
    });
  });
}
