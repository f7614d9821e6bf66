import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { AppConfig } from '@konvergensi/config';
import { createServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Answers of Node's HTTP parser, which Express never sees, as `{ code, message }` in Bahasa Indonesia. */
const clientErrorAnswers: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'REQUEST_TIMEOUT',
    message: 'Permintaan atau unggahan tidak selesai dikirim dalam batas waktu. Periksa koneksi lalu coba lagi.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'HEADERS_TOO_LARGE',
    message: 'Header permintaan terlalu besar.',
  },
};
const malformedRequest = {
  status: 400,
  reason: 'Bad Request',
  code: 'MALFORMED_REQUEST',
  message: 'Permintaan HTTP tidak dapat dibaca (rusak atau terpotong).',
};

/**
 * A malformed request (bad chunked encoding, header overflow) or one not received in time never
 * reaches Express; Node's default answer has no body. This writes the same answer with a
 * `{ code, message }` body and the headers every API answer carries, when nothing of a response
 * has been written to the socket yet; otherwise (or when the socket is gone) it only closes it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = (error.code && clientErrorAnswers[error.code]) || malformedRequest;
  const body = JSON.stringify({ code: answer.code, message: answer.message });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
      body,
  );
  // A client that trickles on must not hold the socket after the answer.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * Express on a Node HTTP server with bounds on how long a client may take: the request head
 * within HTTP_HEADERS_TIMEOUT_MS, the whole request (an upload included) within
 * HTTP_REQUEST_TIMEOUT_MS, checked every second (Node's default check runs every 30 s). A client
 * that trickles bytes is answered 408 REQUEST_TIMEOUT and disconnected.
 */
export class BoundedExpressAdapter extends ExpressAdapter {
  constructor(private readonly config: AppConfig) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections || options?.return503OnClosing) {
      throw new Error('BoundedExpressAdapter serves plain HTTP only (TLS ends at the reverse proxy)');
    }
    const server = createServer(
      {
        headersTimeout: this.config.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeout: this.config.HTTP_REQUEST_TIMEOUT_MS,
        connectionsCheckingInterval: Math.min(1000, this.config.HTTP_HEADERS_TIMEOUT_MS),
      },
      this.getInstance(),
    );
    server.on('clientError', answerClientError);
    this.setHttpServer(server);
  }
}
