import {
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { IdempotencyKeyRecord } from '@konvergensi/persistence';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../tokens';
import type { ReplayMarked } from './idempotent-replay';
import { requestFingerprint } from './request-fingerprint';

const commands = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The format requireIdempotencyKey accepts; anything else is refused by the command itself.
const wellFormedKey = /^[A-Za-z0-9._:-]{8,128}$/;

const keyReused = () =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'IDEMPOTENCY_KEY_REUSED',
    'Idempotency-Key ini sudah dipakai untuk permintaan lain. Buat kunci baru untuk setiap tindakan baru.',
  );

/**
 * Every command that carries an Idempotency-Key: the same key again with the same request passes
 * on (the command answers as the first time; a creating command learns it is a repeat through
 * `@IdempotentReplay()` and answers what it created), the same key with another method, path or body is
 * refused with 422 IDEMPOTENCY_KEY_REUSED instead of being silently taken as the first. The
 * request is recorded only when the command succeeded, so a refused request writes nothing; two
 * racing requests with one key and different bodies are caught when the second records (the
 * command's own key, e.g. a Temporal Update id, made sure the work ran once).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !wellFormedKey.test(key) || !commands.has(request.method) || !request.principal) {
      return next.handle();
    }
    const scope = request.principal.userId;
    const requestHash = requestFingerprint(request.method, request.originalUrl, request.body);
    const earlier = await this.dataSource.getRepository(IdempotencyKeyRecord).findOneBy({ scope, key });
    if (earlier && earlier.requestHash !== requestHash) throw keyReused();
    if (earlier) (request as ReplayMarked).idempotentReplay = true;
    return next
      .handle()
      .pipe(
        mergeMap((answer) => from(earlier ? Promise.resolve(answer) : this.record(scope, key, requestHash, answer))),
      );
  }

  private async record<T>(scope: string, key: string, requestHash: string, answer: T): Promise<T> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKeyRecord)
      .values({ scope, key, requestHash })
      .orIgnore()
      .returning(['key'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      const first = await this.dataSource.getRepository(IdempotencyKeyRecord).findOneBy({ scope, key });
      if (first && first.requestHash !== requestHash) throw keyReused();
    }
    return answer;
  }
}
