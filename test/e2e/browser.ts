import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const outputDir = path.resolve(__dirname, '..', 'output', 'e2e');

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
