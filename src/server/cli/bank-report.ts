import fs from 'node:fs';
import path from 'node:path';
import {
  LAWS,
  LawTextSchema,
  MIN_QUESTIONS_PER_CHAPTER,
  QuestionBankFileSchema,
  SITUATION_TAG,
  indexLaw,
  placeOf,
  questionProblems,
  type Law,
  type LawIndex,
  type Question,
} from '@core/quiz/question';

// `npm run bank:report`: what the question bank holds, law by law, for the office and the issue's closing note.
// Each law's text is data/<law>.json and its questions are data/questions/<law>/*.json.

const dataDir = path.resolve(__dirname, '..', '..', '..', 'data');

const TYPE_NAMES: Record<Question['type'], string> = { single: '单选', multiple: '多选', true_false: '判断' };
const DIFFICULTY_NAMES: Record<Question['difficulty'], string> = { 1: '易', 2: '中', 3: '难' };

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The bank of one law, or what stops it from being read. */
function readBank(law: Law): { questions: Question[]; files: number; refusals: string[] } {
  const dir = path.join(dataDir, 'questions', law);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const refusals: string[] = [];
  const questions = files.flatMap((file) => {
    const parsed = QuestionBankFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      refusals.push(...parsed.error.issues.map((i) => `${law}/${file} ${i.path.join('.')}：${i.message}`));
      return [];
    }
    if (parsed.data.law !== law) refusals.push(`${law}/${file}：文件写的法律是 ${parsed.data.law}，却放在 ${law} 目录下`);
    return parsed.data.questions;
  });
  return { questions, files: files.length, refusals };
}

function reportLaw(law: LawIndex, questions: Question[], files: number): string[] {
  const lines = [`${law.title}：${questions.length} 道题（${files} 个文件）`];
  const byType = countBy(questions, (q) => q.type);
  lines.push(
    `  题型：${(Object.keys(TYPE_NAMES) as Question['type'][])
      .map((t) => `${TYPE_NAMES[t]} ${byType.get(t) ?? 0}（${percent(byType.get(t) ?? 0, questions.length)}）`)
      .join('，')}`,
  );
  const byDifficulty = countBy(questions, (q) => String(q.difficulty));
  lines.push(
    `  难度：${([1, 2, 3] as const)
      .map((d) => `${DIFFICULTY_NAMES[d]} ${byDifficulty.get(String(d)) ?? 0}（${percent(byDifficulty.get(String(d)) ?? 0, questions.length)}）`)
      .join('，')}`,
  );
  const situations = questions.filter((q) => q.tags.includes(SITUATION_TAG)).length;
  lines.push(`  情境题：${situations}（${percent(situations, questions.length)}）`);

  const hasBooks = law.chapters.some((place) => place.book !== null);
  lines.push(`  按${hasBooks ? '编、' : ''}章（每题计入它所引第一条所在的章）：`);
  const placeKey = (book: string | null, chapter: string | null) => `${book ?? ''}\u0000${chapter ?? ''}`;
  const byChapter = countBy(questions, (q) => {
    const place = placeOf(q, law);
    return place ? placeKey(place.book, place.chapter) : '';
  });
  const byBook = countBy(questions, (q) => placeOf(q, law)?.book ?? '');
  let book: string | null = null;
  for (const place of law.chapters) {
    if (place.book !== null && place.book !== book) {
      book = place.book;
      lines.push(`    ${book}：${byBook.get(book) ?? 0}`);
    }
    if (place.chapter === null) continue;
    const count = byChapter.get(placeKey(place.book, place.chapter)) ?? 0;
    const short = count < MIN_QUESTIONS_PER_CHAPTER ? `（不足 ${MIN_QUESTIONS_PER_CHAPTER} 道）` : '';
    lines.push(`${place.book === null ? '    ' : '      '}${place.chapter}：${count}${short}`);
  }
  return lines;
}

function main(): void {
  const lines: string[] = [];
  const problems: string[] = [];
  let total = 0;
  for (const law of LAWS) {
    const text = indexLaw(LawTextSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, `${law}.json`), 'utf8'))));
    const bank = readBank(law);
    problems.push(...bank.refusals);
    for (const q of bank.questions) problems.push(...questionProblems(q, text.articles).map((p) => `${q.id}：${p}`));
    lines.push(...reportLaw(text, bank.questions, bank.files), '');
    total += bank.questions.length;
  }
  lines.push(`合计：${total} 道题`);
  if (problems.length > 0) lines.push(`有 ${problems.length} 处问题：`, ...problems.map((p) => `  ${p}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main();
