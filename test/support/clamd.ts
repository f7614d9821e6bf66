import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { testEnvironment } from './environment';
import { eventually, freePort } from './processes';

/**
 * The EICAR anti-virus test file, put together at run time so that no scanner flags this
 * repository: every anti-virus program treats it as malware, and it is harmless.
 */
export function eicarTestFile(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!$H+H*'].join(''));
}

export interface Clamd {
  address: string;
  stop(): Promise<void>;
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000);
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('PONG')) {
        socket.destroy();
        resolve(true);
      }
    });
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(reply.includes('PONG')));
  });
}

/**
 * ClamAV's daemon of Debian (scripts/lib/clamav.mjs puts its path in CLAMD_PATH) on a free port,
 * with a signature database of one entry: the EICAR file's MD5 (freshclam's mirrors are not
 * reachable here). `port` reuses an earlier one, to bring the same address back after a stop.
 */
export async function startClamd(name: string, port?: number): Promise<Clamd> {
  const binary = process.env.CLAMD_PATH;
  if (!binary) throw new Error('CLAMD_PATH is not set: run the tests through npm test (it finds or installs clamd)');
  const dir = join(testEnvironment().workDir, `clamd-${name}`);
  mkdirSync(join(dir, 'db'), { recursive: true });
  const eicar = eicarTestFile();
  writeFileSync(
    join(dir, 'db', 'test.hdb'),
    `${createHash('md5').update(eicar).digest('hex')}:${eicar.length}:Eicar-Test-Signature\n`,
  );
  const listenPort = port ?? (await freePort());
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `TCPSocket ${listenPort}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${join(dir, 'db')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      'StreamMaxLength 25M',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-c', config], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('error', () => undefined);
  await eventually(async () => ((await pings(listenPort)) ? true : undefined), 60_000, `clamd on port ${listenPort}`);
  return {
    address: `tcp://127.0.0.1:${listenPort}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
