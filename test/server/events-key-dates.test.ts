import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyDatesInYears, loadKeyDates } from '../../src/server/features/events/key-dates';

// The key dates are data (DESIGN §5): the server reads data/key-dates.json at start and refuses a file
// that would mark a wrong day.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-dates-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileWith(content: unknown): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

test('the project’s key dates load, each with its law', () => {
  const keyDates = loadKeyDates(path.resolve(__dirname, '..', '..', 'data', 'key-dates.json'));
  expect(keyDates.find((k) => k.id === 'civil-code-month')).toEqual({ id: 'civil-code-month', name: '民法典宣传月', law: '民法典', from: '05-01', to: '05-31' });
  expect(keyDates.every((k) => k.law.length > 0)).toBe(true);
});

test('a day the year does not have, a run that ends before it starts, or a missing law stops the start with the reason', () => {
  const day = (fields: object) => ({ keyDates: [{ id: 'x-day', name: '某日', law: '某法', from: '03-08', to: '03-08', ...fields }] });
  expect(() => loadKeyDates(fileWith(day({ from: '02-30', to: '02-30' })))).toThrow('x-day: not a day of the year');
  expect(() => loadKeyDates(fileWith(day({ from: '12-07', to: '12-01' })))).toThrow('x-day: "to" comes before "from"');
  expect(() => loadKeyDates(fileWith(day({ law: '' })))).toThrow(/are invalid: keyDates\.0\.law/);
  expect(() => loadKeyDates(path.join(dir, 'missing.json'))).toThrow(/cannot be read/);
});

test('placed in each year asked for, in calendar order; 29 February falls on the 28th in a common year', () => {
  const placed = keyDatesInYears(
    [
      { id: 'b', name: '乙', law: '某法', from: '12-01', to: '12-07' },
      { id: 'a', name: '甲', law: '某法', from: '02-29', to: '02-29' },
    ],
    [2027, 2028],
  );
  expect(placed.map((k) => `${k.id} ${k.from} ${k.to}`)).toEqual(['a 2027-02-28 2027-02-28', 'b 2027-12-01 2027-12-07', 'a 2028-02-29 2028-02-29', 'b 2028-12-01 2028-12-07']);
});
