import fs from 'node:fs';
import { KeyDatesFileSchema, type KeyDate } from '@core/events/schemas';
import { isLocalDate } from '@core/shared/shanghai-time';

/**
 * The key dates of the publicity year (data/key-dates.json), checked at start so that a mistyped day
 * stops the server with the reason rather than mark a wrong day on every calendar.
 */
export function loadKeyDates(file: string): KeyDate[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Key dates ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = KeyDatesFileSchema.safeParse(parsed);
  const problems = result.success
    ? result.data.keyDates.flatMap((keyDate) => {
        // A leap year, so that 02-29 counts as a day; a run of days stays within one year.
        if (!isLocalDate(`2024-${keyDate.from}`) || !isLocalDate(`2024-${keyDate.to}`)) return [`${keyDate.id}: not a day of the year`];
        return keyDate.from <= keyDate.to ? [] : [`${keyDate.id}: "to" comes before "from"`];
      })
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (!result.success || problems.length > 0) throw new Error(`Key dates ${file} are invalid: ${problems.join('; ')}`);
  return result.data.keyDates;
}

/** The key dates placed in each of the years, in calendar order; 02-29 falls on 02-28 in a common year. */
export function keyDatesInYears(keyDates: readonly KeyDate[], years: readonly number[]) {
  const place = (year: number, monthDay: string) => {
    const date = `${year}-${monthDay}`;
    return isLocalDate(date) ? date : `${year}-02-28`;
  };
  return years
    .flatMap((year) => keyDates.map(({ id, name, law, from, to }) => ({ id, name, law, from: place(year, from), to: place(year, to) })))
    .sort((a, b) => a.from.localeCompare(b.from));
}
