import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@konvergensi/logging';
import type { Response } from 'express';
import { databaseUnavailable, workflowUnavailable, type ApiErrorBody } from './api-error';
import { isDatabaseUnavailable } from './database-errors';
import { isWorkflowServiceUnavailable } from './temporal-errors';

/** Indonesian wording for the HTTP errors that Nest or Express raise before our code runs. */
const messagesByStatus: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Permintaan tidak valid.' },
  401: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' },
  403: { code: 'FORBIDDEN', message: 'Anda tidak memiliki akses untuk tindakan ini.' },
  404: { code: 'NOT_FOUND', message: 'Data atau alamat yang diminta tidak ditemukan.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Metode permintaan tidak didukung.' },
  409: { code: 'CONFLICT', message: 'Permintaan bertentangan dengan keadaan data saat ini.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Ukuran data yang dikirim terlalu besar.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Jenis konten tidak didukung.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak permintaan. Coba lagi nanti.' },
  501: { code: 'NOT_IMPLEMENTED', message: 'Fitur ini belum tersedia.' },
  503: { code: 'SERVICE_UNAVAILABLE', message: 'Layanan sedang tidak tersedia.' },
};

/**
 * Every error leaves as `{ code, message }`. Errors of body parsing (malformed JSON, oversize
 * bodies) arrive from Express as plain errors with a `status`; they are 4xx, never 500.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) {
      this.logger.error({ err: exception }, 'request failed');
    }
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isApiErrorBody(payload)) return { status, body: payload };
      if (isMalformedJson(exception.cause)) return { status, body: malformedBody(exception.cause) };
      return { status, body: this.fallback(status) };
    }
    // An outage of a service behind the API is not the request's fault and not a bug: 503, retry.
    if (isDatabaseUnavailable(exception)) return unavailable(databaseUnavailable());
    if (isWorkflowServiceUnavailable(exception)) return unavailable(workflowUnavailable());
    const status = httpStatusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      if (isMalformedJson(exception)) return { status, body: malformedBody(exception) };
      return { status, body: this.fallback(status) };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'INTERNAL_ERROR', message: 'Terjadi kesalahan pada server. Silakan coba lagi.' },
    };
  }

  private fallback(status: number): ApiErrorBody {
    return messagesByStatus[status] ?? { code: `HTTP_${status}`, message: 'Permintaan tidak dapat diproses.' };
  }
}

function unavailable(error: HttpException): { status: number; body: ApiErrorBody } {
  return { status: error.getStatus(), body: error.getResponse() as ApiErrorBody };
}

const malformedJson: ApiErrorBody = { code: 'MALFORMED_JSON', message: 'Isi permintaan bukan JSON yang valid.' };
const unstorableText: ApiErrorBody = {
  code: 'UNSTORABLE_TEXT',
  message: 'Isi permintaan memuat karakter yang tidak dapat disimpan (karakter NUL atau surrogate tunggal).',
};

const invalidUtf8: ApiErrorBody = {
  code: 'INVALID_UTF8',
  message: 'Isi permintaan bukan teks UTF-8 yang valid. Simpan ulang data sebagai UTF-8 lalu kirim kembali.',
};

/** bootstrap.ts names unstorable characters and broken UTF-8; everything else is malformed. */
function malformedBody(error: unknown): ApiErrorBody {
  if (error instanceof Error && error.message.includes('NUL byte')) return unstorableText;
  if (error instanceof Error && error.message.includes('not valid UTF-8')) return invalidUtf8;
  return malformedJson;
}

/** body-parser marks a body it could not parse with type `entity.parse.failed`. */
function isMalformedJson(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.parse.failed';
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).message === 'string'
  );
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
