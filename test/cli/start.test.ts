import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** What `npm start` runs, on its default embedded database, in a folder of its own. */
test('start migrates and seeds a new SQLite file, serves the H5 app and the API, says where, and stops on Ctrl-C', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-start-'));
  const sqliteFile = path.join(dir, 'town.sqlite');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', SQLITE_FILE: sqliteFile, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/server/cli/start.ts'], { cwd: root, env });
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  try {
    const started = Date.now();
    while (!/H5（浏览器）：(http:\S+)/.test(output)) {
      if (Date.now() - started > 20_000) throw new Error(`start did not say it was ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const base = /H5（浏览器）：(http:\S+)/.exec(output)![1];
    expect(output).toContain('/api/docs');
    expect(output).toContain('project.config.json');
    expect(output).toContain(sqliteFile);

    const stations = await (await fetch(`${base}api/stations`)).json();
    expect(stations.stations.length).toBeGreaterThan(0);
    const page = await fetch(base);
    expect(await page.text()).toContain('<div id="app">');
  } finally {
    server.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(fs.existsSync(sqliteFile)).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
