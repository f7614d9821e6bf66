import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testEnvironment } from '../../support/environment';

/** Where browser tests write screenshots (the test artifacts), under the repo's tmp/. */
export const artifactsDir = join(__dirname, '..', '..', '..', 'tmp', 'test-artifacts');

/**
 * Debian's Chromium: $CHROMIUM_PATH, else `chromium` on the PATH (scripts/lib/chromium.mjs installs
 * it for `npm test` when missing).
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not this name
    }
  }
  throw new Error('No Chromium found: set CHROMIUM_PATH or install the `chromium` package (npm test does).');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

/** A fresh browser profile (own cookies) as a phone (360 px) or a desktop. */
export function newContext(browser: Browser, baseURL: string, width = 1280): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width, height: width < 500 ? 780 : 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
}

/** Logs in through the login form and waits for the landing page. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(testEnvironment().demoPassword);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname !== '/masuk');
  await page.getByTestId('current-user').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot written: ${path}`);
  return path;
}

/** Whether the page is wider than its viewport (the layout broke at this width). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string expression: the test project compiles without the DOM library.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}
