import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Why an upload was refused; the stable English code of the 4xx answer. */
export type UploadFailure =
  | 'NOT_MULTIPART'
  | 'NO_FILE'
  | 'TOO_MANY_FILES'
  | 'TOO_MANY_FIELDS'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'MALFORMED_UPLOAD';

export class UploadError extends Error {
  constructor(readonly reason: UploadFailure) {
    super(reason);
  }
}

export interface ReceivedFile {
  /** The client's file name, made safe to store and show (see `safeFileName`). */
  originalName: string;
  content: Buffer;
  sha256: string;
  sizeBytes: number;
}

export interface MultipartLimits {
  maxBytes: number;
  /** Non-file fields a client may send beside the file (browsers send none). */
  maxFields?: number;
  /** Parts of any kind; bounds the work one request can cause. */
  maxParts?: number;
}

type UploadRequest = Readable & {
  headers: Record<string, string | string[] | undefined>;
  complete?: boolean;
};

const maxFileNameLength = 200;
// C0/C1 controls and the Unicode bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM): a name
// like "invoice\u202Egnp.exe" shows as "invoiceexe.png".
// eslint-disable-next-line no-control-regex
const unsafeInName = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A client's file name as it may be stored and shown: Unicode NFC, without control or bidi
 * characters or path parts, blanks folded, at most 200 characters with the extension kept;
 * `fallback` when nothing is left.
 */
export function safeFileName(raw: string, fallback = 'berkas'): string {
  const base = raw.normalize('NFC').replace(unsafeInName, '').split(/[/\\]/).pop() ?? '';
  const folded = base.replace(/\s+/g, ' ').trim();
  if (!folded || /^\.+$/.test(folded)) return fallback;
  if ([...folded].length <= maxFileNameLength) return folded;
  const chars = [...folded];
  const dot = folded.lastIndexOf('.');
  const extension = dot > 0 && folded.length - dot <= 10 ? [...folded.slice(dot)] : [];
  return chars.slice(0, maxFileNameLength - extension.length).join('') + extension.join('');
}

/**
 * Streams one multipart file (field `file`) from the request into memory, hashing as it goes and
 * refusing more than `maxBytes`. Every way the body can go wrong (a cut stream, a missing closing
 * boundary, a bad header, a client that goes away) ends as one `UploadError`, never as an
 * unhandled stream error: busboy reports those on the parser *and* on the file stream, and an
 * `error` event without a listener would stop the process.
 */
export async function receiveMultipartFile(request: UploadRequest, limits: MultipartLimits): Promise<ReceivedFile> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!/^multipart\/form-data/i.test(contentType)) throw new UploadError('NOT_MULTIPART');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers as Record<string, string>,
      limits: {
        files: 1,
        fileSize: limits.maxBytes,
        fields: limits.maxFields ?? 10,
        parts: limits.maxParts ?? 20,
        fieldSize: 64 * 1024,
        headerPairs: 20,
      },
    });
  } catch {
    throw new UploadError('MALFORMED_UPLOAD');
  }

  return new Promise<ReceivedFile>((resolve, reject) => {
    let file: ReceivedFile | undefined;
    let failure: UploadFailure | undefined;
    let settled = false;
    let filesSeen = 0;

    const finish = (outcome: UploadFailure | ReceivedFile) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      if (typeof outcome === 'string') {
        // Read and drop the rest so that the answer reaches the client; destroy the parser so no
        // further event of this request can fire into nothing.
        request.resume();
        parser.destroy();
        reject(new UploadError(outcome));
      } else {
        resolve(outcome);
      }
    };

    parser.on('file', (field, stream, info) => {
      filesSeen += 1;
      stream.on('error', () => finish('MALFORMED_UPLOAD'));
      if (field !== 'file' || filesSeen > 1) {
        failure ??= filesSeen > 1 ? 'TOO_MANY_FILES' : 'NO_FILE';
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        failure = 'FILE_TOO_LARGE';
      });
      stream.on('end', () => {
        if (failure) return;
        file = {
          originalName: safeFileName(info.filename ?? ''),
          content: Buffer.concat(chunks),
          sha256: hash.digest('hex'),
          sizeBytes: size,
        };
      });
    });
    parser.on('filesLimit', () => {
      failure ??= 'TOO_MANY_FILES';
    });
    parser.on('fieldsLimit', () => {
      failure ??= 'TOO_MANY_FIELDS';
    });
    parser.on('partsLimit', () => {
      failure ??= 'TOO_MANY_FIELDS';
    });
    parser.on('error', () => finish('MALFORMED_UPLOAD'));
    parser.on('close', () => {
      if (failure) return finish(failure);
      if (!file || file.sizeBytes === 0) return finish('NO_FILE');
      finish(file);
    });
    request.on('error', () => finish('MALFORMED_UPLOAD'));
    // A client that goes away mid-body: no parser event may follow, so settle here.
    request.on('close', () => {
      if (request.complete === false) finish('MALFORMED_UPLOAD');
    });
    request.pipe(parser);
  });
}
