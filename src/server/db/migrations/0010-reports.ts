import { sql, type Kysely, type SqlBool } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A supervisor's log of the enforcement actions they attended (report 一(二)).
  await db.schema
    .createTable('enforcement_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('supervisor_id', 'text', (c) => c.notNull().references('supervisor.id'))
    // The Shanghai day it took place.
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('observation', 'text', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    // A retried entry (same phone-generated id) finds the first instead of adding a second.
    .addUniqueConstraint('enforcement_activity_client', ['supervisor_id', 'client_id'])
    .execute();
  await db.schema.createIndex('enforcement_activity_date').on('enforcement_activity').column('date').execute();

  // Counted by the office after an event (a stall on 3·15 has no sign-ups); null until then.
  await db.schema.alterTable('event').addColumn('attendance', 'integer', (c) => c.check(sql`attendance >= 0`)).execute();

  // The office's public contact, from the town configuration.
  await db.schema.alterTable('town').addColumn('hotline', 'text').execute();
  await db.schema.alterTable('town').addColumn('email', 'text').execute();

  // Figures and exports select by when things happened. The feedback figures read a year of items: these
  // two indexes hold every column they count by (town-wide, and by station for one community), so that
  // neither database reads the items themselves.
  const itemFigures = ['kind', 'category_id', 'status', 'flagged', 'session_date', 'supervisor_id', 'rating_stars', 'id'];
  await db.schema.createIndex('feedback_item_submitted').on('feedback_item').columns(['submitted_at', 'station_id', ...itemFigures]).execute();
  await db.schema
    .createIndex('feedback_item_station_submitted')
    .on('feedback_item')
    .columns(['station_id', 'submitted_at', ...itemFigures])
    .execute();
  // Open items past their reply day: the dashboard's overdue count and the inbox's filter.
  await db.schema.createIndex('feedback_item_open').on('feedback_item').columns(['status', 'reply_due']).execute();
  // Each item's replies in order: its first reply is one step in. Replies only, a fifth of the history.
  await db.schema
    .createIndex('feedback_event_replied')
    .on('feedback_event')
    .columns(['item_id', 'at', 'seq'])
    .where(sql<SqlBool>`action = 'replied'`)
    .execute();
  // Quiz figures count papers and distinct takers by when they were handed in, from the index alone.
  await db.schema
    .createIndex('contest_attempt_submitted')
    .on('contest_attempt')
    .columns(['submitted_at', 'score', 'user_id', 'community_id', 'grid_id'])
    .execute();
  await db.schema.createIndex('quiz_daily_submitted').on('quiz_daily').columns(['submitted_at', 'user_id', 'score']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('quiz_daily_submitted').execute();
  await db.schema.dropIndex('contest_attempt_submitted').execute();
  await db.schema.dropIndex('feedback_event_replied').execute();
  await db.schema.dropIndex('feedback_item_open').execute();
  await db.schema.dropIndex('feedback_item_station_submitted').execute();
  await db.schema.dropIndex('feedback_item_submitted').execute();
  await db.schema.alterTable('town').dropColumn('email').execute();
  await db.schema.alterTable('town').dropColumn('hotline').execute();
  await db.schema.alterTable('event').dropColumn('attendance').execute();
  await db.schema.dropTable('enforcement_activity').execute();
}
