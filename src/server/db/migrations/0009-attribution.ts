import type { Kysely } from 'kysely';

/** Where a visitor came from (the first shared card of the item they opened), as event sign-ups already keep it. */
const ATTRIBUTED_TABLES = ['feedback_item', 'quiz_daily', 'contest_attempt'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ATTRIBUTED_TABLES) {
    // Both null when the visitor came through no grid worker's card.
    await db.schema.alterTable(table).addColumn('via_grid_id', 'text', (c) => c.references('grid.id')).execute();
    await db.schema.alterTable(table).addColumn('sharer_id', 'text', (c) => c.references('grid_worker.id')).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ATTRIBUTED_TABLES) {
    await db.schema.alterTable(table).dropColumn('sharer_id').execute();
    await db.schema.alterTable(table).dropColumn('via_grid_id').execute();
  }
}
