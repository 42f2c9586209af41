import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import { Pool } from 'pg';
import { migrations } from './migrations';
import type { Database, DatabaseSchema } from './schema';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** The PostgreSQL schema worked in, when not the server's default. */
  schema?: string;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  sqliteFile: string;
  /** PostgreSQL schema to work in (each test run gets its own); the server's default search_path otherwise. */
  postgresSchema?: string;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      options: options.postgresSchema ? `-c search_path=${options.postgresSchema}` : undefined,
      max: 10,
    });
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, kind: 'postgres', schema: options.postgresSchema };
  }
  fs.mkdirSync(path.dirname(options.sqliteFile), { recursive: true });
  const sqlite = new BetterSqlite3(options.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  // WAL's default (NORMAL) may lose the last commits on power loss; FULL syncs each one, so an item the
  // server has acknowledged is on disk.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }), plugins }), kind: 'sqlite' };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest({ db, schema }: DatabaseHandle): Promise<void> {
  // Named explicitly, or the migrator may take another schema's bookkeeping tables for its own.
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema: schema }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}
