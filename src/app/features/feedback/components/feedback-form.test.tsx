import fs from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyFeedbackDetail } from '@core/feedback/schemas';
import { createSupervisor, issueBindingCode, revoke } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { firstStation } from '../../../../../test/support/town-fixture';
import type { SendOutcome } from '../../../shared/outbox/phone-outbox';
import type { PendingSubmission } from '../pending-submissions';
import { FeedbackForm } from './feedback-form';

const UNREACHABLE = 'http://127.0.0.1:9/api';
const PHOTO_BYTES = fs.readFileSync(path.join(__dirname, '../../../assets/tab/home.png'));
const PHOTO = `data:image/png;base64,${PHOTO_BYTES.toString('base64')}`;
// The station receives residents on the 15th and the 30th, 09:00–11:30. The server's clock stands
// on Friday 20 November 2026, ten days before the next session, unless a test moves it.
const BEFORE_THE_SESSION = new Date('2026-11-20T15:00:00+08:00');
const NOVEMBER_30 = `11月30日 星期一 09:00–11:30 ${firstStation.name}接待日`;
const DECEMBER_15 = `12月15日 星期二 09:00–11:30 ${firstStation.name}接待日`;
let clock = BEFORE_THE_SESSION;
const server = useAppServer({ now: () => clock });

beforeEach(() => {
  clock = BEFORE_THE_SESSION;
});

afterEach(() => jest.restoreAllMocks());

const { db } = server;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** The native element inside one of Taro's H5 components, once it has upgraded. */
async function nativeField(selector: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  for (let i = 0; i < 40; i += 1) {
    const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (element) return element;
    await settle();
  }
  throw new Error(`${selector} never appeared`);
}

async function type(selector: string, value: string) {
  const element = await nativeField(selector);
  await act(async () => {
    fireEvent.input(element, { target: { value } });
  });
}

const typeContent = (value: string) => type('.feedback-form__content textarea', value);
const typeMobile = (value: string) => type('taro-input-core[name="mobile"] input', value);

async function openForm(props: Parameters<typeof FeedbackForm>[0] = {}) {
  render(<FeedbackForm {...props} />);
  await screen.findByText('提交反馈');
  await settle();
}

function send() {
  fireEvent.click(screen.getByText('提交反馈'));
}

async function bindAsSupervisor(token: string, certificateNo: string): Promise<string> {
  const supervisor = await createSupervisor(
    db(),
    { name: '陈监督', certificateNo, termStart: '2020-01-01', termEnd: '2099-12-31' },
    clock,
  );
  const { code } = await issueBindingCode(db(), 'supervisor', supervisor.id, clock);
  const bound = await fetch(`${server.apiBase}/me/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ code }),
  });
  expect(bound.status).toBe(200);
  return supervisor.id;
}

async function fillComplaint(content: string) {
  fireEvent.click(screen.getByText('投诉'));
  fireEvent.click(screen.getByText('城市管理（占道经营、机动车违停）'));
  await typeContent(content);
}

const itemsWithClientId = (clientId: string) =>
  db().selectFrom('feedbackItem').selectAll().where('clientId', '=', clientId).execute();

const itemsCount = async () => (await db().selectFrom('feedbackItem').select('id').execute()).length;

const pendingOnPhone = () => (Taro.getStorageSync('feedback.pending') || []) as PendingSubmission[];

test('says, above the send button, which session the feedback will go to', async () => {
  await openForm({ stationId: firstStation.id });
  expect(screen.getByLabelText('提交去向').textContent).toBe(`将提交至 ${NOVEMBER_30}`);
  expect(screen.queryByText('现在不在接待时间内，反馈会进入下一次接待日。')).toBeNull();
  // A resident is not offered the supervisors' kind.
  expect(screen.queryByText('监督意见')).toBeNull();
  expect(screen.getByText('投诉')).toBeTruthy();
});

test('what is wrong is said under each field, in the words of the submission schema', async () => {
  await openForm();
  await typeContent('太短了');
  await typeMobile('12345');
  send();
  expect(await screen.findByText('请选择反馈类型')).toBeTruthy();
  expect(screen.getByText('请选择类别')).toBeTruthy();
  expect(screen.getByText('内容至少 10 个字，请把事情说清楚')).toBeTruthy();
  expect(screen.getByText('请填写 11 位大陆手机号，如 13812345678')).toBeTruthy();
  expect(screen.getByText('还有 4 处需要修改，请看上面的红字')).toBeTruthy();

  // Correcting a field takes its message away.
  await typeContent('路口的摊贩占道经营，车辆无法通行。');
  expect(screen.queryByText('内容至少 10 个字，请把事情说清楚')).toBeNull();
  expect(await itemsCount()).toBe(0);
});

test('going anonymous clears a mobile number already typed and says why; the number field goes away', async () => {
  await openForm();
  await typeMobile('13812345678');
  fireEvent.click(document.querySelector('.nut-switch')!);
  expect(await screen.findByText('匿名反馈不能留手机号；需要电话联系请关闭匿名')).toBeTruthy();
  expect(document.querySelector('.nut-switch')?.getAttribute('aria-checked')).toBe('true');
  expect(document.querySelector('taro-input-core[name="mobile"]')).toBeNull();

  fireEvent.click(document.querySelector('.nut-switch')!);
  await settle();
  expect((await nativeField('taro-input-core[name="mobile"] input')).value).toBe('');
});

test('a supervisor is offered 监督意见, which needs the unit and case reference and cannot be anonymous', async () => {
  await bindAsSupervisor(await server.signInResident(), 'UI-FB-001');
  await openForm();
  fireEvent.click(screen.getByText('监督意见'));
  fireEvent.click(screen.getByText('城市管理（占道经营、机动车违停）'));
  await typeContent('执法人员检查时未出示执法证件。');
  send();
  expect(await screen.findByText('监督意见请填写执法单位')).toBeTruthy();
  expect(screen.getByText('监督意见请填写案件编号或执法文书号')).toBeTruthy();

  fireEvent.click(document.querySelector('.nut-switch')!);
  expect(await screen.findByText('监督意见以监督员身份提交，不能匿名')).toBeTruthy();
  expect(document.querySelector('.nut-switch')?.getAttribute('aria-checked')).toBe('false');
});

test('supervisors, and only they, are shown the way to their enforcement-activity log', async () => {
  await openForm();
  expect(screen.queryByText('执法活动记录 ›')).toBeNull();
  cleanup();

  await bindAsSupervisor(await server.signInResident(), 'UI-FB-003');
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<FeedbackForm />);
  fireEvent.click(await screen.findByText('执法活动记录 ›'));
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/supervision/activities/index' });
});

/**
 * Taro.uploadFile as the phone does it: the chosen file sent as one multipart field. (jsdom's own
 * XMLHttpRequest would hold this cross-origin test server to CORS, which the H5 build, served by the
 * API's own origin, never meets.)
 */
async function uploadFileByHttp({ url, filePath, name, header }: Taro.uploadFile.Option) {
  const [meta, base64] = filePath.split(',');
  const mediaType = /^data:([^;]+)/.exec(meta)![1];
  const boundary = `----photo-${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="photo.png"\r\nContent-Type: ${mediaType}\r\n\r\n`),
    Buffer.from(base64, 'base64'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...header, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  return { statusCode: response.status, data: await response.text(), errMsg: 'uploadFile:ok' };
}

test('a submission with a photo lands on the server, and nothing is left waiting on the phone', async () => {
  const upload = jest.spyOn(Taro, 'uploadFile').mockImplementation(uploadFileByHttp as unknown as typeof Taro.uploadFile);
  // The album, as WeChat's picker answers: the chosen file on the phone.
  jest.spyOn(Taro, 'chooseMedia').mockImplementation(((options: Taro.chooseMedia.Option) => {
    options.success?.({
      tempFiles: [{ tempFilePath: PHOTO, size: 1620, fileType: 'image', duration: 0, height: 81, width: 81, thumbTempFilePath: '' }],
      type: 'image',
      errMsg: 'chooseMedia:ok',
    });
  }) as unknown as typeof Taro.chooseMedia);
  await openForm();
  await fillComplaint('菜市场门口长期占道经营，早上七点到九点最严重。');
  fireEvent.click(screen.getByText('添加照片'));
  await screen.findByLabelText('删除第 1 张照片');
  send();

  await screen.findByText('已提交', {}, { timeout: 10_000 });
  const [item] = await db().selectFrom('feedbackItem').selectAll().where('content', '=', '菜市场门口长期占道经营，早上七点到九点最严重。').execute();
  expect(item).toMatchObject({ kind: 'complaint', categoryId: 'city-management', anonymous: 0 });
  const photos = await db().selectFrom('feedbackPhoto').select('photoId').where('itemId', '=', item.id).execute();
  expect(photos).toHaveLength(1);
  expect(upload).toHaveBeenCalledWith(expect.objectContaining({ url: `${server.apiBase}/feedback/photos`, name: 'photo', filePath: PHOTO }));
  expect(pendingOnPhone()).toEqual([]);
  // The same notice says where it went, and the form is ready for another.
  expect(screen.getByText(`将在 ${NOVEMBER_30} 办理`)).toBeTruthy();
  fireEvent.click(screen.getByText('再写一条'));
  await screen.findByText('提交反馈');
});

test('sent while the server cannot be reached, it waits on the phone as 待发送 and goes exactly once when the server is back', async () => {
  const token = await server.signInResident();
  await openForm();
  Object.assign(globalThis, { API_BASE: UNREACHABLE });
  await fillComplaint('河道边有人用电鱼工具非法捕捞，已经好几天了。');
  send();

  const waiting = within(await screen.findByLabelText('待发送的反馈', {}, { timeout: 10_000 }));
  expect(waiting.getByText('待发送')).toBeTruthy();
  expect(waiting.getByText('河道边有人用电鱼工具非法捕捞，已经好几天了。')).toBeTruthy();
  expect(screen.getByRole('status').textContent).toContain('反馈已保存在手机上（待发送）');
  const [saved] = pendingOnPhone();
  expect(await itemsWithClientId(saved.body.clientId)).toHaveLength(0);

  // The first try did reach the server after all, only its answer was lost on the way back.
  const landed = await fetch(`${server.apiBase}/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...saved.body, photoIds: [] }),
  });
  expect(landed.status).toBe(200);

  Object.assign(globalThis, { API_BASE: server.apiBase });
  fireEvent.click(waiting.getByText('重新发送'));
  await waitFor(() => expect(screen.queryByLabelText('待发送的反馈')).toBeNull(), { timeout: 10_000 });
  expect(await itemsWithClientId(saved.body.clientId)).toHaveLength(1);
  expect(pendingOnPhone()).toEqual([]);
});

/** The album, as the browser's picker answers: a blob: URL that lives as long as the page, and the file behind it. */
function chooseInBrowser(file: File, blobUrl: string) {
  jest.spyOn(Taro, 'chooseMedia').mockImplementation(((options: Taro.chooseMedia.Option) => {
    options.success?.({
      tempFiles: [{ tempFilePath: blobUrl, size: file.size, fileType: 'image', duration: 0, height: 81, width: 81, thumbTempFilePath: '', originalFileObj: file }],
      type: 'image',
      errMsg: 'chooseMedia:ok',
    });
  }) as unknown as typeof Taro.chooseMedia);
}

/**
 * What the app does when it is opened again after the page was reloaded: its modules start afresh,
 * so nothing of the earlier page is left in memory (no blob: URL, no attempt under way); only the
 * browser's storage remains.
 */
async function sendAfterReload(clientId: string): Promise<SendOutcome<MyFeedbackDetail>> {
  const taro = jest.requireActual('@tarojs/taro');
  let outcome: SendOutcome<MyFeedbackDetail> | undefined;
  await jest.isolateModulesAsync(async () => {
    // The same browser: Taro's storage and network calls are the page's own, not a second copy.
    jest.doMock('@tarojs/taro', () => taro);
    const reloaded: typeof import('../pending-submissions') = await import('../pending-submissions');
    outcome = await reloaded.feedbackOutbox.send(clientId);
  });
  jest.dontMock('@tarojs/taro');
  return outcome!;
}

test('in a browser, a photo of a submission kept for later is saved with it and goes with it after the page is reloaded', async () => {
  await server.signInResident();
  const upload = jest.spyOn(Taro, 'uploadFile').mockImplementation(uploadFileByHttp as unknown as typeof Taro.uploadFile);
  chooseInBrowser(new File([PHOTO_BYTES], 'photo.png', { type: 'image/png' }), 'blob:http://localhost/5b0d6a3e-photo');
  await openForm();
  Object.assign(globalThis, { API_BASE: UNREACHABLE });
  await fillComplaint('桥头每天早上有人占道卖菜，电动车过不去。');
  fireEvent.click(screen.getByText('添加照片'));
  await screen.findByLabelText('删除第 1 张照片');
  send();
  await screen.findByLabelText('待发送的反馈', {}, { timeout: 10_000 });

  // The picture itself is in the browser's storage, not the page's short-lived blob: URL.
  const [saved] = pendingOnPhone();
  expect(saved.photos).toEqual([{ path: PHOTO, photoId: null }]);
  cleanup();

  Object.assign(globalThis, { API_BASE: server.apiBase });
  expect((await sendAfterReload(saved.body.clientId)).kind).toBe('sent');
  expect(upload).toHaveBeenCalledWith(expect.objectContaining({ filePath: PHOTO }));
  const [item] = await itemsWithClientId(saved.body.clientId);
  expect(await db().selectFrom('feedbackPhoto').select('photoId').where('itemId', '=', item.id).execute()).toHaveLength(1);
  expect(pendingOnPhone()).toEqual([]);
});

test('a photo too large for the browser’s storage stays page-lived: after a reload the words are still kept, and the resident is asked to choose the photo again', async () => {
  await server.signInResident();
  // The network is down.
  jest.spyOn(Taro, 'uploadFile').mockRejectedValue({ errMsg: 'uploadFile:fail' });
  // Over the room the browser's storage leaves for waiting photos.
  const large = new File([Buffer.alloc(2_400_000, 1)], 'large.jpg', { type: 'image/jpeg' });
  chooseInBrowser(large, 'blob:http://localhost/9e41c7d2-large');
  await openForm();
  Object.assign(globalThis, { API_BASE: UNREACHABLE });
  await fillComplaint('河堤上有人搭建违章棚子，越搭越大。');
  fireEvent.click(screen.getByText('添加照片'));
  await screen.findByLabelText('删除第 1 张照片');
  send();
  await screen.findByLabelText('待发送的反馈', {}, { timeout: 10_000 });
  const [saved] = pendingOnPhone();
  expect(saved.photos).toEqual([{ path: 'blob:http://localhost/9e41c7d2-large', photoId: null }]);
  expect(saved.body.content).toBe('河堤上有人搭建违章棚子，越搭越大。');
  cleanup();

  Object.assign(globalThis, { API_BASE: server.apiBase });
  expect(await sendAfterReload(saved.body.clientId)).toEqual({
    kind: 'refused',
    message: '有照片已无法从手机上读取，请点“修改”重新选择照片后再发送',
  });
  expect(await itemsWithClientId(saved.body.clientId)).toHaveLength(0);
  expect(pendingOnPhone()).toHaveLength(1);
});

test('when the browser’s storage cannot take the photo, the submission is saved all the same, with the photo as chosen', async () => {
  await server.signInResident();
  jest.spyOn(Taro, 'uploadFile').mockRejectedValue({ errMsg: 'uploadFile:fail' });
  chooseInBrowser(new File([PHOTO_BYTES], 'photo.png', { type: 'image/png' }), 'blob:http://localhost/0c7e2b19-photo');
  const setItem = Storage.prototype.setItem;
  jest.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
    if (value.includes('data:image/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    setItem.call(this, key, value);
  });
  await openForm();
  Object.assign(globalThis, { API_BASE: UNREACHABLE });
  await fillComplaint('渡口边的违章广告牌挡住了视线。');
  fireEvent.click(screen.getByText('添加照片'));
  await screen.findByLabelText('删除第 1 张照片');
  send();

  const waiting = within(await screen.findByLabelText('待发送的反馈', {}, { timeout: 10_000 }));
  expect(waiting.getByText('渡口边的违章广告牌挡住了视线。')).toBeTruthy();
  expect(pendingOnPhone().map((entry) => entry.photos)).toEqual([[{ path: 'blob:http://localhost/0c7e2b19-photo', photoId: null }]]);
});

test('a submission the server refuses is not sent again: its message is shown and the resident can change it', async () => {
  const supervisorId = await bindAsSupervisor(await server.signInResident(), 'UI-FB-002');
  await openForm();
  fireEvent.click(screen.getByText('监督意见'));
  fireEvent.click(screen.getByText('城市管理（占道经营、机动车违停）'));
  await typeContent('执法人员检查时未出示执法证件。');
  await type('taro-input-core[name="enforcementUnit"] input', '镇综合行政执法大队');
  await type('taro-input-core[name="caseReference"] input', '白综执〔2026〕17号');
  // The appointment ends while the form is open.
  await revoke(db(), 'supervisor', supervisorId, clock);
  send();

  expect(await screen.findByText('监督意见仅限在聘的执法监督员提交', {}, { timeout: 10_000 })).toBeTruthy();
  const [kept] = pendingOnPhone();
  expect(kept.body.content).toBe('执法人员检查时未出示执法证件。');
  expect(await itemsWithClientId(kept.body.clientId)).toHaveLength(0);
  // The words stay in the form, to be changed and sent again under the same submission id.
  expect((await nativeField('.feedback-form__content textarea')).value).toBe('执法人员检查时未出示执法证件。');
  fireEvent.click(screen.getByText('投诉'));
  send();
  await screen.findByText('已提交', {}, { timeout: 10_000 });
  const items = await itemsWithClientId(kept.body.clientId);
  expect(items.map((item) => item.kind)).toEqual(['complaint']);
  expect(pendingOnPhone()).toEqual([]);
});

test('opened from the station’s QR code during a session, the feedback joins that session', async () => {
  // Monday 30 November, during the hours the station receives residents.
  clock = new Date('2026-11-30T10:00:00+08:00');
  await openForm({ stationId: firstStation.id, onSite: true });
  expect(screen.getByLabelText('提交去向').textContent).toBe(`将提交至 ${NOVEMBER_30}`);
  expect(screen.queryByText('现在不在接待时间内，反馈会进入下一次接待日。')).toBeNull();

  await fillComplaint('接待日现场反映：码头附近机动车长期违停。');
  send();
  await screen.findByText('已提交', {}, { timeout: 10_000 });
  expect(screen.getByText(`将在 ${NOVEMBER_30} 办理`)).toBeTruthy();
  const [item] = await db()
    .selectFrom('feedbackItem')
    .select(['sessionDate', 'onSite'])
    .where('content', '=', '接待日现场反映：码头附近机动车长期违停。')
    .execute();
  expect(item).toEqual({ sessionDate: '2026-11-30', onSite: 1 });
});

test('scanned at the station after the session’s hours, the form says so and the feedback goes to the next session', async () => {
  // The same Monday, half an hour after the station closed.
  clock = new Date('2026-11-30T12:00:00+08:00');
  await openForm({ stationId: firstStation.id, onSite: true });
  expect(screen.getByText('现在不在接待时间内，反馈会进入下一次接待日。')).toBeTruthy();
  expect(screen.getByLabelText('提交去向').textContent).toBe(`将提交至 ${DECEMBER_15}`);

  await fillComplaint('接待日结束后才赶到，反映码头附近占道经营。');
  send();
  await screen.findByText('已提交', {}, { timeout: 10_000 });
  const [item] = await db()
    .selectFrom('feedbackItem')
    .select(['sessionDate', 'onSite'])
    .where('content', '=', '接待日结束后才赶到，反映码头附近占道经营。')
    .execute();
  expect(item).toEqual({ sessionDate: '2026-12-15', onSite: 0 });
});

test('a submission refused on an earlier visit waits with the reason, and 修改 brings it back into the form to send', async () => {
  const clientId = '5f0e3a1b-2c4d-4e6f-8a9b-0c1d2e3f4a5b';
  Taro.setStorageSync('feedback.pending', [
    {
      body: {
        clientId,
        stationId: firstStation.id,
        onSite: false,
        kind: 'supervision',
        categoryId: 'transport',
        content: '货车超限检查时执法人员态度粗暴。',
        anonymous: false,
        mobile: '13900001111',
        enforcementUnit: '区交通执法支队',
        caseReference: '交执〔2026〕9号',
      },
      photos: [],
      sessionLabel: null,
      savedAt: new Date().toISOString(),
      attempts: 0,
      nextAttemptAt: null,
      lastProblem: null,
      refusal: '监督意见仅限在聘的执法监督员提交',
    },
  ]);
  await openForm();
  const waiting = within(screen.getByLabelText('待发送的反馈'));
  expect(waiting.getByText('未能提交')).toBeTruthy();
  expect(waiting.getByText('监督意见仅限在聘的执法监督员提交')).toBeTruthy();

  fireEvent.click(waiting.getByText('修改'));
  await settle();
  expect((await nativeField('.feedback-form__content textarea')).value).toBe('货车超限检查时执法人员态度粗暴。');
  expect((await nativeField('taro-input-core[name="mobile"] input')).value).toBe('13900001111');
  expect(screen.queryByLabelText('待发送的反馈')).toBeNull();

  fireEvent.click(screen.getByText('投诉'));
  send();
  await screen.findByText('已提交', {}, { timeout: 10_000 });
  const items = await itemsWithClientId(clientId);
  expect(items).toMatchObject([{ kind: 'complaint', categoryId: 'transport', mobile: '13900001111', enforcementUnit: null }]);
  expect(pendingOnPhone()).toEqual([]);
});
