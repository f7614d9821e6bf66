import { connect, type Socket } from 'node:net';

/** Where clamd listens: `tcp://host:port`, `unix:///path` or a plain socket path (CLAMAV_ADDRESS). */
export type ClamdAddress = { host: string; port: number } | { path: string };

export function parseClamdAddress(address: string): ClamdAddress {
  const tcp = /^tcp:\/\/([^\s:/]+):(\d{1,5})$/.exec(address);
  if (tcp) return { host: tcp[1]!, port: Number(tcp[2]) };
  return { path: address.replace(/^unix:\/\//, '') };
}

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not give a verdict (unreachable, too slow, an error reply): the caller fails closed. */
export class ScanUnavailableError extends Error {
  constructor(reason: string) {
    super(`clamd gave no verdict: ${reason}`);
    this.name = 'ScanUnavailableError';
  }
}

/**
 * clamd's answer to one INSTREAM, as its manual (clamd.8, "INSTREAM") defines it:
 * `stream: OK`, `stream: <signature> FOUND`, or an `… ERROR` line, ended by NUL in the z-mode.
 */
export function parseClamdReply(reply: string): ScanVerdict {
  const line = reply.replace(/\0+$/, '').trim();
  if (line === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { clean: false, signature: found[1]! };
  throw new ScanUnavailableError(line.length > 0 ? line.slice(0, 200) : 'empty reply');
}

/** clamd reads INSTREAM in chunks, each prefixed by its length; 64 KiB keeps memory flat. */
const chunkBytes = 64 * 1024;

/**
 * Streams `content` to clamd with `zINSTREAM` and answers its verdict. Every way the socket can
 * fail (refused, reset, closed early, silent past `timeoutMs`) rejects with ScanUnavailableError;
 * the socket always has its error listener and is destroyed at the end, so no failure of clamd
 * can reach the process.
 */
export function scanWithClamd(address: ClamdAddress, content: Buffer, timeoutMs: number): Promise<ScanVerdict> {
  return new Promise<ScanVerdict>((resolve, reject) => {
    const replies: Buffer[] = [];
    let settled = false;
    const socket: Socket = 'path' in address ? connect({ path: address.path }) : connect(address);
    const finish = (outcome: () => ScanVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error instanceof ScanUnavailableError ? error : new ScanUnavailableError(String(error)));
      }
    };
    const fail = (reason: string) =>
      finish(() => {
        throw new ScanUnavailableError(reason);
      });
    const timer = setTimeout(() => fail(`no verdict within ${timeoutMs} ms`), timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.on('data', (chunk: Buffer) => {
      replies.push(chunk);
      if (chunk.includes(0)) finish(() => parseClamdReply(Buffer.concat(replies).toString('utf8')));
    });
    socket.on('close', () => {
      if (replies.length > 0) finish(() => parseClamdReply(Buffer.concat(replies).toString('utf8')));
      else fail('connection closed without a reply');
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let offset = 0; offset < content.length; offset += chunkBytes) {
        const chunk = content.subarray(offset, offset + chunkBytes);
        const size = Buffer.alloc(4);
        size.writeUInt32BE(chunk.length);
        socket.write(size);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
