// The browser tests drive Debian's Chromium headless through playwright-core (which downloads no
// browser of its own). `npm test` makes sure one is there: $CHROMIUM_PATH, else `chromium` (or
// `chromium-browser`) on the PATH, else `apt-get install chromium` (as root, or through sudo).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.mjs';

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    const which = spawnSync('which', [name], { encoding: 'utf8' });
    const path = which.stdout?.trim();
    if (which.status === 0 && path) return path;
  }
  return undefined;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  console.log("Chromium is missing for the browser tests: installing Debian's `chromium` package (apt-get)…");
  if (!aptInstall('chromium', 'Install Chromium yourself (apt-get install chromium) or set CHROMIUM_PATH.'))
    return undefined;
  return findChromium();
}
