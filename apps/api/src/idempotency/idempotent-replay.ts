import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Set by IdempotencyInterceptor on a request that repeats an earlier successful one, key and body alike. */
export interface ReplayMarked {
  idempotentReplay?: boolean;
}

/**
 * True when this request repeats, with the same Idempotency-Key and body, a command that already
 * succeeded: a creating command then answers what it created instead of "already exists".
 */
export const IdempotentReplay = createParamDecorator(
  (_data: unknown, context: ExecutionContext): boolean =>
    context.switchToHttp().getRequest<ReplayMarked>().idempotentReplay === true,
);
