import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { button, outputDir, screenshotOnFailure, signInAtDesk, useServedBrowser } from './browser';

const served = useServedBrowser();

async function fillComplaint(page: Page, content: string): Promise<void> {
  await page.goto(`${served().origin}/#/pages/feedback/index`);
  await page.getByText('反馈类型').waitFor();
  await page.locator('.nut-radio', { hasText: '投诉' }).click();
  await page.locator('.nut-radio', { hasText: '违法建筑' }).click();
  await page.locator('.feedback-form__content textarea').fill(content);
}

function itemsWith(content: string) {
  return served()
    .testApp.database.handle.db.selectFrom('feedbackItem')
    .selectAll()
    .where('content', '=', content)
    .execute();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; tries < 100; tries += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The server never reached the expected state');
}

test('a resident submits with a photo; staff answer it from the session agenda; the resident reads the reply and rates it', async () => {
  const { testApp, origin } = served();
  const db = testApp.database.handle.db;
  const content = '朝天咀码头入口有人搭建彩钢棚，已经占了半边路，老人推车过不去。';
  const photoFile = path.join(outputDir, 'feedback-photo.jpg');
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c0392b' } }).jpeg().toFile(photoFile);

  const resident = await served().newPage();
  await screenshotOnFailure(resident, 'feedback-submit', async () => {
    await fillComplaint(resident, content);
    const chooser = resident.waitForEvent('filechooser');
    await resident.getByText('添加照片').click();
    await (await chooser).setFiles(photoFile);
    await resident.locator('.photo-picker__thumb').waitFor();
    expect(await resident.getByLabel('提交去向').innerText()).toMatch(/^将提交至 \d+月\d+日/);
    await resident.screenshot({ path: path.join(outputDir, 'feedback-form.png'), fullPage: true });
    await button(resident, '提交反馈').click();
    await resident.getByText('已提交', { exact: true }).waitFor();
  });
  const [item] = await itemsWith(content);
  expect(item).toMatchObject({ kind: 'complaint', categoryId: 'illegal-building', status: 'pending', anonymous: 0 });
  const photos = await db.selectFrom('feedbackPhoto').selectAll().where('itemId', '=', item.id).execute();
  expect(photos).toHaveLength(1);
  expect(photos[0].mediaType).toBe('image/jpeg');

  const { oneTimePassword } = await createStaffAccount(db, { username: 'e2e.banli', displayName: '办理科员', role: 'staff' }, new Date());
  await db.updateTable('staffAccount').set({ mustChangePassword: 0 }).where('username', '=', 'e2e.banli').execute();
  const office = await served().newPage();
  const reply = '已联系镇综合行政执法大队现场核查，彩钢棚系违法搭建，已责令三日内自行拆除。';
  await screenshotOnFailure(office, 'feedback-office', async () => {
    await signInAtDesk(office, origin, 'e2e.banli', oneTimePassword);
    await office.goto(`${origin}/#/staff/agenda/index?station=${item.stationId}&date=${item.sessionDate}`);
    const row = office.getByLabel(`反馈 ${item.id.slice(0, 8)}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('违法建筑');
    await office.screenshot({ path: path.join(outputDir, 'feedback-agenda.png'), fullPage: true });
    await row.click();
    await office.getByLabel('答复（提交人会收到）').locator('textarea').fill(reply);
    await button(office, '发送答复').click();
    await office.getByText('已答复').first().waitFor();
    await office.screenshot({ path: path.join(outputDir, 'feedback-item.png'), fullPage: true });
  });
  await until(() => itemsWith(content), ([current]) => current.status === 'replied');

  await screenshotOnFailure(resident, 'feedback-rate', async () => {
    await resident.goto(`${origin}/#/packages/feedback/detail/index?id=${item.id}`);
    await resident.getByText(reply).first().waitFor();
    await resident.locator('.nut-rate-item').nth(3).click();
    await button(resident, '提交评价').click();
    await resident.getByLabel('评价答复').waitFor({ state: 'detached' });
    await resident.screenshot({ path: path.join(outputDir, 'feedback-detail.png'), fullPage: true });
  });
  const [rated] = await until(() => itemsWith(content), ([current]) => current.ratingStars !== null);
  expect(rated).toMatchObject({ status: 'replied', ratingStars: 4 });
}, 120_000);

test('a submission cut off by the network is kept as 待发送 and, resent, lands exactly once', async () => {
  const content = '江边步道早上有人摆摊占道，执法队员来了只拍照不处理，希望说明怎么处理的。';
  const resident = await served().newPage();
  const submissions: string[] = [];
  // First the network is down before the server hears anything; then answers are lost on the way back
  // after the server has stored the item; then it works. The phone cannot tell the first two apart and
  // must resend both times, by itself or on a tap, whichever comes first.
  let network: 'down' | 'drops-answers' | 'up' = 'down';
  await screenshotOnFailure(resident, 'feedback-offline', async () => {
    await fillComplaint(resident, content);
    await resident.route('**/api/feedback', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      submissions.push(route.request().postData() ?? '');
      if (network === 'down') return route.abort('internetdisconnected');
      if (network === 'drops-answers') {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await button(resident, '提交反馈').click();
    const waiting = resident.getByLabel('待发送的反馈');
    await waiting.getByText(content.slice(0, 10), { exact: false }).waitFor();
    expect(await itemsWith(content)).toHaveLength(0);

    network = 'drops-answers';
    await button(resident, '重新发送').click();
    await until(() => itemsWith(content), (items) => items.length === 1);
    expect(await waiting.getByText(content.slice(0, 10), { exact: false }).count()).toBe(1);
    await resident.screenshot({ path: path.join(outputDir, 'feedback-waiting.png'), fullPage: true });

    network = 'up';
    // An automatic retry may already be on its way; a tap is only needed if it is not.
    await button(resident, '重新发送')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await waiting.waitFor({ state: 'detached', timeout: 30_000 });
  });
  expect(submissions.length).toBeGreaterThanOrEqual(3);
  const clientIds = submissions.map((body) => (JSON.parse(body) as { clientId: string }).clientId);
  expect(new Set(clientIds).size).toBe(1);
  expect(await itemsWith(content)).toHaveLength(1);

  // Back again later: nothing is waiting, and nothing was sent twice.
  await resident.reload();
  await resident.getByText('反馈类型').waitFor();
  expect(await resident.getByLabel('待发送的反馈').count()).toBe(0);
  expect(await itemsWith(content)).toHaveLength(1);
}, 120_000);

afterAll(() => fs.rmSync(path.join(outputDir, 'feedback-photo.jpg'), { force: true }));
