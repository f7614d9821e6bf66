import busboy from 'busboy';
import type { Readable } from 'node:stream';

export type CsvUploadFailure = 'NOT_MULTIPART' | 'NO_FILE' | 'TOO_MANY_FILES' | 'FILE_TOO_LARGE' | 'MALFORMED_UPLOAD';

export class CsvUploadError extends Error {
  constructor(readonly reason: CsvUploadFailure) {
    super(reason);
  }
}

export const csvUploadMessages: Record<CsvUploadFailure, string> = {
  NOT_MULTIPART: 'Unggahan harus berupa multipart/form-data dengan kolom "file".',
  NO_FILE: 'Tidak ada berkas CSV pada kolom "file".',
  TOO_MANY_FILES: 'Unggah satu berkas CSV per permintaan.',
  FILE_TOO_LARGE: 'Berkas CSV melebihi batas 2 MB.',
  MALFORMED_UPLOAD: 'Unggahan tidak dapat dibaca.',
};

/** Reads one multipart file (field `file`) into memory, refusing more than `maxBytes`. */
export function receiveCsv(
  request: Readable & { headers: Record<string, string | string[] | undefined> },
  maxBytes: number,
): Promise<Buffer> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) return Promise.reject(new CsvUploadError('NOT_MULTIPART'));
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers as Record<string, string>, limits: { files: 1, fileSize: maxBytes } });
  } catch {
    return Promise.reject(new CsvUploadError('MALFORMED_UPLOAD'));
  }
  return new Promise<Buffer>((resolve, reject) => {
    let content: Buffer | undefined;
    let failure: CsvUploadFailure | undefined;
    parser.on('file', (field, stream) => {
      if (field !== 'file') {
        failure ??= 'NO_FILE';
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = 'FILE_TOO_LARGE';
      });
      stream.on('end', () => {
        content = Buffer.concat(chunks);
      });
    });
    parser.on('filesLimit', () => {
      failure ??= 'TOO_MANY_FILES';
    });
    parser.on('error', () => reject(new CsvUploadError('MALFORMED_UPLOAD')));
    parser.on('close', () => {
      if (failure) return reject(new CsvUploadError(failure));
      if (!content || content.length === 0) return reject(new CsvUploadError('NO_FILE'));
      resolve(content);
    });
    request.on('error', () => reject(new CsvUploadError('MALFORMED_UPLOAD')));
    request.pipe(parser);
  });
}
