import { HttpStatus } from '@nestjs/common';
import { ApiError } from './api-error';
import type { UploadFailure } from './multipart-upload';

interface Refusal {
  status: HttpStatus;
  message: (limit: string) => string;
}

const refusals: Record<UploadFailure, Refusal> = {
  NOT_MULTIPART: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message: () => 'Unggahan harus berupa multipart/form-data dengan kolom "file".',
  },
  NO_FILE: { status: HttpStatus.BAD_REQUEST, message: () => 'Tidak ada berkas pada kolom "file".' },
  TOO_MANY_FILES: { status: HttpStatus.BAD_REQUEST, message: () => 'Unggah satu berkas per permintaan.' },
  TOO_MANY_FIELDS: {
    status: HttpStatus.BAD_REQUEST,
    message: () => 'Unggahan memuat terlalu banyak kolom. Kirim hanya kolom "file".',
  },
  FILE_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, message: (limit) => `Berkas melebihi batas ${limit}.` },
  UNSUPPORTED_FILE_TYPE: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message: () => 'Jenis berkas tidak didukung. Gunakan PDF, DOCX, XLSX, JPG atau PNG.',
  },
  MALFORMED_UPLOAD: {
    status: HttpStatus.BAD_REQUEST,
    message: () => 'Unggahan tidak dapat dibaca (terpotong atau rusak). Silakan unggah ulang.',
  },
};

/** "20 MB" for 20 * 1024 * 1024. */
function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
}

/** The 4xx answer for a refused upload: a stable code and a message in Bahasa Indonesia. */
export function uploadRefusal(reason: UploadFailure, maxBytes: number): ApiError {
  const { status, message } = refusals[reason];
  return new ApiError(status, reason, message(megabytes(maxBytes)));
}
