import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SelectQueryNode, type Insertable, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import type { FeedbackItemTable } from '../../src/server/db/schema';
import { PAGE_ROWS } from '../../src/server/features/exports/export-scope';
import { parseCsv, readWorkbook } from '../support/export-files';
import { signInStaff } from '../support/sign-in';
import { useListeningTestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// Large exports stream (issue 8, must 3): rows are read a page at a time while the file is sent, the
// server reads no further than the client takes, and a client that goes away stops the reading. Over
// real HTTP, on a listening server whose database handle counts the pages it reads.

/** Counts the export's page queries: the only queries with a LIMIT that a feedback export makes. */
class PageCounter implements KyselyPlugin {
  pages = 0;

  transformQuery({ node }: PluginTransformQueryArgs) {
    if (SelectQueryNode.is(node) && node.limit) this.pages += 1;
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs) {
    return result;
  }
}

const clock = new Date('2026-07-01T10:00:00+08:00');
const counter = new PageCounter();
const server = useListeningTestApp({ now: () => clock, queryPlugins: [counter] });
const ROWS = 20_000;
/** Pages of a whole export: the last one, shorter than PAGE_ROWS (or empty), ends the reading. */
const ALL_PAGES = Math.floor(ROWS / PAGE_ROWS) + 1;
/** Several items share each second, so pages break inside runs of equal times. */
const ITEMS_PER_SECOND = 7;
const BATCH = 500;
let office: string;
const inserted = new Set<string>();

/**
 * Text that compresses about as poorly as real writing: each row is a few kilobytes in the CSV and
 * in the workbook, so a whole export is far more than the sockets between server and client can hold.
 */
function content(row: number): string {
  let state = row + 1;
  const characters = Array.from({ length: 1200 }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCharCode(0x4e00 + (state % 3000));
  });
  return `第 ${row + 1} 条：${characters.join('')}`;
}

beforeAll(async () => {
  const { testApp } = server();
  const db = testApp.database.handle.db;
  office = await signInStaff(testApp, { username: 'bulk.desk', displayName: '吴科员' }, clock);
  const submitterId = randomUUID();
  await db.insertInto('appUser').values({ id: submitterId, kind: 'guest', wechatOpenid: null, createdAt: '2026-01-01T00:00:00.000Z' }).execute();
  const start = Date.parse('2026-03-01T00:00:00+08:00');
  const rows: Insertable<FeedbackItemTable>[] = Array.from({ length: ROWS }, (_, i) => {
    const id = randomUUID();
    inserted.add(id);
    return {
      id,
      clientId: randomUUID(),
      submitterId,
      kind: i % 3 === 0 ? 'suggestion' : 'complaint',
      categoryId: 'city-management',
      content: content(i),
      placeName: null,
      latitude: null,
      longitude: null,
      incidentAt: null,
      anonymous: i % 2,
      mobile: i % 2 === 0 ? '13812345678' : null,
      enforcementUnit: null,
      caseReference: null,
      supervisorId: null,
      stationId: firstStation.id,
      sessionDate: '2026-03-15',
      onSite: 0,
      status: 'pending',
      reopened: 0,
      flagged: 0,
      duplicateOf: null,
      submittedAt: new Date(start + Math.floor(i / ITEMS_PER_SECOND) * 1000).toISOString(),
      replyDue: '2026-03-10',
      ratingStars: null,
      ratingComment: null,
      ratedAt: null,
      viaGridId: null,
      sharerId: null,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('feedbackItem').values(rows.slice(i, i + BATCH)).execute();
}, 120_000);

const exportUrl = (format: string) => `${server().origin}/api/staff/exports/feedback?from=2026-03-01&to=2026-03-31&format=${format}`;

/**
 * The pages read so far, once the server has stopped reading more: the count has stayed the same across
 * several looks, some turns of the event loop and some short waits apart. No time is asserted; how long
 * it takes to settle does not matter.
 */
async function pagesOnceSettled(): Promise<number> {
  let seen = -1;
  let unchanged = 0;
  while (unchanged < 5) {
    await sleep(50);
    unchanged = counter.pages === seen ? unchanged + 1 : 0;
    seen = counter.pages;
  }
  return seen;
}

async function ids(format: string, bytes: Buffer): Promise<string[]> {
  if (format === 'xlsx') return (await readWorkbook(bytes))[0].rows.slice(1).map((row) => row[0] as string);
  return parseCsv(bytes.toString('utf8').slice(1)).slice(1).map((row) => row[0]);
}

test.each(['xlsx', 'csv'])(
  'a %s export of 20,000 rows reads no further than the client takes, then sends every row once when it takes the rest',
  async (format) => {
    const before = counter.pages;
    const response = await fetch(exportUrl(format), { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    try {
      const first = await reader.read();
      chunks.push(first.value!);

      // The client stops taking: the server fills what the sockets hold and then waits.
      const whileStalled = (await pagesOnceSettled()) - before;
      expect(whileStalled).toBeGreaterThan(0);
      expect(whileStalled).toBeLessThanOrEqual(ALL_PAGES / 4);

      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
    } finally {
      // A failed expectation must not leave the server waiting on this client for ever.
      await reader.cancel();
    }
    expect(counter.pages - before).toBe(ALL_PAGES);
    // Every row once, none twice, though pages break inside runs of equal submission times.
    const exported = await ids(format, Buffer.concat(chunks));
    expect(exported).toHaveLength(ROWS);
    expect(new Set(exported)).toEqual(inserted);
  },
  60_000,
);

test('a client that hangs up halfway stops the export; the server carries on', async () => {
  const before = counter.pages;
  const controller = new AbortController();
  const response = await fetch(exportUrl('csv'), { headers: { authorization: `Bearer ${office}` }, signal: controller.signal });
  const reader = response.body!.getReader();
  await reader.read();
  controller.abort();
  await expect(reader.read()).rejects.toThrow();

  const afterHangingUp = (await pagesOnceSettled()) - before;
  expect(afterHangingUp).toBeLessThanOrEqual(ALL_PAGES / 4);

  const health = await fetch(`${server().origin}/api/health`);
  expect(health.status).toBe(200);
  const whole = await fetch(exportUrl('csv'), { headers: { authorization: `Bearer ${office}` } });
  expect(parseCsv((await whole.text()).slice(1))).toHaveLength(ROWS + 1);
}, 60_000);
