import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/server/db/database';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';

export const townFile = path.resolve(__dirname, '..', '..', 'data', 'town.json');

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Removes what the test created: the SQLite file, or the PostgreSQL schema. Close connections first. */
  drop: () => Promise<void>;
}

/** For tests that use the database without an app (whose close would destroy it). */
export async function closeTestDatabase(database: TestDatabase): Promise<void> {
  await database.handle.db.destroy();
  await database.drop();
}

function uniqueName(): string {
  return `t_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A fresh, migrated and seeded database for one test file: a real SQLite file, or, in the
 * PostgreSQL project, a schema of its own in the database DATABASE_URL names.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  if (process.env.TEST_DATABASE === 'postgres') {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('The PostgreSQL test project needs DATABASE_URL');
    const schema = uniqueName();
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    handle = openDatabase({ databaseUrl, sqliteFile: '', postgresSchema: schema });
    drop = async () => {
      const cleaner = new Client({ connectionString: databaseUrl });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-'));
    handle = openDatabase({ sqliteFile: path.join(dir, 'test.sqlite') });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    await migrateToLatest(handle);
    await seedTownIfEmpty(handle.db, loadTownConfig(townFile));
  } catch (error) {
    await handle.db.destroy();
    await drop();
    throw error;
  }
  return { handle, drop };
}
