import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A message that must be queued once only (the reminder of a session) carries a key; queuing it again
  // finds the key taken and adds nothing. Other messages leave it null, which never collides.
  await db.schema.alterTable('notification_outbox').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('notification_outbox_dedupe_key').unique().on('notification_outbox').column('dedupe_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notification_outbox_dedupe_key').execute();
  await db.schema.alterTable('notification_outbox').dropColumn('dedupe_key').execute();
}
