import ExcelJS from 'exceljs';
import { LAWS, type Law, type Question } from '@core/quiz/question';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import type { LawTexts } from './law-texts';
import { checkQuestionList, normalisedStem, type LocatedProblem } from './question-checks';
import { questionColumns } from './question-bank';
import { questionsInUnfinishedPapers } from './contest-attempts';

export interface ImportProblem {
  /** 1-based: the sheet's row, or the question's place in a JSON file's list. */
  row: number;
  message: string;
}

/** What a file says, before it is compared with the stored bank. */
interface ParsedImport {
  law: Law | undefined;
  questions: Question[];
  /** The row of each question, once every one holds (questions and rows then line up). */
  rows: number[];
  problems: ImportProblem[];
}

const LAW_NAMES: Record<string, Law> = { 'civil-code': 'civil-code', 民法典: 'civil-code', constitution: 'constitution', 宪法: 'constitution' };
const TYPE_NAMES: Record<string, Question['type']> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  true_false: 'true_false',
  判断: 'true_false',
  判断题: 'true_false',
};
const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const TRUE_FALSE_OPTIONS = ['正确', '错误'];

/** The sheet's columns, found by their header (English as in the README, or the Chinese name). */
const COLUMNS = {
  id: ['id', '编号'],
  law: ['law', '法律'],
  type: ['type', '题型'],
  stem: ['stem', '题干'],
  ...Object.fromEntries(OPTION_LETTERS.map((letter) => [`option${letter}`, [`option${letter}`, `选项${letter}`]])),
  answer: ['answer', '答案'],
  explanation: ['explanation', '解析'],
  articles: ['articles', '法条'],
  difficulty: ['difficulty', '难度'],
  tags: ['tags', '标签'],
} as Record<string, string[]>;
const REQUIRED_COLUMNS = ['id', 'law', 'type', 'stem', 'answer', 'explanation', 'articles', 'difficulty'];

const headerKey = (text: string) => text.replace(/\s/g, '').toLowerCase();

function problemsOf(located: LocatedProblem[], rowOf: (index: number) => number): ImportProblem[] {
  return located.map((p) => ({ row: rowOf(p.index), message: p.message }));
}

/** A bank file as data/questions holds them: `{ law, questions: [...] }`. */
function parseJsonFile(bytes: Buffer, lawTexts: LawTexts): ParsedImport {
  let content: unknown;
  try {
    content = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError(400, 'IMPORT_UNREADABLE', '文件不是有效的 JSON，请检查后重新选择');
  }
  const { law, questions } = (content ?? {}) as { law?: unknown; questions?: unknown };
  if (!LAWS.includes(law as Law)) throw new AppError(400, 'IMPORT_UNREADABLE', 'JSON 文件的 law 应为 civil-code（民法典）或 constitution（宪法）');
  if (!Array.isArray(questions)) throw new AppError(400, 'IMPORT_UNREADABLE', 'JSON 文件缺少 questions 题目列表');
  const checked = checkQuestionList(questions, law as Law, lawTexts, (index) => `第 ${index + 1} 题`);
  return {
    law: law as Law,
    questions: checked.questions,
    rows: questions.map((_, index) => index + 1),
    problems: problemsOf(checked.problems, (index) => index + 1),
  };
}

interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** One sheet row as a question candidate; what cannot be turned into a field is a problem of that field. */
function rowCandidate(cells: Record<string, string>): { candidate: Record<string, unknown>; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const type = TYPE_NAMES[cells.type] ?? cells.type;

  const optionCells = OPTION_LETTERS.map((letter) => cells[`option${letter}`] ?? '');
  const filled = optionCells.map((text) => text !== '');
  const options = optionCells.slice(0, filled.lastIndexOf(true) + 1);
  const gap = options.findIndex((text) => text === '');
  if (gap !== -1) problems.push({ field: 'options', message: `选项 ${OPTION_LETTERS[gap]} 是空的：选项应从 A 起连续填写` });

  let answer: number[] | undefined;
  if (TRUE_FALSE_OPTIONS.includes(cells.answer)) {
    answer = [TRUE_FALSE_OPTIONS.indexOf(cells.answer)];
  } else {
    const letters = cells.answer.toUpperCase().replace(/[\s,，、]/g, '').split('');
    if (letters.every((letter) => (OPTION_LETTERS as readonly string[]).includes(letter))) {
      answer = letters.map((letter) => OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]));
    } else {
      problems.push({ field: 'answer', message: `答案“${cells.answer}”应为选项字母（如 A 或 AC），判断题写“正确”或“错误”` });
    }
  }

  const articleTexts = cells.articles.split(/[\s,，、]+/).filter(Boolean);
  const articleNumbers = articleTexts.map((text) => /^第?(\d{1,4})条?$/.exec(text)?.[1]);
  let articles: number[] | undefined;
  if (articleNumbers.every((n) => n !== undefined)) articles = articleNumbers.map(Number);
  else problems.push({ field: 'articles', message: `法条“${cells.articles}”应为条号数字，多条用逗号分隔（如 1079,1080）` });

  return {
    candidate: {
      id: cells.id,
      type,
      stem: cells.stem,
      // 判断题 may leave the option columns empty: their options are always 正确 and 错误.
      options: type === 'true_false' && options.length === 0 ? TRUE_FALSE_OPTIONS : options,
      answer,
      explanation: cells.explanation,
      articles,
      difficulty: /^\d+$/.test(cells.difficulty) ? Number(cells.difficulty) : cells.difficulty,
      tags: cells.tags.split(/[、,，]/).map((tag) => tag.trim()).filter(Boolean),
    },
    problems,
  };
}

async function readSheet(bytes: Buffer): Promise<{ rows: SheetRow[]; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as the older, non-generic Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new AppError(400, 'IMPORT_UNREADABLE', '无法读取这个 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再试');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'IMPORT_UNREADABLE', '.xlsx 文件里没有工作表');
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const key = headerKey(cell.text);
    const name = Object.keys(COLUMNS).find((field) => COLUMNS[field].some((alias) => headerKey(alias) === key));
    if (name && !columnOf.has(name)) columnOf.set(name, column);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columnOf.has(name));
  if (missing.length > 0) {
    return { rows: [], problems: [{ row: 1, message: `表头缺少这些列：${missing.join('、')}（格式见 README 的“题库导入”）` }] };
  }
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(Object.keys(COLUMNS).map((name) => {
      const column = columnOf.get(name);
      return [name, column === undefined ? '' : row.getCell(column).text.trim()];
    }));
    if (Object.values(cells).some((text) => text !== '')) rows.push({ row: rowNumber, cells });
  });
  return { rows, problems: [] };
}

/**
 * The first sheet of an .xlsx: a header row, then one question a row (columns in README.md). Every row
 * must be about the same law, since an import adds to one law's bank.
 */
async function parseXlsxFile(bytes: Buffer, lawTexts: LawTexts): Promise<ParsedImport> {
  const sheet = await readSheet(bytes);
  if (sheet.problems.length > 0) return { law: undefined, questions: [], rows: [], problems: sheet.problems };
  const problems: ImportProblem[] = [];
  let law: Law | undefined;
  let lawRow = 0;
  for (const { row, cells } of sheet.rows) {
    const rowLaw = LAW_NAMES[cells.law];
    if (!rowLaw) problems.push({ row, message: `法律“${cells.law}”应为 civil-code（民法典）或 constitution（宪法）` });
    else if (!law) [law, lawRow] = [rowLaw, row];
    else if (rowLaw !== law) problems.push({ row, message: `一份文件只能导入一部法律的题：这一行与第 ${lawRow} 行的法律不同` });
  }
  const converted = sheet.rows.map(({ cells }) => rowCandidate(cells));
  const rowOf = (index: number) => sheet.rows[index].row;
  const checked = law
    ? checkQuestionList(converted.map((c) => c.candidate), law, lawTexts, (index) => `第 ${rowOf(index)} 行`)
    : { questions: [], problems: [] };
  converted.forEach((c, index) => {
    for (const p of c.problems) problems.push({ row: rowOf(index), message: p.message });
  });
  // A field that could not be read is reported once, by what was wrong with the cell.
  const unreadable = (p: LocatedProblem) => converted[p.index].problems.some((c) => c.field === p.field);
  problems.push(...problemsOf(checked.problems.filter((p) => !unreadable(p)), rowOf));
  return { law, questions: checked.questions, rows: sheet.rows.map((r) => r.row), problems };
}

export type ImportFormat = 'json' | 'xlsx';

/** By the bytes first (an .xlsx is a zip), then by the name; anything else is refused. */
export function importFormatOf(fileName: string, bytes: Buffer): ImportFormat | undefined {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (/\.json$/i.test(fileName) || bytes.toString('utf8').trimStart().startsWith('{')) return 'json';
  return undefined;
}

/**
 * Checks a whole file and stores it only if every question holds: new ids are added, ids already in
 * that law's bank are replaced; either way they become the office's own ('imported'), which the bank
 * files never overwrite. On any problem nothing is stored, and each problem is returned with its row.
 */
export async function importQuestions(
  db: Database,
  format: ImportFormat,
  bytes: Buffer,
  lawTexts: LawTexts,
  now: Date,
): Promise<{ law: Law; added: number; updated: number }> {
  const parsed = format === 'json' ? parseJsonFile(bytes, lawTexts) : await parseXlsxFile(bytes, lawTexts);
  const refuse = (problems: ImportProblem[]) =>
    new AppError(422, 'IMPORT_REFUSED', `文件有 ${problems.length} 处问题，没有导入任何题目，请逐条修改后重新导入`, undefined, problems);
  if (parsed.problems.length > 0) throw refuse(parsed.problems.sort((a, b) => a.row - b.row));
  const { law, questions } = parsed;
  if (!law || questions.length === 0) throw new AppError(400, 'IMPORT_EMPTY', '文件里没有题目');

  const rowOfId = new Map(questions.map((q, index) => [q.id, parsed.rows[index]]));
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const stored = await trx.selectFrom('quizQuestion').select(['id', 'law', 'stem', 'options']).execute();
    const lawOfId = new Map(stored.map((row) => [row.id, row.law]));
    const optionCountOfId = new Map(stored.map((row) => [row.id, (JSON.parse(row.options) as string[]).length]));
    const reshaped = questions.filter((q) => optionCountOfId.has(q.id) && optionCountOfId.get(q.id) !== q.options.length);
    const held = new Set(await questionsInUnfinishedPapers(trx, reshaped.map((q) => q.id), now));
    const idOfStem = new Map(stored.map((row) => [normalisedStem(row.stem), row.id]));
    const problems: ImportProblem[] = [];
    for (const question of questions) {
      const row = rowOfId.get(question.id) ?? 0;
      const otherLaw = lawOfId.get(question.id);
      if (otherLaw && otherLaw !== law) problems.push({ row, message: `编号 ${question.id} 已被另一部法律的题使用` });
      const sameStem = idOfStem.get(normalisedStem(question.stem));
      if (sameStem && sameStem !== question.id) problems.push({ row, message: `题干与题库中的 ${sameStem} 相同` });
      if (held.has(question.id)) problems.push({ row, message: `${question.id} 在正在进行的竞赛答卷里，竞赛结束前不能改变选项的个数` });
    }
    if (problems.length > 0) throw refuse(problems);

    let added = 0;
    for (const question of questions) {
      const columns = { ...questionColumns(question, law, lawTexts[law]), source: 'imported' as const, updatedAt: at };
      if (lawOfId.has(question.id)) {
        await trx.updateTable('quizQuestion').set(columns).where('id', '=', question.id).execute();
      } else {
        await trx.insertInto('quizQuestion').values({ ...columns, retired: 0 }).execute();
        added += 1;
      }
    }
    return { law, added, updated: questions.length - added };
  });
}
