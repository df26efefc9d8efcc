/**
 * `--seed FILE`: products and purchase orders loaded at start, idempotently:
 * what exists already (a product's SKU, a purchase order's id) is left as it
 * is, so a restart never resets stock that orders have taken since.
 */
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { validationBody } from './http/errors.js';
import { addFormats } from './http/formats.js';
import { productBody, purchaseOrderBody } from './http/schemas.js';
import { type ProductInput, putProduct } from './rules/products.js';
import { type PurchaseOrderInput, createPurchaseOrder } from './rules/purchase-orders.js';
import type { Clock } from './rules/types.js';
import type { Storage } from './storage/db.js';

export interface SeedFile {
  products?: (ProductInput & { sku: string })[];
  purchaseOrders?: PurchaseOrderInput[];
}

const ajv = addFormats(new Ajv({ verbose: true, strict: false })) as Ajv;
const checkProduct = ajv.compile({
  ...productBody,
  required: ['sku'],
  properties: { ...productBody.properties, sku: { type: 'string', minLength: 1 } },
});
const checkPurchaseOrder = ajv.compile({
  ...purchaseOrderBody,
  required: ['id', ...purchaseOrderBody.required],
});

function check(validate: typeof checkProduct, value: unknown, where: string) {
  if (validate(value)) return;
  const { message } = validationBody(validate.errors as never, 'body');
  throw new Error(`seed ${where}: ${message}`);
}

/** Loads the file; returns how many products and purchase orders it created. */
export async function loadSeed(storage: Storage, file: string, clock: Clock) {
  let seed: SeedFile;
  try {
    seed = JSON.parse(await readFile(file, 'utf8')) as SeedFile;
  } catch (error) {
    throw new Error(`seed ${file}: ${(error as Error).message}`);
  }
  const created = { products: 0, purchaseOrders: 0 };
  for (const [index, product] of (seed.products ?? []).entries()) {
    check(checkProduct, product, `products[${index}]`);
    const { sku, ...fields } = product;
    if ((await putProduct(storage, sku, fields, clock, true)).created) created.products++;
  }
  for (const [index, po] of (seed.purchaseOrders ?? []).entries()) {
    check(checkPurchaseOrder, po, `purchaseOrders[${index}]`);
    const exists = await storage.read
      .selectFrom('purchase_orders')
      .select('id')
      .where('id', '=', po.id as string)
      .executeTakeFirst();
    if (exists) continue;
    await createPurchaseOrder(storage, po, clock);
    created.purchaseOrders++;
  }
  return created;
}
