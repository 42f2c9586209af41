import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

export const outputDir = path.resolve(__dirname, '..', 'output', 'e2e');
const h5Dir = path.resolve(__dirname, '..', '..', 'dist', 'h5');

/** Debian's Chromium, headless, in a fresh profile (Playwright's own), kept off the network beyond this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserRun {
  testApp: TestApp;
  origin: string;
  browser: Browser;
  /** A phone-sized page of its own (its own storage, so its own person), in Chinese. */
  newPage: () => Promise<Page>;
}

/** The real server serving the H5 build on a free port, and a browser to drive it; one per test file. */
export function useServedBrowser(options: TestAppOptions = {}): () => BrowserRun {
  let run: Partial<BrowserRun> = {};
  beforeAll(async () => {
    const testApp = await createTestApp({ ...options, h5Dir });
    const browser = await launchChromium();
    run = { testApp, origin: await testApp.app.listen({ host: '127.0.0.1', port: 0 }), browser, newPage: () => newPhonePage(browser) };
    fs.mkdirSync(outputDir, { recursive: true });
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.testApp?.close();
  });
  return () => run as BrowserRun;
}

async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // Fail on the step that went wrong, well before the test's own time runs out.
  page.setDefaultTimeout(10_000);
  return page;
}

/** The single-line field named `name` (the app's Field component). */
export const field = (page: Page, name: string) => page.locator(`taro-input-core[name="${name}"] input`);

export const button = (page: Page, text: string) => page.locator('.nut-button', { hasText: text });

/** Runs the steps; if one fails, the page as it was then is kept in test/output/e2e as `<name>-failure.png`. */
export async function screenshotOnFailure<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await page.screenshot({ path: path.join(outputDir, `${name}-failure.png`), fullPage: true });
    throw error;
  }
}

/** Signs a desk browser in as a staff account whose password is already its own; the inbox comes first. */
export async function signInAtDesk(page: Page, origin: string, username: string, password: string): Promise<void> {
  await page.goto(`${origin}/#/staff/sign-in/index`);
  await field(page, 'username').fill(username);
  await field(page, 'password').fill(password);
  await button(page, '登录').click();
  await page.getByText('收件箱').first().waitFor();
}
