import { readConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/database';
import { AdminCommandError, runAdminCommand } from '../features/identity/admin-command';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    await migrateToLatest(database);
    process.stdout.write(`${await runAdminCommand(process.argv.slice(2), database.db, new Date())}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof AdminCommandError ? 2 : 1;
  } finally {
    await database.db.destroy();
  }
}

void main();
