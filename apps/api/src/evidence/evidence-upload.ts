import type { Readable } from 'node:stream';
import { receiveMultipartFile, UploadError, type ReceivedFile } from '../common/multipart-upload';

/** The file types the guide's deliverables come in, identified by content, not by name. */
export const allowedEvidenceTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export interface ReceivedEvidence extends ReceivedFile {
  mediaType: string;
  extension: string;
}

/**
 * One evidence or document file from a multipart request (`receiveMultipartFile`), past the
 * malware scan (`scan` throws its refusal; it sees every file, whatever its type), then typed by
 * its bytes with `file-type` (a maintained magic-number library that tells docx from xlsx inside
 * the zip container); anything else is refused as UNSUPPORTED_FILE_TYPE whatever its name says.
 */
export async function receiveEvidence(
  request: Readable & { headers: Record<string, string | string[] | undefined> },
  maxBytes: number,
  scan: (content: Buffer) => Promise<void>,
): Promise<ReceivedEvidence> {
  const received = await receiveMultipartFile(request, { maxBytes });
  await scan(received.content);
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(received.content);
  const mediaType = detected ? allowedEvidenceTypes[detected.ext] : undefined;
  if (!detected || !mediaType) throw new UploadError('UNSUPPORTED_FILE_TYPE');
  return { ...received, mediaType, extension: detected.ext };
}
