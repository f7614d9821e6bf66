import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testEnvironment } from '../../support/environment';
import { nextTotpCode } from '../../support/second-factor';

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

// Selectors, not page functions: the app's CSP (script-src 'self') refuses evaluated strings.
const signedInOrAskedForCode = '[data-testid=current-user], input[name=code]';
const signedInOrRefused = '[data-testid=current-user], [role=alert]';

/**
 * Logs in through the login form and waits for the landing page. The admin and AKS users are
 * then asked for their authenticator code, which is typed as a person would; a code another
 * login spent a moment ago is refused, and the next one is typed.
 */
export async function logIn(page: Page, username: string, password = testEnvironment().demoPassword): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator(signedInOrAskedForCode).first().waitFor();
  const signedIn = page.getByTestId('current-user');
  for (let attempt = 0; (await signedIn.count()) === 0; attempt += 1) {
    if (attempt >= 5) throw new Error(`the code step refused ${username} five times`);
    await page.locator('input[name=code]').fill(await nextTotpCode(username));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    // The refusal of the code before goes away as the form sends this one.
    if (attempt > 0)
      await page
        .getByRole('alert')
        .first()
        .waitFor({ state: 'detached', timeout: 5000 })
        .catch(() => undefined);
    await page.locator(signedInOrRefused).first().waitFor();
  }
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
