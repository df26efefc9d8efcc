/**
 * One set of migrations for both databases, run on start. Kysely's Migrator
 * takes a lock of its own, so several instances starting on one PostgreSQL
 * apply each migration once.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { DatabaseKind } from './db.js';

/** An auto-numbered key: the one column whose type differs between the two. */
const serialKey = (kind: DatabaseKind) =>
  [
    kind === 'postgres' ? 'serial' : 'integer',
    (column: ColumnDefinitionBuilder) =>
      kind === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
  ] as const;

function initial(kind: DatabaseKind): Migration {
  const [serial, key] = serialKey(kind);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('products')
        .addColumn('sku', 'text', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('queued_units', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('waiting_units', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('purchase_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expected_date', 'text', (c) => c.notNull())
        .addColumn('date_precision', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('purchase_orders_by_sku')
        .on('purchase_orders')
        .columns(['sku', 'status'])
        .execute();
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text', (c) => c.notNull())
        .addColumn('customer_email', 'text')
        .addColumn('customer_locale', 'text')
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .execute();
      await db.schema
        .createTable('order_lines')
        .addColumn('seq', serial, key)
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('allocated', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('promise_date', 'text')
        .addColumn('promise_precision', 'text', (c) => c.notNull())
        .addColumn('told_date', 'text')
        .addColumn('told_precision', 'text', (c) => c.notNull())
        .addUniqueConstraint('order_lines_order_line', ['order_id', 'line'])
        .execute();
      // The queue: a SKU's waiting lines by priority, then acceptance.
      await db.schema
        .createIndex('order_lines_queue')
        .on('order_lines')
        .columns(['sku', 'status', 'priority desc', 'seq'])
        .execute();
      await db.schema
        .createTable('receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('purchase_order_id', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .execute();
      await db.schema
        .createTable('allocations')
        .addColumn('id', serial, key)
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('receipt_id', 'text')
        .addColumn('purchase_order_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('allocations_by_order')
        .on('allocations')
        .columns(['order_id', 'line'])
        .execute();
      await db.schema
        .createTable('promise_history')
        .addColumn('id', serial, key)
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('promise', 'text', (c) => c.notNull())
        .addColumn('precision', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('promise_history_by_order')
        .on('promise_history')
        .columns(['order_id', 'line'])
        .execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', serial, key)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('sku', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      // The deliverer reads undelivered events in order.
      await db.schema
        .createIndex('outbox_pending')
        .on('outbox')
        .columns(['delivered_at', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'outbox',
        'promise_history',
        'allocations',
        'receipts',
        'order_lines',
        'orders',
        'purchase_orders',
        'products',
      ])
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
    },
  };
}

/**
 * Per-target webhook delivery state (src/delivery): one row per event and
 * target until the target answers 2xx. The key orders a target's rows; the
 * second index finds a row's earlier events of the same order.
 */
const outboxDeliveries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('outbox_deliveries')
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('event_id', 'integer', (c) => c.notNull())
      .addColumn('ordering_key', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('outbox_deliveries_key', ['target', 'event_id'])
      .execute();
    await db.schema
      .createIndex('outbox_deliveries_by_order')
      .on('outbox_deliveries')
      .columns(['target', 'ordering_key', 'event_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('outbox_deliveries').ifExists().execute();
  },
};

/**
 * Platform orders (Shopify webhooks): `oversold`, the units of a line taken
 * beyond what the cap or stock covered (a paid order is never refused), and
 * what the storefront showed the shopper for the line (`<order-button>`'s
 * `_order_type` and `_expected_date` line-item properties). One column per
 * ALTER: SQLite adds one at a time.
 */
const orderLinesOversold: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('order_lines')
      .addColumn('oversold', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('order_lines').addColumn('shown_type', 'text').execute();
    await db.schema.alterTable('order_lines').addColumn('shown_date', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const column of ['shown_date', 'shown_type', 'oversold'])
      await db.schema.alterTable('order_lines').dropColumn(column).execute();
  },
};

/**
 * "Notify me" (rules/notify.ts): the sign-up list, one row per SKU and
 * address, and the sign-up rate windows (in the database so that the limit
 * holds across instances).
 */
function notifySignups(kind: DatabaseKind): Migration {
  const [serial, key] = serialKey(kind);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notify_signups')
        .addColumn('id', serial, key)
        .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_key', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('notify_signups_sku_email', ['sku', 'email_key'])
        .execute();
      // The SKU's confirmed subscribers, found when it becomes orderable.
      await db.schema
        .createIndex('notify_signups_by_status')
        .on('notify_signups')
        .columns(['sku', 'status'])
        .execute();
      await db.schema
        .createTable('notify_rate')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('notify_rate_key', ['key', 'window_start'])
        .execute();
      await db.schema
        .createIndex('notify_rate_by_window')
        .on('notify_rate')
        .column('window_start')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('notify_rate').ifExists().execute();
      await db.schema.dropTable('notify_signups').ifExists().execute();
    },
  };
}

/** Applies every migration not yet applied; throws with the failing one's name. */
export async function migrate(db: Kysely<unknown>, kind: DatabaseKind): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => ({
        '0001_initial': initial(kind),
        '0002_outbox_deliveries': outboxDeliveries,
        '0003_order_lines_oversold': orderLinesOversold,
        '0004_notify_signups': notifySignups(kind),
      }),
    },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed)
    throw new Error(
      `migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
}
