// The malware-scan tests run ClamAV's daemon of Debian (`clamav-daemon`) with a signature database
// of their own (the EICAR test file only: freshclam's mirrors are not reachable here, and the test
// needs no other signature). `npm test` makes sure a clamd is there: $CLAMD_PATH, else `clamd` on
// the PATH or in /usr/sbin, else `apt-get install clamav-daemon` (as root, or through sudo).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.mjs';

export function findClamd() {
  if (process.env.CLAMD_PATH && existsSync(process.env.CLAMD_PATH)) return process.env.CLAMD_PATH;
  const which = spawnSync('which', ['clamd'], { encoding: 'utf8' });
  const path = which.stdout?.trim();
  if (which.status === 0 && path) return path;
  return existsSync('/usr/sbin/clamd') ? '/usr/sbin/clamd' : undefined;
}

/** Answers clamd's path (installing Debian's package when missing) and exports it as CLAMD_PATH. */
export function ensureClamd() {
  let found = findClamd();
  if (!found) {
    console.log(
      "ClamAV's daemon is missing for the malware-scan tests: installing Debian's `clamav-daemon` (apt-get)…",
    );
    if (!aptInstall('clamav-daemon', 'Install clamav-daemon yourself or set CLAMD_PATH.')) return undefined;
    found = findClamd();
  }
  if (found) process.env.CLAMD_PATH = found;
  return found;
}
