import fs from 'node:fs';
import path from 'node:path';
import { upcomingSessions } from '../../src/core/sessions/calendar';
import { outputDir, useServedBrowser } from './browser';
import { firstStation, firstStationRule } from '../support/town-fixture';

const rule = firstStationRule;
const served = useServedBrowser();

test('the H5 build served by the server shows the next session, and gives it as a calendar file', async () => {
  const { browser, origin } = served();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);

  const next = upcomingSessions(rule, [], new Date(), 1)[0];
  const [, month, day] = next.date.split('-').map(Number);
  const card = page.getByLabel('下一次接待日');
  await card.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.fonts.ready.then(() => true));
  await expectText(card.innerText(), `${month}月${day}日`);
  await expectText(card.innerText(), firstStation.address);
  await expectText(card.innerText(), `${rule.window.start}–${rule.window.end}`);
  await expectText(page.locator('body').innerText(), '之后的接待日');
  await page.screenshot({ path: path.join(outputDir, 'home.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.nut-button', { hasText: '加入手机日历' }).click()]);
  expect(download.suggestedFilename()).toBe(`session-${next.date}.ics`);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  expect(ics).toContain(`DTSTART:${new Date(next.startsAt).toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
  await context.close();
});

async function expectText(text: Promise<string>, expected: string) {
  expect(await text).toContain(expected);
}
