import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import { createSupervisor, issueBindingCode } from '../../src/server/features/identity/directory';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { firstStation } from '../support/town-fixture';
import { outputDir, screenshotOnFailure, signInAtDesk, useServedBrowser } from './browser';

// The server keeps the real clock: what is seeded below happens today, so this year and 本年 hold it and 上月 not.
const served = useServedBrowser();
const today = shanghaiDateOf(new Date());
const year = today.slice(0, 4);

/** One call through the real API, as a phone or the desk makes it; anything but a 200 stops the test. */
async function call<T = any>(method: 'GET' | 'POST', url: string, token: string | null, body?: object): Promise<T> {
  const response = await served().testApp.app.inject({
    method,
    url: `/api${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body && { payload: body }),
  });
  if (response.statusCode !== 200) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
  return response.json();
}

let deskPassword = '';

beforeAll(async () => {
  const db = served().testApp.database.handle.db;
  const now = new Date();
  const { oneTimePassword } = await createStaffAccount(db, { username: 'e2e.tongji', displayName: '统计科员', role: 'staff' }, now);
  await db.updateTable('staffAccount').set({ mustChangePassword: 0 }).where('username', '=', 'e2e.tongji').execute();
  deskPassword = oneTimePassword;
  const desk = (await call<{ token: string }>('POST', '/auth/staff', null, { username: 'e2e.tongji', password: oneTimePassword })).token;

  // Three items from a resident today, one of them answered.
  const resident = (await call<{ token: string }>('POST', '/auth/guest', null, {})).token;
  const submit = (content: string, anonymous = false) =>
    call<{ id: string }>('POST', '/feedback', resident, {
      clientId: randomUUID(),
      stationId: firstStation.id,
      kind: 'complaint',
      categoryId: 'city-management',
      content,
      anonymous,
    });
  const answered = await submit('菜市场门口每天早上都有占道经营，车辆无法通行。');
  await submit('码头附近机动车长期违停，挡住了消防通道。', true);
  await submit('河堤上有人搭建违章棚子，越搭越大。');
  await call('POST', `/staff/feedback/${answered.id}/actions`, desk, { action: 'reply', text: '已转城管中队处理，本周内清理占道摊位。' });

  // A supervisor logs, from their phone, one enforcement action attended today.
  const supervisor = await createSupervisor(db, { name: '陈监督', certificateNo: 'E2E-RP-001', termStart: `${year}-01-01`, termEnd: '2099-12-31' }, now);
  const { code } = await issueBindingCode(db, 'supervisor', supervisor.id, now);
  const phone = (await call<{ token: string }>('POST', '/auth/guest', null, {})).token;
  await call('POST', '/me/bind', phone, { code });
  await call('POST', '/supervision/activities', phone, {
    clientId: randomUUID(),
    date: today,
    unit: '镇综合行政执法大队',
    observation: '执法人员到场后出示了执法证件，告知了当事人陈述申辩的权利。',
  });

  // The office's contact, as the town's configuration gives it.
  await db.updateTable('town').set({ hotline: '023-47212345', email: 'fazhi@example.gov.cn' }).where('id', '=', 1).execute();
});

/** The text of the element the app labels `label` (a figure, a section), once it shows `expected`. */
async function labelled(page: Page, label: string, expected: string): Promise<string> {
  const element = page.getByLabel(label, { exact: true }).first();
  await element.filter({ hasText: expected }).waitFor();
  return element.innerText();
}

test('anyone opens the public page from 首页 without signing in: this year’s figures and the office’s contact', async () => {
  const { origin } = served();
  const visitor = await served().newPage();
  await screenshotOnFailure(visitor, 'reports-public', async () => {
    await visitor.goto(`${origin}/#/pages/home/index`);
    await visitor.locator('.nut-cell', { hasText: '公开信息' }).click();
    await visitor.getByText(`${year}年主要数据`).waitFor();
    expect(await labelled(visitor, '现场搜集监督意见', '3')).toMatch(/现场搜集监督意见\s*3\s*条/);
    expect(await labelled(visitor, '回应', '1')).toMatch(/回应\s*1\s*条/);
    expect(await labelled(visitor, '组织行政执法监督员现场参加执法活动', '1')).toMatch(/1\s*次/);
    const contact = await labelled(visitor, '联系方式', '023-47212345');
    expect(contact).toContain('fazhi@example.gov.cn');
    expect(contact).not.toContain('联系方式待公布');
    // The page slides in over 首页: the picture is taken once it has arrived.
    await visitor.waitForFunction(() => document.getAnimations().length === 0);
    await visitor.screenshot({ path: path.join(outputDir, 'reports-public.png'), fullPage: true });
    await visitor.getByLabel('联系方式', { exact: true }).scrollIntoViewIfNeeded();
    await visitor.screenshot({ path: path.join(outputDir, 'reports-public-contact.png') });
  });
  // Reading it asked for nobody: no sign-in was made or kept in this browser.
  expect(await visitor.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('auth.')))).toEqual([]);
}, 60_000);

test('at the desk, staff read the dashboard, change the period, and open the annual summary', async () => {
  const { origin } = served();
  const office = await served().newPage();
  await screenshotOnFailure(office, 'reports-dashboard', async () => {
    await signInAtDesk(office, origin, 'e2e.tongji', deskPassword);
    await office.goto(`${origin}/#/staff/dashboard/index`);
    expect(await labelled(office, '收到反馈', '3')).toMatch(/^3\s*条/);
    expect(await labelled(office, '已答复', '1')).toMatch(/^1\s*条/);
    expect(await labelled(office, '现场参加执法活动', '1')).toMatch(/^1\s*次/);
    // The supervisor's entry behind that figure, as they wrote it on the phone.
    await office.getByText('查看执法活动记录（1 次）').click();
    const entry = await labelled(office, `${today} 陈监督`, '镇综合行政执法大队');
    expect(entry).toContain('告知了当事人陈述申辩的权利');
    await office.screenshot({ path: path.join(outputDir, 'reports-dashboard.png'), fullPage: true });

    // Last month came before anything was seeded.
    await office.getByLabel('统计期间').locator('.nut-radio', { hasText: '上月' }).click();
    expect(await labelled(office, '收到反馈', '0')).toMatch(/^0\s*条/);
    expect(await labelled(office, '现场参加执法活动', '0')).toMatch(/^0\s*次/);
  });

  await screenshotOnFailure(office, 'reports-annual', async () => {
    // Earlier pages stay in the document, hidden, with their own office links.
    await office.locator('.nut-cell:visible', { hasText: '年度汇总' }).click();
    const text = await labelled(office, '报告写法', '现场搜集监督意见');
    expect(text).toContain('现场搜集监督意见 3 条、回应 1 条');
    expect(text).toContain('组织行政执法监督员现场参加执法活动 1 次');
    await office.waitForFunction(() => document.getAnimations().length === 0);
    await office.screenshot({ path: path.join(outputDir, 'reports-annual.png'), fullPage: true });
  });
}, 90_000);
