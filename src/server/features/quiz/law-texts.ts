import fs from 'node:fs';
import path from 'node:path';
import { LAWS, LawTextSchema, indexLaw, type Law, type LawIndex } from '@core/quiz/question';
import { projectPath } from '../../config';

/** Both laws' texts, indexed by article number: what questions are checked against and explanations quote. */
export type LawTexts = Readonly<Record<Law, LawIndex>>;

/** Read once at startup from data/<law>.json; a file that does not fit stops the start. */
export function loadLawTexts(dataDir: string = projectPath('data')): LawTexts {
  const entries = LAWS.map((law) => {
    const file = path.join(dataDir, `${law}.json`);
    const parsed = LawTextSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`Law text ${file} does not fit the expected format: ${parsed.error.issues[0]?.message}`);
    return [law, indexLaw(parsed.data)] as const;
  });
  return Object.fromEntries(entries) as Record<Law, LawIndex>;
}
