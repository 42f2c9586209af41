import { sql, type Kysely } from 'kysely';

// Migrations are written once for SQLite and PostgreSQL alike: only portable column types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('town')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('community')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('station')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('days_of_month', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session_override')
    .addColumn('station_id', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('original_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cancelled', 'moved')`))
    .addColumn('new_date', 'text')
    .addColumn('new_window_start', 'text')
    .addColumn('new_window_end', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_override_pk', ['station_id', 'original_date'])
    .addCheckConstraint(
      'session_override_move_complete',
      sql`(kind = 'cancelled' and new_date is null and new_window_start is null and new_window_end is null)
        or (kind = 'moved' and new_date is not null and new_window_start is not null and new_window_end is not null)`,
    )
    .execute();

  await db.schema
    .createIndex('session_override_new_date_unique')
    .on('session_override')
    .columns(['station_id', 'new_date'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['session_override', 'station', 'community', 'town']) {
    await db.schema.dropTable(table).execute();
  }
}
