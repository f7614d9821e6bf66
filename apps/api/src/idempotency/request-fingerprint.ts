import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';

/**
 * What an Idempotency-Key stands for: the SHA-256 of the method, the path (without the query) and
 * the body with its keys in a stable order, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const path = url.split('?')[0] ?? url;
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${stableStringify(body ?? null)}`)
    .digest('hex');
}
