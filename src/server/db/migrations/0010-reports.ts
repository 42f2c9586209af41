import { sql, type Kysely } from 'kysely';

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

  // Figures and exports select by when things happened.
  await db.schema.createIndex('feedback_item_submitted').on('feedback_item').column('submitted_at').execute();
  await db.schema.createIndex('quiz_daily_date').on('quiz_daily').column('date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('quiz_daily_date').execute();
  await db.schema.dropIndex('feedback_item_submitted').execute();
  await db.schema.alterTable('town').dropColumn('email').execute();
  await db.schema.alterTable('town').dropColumn('hotline').execute();
  await db.schema.alterTable('event').dropColumn('attendance').execute();
  await db.schema.dropTable('enforcement_activity').execute();
}
