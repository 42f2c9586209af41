import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstStation } from '../support/town-fixture';
import {
  renderCompiledPage,
  requestThrough,
  storageIn,
  tapText,
  uploadFileThrough,
  useServerWithFakeWeChat,
  waitFor,
  waitForText,
} from './mini-program-harness';

// The server's clock: Friday 20 November 2026, ten days before the station's next session.
const NOW = new Date('2026-11-20T15:00:00+08:00');
const server = useServerWithFakeWeChat({ now: () => NOW, templates: { reply: 'tpl-reply-0001', status: 'tpl-status-0002' } });

/** The phone's files: WeChat's temporary folder and the mini-program's own user data folder. */
const phone = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-phone-'));
const tempDir = path.join(phone, 'tmp');
const userDataDir = path.join(phone, 'usr');
fs.mkdirSync(tempDir);
fs.mkdirSync(userDataDir);
afterAll(() => fs.rmSync(phone, { recursive: true, force: true }));

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled 监督 page: what waited on the phone goes when the app is opened again; a complaint with a photo reaches a real server; reply reminders are asked for on a tap', async () => {
  const { testApp, origin } = server();
  const { db } = testApp.database.handle;
  const photo = path.join(tempDir, 'wx-photo-1.png');
  fs.copyFileSync(path.resolve(__dirname, '../../src/app/assets/tab/home.png'), photo);

  // A submission saved on the phone during an earlier run, when the network was down.
  const earlier = {
    body: {
      clientId: '0b6c2f4e-8a1d-4c3b-9e5f-7a2d1c0b9e8f',
      stationId: firstStation.id,
      onSite: false,
      kind: 'suggestion',
      categoryId: 'fishery-river',
      content: '建议在河边垂钓点设置安全警示牌。',
      anonymous: false,
    },
    photos: [],
    sessionLabel: null,
    savedAt: new Date().toISOString(),
    attempts: 1,
    nextAttemptAt: Date.now() + 60_000,
    lastProblem: '网络连接不畅，请检查网络后重试',
    refusal: null,
  };
  const storage = new Map<string, unknown>([['feedback.pending', [earlier]]]);
  const subscribeRequests: { tmplIds: string[] }[] = [];
  const keptCopies: string[] = [];
  const page = renderCompiledPage('pages/feedback/index', {
    env: { USER_DATA_PATH: userDataDir },
    request: requestThrough(origin),
    uploadFile: uploadFileThrough(origin),
    login: (options: { success?: (result: object) => void }) =>
      options.success?.({ code: 'ok-openid-feedback-resident', errMsg: 'login:ok' }),
    ...storageIn(storage),
    showToast: () => undefined,
    getFileSystemManager: () => ({
      copyFileSync: (from: string, to: string) => {
        keptCopies.push(to);
        fs.copyFileSync(from, to);
      },
      accessSync: (file: string) => fs.accessSync(file),
      unlinkSync: (file: string) => fs.unlinkSync(file),
    }),
    chooseMedia: (options: { count: number; success?: (result: object) => void }) => {
      expect(options.count).toBe(9);
      options.success?.({
        type: 'image',
        tempFiles: [{ tempFilePath: photo, size: fs.statSync(photo).size, fileType: 'image' }],
        errMsg: 'chooseMedia:ok',
      });
    },
    requestSubscribeMessage: (options: { tmplIds: string[]; success?: (result: object) => void }) => {
      subscribeRequests.push(options);
      // The resident accepts reply reminders and declines status ones.
      options.success?.({ 'tpl-reply-0001': 'accept', 'tpl-status-0002': 'reject', errMsg: 'requestSubscribeMessage:ok' });
    },
  });

  // Opening the app again sends it, without waiting for its next scheduled try.
  await waitFor(() => (storage.get('feedback.pending') as unknown[]).length === 0, () => 'the earlier submission to be sent');
  const sentEarlier = await db.selectFrom('feedbackItem').select('content').where('clientId', '=', earlier.body.clientId).execute();
  expect(sentEarlier).toEqual([{ content: '建议在河边垂钓点设置安全警示牌。' }]);

  await waitForText(page, '将提交至');
  expect(page.dom?.textContent).toContain(`将提交至 11月30日 星期一 09:00–11:30 ${firstStation.name}接待日`);

  tapText(page, '.nut-radio', '投诉');
  tapText(page, '.nut-radio', '城市管理（占道经营、机动车违停）');
  const content = page.querySelector('.nut-textarea-textarea');
  if (!content) throw new Error('no content box on the page');
  content.dispatchEvent('input', { detail: { value: '菜市场门口长期占道经营，早上七点到九点最严重。' } });
  page.querySelector('.photo-picker__add')?.dispatchEvent('tap');
  await waitFor(() => Boolean(page.querySelector('.photo-picker__thumb')), () => 'the chosen photo to show');
  await new Promise((resolve) => setTimeout(resolve, 50));
  tapText(page, '.nut-button', '提交反馈');

  await waitForText(page, '已提交');
  const items = await db.selectFrom('feedbackItem').selectAll().where('clientId', '!=', earlier.body.clientId).execute();
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ kind: 'complaint', content: '菜市场门口长期占道经营，早上七点到九点最严重。' });
  expect(await db.selectFrom('feedbackPhoto').select('photoId').where('itemId', '=', items[0].id).execute()).toHaveLength(1);
  // The photo was copied out of WeChat's temporary folder before sending, so that a submission kept
  // for later would still have it; once sent, nothing is left waiting and the copy is gone.
  expect(keptCopies).toHaveLength(1);
  expect(path.dirname(keptCopies[0])).toBe(userDataDir);
  expect(storage.get('feedback.pending')).toEqual([]);
  expect(fs.readdirSync(userDataDir)).toEqual([]);

  tapText(page, '.nut-button', '订阅答复提醒');
  await waitForText(page, '已订阅，有答复时会通过微信通知您');
  expect(subscribeRequests.map((r) => r.tmplIds)).toEqual([['tpl-reply-0001', 'tpl-status-0002']]);
  const grants = await db.selectFrom('notificationGrant').select(['template', 'remaining']).where('userId', '=', items[0].submitterId).execute();
  expect(grants).toEqual([{ template: 'reply', remaining: 1 }]);
});
