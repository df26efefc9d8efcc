/** What the rules work on: a product's state, its supply, and the clock they run by. */
import type { DatePrecision, PaymentTerms, Status } from 'preorder-elements/engine';

/** The merchant's product fields (PUT /admin/products/{sku}), as stored. */
export interface ProductSettings {
  title?: string;
  status?: Exclude<Status, 'in_stock'>;
  releaseDate?: string;
  cap?: number | 'incoming' | null;
  allowPreorder?: boolean;
  allowBackorder?: boolean;
  datePrecision?: DatePrecision;
  maxPerOrder?: number;
  lowStockThreshold?: number;
  payment?: PaymentTerms;
  message?: string;
}

/** A product row, read under its lock and changed in memory until it is saved. */
export interface ProductState {
  sku: string;
  settings: ProductSettings;
  onHand: number;
  queuedUnits: number;
  waitingUnits: number;
  version: number;
}

/** An open purchase order's unreceived units: one supply lot of the record. */
export interface Lot {
  id: string;
  quantity: number;
  date: string;
  precision: DatePrecision | null;
}

/** The clock and zone every rule runs by. */
export interface Clock {
  now(): number;
  /** The store's IANA zone: its "today". */
  timeZone: string;
}

/** A line's promise: a calendar day, or null ("to be confirmed"). */
export interface LinePromise {
  date: string | null;
  precision: DatePrecision;
}

/** The promise as the API states it. */
export const promiseBody = (promise: LinePromise) =>
  promise.date === null ? null : { date: promise.date };
