import jsQR from 'jsqr';
import sharp from 'sharp';
import { SHARE_SCENE_PATTERN } from '../../src/core/sharing/schemas';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { signInGuest, signInStaff } from '../support/sign-in';
import { bindGridWorker, openCard, publishedEvent, type GridWorkerPerson } from '../support/sharing-fixture';
import { POSTER_CODES_PER_MINUTE } from '../../src/server/features/sharing/routes';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// The code on a poster (issue 7, must 6): with WeChat credentials a mini-program code made by WeChat
// (the local fake here) whose scene the server can read back; without them a QR code of the page's H5
// address. A grid worker's code carries their attribution, anyone else's opens the page plainly.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const clock = new Date('2026-12-04T10:00:00+08:00');

interface Fixture {
  testApp: TestApp;
  worker: GridWorkerPerson;
  eventId: string;
}

async function setUp(testApp: TestApp): Promise<Fixture> {
  const office = await signInStaff(testApp, { username: 'poster.desk', displayName: '周科员' }, clock);
  const worker = await bindGridWorker(testApp, office, '网格员甲', 'chaotianzui-1');
  const eventId = await publishedEvent(testApp, office, '国家宪法日集中宣传', '2026-12-04T14:00:00+08:00', '2026-12-04T17:00:00+08:00');
  return { testApp, worker, eventId };
}

async function posterCode(testApp: TestApp, query: string, token?: string) {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/shares/code?${query}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, type: response.headers['content-type'], bytes: response.rawPayload, json: () => response.json() };
}

/** Reads the QR code in a PNG, as a phone's camera would. */
async function readQr(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('without WeChat credentials: a QR code of the H5 address', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await setUp(await createTestApp({ now: () => clock }));
  });
  afterAll(() => fixture.testApp.close());

  test('a grid worker’s code opens the event page with their grid and code', async () => {
    const { testApp, worker, eventId } = fixture;
    const code = await posterCode(testApp, `kind=event&itemId=${eventId}`, worker.token);
    expect(code.status).toBe(200);
    expect(code.type).toBe('image/png');
    expect(code.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(await readQr(code.bytes)).toBe(
      `http://127.0.0.1:3000/#/packages/events/detail/index?id=${eventId}&g=chaotianzui-1&s=${worker.sharerCode}`,
    );
  });

  test('anyone else’s code opens the page plainly: the session summary, or the daily quiz', async () => {
    const { testApp } = fixture;
    const summary = await posterCode(testApp, `kind=summary&itemId=${encodeURIComponent(`${firstStation.id}/2026-11-30`)}`);
    expect(summary.status).toBe(200);
    expect(await readQr(summary.bytes)).toBe(`http://127.0.0.1:3000/#/packages/info/session-summary/index?station=${firstStation.id}&date=2026-11-30`);
    const resident = await signInGuest(testApp);
    const daily = await posterCode(testApp, `kind=quiz&itemId=${encodeURIComponent('daily/2026-12-04')}`, resident.token);
    expect(await readQr(daily.bytes)).toBe('http://127.0.0.1:3000/#/packages/quiz/daily/index?from=quiz&date=2026-12-04');
    // The daily quiz is shared one day at a time.
    expect((await posterCode(testApp, 'kind=quiz&itemId=daily', resident.token)).status).toBe(404);
  });

  test('an unknown item or kind gets a clear 4xx instead of an image', async () => {
    const { testApp } = fixture;
    const unknown = await posterCode(testApp, 'kind=event&itemId=00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.json().message).toBe('分享的内容不存在或已删除');
    const badKind = await posterCode(testApp, 'kind=poster&itemId=daily');
    expect(badKind.status).toBe(400);
    expect(badKind.json().message).toContain('分享内容类型不对');
  });
});

describe('with WeChat credentials: a mini-program code', () => {
  let wechat: FakeWeChat;
  let fixture: Fixture;
  beforeAll(async () => {
    wechat = await startFakeWeChat();
    const testApp = await createTestApp({ now: () => clock, wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET } });
    fixture = await setUp(testApp);
  });
  afterAll(async () => {
    await fixture.testApp.close();
    await wechat.close();
  });

  test('WeChat makes it for the event page with a short scene that reads back as the item and the worker', async () => {
    const { testApp, worker, eventId } = fixture;
    const code = await posterCode(testApp, `kind=event&itemId=${eventId}`, worker.token);
    expect(code.status).toBe(200);
    expect(code.type).toBe('image/png');
    expect(code.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    const request = wechat.codeRequests.at(-1)!;
    expect(request.body).toEqual({ scene: expect.stringMatching(SHARE_SCENE_PATTERN), page: 'packages/events/detail/index', check_path: false, env_version: 'release' });
    expect(request.body.scene.length).toBeLessThanOrEqual(32);
    // WeChat's JPEG, turned into PNG: still the code WeChat drew.
    expect(await readQr(code.bytes)).toBe(`wxacode:packages/events/detail/index?scene=${request.body.scene}`);

    const scene = await testApp.app.inject({ method: 'GET', url: `/api/shares/scenes/${request.body.scene}` });
    expect(scene.statusCode).toBe(200);
    expect(scene.json()).toEqual({ kind: 'event', itemId: eventId, sharer: worker.sharerCode, grid: 'chaotianzui-1' });

    // The page opened from it reports the open with what the scene said: credited to the worker.
    const visitor = await signInGuest(testApp);
    const { sharer, grid } = scene.json();
    expect((await openCard(testApp, visitor, 'event', eventId, { sharer, grid })).body).toEqual({ attributed: true });
  });

  test('the same poster asked again keeps its scene; someone else’s code has a plain one', async () => {
    const { testApp, worker, eventId } = fixture;
    await posterCode(testApp, `kind=event&itemId=${eventId}`, worker.token);
    await posterCode(testApp, `kind=event&itemId=${eventId}`, worker.token);
    const [earlier, later] = wechat.codeRequests.slice(-2);
    expect(later.body.scene).toBe(earlier.body.scene);

    expect((await posterCode(testApp, `kind=event&itemId=${eventId}`)).status).toBe(200);
    const plain = wechat.codeRequests.at(-1)!.body.scene;
    expect(plain).not.toBe(earlier.body.scene);
    const scene = await testApp.app.inject({ method: 'GET', url: `/api/shares/scenes/${plain}` });
    expect(scene.json()).toEqual({ kind: 'event', itemId: eventId, sharer: null, grid: null });
  });

  test('a session card’s code opens the home page', async () => {
    const { testApp } = fixture;
    const sessionId = `${firstStation.id}/2026-12-15`;
    expect((await posterCode(testApp, `kind=session&itemId=${encodeURIComponent(sessionId)}`)).status).toBe(200);
    const request = wechat.codeRequests.at(-1)!;
    expect(request.body.page).toBe('pages/home/index');
    const scene = await testApp.app.inject({ method: 'GET', url: `/api/shares/scenes/${request.body.scene}` });
    expect(scene.json()).toMatchObject({ kind: 'session', itemId: sessionId });
  });

  test('an access token WeChat no longer takes is renewed once, and the poster still gets its code', async () => {
    const { testApp, eventId } = fixture;
    wechat.revokeAccessTokens();
    const tokensBefore = wechat.tokenRequests.length;
    const code = await posterCode(testApp, `kind=event&itemId=${eventId}`);
    expect(code.status).toBe(200);
    expect(wechat.tokenRequests.length).toBe(tokensBefore + 1);
  });

  test('an unknown or malformed scene is answered clearly', async () => {
    const { testApp } = fixture;
    const unknown = await testApp.app.inject({ method: 'GET', url: '/api/shares/scenes/ABCDEFGHJK' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('这个小程序码已失效，请向分享人要一张新的');
    const malformed = await testApp.app.inject({ method: 'GET', url: '/api/shares/scenes/abc' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('小程序码内容不对');
  });
});

test('when WeChat makes no code, the poster is told to try again later', async () => {
  const testApp = await createTestApp({ now: () => clock, wechat: { apiBase: 'http://127.0.0.1:9', appId: FAKE_APPID, secret: FAKE_SECRET } });
  try {
    const code = await posterCode(testApp, `kind=quiz&itemId=${encodeURIComponent('daily/2026-12-04')}`);
    expect(code.status).toBe(502);
    expect(code.json().message).toBe('暂时无法生成小程序码，请稍后再试');
  } finally {
    await testApp.close();
  }
});

describe('how often', () => {
  test(`one address gets ${POSTER_CODES_PER_MINUTE} poster codes a minute, then a clear 429`, async () => {
    const fixture = await setUp(await createTestApp({ now: () => clock }));
    try {
      const query = `kind=event&itemId=${fixture.eventId}`;
      for (let i = 0; i < POSTER_CODES_PER_MINUTE; i += 1) {
        expect((await posterCode(fixture.testApp, query)).status).toBe(200);
      }
      const refused = await posterCode(fixture.testApp, query);
      expect(refused.status).toBe(429);
      expect(refused.json().message).toMatch(/^操作太频繁，请 \d+ 秒后再试$/);
    } finally {
      await fixture.testApp.close();
    }
    // Twenty QR codes drawn on a busy machine take a while: the limit is what is tested, not the speed.
  }, 120_000);
});
