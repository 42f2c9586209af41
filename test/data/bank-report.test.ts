import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');

function questionsIn(law: string): number {
  const dir = path.join(root, 'data', 'questions', law);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .reduce((sum, file) => sum + JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).questions.length, 0);
}

/** What `npm run bank:report` runs. */
test('the bank report counts each law by chapter, type and difficulty, gives the situation share, and exits 0', async () => {
  const { stdout } = await promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/server/cli/bank-report.ts'], {
    cwd: root,
  });
  const civilCode = questionsIn('civil-code');
  const constitution = questionsIn('constitution');
  expect(stdout).toContain(`中华人民共和国民法典：${civilCode} 道题`);
  expect(stdout).toContain(`中华人民共和国宪法：${constitution} 道题`);
  expect(stdout).toContain(`合计：${civilCode + constitution} 道题`);
  expect(stdout).toMatch(/题型：单选 \d+（[\d.]+%），多选 \d+（[\d.]+%），判断 \d+（[\d.]+%）/);
  expect(stdout).toMatch(/难度：易 \d+（[\d.]+%），中 \d+（[\d.]+%），难 \d+（[\d.]+%）/);
  expect(stdout).toMatch(/情境题：\d+（[\d.]+%）/);
  expect(stdout).toMatch(/第七编 侵权责任：\d+\n\s+第一章 一般规定：\d+/);
  expect(stdout).toMatch(/第二章 公民的基本权利和义务：\d+/);
  expect(stdout).not.toContain('不足');
  expect(stdout).not.toContain('问题');
});
