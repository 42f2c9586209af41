import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { button, field, outputDir, screenshotOnFailure, useServedBrowser } from './browser';

const served = useServedBrowser();

test('staff issue a supervisor code; a guest binds it and sees the card; large text enlarges the page', async () => {
  const { testApp, origin } = served();
  const { oneTimePassword } = await createStaffAccount(
    testApp.database.handle.db,
    { username: 'e2e.keyuan', displayName: '测试科员', role: 'staff' },
    new Date(),
  );

  const office = await served().newPage();
  await office.goto(`${origin}/#/staff/sign-in/index`);
  await field(office, 'username').fill('e2e.keyuan');
  await field(office, 'password').fill(oneTimePassword);
  await button(office, '登录').click();

  await field(office, 'currentPassword').fill(oneTimePassword);
  await field(office, 'newPassword').fill('Desk-password-2026');
  await field(office, 'repeated').fill('Desk-password-2026');
  await button(office, '保存新密码').click();

  await field(office, 'supervisorName').fill('黄监督');
  await field(office, 'certificateNo').fill('E2E-2026-001');
  const termStart = shanghaiDateOf(new Date());
  await field(office, 'termStart').fill(termStart);
  await field(office, 'termEnd').fill(addDays(termStart, 2 * 365));
  await button(office, '登记监督员').click();
  await screenshotOnFailure(office, 'staff-people', () => office.getByText('E2E-2026-001', { exact: false }).waitFor());
  await button(office, '发绑定码').click();
  const shownCode = (await office.locator('.issued-code__code').innerText()).trim();
  expect(shownCode).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
  await office.screenshot({ path: path.join(outputDir, 'staff-people.png'), fullPage: true });

  const resident = await served().newPage();
  await resident.goto(`${origin}/#/pages/me/index`);
  await resident.getByText('访客').waitFor();
  await field(resident, 'bindingCode').fill(shownCode);
  await button(resident, '绑定身份').click();
  const card = resident.getByLabel('监督员聘书');
  await card.waitFor();
  expect(await card.innerText()).toContain('E2E-2026-001');
  expect(await card.innerText()).toContain('在聘');
  await resident.screenshot({ path: path.join(outputDir, 'me-standard.png'), fullPage: true });

  const rowSize = () => card.locator('.supervisor-card__row').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const standard = await rowSize();
  await resident.locator('.nut-segmented-item', { hasText: '大字' }).click();
  await resident.waitForFunction(() => document.querySelector('.page-shell--large') !== null);
  const large = await rowSize();
  expect(large / standard).toBeCloseTo(1.34, 1);
  await resident.screenshot({ path: path.join(outputDir, 'me-large.png'), fullPage: true });
  expect(await overflowing(resident)).toEqual([]);

  await resident.goto(`${origin}/#/pages/home/index`);
  await resident.getByLabel('下一次接待日').waitFor();
  await resident.screenshot({ path: path.join(outputDir, 'home-large.png'), fullPage: true });
  expect(await overflowing(resident)).toEqual([]);
}, 90_000);

/** Text that no longer fits its box at the current size: the page must show none. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways');
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('.page-shell *'))) {
      const style = getComputedStyle(element);
      const clips = style.overflow === 'hidden' || style.overflowX === 'hidden' || style.overflowY === 'hidden';
      const text = element.innerText?.trim();
      if (!clips || !text || element.clientWidth === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
        problems.push(`${element.className}: ${text.slice(0, 20)}`);
      }
    }
    return problems;
  });
}
