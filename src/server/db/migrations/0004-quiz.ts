import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Residents per community and grid, refreshed from the configuration on every start: contest
  // participation is reported as a rate, not only as counts.
  await db.schema.alterTable('community').addColumn('population', 'integer').execute();
  await db.schema.alterTable('grid').addColumn('population', 'integer').execute();

  // The question bank lives here: seeded from data/questions, then kept by the office (edits, imports, retiring).
  await db.schema
    .createTable('quiz_question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('law', 'text', (c) => c.notNull().check(sql`law in ('civil-code', 'constitution')`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('single', 'multiple', 'true_false')`))
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('articles', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('book', 'text')
    .addColumn('chapter', 'text')
    .addColumn('retired', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('bank', 'edited', 'imported')`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quiz_question_scope').on('quiz_question').columns(['law', 'book', 'retired']).execute();

  // One row per person and Shanghai day: the drawn set, kept so it never changes that day, then the one scored attempt.
  await db.schema
    .createTable('quiz_daily')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('question_ids', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .addColumn('results', 'text')
    .addColumn('score', 'double precision')
    .addColumn('correct_count', 'integer')
    .addColumn('submitted_at', 'text')
    .addPrimaryKeyConstraint('quiz_daily_pk', ['user_id', 'date'])
    .execute();

  // 错题本: a question answered wrongly stays until the person answers it right.
  await db.schema
    .createTable('quiz_wrong_answer')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('quiz_question.id'))
    .addColumn('wrong_count', 'integer', (c) => c.notNull())
    .addColumn('last_wrong_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_wrong_answer_pk', ['user_id', 'question_id'])
    .execute();

  // 纠错 from residents, and how the office resolved each.
  await db.schema
    .createTable('question_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('quiz_question.id'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'fixed', 'retired', 'dismissed')`))
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('staff_account.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('question_report_queue').on('question_report').columns(['status', 'reported_at']).execute();
  await db.schema.createIndex('question_report_question').on('question_report').columns(['question_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['question_report', 'quiz_wrong_answer', 'quiz_daily', 'quiz_question']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('grid').dropColumn('population').execute();
  await db.schema.alterTable('community').dropColumn('population').execute();
}
