import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Town-level feedback settings, refreshed from the configuration on every start.
  await db.schema
    .alterTable('town')
    .addColumn('reply_working_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();

  await db.schema
    .createTable('feedback_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_calendar_day')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .execute();

  // A photo is stored once per content; an upload row says who sent it, so only they can attach it.
  await db.schema
    .createTable('photo_upload')
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_upload_pk', ['photo_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('feedback_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // Kept for anonymous items too, so the submitter can follow the item and be notified; never shown to staff.
    .addColumn('submitter_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('supervision', 'complaint', 'suggestion', 'inquiry')`),
    )
    .addColumn('category_id', 'text', (c) => c.notNull().references('feedback_category.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('incident_at', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('mobile', 'text')
    .addColumn('enforcement_unit', 'text')
    .addColumn('case_reference', 'text')
    // The supervisor who filed a 监督意见, as they were when they filed it.
    .addColumn('supervisor_id', 'text', (c) => c.references('supervisor.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('station.id'))
    // The session's key: the day the station's rule gave it, which stays the same when it is moved.
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('on_site', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'accepted', 'replied', 'closed', 'rejected')`),
    )
    .addColumn('reopened', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('duplicate_of', 'text', (c) => c.references('feedback_item.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'text', (c) => c.notNull())
    .addColumn('rating_stars', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addUniqueConstraint('feedback_item_client_unique', ['submitter_id', 'client_id'])
    .addCheckConstraint('feedback_item_anonymous_no_mobile', sql`anonymous = 0 or mobile is null`)
    .execute();
  await db.schema.createIndex('feedback_item_session').on('feedback_item').columns(['station_id', 'session_date']).execute();
  await db.schema.createIndex('feedback_item_submitter').on('feedback_item').columns(['submitter_id', 'submitted_at']).execute();

  await db.schema
    .createTable('feedback_photo')
    .addColumn('item_id', 'text', (c) => c.notNull().references('feedback_item.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_photo_pk', ['item_id', 'position'])
    .execute();
  await db.schema.createIndex('feedback_photo_photo').on('feedback_photo').column('photo_id').execute();

  // Every move of an item: who, when, from, to, why. (item_id, seq) also stops two staff acting at once.
  await db.schema
    .createTable('feedback_event')
    .addColumn('item_id', 'text', (c) => c.notNull().references('feedback_item.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('submitter', 'staff', 'system')`))
    .addColumn('staff_id', 'text', (c) => c.references('staff_account.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .addColumn('stars', 'integer')
    .addColumn('moved_from', 'text')
    .addColumn('moved_to', 'text')
    .addColumn('linked_item_id', 'text')
    .addPrimaryKeyConstraint('feedback_event_pk', ['item_id', 'seq'])
    .execute();

  await db.schema
    .createTable('session_record')
    .addColumn('station_id', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull().references('staff_account.id'))
    // The anonymised summary as it stood when the session closed (JSON of SessionSummary).
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_record_pk', ['station_id', 'session_date'])
    .execute();

  // One-time WeChat subscribe-message grants: each accepted tap allows one message of that template.
  await db.schema
    .createTable('notification_grant')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_grant_pk', ['user_id', 'template'])
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('item_id', 'text', (c) => c.references('feedback_item.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'not_sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification_outbox',
    'notification_grant',
    'session_record',
    'feedback_event',
    'feedback_photo',
    'feedback_item',
    'photo_upload',
    'work_calendar_day',
    'feedback_category',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('town').dropColumn('reply_working_days').execute();
}
