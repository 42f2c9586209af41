import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
}

/** The real server serving the H5 build on a free port, and a browser to drive it; one per test file. */
export function useServedBrowser(options: TestAppOptions = {}): () => BrowserRun {
  let run: Partial<BrowserRun> = {};
  beforeAll(async () => {
    const testApp = await createTestApp({ ...options, h5Dir });
    run = { testApp, origin: await testApp.app.listen({ host: '127.0.0.1', port: 0 }), browser: await launchChromium() };
    fs.mkdirSync(outputDir, { recursive: true });
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.testApp?.close();
  });
  return () => run as BrowserRun;
}
