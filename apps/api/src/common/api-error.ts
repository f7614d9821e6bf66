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
