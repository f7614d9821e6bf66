import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** The file types the guide's deliverables come in, identified by content, not by name. */
export const allowedEvidenceTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export type UploadFailure =
  'NOT_MULTIPART' | 'NO_FILE' | 'TOO_MANY_FILES' | 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE_TYPE' | 'MALFORMED_UPLOAD';

export class EvidenceUploadError extends Error {
  constructor(readonly reason: UploadFailure) {
    super(reason);
  }
}

export interface ReceivedEvidence {
  originalName: string;
  content: Buffer;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  extension: string;
}

/**
 * Streams one multipart file (field `file`) from the request, hashing as it goes and stopping at
 * `maxBytes`, then identifies its type from the bytes with `file-type` (a maintained magic-number
 * library that tells docx from xlsx inside the zip container).
 */
export async function receiveEvidence(
  request: Readable & { headers: Record<string, string | string[] | undefined> },
  maxBytes: number,
): Promise<ReceivedEvidence> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) throw new EvidenceUploadError('NOT_MULTIPART');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers as Record<string, string>,
      limits: { files: 1, fileSize: maxBytes, fields: 10 },
    });
  } catch {
    throw new EvidenceUploadError('MALFORMED_UPLOAD');
  }
  const received = await new Promise<Omit<ReceivedEvidence, 'mediaType' | 'extension'>>((resolve, reject) => {
    let file: Omit<ReceivedEvidence, 'mediaType' | 'extension'> | undefined;
    let failure: UploadFailure | undefined;
    let filesSeen = 0;
    parser.on('file', (field, stream, info) => {
      filesSeen += 1;
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
        file = {
          originalName: info.filename || 'berkas',
          content: Buffer.concat(chunks),
          sha256: hash.digest('hex'),
          sizeBytes: size,
        };
      });
    });
    parser.on('filesLimit', () => {
      failure ??= 'TOO_MANY_FILES';
    });
    parser.on('error', () => reject(new EvidenceUploadError('MALFORMED_UPLOAD')));
    parser.on('close', () => {
      if (failure) return reject(new EvidenceUploadError(failure));
      if (!file || file.sizeBytes === 0) return reject(new EvidenceUploadError('NO_FILE'));
      resolve(file);
    });
    request.on('error', () => reject(new EvidenceUploadError('MALFORMED_UPLOAD')));
    request.pipe(parser);
  });
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(received.content);
  const mediaType = detected ? allowedEvidenceTypes[detected.ext] : undefined;
  if (!detected || !mediaType) throw new EvidenceUploadError('UNSUPPORTED_FILE_TYPE');
  return { ...received, mediaType, extension: detected.ext };
}
