import { createHash } from 'node:crypto';

/**
 * A Message-ID that depends only on the outbox key: if a crash makes us hand the same notice to
 * SMTP twice, receivers (and our tests) can still recognise it as one message.
 */
export function messageIdFor(idempotencyKey: string, domain = 'konvergensi.local'): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}
