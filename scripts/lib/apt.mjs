import { spawnSync } from 'node:child_process';

/**
 * Installs one of Debian's packages (`apt-get update`, then `install --no-install-recommends`), as
 * root or through `sudo -n`. Answers whether it worked; on failure it prints the command that
 * failed and `hint`, what the person can do instead.
 */
export function aptInstall(debianPackage, hint) {
  const prefix = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', debianPackage],
  ]) {
    const [command, ...rest] = [...prefix, ...args];
    const result = spawnSync(command, rest, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`✗ ${[command, ...rest].join(' ')} failed. ${hint}`);
      return false;
    }
  }
  return true;
}
