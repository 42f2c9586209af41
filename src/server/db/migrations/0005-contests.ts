import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('law', 'text', (c) => c.notNull().check(sql`law in ('civil-code', 'constitution')`))
    // JSON array of book titles; empty means the whole law.
    .addColumn('books', 'text', (c) => c.notNull())
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('time_limit_minutes', 'integer', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('everyone', 'supervisors', 'grid_workers')`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contest_window').on('contest').columns(['starts_at', 'ends_at']).execute();

  await db.schema
    .createTable('contest_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contest.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    // 1, 2, … per person and contest: the unique key keeps two simultaneous starts from using one attempt twice.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('grid_id', 'text', (c) => c.references('grid.id'))
    // JSON of the drawn paper: [{ questionId, optionOrder }], the order and option order the person saw.
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    // Set once, by the first submission the server accepts for the paper (scored, or refused as late).
    .addColumn('submitted_at', 'text')
    // JSON of the chosen options per question, in the paper's order.
    .addColumn('answers', 'text')
    // Null for a late submission: it used an attempt and earned nothing.
    .addColumn('score', 'double precision')
    .addColumn('correct_count', 'integer')
    .addColumn('seconds_taken', 'integer')
    .addUniqueConstraint('contest_attempt_seq_unique', ['contest_id', 'user_id', 'seq'])
    .addCheckConstraint('contest_attempt_scored_when_submitted', sql`score is null or submitted_at is not null`)
    .execute();
  // Covers the ranking's counts (people ahead of someone, people who took part) without reading the rows.
  await db.schema
    .createIndex('contest_attempt_scored')
    .on('contest_attempt')
    .columns(['contest_id', 'score', 'seconds_taken', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contest_attempt').execute();
  await db.schema.dropTable('contest').execute();
}
