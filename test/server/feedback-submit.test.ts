import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import type { SubmitFeedbackInput } from '../../src/core/feedback/schemas';
import { openDatabase } from '../../src/server/db/database';
import { appendEvent } from '../../src/server/features/feedback/events';
import { saveOverride } from '../../src/server/features/sessions/repository';
import { newId, sha256 } from '../../src/server/shared/secrets';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

const STATION = firstStation.id;
// A Thursday; the station's next session is Monday 30 November, 09:00–11:30.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let staffId: string;

beforeAll(async () => {
  testApp = await createTestApp({
    now: () => clock,
    wechat: { apiBase: 'http://127.0.0.1:9', appId: undefined, secret: undefined, templates: { reply: 'tpl-reply-1', session: 'tpl-session-1' } },
  });
  staffId = newId();
  await db()
    .insertInto('staffAccount')
    .values({ id: staffId, username: 'desk', displayName: '张科员', role: 'staff', passwordHash: 'x', mustChangePassword: 0, createdAt: clock.toISOString() })
    .execute();
});

afterAll(() => testApp.close());

beforeEach(() => {
  clock = new Date('2026-11-26T10:00:00+08:00');
});

const db = () => testApp.database.handle.db;

type Call = { method?: 'GET' | 'POST'; url: string; token?: string; body?: unknown; app?: TestApp };
async function call({ method = 'GET', url, token, body, app = testApp }: Call) {
  const response = await app.app.inject({
    method,
    url: `/api${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined && { payload: body as object }),
  });
  return { status: response.statusCode, body: response.json() };
}

async function resident(app = testApp): Promise<string> {
  return (await call({ method: 'POST', url: '/auth/guest', body: {}, app })).body.token as string;
}

async function userIdOf(token: string): Promise<string> {
  const row = await db()
    .selectFrom('authToken')
    .select('subjectId')
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirstOrThrow();
  return row.subjectId;
}

/** A resident bound to a supervisor's certificate with the given term. */
async function supervisor(termEnd = '2027-12-31'): Promise<{ token: string; supervisorId: string }> {
  const token = await resident();
  const supervisorId = newId();
  await db()
    .insertInto('supervisor')
    .values({
      id: supervisorId,
      name: '陈监督',
      certificateNo: `BS-${supervisorId.slice(0, 8)}`,
      termStart: '2026-01-01',
      termEnd,
      userId: await userIdOf(token),
      createdAt: clock.toISOString(),
    })
    .execute();
  return { token, supervisorId };
}

function submission(overrides: Partial<SubmitFeedbackInput> = {}): SubmitFeedbackInput {
  return {
    clientId: randomUUID(),
    stationId: STATION,
    kind: 'complaint',
    categoryId: 'city-management',
    content: '菜市场门口长期占道经营，执法人员来了也只是口头劝离。',
    ...overrides,
  };
}

const submit = (token: string, body: unknown, app = testApp) => call({ method: 'POST', url: '/feedback', token, body, app });

async function uploadPhoto(token: string): Promise<string> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), 'street.jpg');
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/feedback/photos',
    headers: { authorization: `Bearer ${token}` },
    payload: form,
  });
  expect(response.statusCode).toBe(200);
  return response.json().id as string;
}

/** What the office does when it answers (its own routes are tested with the office's work). */
async function officeReplies(itemId: string, text: string): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const item = await trx.selectFrom('feedbackItem').select('status').where('id', '=', itemId).executeTakeFirstOrThrow();
      await trx.updateTable('feedbackItem').set({ status: 'replied' }).where('id', '=', itemId).execute();
      const at = clock.toISOString();
      await appendEvent(trx, itemId, { action: 'note', at, actorKind: 'staff', staffId, text: '已电话联系市场监管所' });
      await appendEvent(trx, itemId, { action: 'replied', at, actorKind: 'staff', staffId, fromStatus: item.status, toStatus: 'replied', text });
    });
}

const itemCount = async () => (await db().selectFrom('feedbackItem').select('id').execute()).length;

describe('submitting', () => {
  test('an item lands in the next session with its reply deadline, and reads back in full to its submitter', async () => {
    const token = await resident();
    const body = submission({
      place: { name: '朝天咀菜市场东门', latitude: 29.08, longitude: 106.14 },
      incidentAt: '2026-11-25T08:30',
      mobile: '13812345678',
    });
    const response = await submit(token, body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      kind: 'complaint',
      categoryId: 'city-management',
      categoryName: '城市管理（占道经营、机动车违停）',
      status: 'pending',
      submittedAt: clock.toISOString(),
      // Seven working days after Thursday 26 November.
      replyDue: '2026-12-07',
      session: { stationId: STATION, originalDate: '2026-11-30', date: '2026-11-30', status: 'scheduled', closed: false },
      content: body.content,
      photos: [],
      place: { name: '朝天咀菜市场东门', latitude: 29.08, longitude: 106.14 },
      incidentAt: '2026-11-25T08:30',
      anonymous: false,
      mobile: '13812345678',
      rating: null,
      canRate: false,
    });
    expect(response.body.events).toEqual([
      { at: clock.toISOString(), action: 'submitted', actor: '我', fromStatus: null, toStatus: 'pending', text: null, stars: null, movedFrom: null, movedTo: null },
    ]);
    const read = await call({ url: `/feedback/mine/${response.body.id}`, token });
    expect(read.body).toEqual(response.body);
  });

  test.each([
    ['Friday, across the weekend', '2026-11-27T10:00:00+08:00', '2026-12-08'],
    ['the eve of the National Day holiday, with its make-up Saturday', '2026-09-30T16:00:00+08:00', '2026-10-15'],
    ['late evening in Shanghai (still the same day there)', '2026-11-26T23:30:00+08:00', '2026-12-07'],
  ])('the reply deadline counts working days from %s', async (_when, instant, due) => {
    clock = new Date(instant);
    const response = await submit(await resident(), submission());
    expect(response.status).toBe(200);
    expect(response.body.replyDue).toBe(due);
  });

  test('an anonymous item keeps no mobile and says it is anonymous', async () => {
    const response = await submit(await resident(), submission({ anonymous: true }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ anonymous: true, mobile: null });
  });

  const validPhotoId = 'a'.repeat(64);
  test.each<[string, Record<string, unknown>, string]>([
    ['no client id', { clientId: undefined }, '缺少提交编号'],
    ['a malformed client id', { clientId: 'retry-1' }, '提交编号格式不对'],
    ['no station', { stationId: '' }, '请选择驿站'],
    ['an unknown station', { stationId: 'moon-station' }, '所选驿站不存在，请重新选择'],
    ['an unknown kind', { kind: 'praise' }, '请选择反馈类型'],
    ['no category', { categoryId: undefined }, '请选择类别'],
    ['an unknown category', { categoryId: 'weather' }, '所选类别不存在，请重新选择'],
    ['no content', { content: undefined }, '请填写反馈内容'],
    ['too short content', { content: '占道经营' }, '内容至少 10 个字，请把事情说清楚'],
    ['content that is only spaces around a few words', { content: '   太短了        ' }, '内容至少 10 个字，请把事情说清楚'],
    ['too long content', { content: '长'.repeat(2001) }, '内容最多 2000 个字'],
    ['ten photos', { photoIds: Array.from({ length: 10 }, (_, i) => String(i).repeat(64)) }, '最多上传 9 张照片'],
    ['a malformed photo id', { photoIds: ['../../etc/passwd'] }, '照片编号格式不对'],
    ['the same photo twice', { photoIds: [validPhotoId, validPhotoId] }, '同一张照片只需上传一次'],
    ['a photo never uploaded', { photoIds: [validPhotoId] }, '有照片没有上传成功，请删除后重新添加'],
    ['a place without a name', { place: { name: ' ' } }, '请填写地点'],
    ['a latitude off the globe', { place: { name: '东门', latitude: 91 } }, '纬度不对'],
    ['a longitude off the globe', { place: { name: '东门', longitude: -181 } }, '经度不对'],
    ['an impossible incident time', { incidentAt: '2026-02-30T09:00' }, '事发时间应为日期加时间，如 2026-05-01T09:30'],
    ['an incident time with seconds', { incidentAt: '2026-11-25T09:00:00' }, '事发时间应为日期加时间，如 2026-05-01T09:30'],
    ['an incident time in the future', { incidentAt: '2026-11-26T12:00' }, '事发时间不能晚于现在'],
    ['a mobile number that is not one', { mobile: '1234567' }, '请填写 11 位大陆手机号，如 13812345678'],
    ['an anonymous item with a mobile number', { anonymous: true, mobile: '13812345678' }, '匿名反馈不能留手机号；需要电话联系请关闭匿名'],
    ['an on-site flag that is not a yes or no', { onSite: 'yes' }, '现场提交标记应为是或否'],
    ['an anonymous switch that is not a yes or no', { anonymous: 1 }, '匿名开关应为是或否'],
    ['a 监督意见 without the enforcement unit', { kind: 'supervision', caseReference: '江津综执罚〔2026〕12号' }, '监督意见请填写执法单位'],
    ['a 监督意见 without the case reference', { kind: 'supervision', enforcementUnit: '白沙镇综合行政执法大队' }, '监督意见请填写案件编号或执法文书号'],
    [
      'an anonymous 监督意见',
      { kind: 'supervision', enforcementUnit: '白沙镇综合行政执法大队', caseReference: '江津综执罚〔2026〕12号', anonymous: true },
      '监督意见以监督员身份提交，不能匿名',
    ],
    ['an overlong enforcement unit', { kind: 'supervision', enforcementUnit: '队'.repeat(101), caseReference: '12号' }, '执法单位最多 100 个字'],
  ])('%s is refused with 400 and its message, and nothing is stored', async (_what, change, message) => {
    const before = await itemCount();
    const response = await submit(await resident(), { ...submission(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(message);
    expect(await itemCount()).toBe(before);
  });

  test('a photo someone else uploaded cannot be attached; the uploader can attach it', async () => {
    const owner = await resident();
    const photoId = await uploadPhoto(owner);
    const before = await itemCount();
    const stranger = await submit(await resident(), submission({ photoIds: [photoId] }));
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toBe('有照片没有上传成功，请删除后重新添加');
    expect(await itemCount()).toBe(before);
    const own = await submit(owner, submission({ photoIds: [photoId] }));
    expect(own.status).toBe(200);
    expect(own.body.photos).toEqual([{ id: photoId, url: `/api/feedback/photos/${photoId}` }]);
  });

  test('a time of incident a few minutes ahead of the server is the phone clock running fast, not the future', async () => {
    const response = await submit(await resident(), submission({ incidentAt: '2026-11-26T10:03' }));
    expect(response.status).toBe(200);
  });
});

describe('the 监督意见 kind', () => {
  const opinion = () =>
    submission({ kind: 'supervision', enforcementUnit: '白沙镇综合行政执法大队', caseReference: '江津综执罚〔2026〕12号' });

  test('is offered to and accepted from a supervisor in term, who is recorded with it', async () => {
    const { token, supervisorId } = await supervisor();
    expect((await call({ url: '/feedback/form', token })).body.kinds).toEqual(['supervision', 'complaint', 'suggestion', 'inquiry']);
    const response = await submit(token, opinion());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ kind: 'supervision', enforcementUnit: '白沙镇综合行政执法大队', caseReference: '江津综执罚〔2026〕12号' });
    const stored = await db().selectFrom('feedbackItem').select('supervisorId').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(stored.supervisorId).toBe(supervisorId);
  });

  test.each([
    ['a resident', async () => resident()],
    ['a supervisor whose term has ended', async () => (await supervisor('2026-11-25')).token],
  ])('is neither offered to nor accepted from %s', async (_who, tokenFor) => {
    const token = await tokenFor();
    expect((await call({ url: '/feedback/form', token })).body.kinds).toEqual(['complaint', 'suggestion', 'inquiry']);
    const before = await itemCount();
    const response = await submit(token, opinion());
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ code: 'SUPERVISOR_ONLY', message: '监督意见仅限在聘的执法监督员提交' });
    expect(await itemCount()).toBe(before);
  });
});

describe('idempotency', () => {
  test('a retry with the same client id returns the first item, even with other content, and stores nothing more', async () => {
    const token = await resident();
    const first = submission();
    const answered = await submit(token, first);
    const before = await itemCount();
    const retried = await submit(token, first);
    expect(retried).toEqual(answered);
    const altered = await submit(token, { ...first, content: '换了一种说法再提交一次，编号不变。' });
    expect(altered.body.id).toBe(answered.body.id);
    expect(altered.body.content).toBe(first.content);
    expect(await itemCount()).toBe(before);
  });

  test('the same client id from two people is two items', async () => {
    const clientId = randomUUID();
    const a = await submit(await resident(), submission({ clientId }));
    const b = await submit(await resident(), submission({ clientId }));
    expect(a.body.id).not.toBe(b.body.id);
  });

  test('50 submissions at once with 10 client ids make exactly 10 items, each answer carrying its own id’s item', async () => {
    const token = await resident();
    const userId = await userIdOf(token);
    const bodies = Array.from({ length: 10 }, (_, i) => submission({ content: `第 ${i} 条：同时提交的反馈内容，用来检验重复提交。` }));
    const requests = Array.from({ length: 50 }, (_, i) => bodies[i % 10]);
    const answers = await Promise.all(requests.map((body) => submit(token, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const stored = await db().selectFrom('feedbackItem').select(['id', 'clientId', 'content']).where('submitterId', '=', userId).execute();
    expect(stored).toHaveLength(10);
    const itemOf = new Map(stored.map((row) => [row.clientId, row]));
    answers.forEach((answer, i) => {
      const item = itemOf.get(requests[i].clientId);
      expect(answer.body.id).toBe(item?.id);
      expect(answer.body.content).toBe(requests[i].content);
    });
    const events = await db()
      .selectFrom('feedbackEvent')
      .select('itemId')
      .where('itemId', 'in', stored.map((row) => row.id))
      .execute();
    expect(events).toHaveLength(10);
  });
});

describe('which session an item joins', () => {
  test('sent on site during the session’s hours, it joins that session', async () => {
    clock = new Date('2026-11-30T09:30:00+08:00');
    const token = await resident();
    const form = await call({ url: `/feedback/form?stationId=${STATION}&onSite=1`, token });
    expect(form.body).toMatchObject({ onSiteAccepted: true, session: { date: '2026-11-30' } });
    const response = await submit(token, submission({ onSite: true }));
    expect(response.body.session.date).toBe('2026-11-30');
    const stored = await db().selectFrom('feedbackItem').select('onSite').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(Number(stored.onSite)).toBe(1);
  });

  test.each([
    ['before the session opens', '2026-11-30T08:30:00+08:00', '2026-11-30'],
    ['after the session has ended', '2026-11-30T12:00:00+08:00', '2026-12-15'],
  ])('sent "on site" %s, it is an ordinary item for the next session', async (_when, instant, date) => {
    clock = new Date(instant);
    const token = await resident();
    const form = await call({ url: '/feedback/form?onSite=1', token });
    expect(form.body).toMatchObject({ onSiteAccepted: false, session: { date } });
    const response = await submit(token, submission({ onSite: true }));
    expect(response.body.session.date).toBe(date);
    const stored = await db().selectFrom('feedbackItem').select('onSite').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(Number(stored.onSite)).toBe(0);
  });

  test('sent from home while a session is being held, it goes to the next one', async () => {
    clock = new Date('2026-11-30T09:30:00+08:00');
    const response = await submit(await resident(), submission());
    expect(response.body.session.date).toBe('2026-12-15');
  });

  test('a cancelled session is skipped: the item joins the next session that is held', async () => {
    const app = await createTestApp({ now: () => clock });
    try {
      await saveOverride(app.database.handle.db, STATION, { originalDate: '2026-11-30', kind: 'cancelled', reason: '驿站场地维修' }, clock);
      const token = await resident(app);
      const form = await call({ url: '/feedback/form', token, app });
      expect(form.body.session).toMatchObject({ originalDate: '2026-12-15', status: 'scheduled' });
      const response = await submit(token, submission(), app);
      expect(response.body.session).toMatchObject({ originalDate: '2026-12-15', date: '2026-12-15' });
    } finally {
      await app.close();
    }
  });
});

describe('the form', () => {
  test('gives the categories in order, the stations, the session an item would join and the configured templates', async () => {
    const response = await call({ url: '/feedback/form', token: await resident() });
    expect(response.status).toBe(200);
    expect(response.body.categories.map((c: { id: string }) => c.id)).toEqual([
      'city-management',
      'illegal-building',
      'transport',
      'fishery-river',
      'market',
      'environment',
      'other',
    ]);
    expect(response.body).toMatchObject({
      stations: [{ id: STATION, name: firstStation.name }],
      stationId: STATION,
      session: { date: '2026-11-30', window: { start: '09:00', end: '11:30' } },
      onSiteAccepted: false,
      subscribeTemplates: [
        { kind: 'reply', templateId: 'tpl-reply-1' },
        { kind: 'session', templateId: 'tpl-session-1' },
      ],
    });
  });

  test('an unknown station is said to be unknown', async () => {
    const response = await call({ url: '/feedback/form?stationId=moon-station', token: await resident() });
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('找不到该驿站，请返回首页重新选择');
  });
});

describe('my items', () => {
  test('a resident lists only their own items, newest first, and cannot open anyone else’s', async () => {
    const mine = await resident();
    const other = await resident();
    const first = await submit(mine, submission({ content: '第一条：河边有人电鱼，已经好几次了。' }));
    clock = new Date(clock.getTime() + 60_000);
    const second = await submit(mine, submission({ content: '第二条：违章搭建的彩钢棚占了消防通道。', categoryId: 'illegal-building' }));
    const theirs = await submit(other, submission());

    const list = await call({ url: '/feedback/mine', token: mine });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([second.body.id, first.body.id]);
    expect(list.body.items[0]).toMatchObject({
      categoryName: '违法建筑',
      excerpt: '第二条：违章搭建的彩钢棚占了消防通道。',
      rated: false,
      anonymous: false,
    });
    expect((await call({ url: '/feedback/mine', token: other })).body.items.map((i: { id: string }) => i.id)).toEqual([theirs.body.id]);

    for (const url of [`/feedback/mine/${theirs.body.id}`, `/feedback/mine/${randomUUID()}`]) {
      const refused = await call({ url, token: mine });
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual({ code: 'FEEDBACK_NOT_FOUND', message: '找不到这条反馈' });
    }
    const rating = await call({ method: 'POST', url: `/feedback/mine/${theirs.body.id}/rating`, token: mine, body: { stars: 1 } });
    expect(rating.status).toBe(404);
  });

  test('a long text is cut to an excerpt', async () => {
    const token = await resident();
    await submit(token, submission({ content: '很'.repeat(200) }));
    const [item] = (await call({ url: '/feedback/mine', token })).body.items;
    expect(item.excerpt).toBe(`${'很'.repeat(60)}…`);
  });
});

describe('rating a reply', () => {
  const rate = (token: string, id: string, body: object) => call({ method: 'POST', url: `/feedback/mine/${id}/rating`, token, body });

  test('is possible only once a reply has come, and only once per reply', async () => {
    const token = await resident();
    const { id } = (await submit(token, submission())).body;
    const early = await rate(token, id, { stars: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ code: 'NOT_YET_ANSWERED', message: '收到答复后才能评价' });

    await officeReplies(id, '已责令摊主退回店内经营，并安排每日巡查。');
    const replied = await call({ url: `/feedback/mine/${id}`, token });
    expect(replied.body).toMatchObject({ status: 'replied', canRate: true });
    // The office is named, never a colleague; internal notes never reach the submitter.
    expect(replied.body.events.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['submitted', '我'],
      ['replied', '白沙镇法治建设科'],
    ]);
    expect(JSON.stringify(replied.body)).not.toContain('市场监管所');
    expect(JSON.stringify(replied.body)).not.toContain('张科员');

    const rated = await rate(token, id, { stars: 4, comment: '处理及时' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'replied', canRate: false, rating: { stars: 4, comment: '处理及时', at: clock.toISOString() } });
    const again = await rate(token, id, { stars: 5 });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'ALREADY_RATED', message: '这次答复已经评价过了，每次答复只能评价一次' });
    expect((await call({ url: '/feedback/mine', token })).body.items[0].rated).toBe(true);
  });

  test('1–2 stars send the item back to the office once, with a fresh deadline; a second low rating only records', async () => {
    const token = await resident();
    const { id } = (await submit(token, submission())).body;
    await officeReplies(id, '经核查，摊位已清理。');
    clock = new Date('2026-12-04T15:00:00+08:00');
    const low = await rate(token, id, { stars: 2, comment: '根本没有清理' });
    expect(low.status).toBe(200);
    // Seven working days after Friday 4 December.
    expect(low.body).toMatchObject({ status: 'accepted', replyDue: '2026-12-15', canRate: false });
    expect(low.body.events.slice(-2)).toEqual([
      expect.objectContaining({ action: 'rated', actor: '我', stars: 2, text: '根本没有清理', fromStatus: 'replied', toStatus: 'replied' }),
      expect.objectContaining({ action: 'reopened', actor: '系统', fromStatus: 'replied', toStatus: 'accepted' }),
    ]);
    expect((await rate(token, id, { stars: 1 })).body.code).toBe('NOT_YET_ANSWERED');

    await officeReplies(id, '已再次现场核查并拆除摊位。');
    const second = await rate(token, id, { stars: 1 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'replied', rating: { stars: 1 }, canRate: false });
    expect(second.body.events.filter((e: { action: string }) => e.action === 'reopened')).toHaveLength(1);
    expect((await rate(token, id, { stars: 3 })).status).toBe(409);
  });

  test.each([[0], [6], [2.5]])('%p stars is refused', async (stars) => {
    const token = await resident();
    const { id } = (await submit(token, submission())).body;
    await officeReplies(id, '已答复。');
    const response = await rate(token, id, { stars });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('请选择 1–5 颗星');
    const stored = await db().selectFrom('feedbackItem').select('ratingStars').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.ratingStars).toBeNull();
  });
});

test('one person submitting too often is told to wait; others are not held up', async () => {
  const limited = await createTestApp({ now: () => clock, feedbackPerHour: 3 });
  try {
    const eager = await resident(limited);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i += 1) {
      last = await submit(eager, submission(), limited);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) });
    expect((await submit(await resident(limited), submission(), limited)).status).toBe(200);
    const stored = await limited.database.handle.db.selectFrom('feedbackItem').select('id').execute();
    expect(stored).toHaveLength(4);
  } finally {
    await limited.close();
  }
});

describe('the hourly limit counts items stored, not requests', () => {
  let limited: TestApp;
  const stored = async (token: string) => (await call({ url: '/feedback/mine', token, app: limited })).body.items.length;

  beforeEach(async () => {
    limited = await createTestApp({ now: () => clock, feedbackPerHour: 2 });
  });
  afterEach(() => limited.close());

  test('resending an item already stored is never refused, however often and however late', async () => {
    const token = await resident(limited);
    const first = submission();
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await submit(token, first, limited)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect((await submit(token, submission(), limited)).status).toBe(200);
    clock = new Date(clock.getTime() + 10 * 60_000);
    const refused = await submit(token, submission(), limited);
    expect(refused.status).toBe(429);
    // Room opens when the first item is an hour old: 50 minutes from now.
    expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请 3000 秒后再试' });
    expect((await submit(token, first, limited)).status).toBe(200);
    expect(await stored(token)).toBe(2);
  });

  test('attempts refused for what they carry do not count; an hour later there is room again', async () => {
    const token = await resident(limited);
    for (const change of [{ categoryId: 'weather' }, { stationId: 'moon-station' }, { content: '太短' }]) {
      expect((await submit(token, submission(change), limited)).status).toBe(400);
    }
    expect((await submit(token, submission(), limited)).status).toBe(200);
    expect((await submit(token, submission(), limited)).status).toBe(200);
    expect((await submit(token, submission(), limited)).status).toBe(429);
    clock = new Date(clock.getTime() + 60 * 60_000);
    expect((await submit(token, submission(), limited)).status).toBe(200);
    expect(await stored(token)).toBe(3);
  });
});

test('SQLite syncs every commit to disk, also when the server reopens an existing database', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-sync-'));
  try {
    const file = path.join(dir, 'durable.sqlite');
    for (const opening of ['new file', 'reopened']) {
      const { db: sqlite } = openDatabase({ sqliteFile: file });
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(sqlite);
      await sqlite.destroy();
      // 2 is FULL; WAL's default of NORMAL (1) may lose the last acknowledged submissions on power loss.
      expect([opening, rows[0].synchronous]).toEqual([opening, 2]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
