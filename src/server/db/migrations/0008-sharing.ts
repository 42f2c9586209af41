import { sql, type Kysely } from 'kysely';

const KINDS = sql`('event', 'session', 'quiz', 'contest', 'summary')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A grid worker's short public code, given when first needed; unique so that a code names one worker.
  await db.schema.alterTable('grid_worker').addColumn('sharer_code', 'text').execute();
  await db.schema.createIndex('grid_worker_sharer_code').unique().on('grid_worker').column('sharer_code').execute();

  await db.schema
    .createTable('share_open')
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn('item_id', 'text', (c) => c.notNull())
    // Both null when the card carried no valid sharer: the open is counted, but as unattributed.
    .addColumn('sharer_id', 'text', (c) => c.references('grid_worker.id'))
    .addColumn('grid_id', 'text', (c) => c.references('grid.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    // Shanghai day of opened_at: the board's date filter and the daily quiz's "that day".
    .addColumn('opened_on', 'text', (c) => c.notNull())
    // One open per visitor per item: the first wins, later ones (another sharer's card too) add nothing.
    .addPrimaryKeyConstraint('share_open_pk', ['visitor_id', 'kind', 'item_id'])
    .addCheckConstraint('share_open_sharer_with_grid', sql`(sharer_id is null) = (grid_id is null)`)
    .execute();
  await db.schema.createIndex('share_open_sharer').on('share_open').columns(['sharer_id', 'kind', 'item_id']).execute();
  await db.schema.createIndex('share_open_grid').on('share_open').columns(['grid_id', 'opened_on']).execute();

  // A WeChat mini-program code carries at most 32 characters of "scene": a poster's code carries this
  // short id, and the page it opens reads kind, item and sharer back through GET /shares/scenes/:scene.
  await db.schema
    .createTable('share_scene')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('sharer_id', 'text', (c) => c.references('grid_worker.id'))
    // `<kind> <item> <sharer or ->`: one scene per poster content, however often its code is asked for.
    .addColumn('lookup_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('share_scene').execute();
  await db.schema.dropTable('share_open').execute();
  await db.schema.dropIndex('grid_worker_sharer_code').execute();
  await db.schema.alterTable('grid_worker').dropColumn('sharer_code').execute();
}
