import type { Database } from '../db/schema';
import { readConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/database';
import { CommandError } from '../shared/command-error';

/** Runs one office command against the configured database and prints its answer or its refusal. */
export async function runCommandLine(command: (argv: string[], db: Database, now: Date) => Promise<string>): Promise<void> {
  const config = readConfig(process.env);
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    await migrateToLatest(database);
    process.stdout.write(`${await command(process.argv.slice(2), database.db, new Date())}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CommandError ? 2 : 1;
  } finally {
    await database.db.destroy();
  }
}
