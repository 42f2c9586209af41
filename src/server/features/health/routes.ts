import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { healthContract } from '@core/api/health';
import { addRoute } from '../../shared/route';

export async function healthRoutes(app: FastifyInstance, options: { version: string }): Promise<void> {
  addRoute(app, healthContract.health, async () => {
    await sql`select 1`.execute(app.db);
    return { status: 'ok' as const, database: app.databaseKind, version: options.version };
  });
}
