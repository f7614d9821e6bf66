import { HttpException, HttpStatus } from '@nestjs/common';

/** The body of every error response: a stable English code and a message in Bahasa Indonesia. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details?: unknown) {
    super({ code, message, ...(details === undefined ? {} : { details }) } satisfies ApiErrorBody, status);
  }
}

/** 503 while the Temporal server cannot be reached: the request changed nothing and may be retried. */
export function workflowUnavailable(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'WORKFLOW_UNAVAILABLE',
    'Mesin alur kerja sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
  );
}

/** 503 while PostgreSQL cannot be reached or dropped the connection: nothing was committed. */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DATABASE_UNAVAILABLE',
    'Basis data sedang tidak dapat dihubungi. Tidak ada perubahan yang tersimpan; coba lagi sebentar lagi.',
  );
}
