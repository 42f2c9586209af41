import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('yuanba', 'campaign', 'lecture', 'door_to_door', 'special')`))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('law', 'text')
    // Instants as ISO strings in UTC, so that text order is time order.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text', (c) => c.notNull())
    .addColumn('place_address', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('organiser', 'text', (c) => c.notNull())
    // Null: no limit on places.
    .addColumn('capacity', 'integer')
    // People on the active sign-ups, kept with them in one transaction while the event's row is held,
    // so that parallel sign-ups read the count after one another and never overbook.
    .addColumn('signed_up', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'cancelled')`))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('event_window', sql`starts_at < ends_at`)
    .addCheckConstraint('event_within_capacity', sql`capacity is null or signed_up <= capacity`)
    .execute();
  await db.schema.createIndex('event_starts_at').on('event').columns(['status', 'starts_at']).execute();

  // One row per person and event: cancelling marks it, signing up again brings it back.
  await db.schema
    .createTable('event_sign_up')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('signed_up_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    // Shown by the person at the event; it only has to tell this event's sign-ups apart.
    .addColumn('check_in_code', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text', (c) => c.references('staff_account.id'))
    // The shared card the visit came from, when there was one.
    .addColumn('via_grid_id', 'text', (c) => c.references('grid.id'))
    .addColumn('sharer_id', 'text', (c) => c.references('grid_worker.id'))
    .addUniqueConstraint('event_sign_up_person', ['event_id', 'user_id'])
    .addUniqueConstraint('event_sign_up_code', ['event_id', 'check_in_code'])
    .execute();
  await db.schema.createIndex('event_sign_up_user').on('event_sign_up').column('user_id').execute();

  // "提醒我": the wish is kept here; the day before, the outbox queues the message.
  await db.schema
    .createTable('event_reminder')
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_reminder_pk', ['event_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_reminder', 'event_sign_up', 'event']) {
    await db.schema.dropTable(table).execute();
  }
}
