import type { ApiBodyOptions } from '@nestjs/swagger';
import type { MalwareScanner } from './malware-scanner.service';
import { receiveMultipartFile, UploadError, type ReceivedFile } from './multipart-upload';
import { uploadRefusal } from './upload-refusal';

/** The OpenAPI body of an endpoint that takes one file as multipart/form-data field `file`. */
export const multipartFileBody: ApiBodyOptions = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};

/**
 * The one file of a multipart request, checked by the malware scanner; a refused upload becomes
 * its 4xx answer (too large, not multipart, several files…), a scanner's verdict passes through.
 */
export async function receiveScannedFile(
  request: Parameters<typeof receiveMultipartFile>[0],
  scanner: MalwareScanner,
  maxBytes: number,
): Promise<ReceivedFile> {
  try {
    const file = await receiveMultipartFile(request, { maxBytes });
    await scanner.check(file.content);
    return file;
  } catch (error) {
    if (error instanceof UploadError) throw uploadRefusal(error.reason, maxBytes);
    throw error;
  }
}
