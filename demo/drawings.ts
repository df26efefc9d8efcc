/** Flat product drawings for the collection cards: inline SVG, no external assets. */
import type { Drawing } from './catalog.js';
import { svg } from './dom.js';

type Shape = [tag: string, attributes: Record<string, string | number>];

const WOOD = '#b08a62';
const DARK = '#3b3f46';
const LIGHT = '#f4efe6';

/** Shapes in a 160 x 120 box; `c` is the product's colour. */
const SHAPES: Record<Drawing, (c: string) => Shape[]> = {
  lamp: (c) => [
    ['rect', { x: 74, y: 58, width: 12, height: 36, fill: WOOD }],
    ['ellipse', { cx: 80, cy: 97, rx: 26, ry: 6, fill: WOOD }],
    ['path', { d: 'M56 58 L66 22 H94 L104 58 Z', fill: c }],
  ],
  throw: (c) => [
    ['rect', { x: 38, y: 28, width: 84, height: 64, rx: 6, fill: c }],
    ['path', { d: 'M38 48 H122 M38 60 H122 M38 72 H122', stroke: LIGHT, 'stroke-width': 3 }],
    [
      'path',
      {
        d: 'M44 92 v8 M56 92 v8 M68 92 v8 M80 92 v8 M92 92 v8 M104 92 v8 M116 92 v8',
        stroke: c,
        'stroke-width': 2,
      },
    ],
  ],
  desk: (c) => [
    ['rect', { x: 28, y: 50, width: 104, height: 10, fill: c }],
    ['rect', { x: 34, y: 60, width: 6, height: 40, fill: c }],
    ['rect', { x: 120, y: 60, width: 6, height: 40, fill: c }],
    ['rect', { x: 90, y: 60, width: 30, height: 14, fill: WOOD }],
  ],
  mugs: (c) => [
    ['rect', { x: 30, y: 52, width: 26, height: 34, rx: 4, fill: c }],
    [
      'rect',
      { x: 62, y: 52, width: 26, height: 34, rx: 4, fill: LIGHT, stroke: c, 'stroke-width': 2 },
    ],
    ['rect', { x: 94, y: 52, width: 26, height: 34, rx: 4, fill: c }],
    ['path', { d: 'M120 60 a8 8 0 0 1 0 16', fill: 'none', stroke: c, 'stroke-width': 4 }],
  ],
  'floor-lamp': (c) => [
    ['rect', { x: 78, y: 36, width: 4, height: 62, fill: DARK }],
    ['ellipse', { cx: 80, cy: 100, rx: 20, ry: 4, fill: DARK }],
    ['path', { d: 'M62 38 L70 14 H90 L98 38 Z', fill: c }],
  ],
  'side-table': (c) => [
    ['ellipse', { cx: 80, cy: 46, rx: 34, ry: 8, fill: c }],
    ['rect', { x: 76, y: 46, width: 8, height: 48, fill: c }],
    ['ellipse', { cx: 80, cy: 96, rx: 20, ry: 5, fill: c }],
  ],
  vase: (c) => [['path', { d: 'M68 24 H92 V36 Q106 52 100 96 H60 Q54 52 68 36 Z', fill: c }]],
  rug: (c) => [
    ['rect', { x: 30, y: 30, width: 100, height: 64, fill: c }],
    [
      'rect',
      { x: 42, y: 40, width: 76, height: 44, fill: 'none', stroke: LIGHT, 'stroke-width': 3 },
    ],
    ['path', { d: 'M80 46 L100 62 L80 78 L60 62 Z', fill: LIGHT }],
  ],
  chair: (c) => [
    ['path', { d: 'M44 40 Q44 26 60 26 H100 Q116 26 116 40 V72 H44 Z', fill: c }],
    ['rect', { x: 38, y: 64, width: 84, height: 16, rx: 6, fill: c }],
    ['path', { d: 'M48 80 L44 100 M112 80 L116 100', stroke: WOOD, 'stroke-width': 5 }],
  ],
  shelf: (c) => [
    ['path', { d: 'M40 20 V100 M120 20 V100', stroke: DARK, 'stroke-width': 4 }],
    ['path', { d: 'M40 40 H120 M40 66 H120 M40 92 H120', stroke: c, 'stroke-width': 6 }],
    ['rect', { x: 52, y: 24, width: 10, height: 14, fill: WOOD }],
    ['rect', { x: 92, y: 52, width: 16, height: 12, fill: WOOD }],
  ],
  cushion: (c) => [
    ['path', { d: 'M40 36 Q80 26 120 36 Q128 62 120 88 Q80 98 40 88 Q32 62 40 36 Z', fill: c }],
    ['circle', { cx: 80, cy: 62, r: 4, fill: LIGHT }],
  ],
  clock: (c) => [
    ['circle', { cx: 80, cy: 60, r: 38, fill: LIGHT, stroke: c, 'stroke-width': 6 }],
    [
      'path',
      { d: 'M80 60 V36 M80 60 L96 70', stroke: c, 'stroke-width': 4, 'stroke-linecap': 'round' },
    ],
  ],
};

/** A decorative drawing (hidden from assistive technology: the card's heading names it). */
export function drawing(kind: Drawing, colour: string): SVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 160 120', 'aria-hidden': 'true', focusable: 'false', class: 'drawing' },
    svg('rect', { width: 160, height: 120, fill: '#efe9df' }),
    ...SHAPES[kind](colour).map(([tag, attributes]) => svg(tag, attributes)),
  );
}
