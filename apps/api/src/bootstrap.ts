import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@konvergensi/config';
import { nestLoggerFor, type Logger } from '@konvergensi/logging';
import { json, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { AppModule } from './app.module';
import { ApiErrorFilter } from './common/error.filter';
import { BoundedExpressAdapter } from './common/http-server';
import { refuseHostileJson, refuseInvalidUtf8 } from './common/json-guards';
import { createValidationPipe } from './common/validation';
import type { Server as HttpServer } from 'node:http';

/** The built web app, served by the API (apps/web/dist next to apps/api/dist). */
function webDistDir(config: AppConfig): string {
  return config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : join(__dirname, '..', '..', 'web', 'dist');
}

/** A one-time secret that travels in a query string: the password reset link's `token`. */
const secretQueryParameter = /([?&]token=)[^&#]*/gi;
const hidden = '[disembunyikan]';

/**
 * The access log's view of a request (pino's standard fields), minus query secrets: a reset link
 * opened in the browser is a GET of `/atur-ulang-kata-sandi?token=…`, and whoever reads the logs
 * must not be able to use it.
 */
function withoutQuerySecrets<T extends { url?: unknown; query?: unknown }>(request: T): T {
  if (typeof request.url === 'string') request.url = request.url.replace(secretQueryParameter, `$1${hidden}`);
  if (typeof request.query === 'object' && request.query !== null && 'token' in request.query)
    request.query = { ...request.query, token: hidden };
  return request;
}

/** Builds the HTTP application without listening, so tests and main.ts share one wiring. */
export async function createApiApplication(config: AppConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, logger),
    new BoundedExpressAdapter(config),
    { logger: nestLoggerFor(logger), bodyParser: false },
  );
  // A client that goes silent (a phone that lost its network mid-upload) must not hold a socket
  // until the request timeout: silence closes it; one that trickles on meets HTTP_REQUEST_TIMEOUT_MS.
  (app.getHttpServer() as HttpServer).setTimeout(config.SOCKET_IDLE_TIMEOUT_MS);
  // Behind the TLS-terminating reverse proxy the client address (login rate limit, access log)
  // comes from X-Forwarded-For, read only from the proxies named in TRUST_PROXY.
  if (config.TRUST_PROXY) {
    const trusted = config.TRUST_PROXY;
    app.set('trust proxy', /^\d+$/.test(trusted) ? Number(trusted) : trusted.split(',').map((part) => part.trim()));
  }
  // Headers and the access log come first: a body the parser refuses (malformed, too large) is
  // answered from inside the parser, and that answer must carry them too.
  // Security headers with helmet's defaults (CSP script-src 'self': no inline script anywhere).
  app.use(helmet());
  // API answers carry personal data (AKS identities, names, addresses of officers): no browser or
  // proxy cache may keep them. Static assets of the web app stay cacheable.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // CORS stays closed: the web app is served from the same origin.
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      serializers: { req: withoutQuerySecrets },
    }),
  );
  // express.json itself rather than useBodyParser: Nest reserves `verify` for its raw-body option,
  // which this app does not use, and the UTF-8 check needs it.
  app.use(json({ limit: '1mb', reviver: refuseHostileJson, verify: refuseInvalidUtf8 }));
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter(logger));
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('konvergensi API')
      .setDescription(
        'Aksi konvergensi percepatan penurunan stunting: tugas, siklus tahunan, AKS dan laporan semester.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webDir = webDistDir(config);
  if (existsSync(join(webDir, 'index.html'))) {
    app.useStaticAssets(webDir, { index: false });
    // Client-side routes of the single-page app all answer with index.html.
    app.use((request: Request, response: Response, next: NextFunction) => {
      const isAppRoute =
        request.method === 'GET' && !request.path.startsWith('/api/') && !request.path.startsWith('/dev/');
      if (!isAppRoute) return next();
      response.sendFile(join(webDir, 'index.html'));
    });
  }
  return app;
}
