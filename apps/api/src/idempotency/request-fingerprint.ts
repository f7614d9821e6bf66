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

/**
 * A UUID that the same parts always give (the bits of a SHA-256, shaped as a version-4-like
 * UUID): the id of a record created by a command with an Idempotency-Key, so that a retried
 * request finds the record of its first attempt instead of creating a second.
 */
export function deterministicUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
