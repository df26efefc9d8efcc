// Shared by the three example apps' vite.config.ts.
import type { Connect, Plugin } from 'vite';
import { answerAvailability } from '../mock/availability.js';
import { send } from '../mock/http.js';

/**
 * A stand-in for the store's availability API, in the record shape
 * preorder-elements reads (docs/record.md): `GET /api/availability?skus=A,B`
 * answers a JSON array with the records it knows (and `/api/availability/{sku}`
 * one record). Dates are relative to today so the pre-order stays in the future.
 */
export function availabilityMock(): Plugin {
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const records = () => [
    { sku: 'LAMP-BRASS', onHand: 14 },
    {
      sku: 'LAMP-BLACK',
      releaseDate: day(90),
      reserved: 180,
      cap: 'incoming',
      incoming: [
        { quantity: 200, date: day(90) },
        { quantity: 500, date: day(120) },
      ],
      payment: { mode: 'deposit', depositPercent: 20 },
    },
    {
      sku: 'LAMP-WHITE',
      onHand: 0,
      allowBackorder: true,
      incoming: [{ quantity: 40, date: day(21) }],
    },
    { sku: 'LAMP-GREEN', onHand: 0 },
  ];
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const known = new Map(records().map((record) => [record.sku, record]));
    const found = answerAvailability(url, '/api/availability', (sku) => known.get(sku));
    if (!found) return next();
    send(req, res, found);
  };
  return {
    name: 'availability-mock',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
