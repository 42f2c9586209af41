import fs from 'node:fs';
import path from 'node:path';
import { LAWS, type Law, type Question } from '@core/quiz/question';
import { projectPath } from '../../config';
import type { Database } from '../../db/schema';
import type { LawTexts } from './law-texts';
import { checkQuestionList } from './question-checks';
import { questionColumns } from './question-bank';

export const BANK_DIR = projectPath('data', 'questions');

interface BankFile {
  /** As named in messages: civil-code/general-provisions.json */
  name: string;
  law: Law;
  questions: Question[];
}

/**
 * Reads and checks every file under <dir>/<law>/*.json. A bank that does not hold stops the start:
 * the error names each file, question and problem, so the file can be fixed before residents see it.
 */
export function readQuestionBank(dir: string, lawTexts: LawTexts): BankFile[] {
  const files: BankFile[] = [];
  const problems: string[] = [];
  const fileOfId = new Map<string, string>();
  for (const law of LAWS) {
    const lawDir = path.join(dir, law);
    if (!fs.existsSync(lawDir)) continue;
    for (const fileName of fs.readdirSync(lawDir).filter((f) => f.endsWith('.json')).sort()) {
      const name = `${law}/${fileName}`;
      let content: unknown;
      try {
        content = JSON.parse(fs.readFileSync(path.join(lawDir, fileName), 'utf8'));
      } catch (error) {
        problems.push(`${name}：不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
        continue;
      }
      const { law: fileLaw, questions: candidates } = (content ?? {}) as { law?: unknown; questions?: unknown };
      if (fileLaw !== law) {
        problems.push(`${name}：law 应为 "${law}"（文件在 ${law} 目录下），实为 ${JSON.stringify(fileLaw)}`);
        continue;
      }
      if (!Array.isArray(candidates)) {
        problems.push(`${name}：缺少 questions 数组`);
        continue;
      }
      const checked = checkQuestionList(candidates, law, lawTexts, (index) => `第 ${index + 1} 题`);
      for (const p of checked.problems) problems.push(`${name} 第 ${p.index + 1} 题（${p.id ?? '无编号'}）：${p.message}`);
      for (const question of checked.questions) {
        const other = fileOfId.get(question.id);
        if (other) problems.push(`${name}（${question.id}）：编号与 ${other} 中的题重复`);
        fileOfId.set(question.id, name);
      }
      files.push({ name, law, questions: checked.questions });
    }
  }
  if (problems.length > 0) throw new Error(`题库文件有误，请修改后再启动：\n${problems.join('\n')}`);
  return files;
}

const CONTENT_COLUMNS = ['law', 'type', 'stem', 'options', 'answer', 'explanation', 'articles', 'difficulty', 'tags', 'book', 'chapter'] as const;

/**
 * Brings the stored bank up to date with the files: new ids are added, 'bank' rows follow their file
 * when it changed, and questions the office edited or imported are never overwritten.
 */
export async function seedQuestionBank(
  db: Database,
  lawTexts: LawTexts,
  now: Date,
  dir: string = BANK_DIR,
): Promise<{ added: number; updated: number }> {
  const files = readQuestionBank(dir, lawTexts);
  const updatedAt = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const stored = new Map((await trx.selectFrom('quizQuestion').selectAll().execute()).map((row) => [row.id, row]));
    const toAdd = [];
    let updated = 0;
    for (const file of files) {
      for (const question of file.questions) {
        const columns = questionColumns(question, file.law, lawTexts[file.law]);
        const row = stored.get(question.id);
        if (!row) {
          toAdd.push({ ...columns, retired: 0, source: 'bank' as const, updatedAt });
        } else if (row.source === 'bank' && CONTENT_COLUMNS.some((column) => row[column] !== columns[column])) {
          await trx.updateTable('quizQuestion').set({ ...columns, updatedAt }).where('id', '=', question.id).execute();
          updated += 1;
        }
      }
    }
    // In slices: PostgreSQL takes at most 65535 parameters in one statement.
    for (let i = 0; i < toAdd.length; i += 200) {
      await trx.insertInto('quizQuestion').values(toAdd.slice(i, i + 200)).execute();
    }
    return { added: toAdd.length, updated };
  });
}
