// The baseline both submission benches compare against: a bare Fastify route that inserts the JSON it
// receives as one row into its own SQLite file, opened the way the product opens its database.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/database';

export async function startBareInsertServer(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const database = openDatabase({ sqliteFile: path.join(dir, 'bare.sqlite') });
  await sql`create table bare_row (id text primary key, body text not null, created_at text not null)`.execute(database.db);
  const app = Fastify();
  app.post('/bare', async (request) => {
    const id = randomUUID();
    await sql`insert into bare_row (id, body, created_at) values (${id}, ${JSON.stringify(request.body)}, ${new Date().toISOString()})`.execute(
      database.db,
    );
    return { id };
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    origin,
    close: async () => {
      await app.close();
      await database.db.destroy();
    },
  };
}
